package org.guanxi.core.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.guanxi.core.service.OrderImportService.Problem;

/**
 * Imports customers from CSV files (UTF-8, with or without BOM; comma, semicolon or tab separated) or Excel
 * workbooks (.xlsx, the first sheet; dates and numbers as Excel shows them) in two steps: a
 * preview that proposes which column goes to which field, then the import with the mapping the user confirmed.
 * Every line is validated and checked for duplicates (customer code, phone, e-mail, member card, tax and ID number,
 * against the database and within the file) before anything is written: a file with a bad line imports nothing
 * unless duplicates are to be skipped, and then the report lists each skipped line.
 */
public interface CustomerImportService {

    /** The fields a column can be mapped to. */
    enum Field {
        CODE, KIND, NAME, PHONE, EMAIL, MEMBER_CARD, TAX_ID, ID_NUMBER, CITY, BIRTHDAY, SOURCE, OWNER, NOTES,
        CONSENT_EMAIL, CONSENT_SMS, CONSENT_PHONE
    }

    /** The header, the proposed mapping (column index to field) and the first rows of a file. */
    record Preview(String file, List<String> headers, Map<Integer, Field> mapping, List<List<String>> rows) {
    }

    /**
     * What an import did. {@code problems} are the bad lines; when there are any (other than skipped duplicates),
     * {@code imported} is 0.
     */
    record Report(String file, int lines, int imported, int duplicatesSkipped, List<Problem> problems, long millis) {

        public boolean ok() {
            return imported > 0 || problems.isEmpty();
        }
    }

    Preview preview(Path file, int rows);

    /**
     * @param mapping          column index to field; NAME must be mapped
     * @param skipDuplicates   import the other lines when some duplicate an existing customer or an earlier line
     * @param progress         share done in per mille
     */
    Report importCustomers(Path file, Map<Integer, Field> mapping, boolean skipDuplicates, IntConsumer progress);
}
