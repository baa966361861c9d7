package org.guanxi.customer;

import static org.guanxi.core.service.Checks.email;
import static org.guanxi.core.service.Checks.maxLength;
import static org.guanxi.core.service.Checks.phone;
import static org.guanxi.core.service.Checks.required;

import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Address;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.ContactPointKind;
import org.guanxi.core.model.KeyDate;
import org.guanxi.core.model.Customer;
import org.guanxi.core.service.FieldError;

/** The rules a customer must meet before it is stored; plain Java so it is easy to read and test. */
public final class CustomerValidator {


    private CustomerValidator() {
    }

    public static List<FieldError> validate(Customer c) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "name", c.getName(), 200);
        maxLength(errors, "code", c.getCode(), 32);
        maxLength(errors, "memberCard", c.getMemberCard(), 40);
        maxLength(errors, "taxId", c.getTaxId(), 40);
        maxLength(errors, "city", c.getCity(), 100);
        // every text must fit its column whole: an import reports the line, never a database error
        maxLength(errors, "source", c.getSource(), 40);
        maxLength(errors, "owner", c.getOwner(), 64);
        maxLength(errors, "notes", c.getNotes(), 2000);
        maxLength(errors, "phone", c.getPhone(), 40);
        maxLength(errors, "email", c.getEmail(), 200);
        phone(errors, "phone", c.getPhone());
        email(errors, "email", c.getEmail());
        if (c.getKind() == null) {
            errors.add(new FieldError("kind", "error.required"));
        }
        if (c.getBirthday() != null && c.getBirthday().isAfter(AppClock.today())) {
            errors.add(new FieldError("birthday", "error.birthdayFuture"));
        }
        idNumber(errors, c.getIdNumber());
        if (c.getCategorySpend() != null && c.getCategorySpend().signum() <= 0) {
            errors.add(new FieldError("categorySpend", "error.positive"));
        }
        int row = 1;
        for (ContactPoint p : c.getContactPoints()) {
            required(errors, "point." + row + ".value", p.getValue(), 200);
            if (p.getKind() == null) {
                errors.add(new FieldError("point." + row + ".kind", "error.required"));
            } else if (p.getKind().isPhone()) {
                phone(errors, "point." + row + ".value", p.getValue());
            } else if (p.getKind() == ContactPointKind.EMAIL) {
                email(errors, "point." + row + ".value", p.getValue());
            }
            row++;
        }
        row = 1;
        for (KeyDate d : c.getKeyDates()) {
            if (d.getDay() == null) {
                errors.add(new FieldError("date." + row + ".day", "error.required"));
            }
            row++;
        }
        row = 1;
        for (Contact contact : c.getContacts()) {
            required(errors, "contact." + row + ".name", contact.getName(), 200);
            phone(errors, "contact." + row + ".phone", contact.getPhone());
            email(errors, "contact." + row + ".email", contact.getEmail());
            if (contact.getInfluence() != null && (contact.getInfluence() < 1 || contact.getInfluence() > 5)) {
                errors.add(new FieldError("contact." + row + ".influence", "error.influence"));
            }
            row++;
        }
        row = 1;
        for (Address a : c.getAddresses()) {
            required(errors, "address." + row + ".street", a.getStreet(), 300);
            row++;
        }
        return errors;
    }

    /**
     * A mainland resident ID number (GB 11643): 17 digits and a check character computed from them, so that a
     * mistyped digit is caught when it is entered. Other formats (passports, Hong Kong ids) are only length-checked.
     */
    static void idNumber(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        maxLength(errors, "idNumber", v, 40);
        if (v.matches("\\d{17}[0-9X]") && v.charAt(17) != idCheckCharacter(v)) {
            errors.add(new FieldError("idNumber", "error.idNumber"));
        }
    }

    static char idCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        return "10X98765432".charAt(sum % 11);
    }
}
