-- V16: IX_INVENTORY_SKU (SKU, UPDATED_AT) duplicated what UQ_INVENTORY (SKU, WAREHOUSE) already gives the stock
-- check (the rows of one SKU; their on-hand figures come from the table either way) and cost every SCM row one more
-- index change.

DROP INDEX IX_INVENTORY_SKU;
