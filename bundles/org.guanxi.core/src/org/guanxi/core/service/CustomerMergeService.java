package org.guanxi.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a duplicate customer into the one that stays. Every row that refers to the duplicate (orders, invoices,
 * contacts, addresses, phones, key dates, interactions, tasks, and whatever later modules add with a foreign key)
 * is re-pointed to the survivor; the duplicate's master data is kept in the merge record, and phones and e-mails that
 * lose their place stay as further contact points. Until it is confirmed, a merge can be undone: the duplicate comes
 * back with its own rows.
 */
public interface CustomerMergeService {

    /** Master-data fields a user picks from one side or the other. */
    List<String> FIELDS = List.of("name", "phone", "email", "memberCard", "taxId", "idNumber", "city", "birthday", "source",
            "owner", "notes");

    enum State {
        PENDING, CONFIRMED, UNDONE
    }

    /**
     * A merge as recorded: the rows re-pointed per table, e.g. {@code SALES_ORDER → 12}, and the rows set aside because
     * the survivor already had one like it (the same care task on the same day, an account plan); those are kept in the
     * merge record and come back with an undo.
     */
    record Merge(long id, long survivorId, long mergedId, String mergedCode, String mergedName, State state, Instant mergedAt,
            String user, Map<String, Integer> moved, Map<String, Integer> setAside) {
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}; the fields named in {@code takeFromMerged} get the duplicate's
     * value. Both versions must be the ones the user saw.
     *
     * @throws ConflictException when either customer was changed since it was read
     */
    Merge merge(long survivorId, long survivorVersion, long mergedId, long mergedVersion, Set<String> takeFromMerged);

    /**
     * Puts everything back as it was before the merge.
     *
     * @throws ConflictException when the survivor was edited after the merge, or the merge is no longer pending
     */
    void undo(long mergeId);

    /** Makes the merge final; it can no longer be undone. */
    void confirm(long mergeId);

    /** Merges not yet confirmed or undone, newest first. */
    List<Merge> pending();
}
