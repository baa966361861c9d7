package org.guanxi.customer;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guanxi.core.Masking;
import org.guanxi.core.Masking.Kind;
import org.guanxi.core.model.Address;
import org.guanxi.core.model.BaseEntity;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.Customer;
import org.guanxi.core.service.Customer360Service.Hit;
import org.guanxi.core.service.CustomerRow;

/**
 * A customer as people without {@code PERSONAL_DATA} see it: phones, e-mail addresses, ID and tax numbers and streets
 * masked, in the customer, its contacts, further contact points and addresses; and, when such a person saves the form
 * they were shown, the values held put back where the form still holds their masks.
 */
public final class CustomerMasking {

    private CustomerMasking() {
    }

    public static CustomerRow mask(CustomerRow r) {
        return new CustomerRow(r.id(), r.code(), r.kind(), r.name(), Masking.mask(Kind.PHONE, r.phone()),
                Masking.mask(Kind.EMAIL, r.email()), r.memberCard(), r.city());
    }

    /** A screen pop's hit: its phone, and the matching value when that is a phone or an e-mail address. */
    public static Hit mask(Hit h) {
        String matched = switch (h.match()) {
            case PHONE, OTHER_PHONE -> Masking.mask(Kind.PHONE, h.matched());
            case EMAIL -> Masking.mask(Kind.EMAIL, h.matched());
            default -> h.matched();
        };
        return new Hit(h.customerId(), h.code(), h.name(), Masking.mask(Kind.PHONE, h.phone()), h.city(), h.match(), matched);
    }

    /** Masks the (detached) customer in place. */
    static Customer mask(Customer c) {
        c.setPhone(Masking.mask(Kind.PHONE, c.getPhone()));
        c.setEmail(Masking.mask(Kind.EMAIL, c.getEmail()));
        c.setIdNumber(Masking.mask(Kind.NUMBER, c.getIdNumber()));
        c.setTaxId(Masking.mask(Kind.NUMBER, c.getTaxId()));
        for (Contact k : c.getContacts()) {
            k.setPhone(Masking.mask(Kind.PHONE, k.getPhone()));
            k.setEmail(Masking.mask(Kind.EMAIL, k.getEmail()));
        }
        for (ContactPoint p : c.getContactPoints()) {
            p.setValue(Masking.mask(kind(p), p.getValue()));
        }
        for (Address a : c.getAddresses()) {
            a.setStreet(Masking.mask(Kind.ADDRESS, a.getStreet()));
        }
        return c;
    }

    /** Puts the held values back into {@code input} wherever it still holds their masks. */
    static void unmask(Customer input, Customer held) {
        input.setPhone(Masking.unmask(Kind.PHONE, input.getPhone(), held.getPhone()));
        input.setEmail(Masking.unmask(Kind.EMAIL, input.getEmail(), held.getEmail()));
        input.setIdNumber(Masking.unmask(Kind.NUMBER, input.getIdNumber(), held.getIdNumber()));
        input.setTaxId(Masking.unmask(Kind.NUMBER, input.getTaxId(), held.getTaxId()));
        children(input.getContacts(), held.getContacts(), (in, h) -> {
            in.setPhone(Masking.unmask(Kind.PHONE, in.getPhone(), h.getPhone()));
            in.setEmail(Masking.unmask(Kind.EMAIL, in.getEmail(), h.getEmail()));
        });
        children(input.getContactPoints(), held.getContactPoints(),
                (in, h) -> in.setValue(Masking.unmask(kind(h), in.getValue(), h.getValue())));
        children(input.getAddresses(), held.getAddresses(),
                (in, h) -> in.setStreet(Masking.unmask(Kind.ADDRESS, in.getStreet(), h.getStreet())));
    }

    private static <T extends BaseEntity> void children(List<T> input, List<T> held, BiConsumer<T, T> unmask) {
        Map<Long, T> byId = held.stream().collect(Collectors.toMap(BaseEntity::getId, Function.identity()));
        for (T in : input) {
            T h = in.getId() == null ? null : byId.get(in.getId());
            if (h != null) {
                unmask.accept(in, h);
            }
        }
    }

    private static Kind kind(ContactPoint p) {
        return p.getKind() == null ? Kind.NUMBER : p.getKind().isPhone() ? Kind.PHONE
                : p.getKind() == org.guanxi.core.model.ContactPointKind.EMAIL ? Kind.EMAIL : Kind.NUMBER;
    }
}
