package org.guanxi.sales.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.core.service.OrderImportService;

/**
 * Imports sales leads (from an exhibition, a web form, a bought list) from CSV or Excel files in two steps, like
 * customers: a preview proposing a field per column, then the import with the confirmed mapping. Each line is checked
 * by the rules of the lead editor and scored; duplicates of customers, of stored leads and of earlier lines (same
 * phone or e-mail, or same name) are reported. A file with a bad line imports nothing; duplicates either stop the
 * import too or, when they are to be skipped, are listed and left out.
 */
public interface LeadImportService {

    /** The fields a column can be mapped to; PERSON or COMPANY must be mapped. */
    enum Field {
        PERSON, COMPANY, PHONE, EMAIL, CITY, SOURCE, SOURCE_DETAIL, OWNER, NEED, BUDGET, AUTHORITY, CREDIT, FIT,
        ESTIMATED_AMOUNT, CAMPAIGN, NOTES
    }

    record Preview(String file, List<String> headers, Map<Integer, Field> mapping, List<List<String>> rows) {
    }

    /**
     * What an import did: lines read, leads created (of which {@code qualified} scored as qualified), duplicates left
     * out, and the problems (bad lines, or the duplicates that were skipped).
     */
    record Report(String file, int lines, int imported, int qualified, int duplicatesSkipped, List<Problem> problems,
            long millis) {

        public boolean ok() {
            return imported > 0 || problems.isEmpty();
        }
    }

    Preview preview(Path file, int rows);

    Report importLeads(Path file, Map<Integer, Field> mapping, boolean skipDuplicates);
}
