-- V28: share of wallet (钱包份额). A customer's yearly spend in our categories with all suppliers, where known (from
-- the account plan, a survey or the customer's own word); our revenue of the last 12 months over it is our share.
ALTER TABLE CUSTOMER ADD COLUMN CATEGORY_SPEND DECIMAL(15, 2);
ALTER TABLE CUSTOMER ADD CONSTRAINT CK_CUSTOMER_CATEGORY_SPEND CHECK (CATEGORY_SPEND IS NULL OR CATEGORY_SPEND > 0);
