-- V5: the customer import checks ID numbers for duplicates, like the other identifying numbers.
CREATE INDEX IX_CUSTOMER_ID_NUMBER ON CUSTOMER (ID_NUMBER);
