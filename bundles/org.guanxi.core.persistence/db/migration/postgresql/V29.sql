-- V29: search by the last digits of a phone number (手机尾号), as fast as by its first: PHONE_TAIL is PHONE_KEY
-- reversed, so "the number ends in 8000" is the indexed prefix search "PHONE_TAIL LIKE '0008%'" (filled in Java).
ALTER TABLE CUSTOMER ADD COLUMN PHONE_TAIL VARCHAR(40) COLLATE "C";
CREATE INDEX IX_CUSTOMER_PHONE_TAIL ON CUSTOMER (PHONE_TAIL);
