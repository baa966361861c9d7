package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.guanxi.core.model.SearchKeys;
import org.junit.jupiter.api.Test;

class PhoneKeyTest {

    @Test
    void mobileNumbersWrittenAnyWayGiveTheSameKey() {
        for (String s : new String[] { "13800138000", "138-0013-8000", "+86 138 0013 8000", "0086 13800138000",
                "8613800138000", "(+86) 138-0013-8000", "１３８００１３８０００" }) {
            assertEquals("13800138000", SearchKeys.phoneKey(s), s);
        }
    }

    @Test
    void landlinesKeepTheirTrunkPrefix() {
        assertEquals("01065529988", SearchKeys.phoneKey("010-6552 9988"));
        assertEquals("01065529988", SearchKeys.phoneKey("+86 10 6552 9988"));
        assertEquals("075512345678", SearchKeys.phoneKey("+86-755-12345678"));
    }

    @Test
    void foreignNumbersKeepTheirCountryCodeAndTextWithoutDigitsHasNoKey() {
        assertEquals("442079460958", SearchKeys.phoneKey("+44 20 7946 0958"));
        assertNull(SearchKeys.phoneKey("n/a"));
        assertNull(SearchKeys.phoneKey(null));
    }
}
