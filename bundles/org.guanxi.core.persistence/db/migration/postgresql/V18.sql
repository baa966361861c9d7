-- V18: each relay asks first whether anything of its topics is pending at all, an index-only probe; without it a
-- relay with nothing to do (customers, while 2,000 orders wait) read every pending message on each poll. The due
-- query itself walks IX_OUTBOX_STATUS_ID in id order, so IX_OUTBOX_DUE is no longer read — and every change of a
-- message's status had to update it.

CREATE INDEX IX_OUTBOX_STATUS_TOPIC ON OUTBOX (STATUS, TOPIC);
DROP INDEX IX_OUTBOX_DUE;
