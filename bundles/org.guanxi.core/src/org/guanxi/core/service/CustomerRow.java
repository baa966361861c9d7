package org.guanxi.core.service;

import org.guanxi.core.model.PartyKind;

/** One line of the customer list: only what the list shows, read without loading entities. */
public record CustomerRow(long id, String code, PartyKind kind, String name, String phone, String email,
        String memberCard, String city) {
}
