package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.DeliveredValueService.Component;
import org.guanxi.core.service.DeliveredValueService.Line;
import org.guanxi.core.service.DeliveredValueService.Result;
import org.guanxi.core.service.DeliveredValueService.Scope;
import org.guanxi.core.service.DeliveredValueService.Sheet;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.DeliveredValueServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivered-value worksheet: weighted value minus weighted cost, for us and the competitor; stored per segment. */
class DeliveredValueTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private DeliveredValueServiceImpl service;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        service = new DeliveredValueServiceImpl(fx.db, fx.security, fx.audit);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** A VIP segment that values service and personnel; we are dearer but easier to deal with. */
    private static Map<Component, Line> vip() {
        Map<Component, Line> m = new EnumMap<>(Component.class);
        m.put(Component.PRODUCT, new Line(Component.PRODUCT, 40, 8, 8.0));
        m.put(Component.SERVICE, new Line(Component.SERVICE, 30, 9, 6.0));
        m.put(Component.PERSONNEL, new Line(Component.PERSONNEL, 20, 8, 7.0));
        m.put(Component.IMAGE, new Line(Component.IMAGE, 10, 7, 8.0));
        m.put(Component.MONEY, new Line(Component.MONEY, 50, 7, 5.0));
        m.put(Component.TIME, new Line(Component.TIME, 20, 3, 6.0));
        m.put(Component.ENERGY, new Line(Component.ENERGY, 20, 3, 6.0));
        m.put(Component.PSYCHOLOGICAL, new Line(Component.PSYCHOLOGICAL, 10, 2, 5.0));
        return m;
    }

    @Test
    void deliveredValueIsWeightedValueMinusWeightedCost() {
        Result r = service.compute(new Sheet(Scope.TIER, "VIP", "Rival Co.", null, vip(), 0));
        // ours: value .4·8 + .3·9 + .2·8 + .1·7 = 8.2; cost .5·7 + .2·3 + .2·3 + .1·2 = 4.9
        assertEquals(8.2, r.valueOurs(), 1e-9);
        assertEquals(4.9, r.costOurs(), 1e-9);
        assertEquals(3.3, r.deliveredOurs(), 1e-9);
        // theirs: value 3.2 + 1.8 + 1.4 + .8 = 7.2; cost 2.5 + 1.2 + 1.2 + .5 = 5.4
        assertEquals(1.8, r.deliveredTheirs(), 1e-9);
        assertEquals(1.5, r.advantage(), 1e-9);

        Map<Component, Line> unrated = vip();
        unrated.put(Component.IMAGE, new Line(Component.IMAGE, 10, 7, null));
        assertNull(service.compute(new Sheet(Scope.TIER, "VIP", null, null, unrated, 0)).advantage(), "competitor not fully rated");
    }

    @Test
    void worksheetsAreStoredPerSegmentAndChecked() {
        Sheet blank = service.sheet(Scope.TIER, "VIP");
        assertEquals(0, blank.version());
        assertEquals(List.of(), service.check(blank), "even weights are a valid start");
        Sheet saved = service.save(new Sheet(Scope.TIER, "VIP", "Rival Co.", "survey 2026", vip(), 0));
        assertEquals(1, saved.version());
        assertEquals(vip(), saved.lines());
        assertEquals("Rival Co.", saved.competitor());
        assertEquals(3.3, service.results(Scope.TIER).get("VIP").deliveredOurs(), 1e-9);
        assertThrows(ConflictException.class, () -> service.save(new Sheet(Scope.TIER, "VIP", null, null, vip(), 0)),
                "a second new worksheet for the same segment");

        Map<Component, Line> bad = vip();
        bad.put(Component.SERVICE, new Line(Component.SERVICE, 20, 11, null));
        ValidationException e = assertThrows(ValidationException.class, () -> service.save(new Sheet(Scope.TIER, "VIP", null, null,
                bad, saved.version())));
        assertEquals(List.of("sheet.valueWeights", "sheet.service"), e.getErrors().stream().map(FieldError::field).toList());
        assertEquals("Customer value: the weights add up to 90 instead of 100.", e.getErrors().get(0).message());
    }
}
