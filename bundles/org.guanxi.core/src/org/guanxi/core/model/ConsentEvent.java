package org.guanxi.core.model;

import java.time.Instant;

/**
 * One line of a person's consent ledger: a consent given or withdrawn, when, from where ({@link ConsentSource}) and
 * who recorded it (null when the person did it themselves, e.g. through an unsubscribe link); the note names the
 * campaign, the import file or the person's words.
 */
public record ConsentEvent(Instant at, Consent consent, boolean granted, ConsentSource source, String user, String note) {
}
