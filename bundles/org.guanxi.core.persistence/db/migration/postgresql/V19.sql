-- V19: an inventory level is the SCM's figure for one SKU in one warehouse, written only by SCM files and read by
-- that key. The key becomes the primary key, and the surrogate ID (nothing refers to it) and VERSION (nobody edits
-- a level) go: each new row of a file now updates one B-tree instead of two, which was the larger part of an
-- import's write time.

ALTER TABLE INVENTORY_LEVEL DROP CONSTRAINT UQ_INVENTORY;
ALTER TABLE INVENTORY_LEVEL DROP CONSTRAINT INVENTORY_LEVEL_PKEY;
ALTER TABLE INVENTORY_LEVEL DROP COLUMN ID;
ALTER TABLE INVENTORY_LEVEL DROP COLUMN VERSION;
ALTER TABLE INVENTORY_LEVEL ADD CONSTRAINT PK_INVENTORY_LEVEL PRIMARY KEY (SKU, WAREHOUSE);
