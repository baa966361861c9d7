-- V17: customers synchronised with the ERP's business partners — the partner's number and the ERP's version the
-- CRM last saw (the base of the CRM's next update, so that a change made in the ERP meanwhile is a conflict).

ALTER TABLE CUSTOMER ADD COLUMN ERP_PARTNER_NO VARCHAR(40) COLLATE "C";
ALTER TABLE CUSTOMER ADD COLUMN ERP_VERSION BIGINT;
