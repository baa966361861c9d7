package org.guanxi.customer.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.guanxi.core.model.PartyKind;
import org.guanxi.core.service.DataQualityService.Completeness;

/**
 * What complete master data means, as weights that add up to 100: what a back office needs to reach, recognise and
 * care for a person (phone, birthday, address) differs from what it needs for a company (tax ID, a contact person).
 */
public final class CompletenessRules {

    /** A field and its share of the score. */
    public record Weighted(String field, int weight) {
    }

    public static final List<Weighted> PERSON = List.of(new Weighted("name", 20), new Weighted("phone", 20),
            new Weighted("email", 10), new Weighted("address", 10), new Weighted("city", 10), new Weighted("birthday", 10),
            new Weighted("idNumber", 5), new Weighted("memberCard", 5), new Weighted("owner", 5), new Weighted("source", 5));

    public static final List<Weighted> ORGANISATION = List.of(new Weighted("name", 20), new Weighted("phone", 15),
            new Weighted("taxId", 15), new Weighted("email", 10), new Weighted("address", 10), new Weighted("city", 10),
            new Weighted("contact", 10), new Weighted("owner", 5), new Weighted("source", 5));

    private CompletenessRules() {
    }

    public static List<Weighted> rules(PartyKind kind) {
        return kind == PartyKind.ORGANISATION ? ORGANISATION : PERSON;
    }

    /** The score and the missing fields (heaviest first), given which fields are filled in. */
    public static Completeness score(PartyKind kind, Predicate<String> present) {
        int score = 0;
        List<String> missing = new ArrayList<>();
        for (Weighted w : rules(kind)) {
            if (present.test(w.field())) {
                score += w.weight();
            } else {
                missing.add(w.field());
            }
        }
        return new Completeness(score, missing);
    }
}
