package org.guanxi.marketing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringSubstitutor;
import org.guanxi.marketing.api.CampaignService;

/**
 * Merge fields in campaign templates: {@code ${name}} is replaced by the recipient's value, {@code $${name}} stays
 * literal. Substitution is Commons Text's; what it cannot do is tell a user which fields of a template are unknown
 * before anything is sent, hence {@link #unknownFields}.
 */
final class MergeTemplate {

    private static final Pattern FIELD = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

    private MergeTemplate() {
    }

    /** Fields used in {@code template} that are not merge fields, in order of first use. */
    static List<String> unknownFields(String template) {
        if (template == null) {
            return List.of();
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            if (!CampaignService.MERGE_FIELDS.contains(m.group(1).strip())) {
                unknown.add(m.group(1));
            }
        }
        return new ArrayList<>(unknown);
    }

    static boolean uses(String template, String field) {
        return template != null && template.contains("${" + field + "}");
    }

    /** The template with every merge field replaced; a missing value becomes empty rather than staying as a field. */
    static String render(String template, Map<String, String> values) {
        StringSubstitutor s = new StringSubstitutor(key -> values.getOrDefault(key.strip(), ""));
        s.setEnableSubstitutionInVariables(false);
        return s.replace(template == null ? "" : template);
    }
}
