package org.guanxi.core.service;

import java.nio.file.Path;

/**
 * Data leaving the product as files: lists on screen, the customer list, reports and analyses of the command line.
 * Each export needs {@link org.guanxi.core.model.Permission#DATA_EXPORT} and is recorded in the audit trail (who,
 * what, how many rows, which file), so that a leaked list can be traced to the export it came from.
 * <p>
 * On a team database this is the desktop's rule: a person who connects around it reads what the database lets their
 * role read (row-level security), and the database's own trail records what they change, not what they read.
 */
public interface ExportLog {

    /** The audit trail's entity of export records. */
    String ENTITY = "Export";

    /** Whether the person signed in may export (to offer the action or not). */
    boolean allowed();

    /** Refuses with a {@link PermissionDeniedException} unless the person signed in may export: call before writing. */
    void check();

    /** Records a written export: {@code what} was exported ({@code rows} rows) to {@code file}. */
    void record(String what, long rows, Path file);
}
