-- V31: campaigns and segments get their own permission, and marketing its own role: marketing staff define segments,
-- send campaigns and record their responses without touching the pipeline. Every role that could run campaigns
-- (through SALES_WRITE) keeps that right.
-- (Derby pads the literals of a VALUES list to the longest: RTRIM gives the permissions back their names)
INSERT INTO APP_ROLE (ID, VERSION, NAME) SELECT NEXT VALUE FOR GX_ID_SEQ, 1, 'MARKETING' FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM APP_ROLE WHERE NAME = 'MARKETING');
INSERT INTO ROLE_PERMISSION (ROLE_ID, PERMISSION)
  SELECT r.ID, RTRIM(p.PERMISSION) FROM APP_ROLE r, (VALUES ('CUSTOMER_READ'), ('MARKETING_WRITE')) AS p (PERMISSION)
  WHERE r.NAME = 'MARKETING' AND NOT EXISTS (SELECT 1 FROM ROLE_PERMISSION x WHERE x.ROLE_ID = r.ID AND x.PERMISSION = RTRIM(p.PERMISSION));
INSERT INTO ROLE_PERMISSION (ROLE_ID, PERMISSION)
  SELECT s.ROLE_ID, 'MARKETING_WRITE' FROM ROLE_PERMISSION s WHERE s.PERMISSION = 'SALES_WRITE'
  AND NOT EXISTS (SELECT 1 FROM ROLE_PERMISSION x WHERE x.ROLE_ID = s.ROLE_ID AND x.PERMISSION = 'MARKETING_WRITE');
