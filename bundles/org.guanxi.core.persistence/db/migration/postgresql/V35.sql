-- V35: phones, e-mail addresses, ID and tax numbers and street addresses are shown in full only to roles that work
-- with them (PERSONAL_DATA): administrators, sales, service and the roles that may change customers. Marketing sees
-- them masked and may show one value at a time, each time recorded (PERSONAL_DATA_REVEAL); read-only staff see them
-- masked only.
INSERT INTO ROLE_PERMISSION (ROLE_ID, PERMISSION)
  SELECT r.ID, 'PERSONAL_DATA' FROM APP_ROLE r WHERE (r.NAME IN ('ADMIN', 'SALES_MANAGER', 'SALES', 'SERVICE')
    OR EXISTS (SELECT 1 FROM ROLE_PERMISSION s WHERE s.ROLE_ID = r.ID
               AND s.PERMISSION IN ('CUSTOMER_WRITE', 'SALES_WRITE', 'SERVICE_WRITE', 'USER_ADMIN')))
  AND NOT EXISTS (SELECT 1 FROM ROLE_PERMISSION x WHERE x.ROLE_ID = r.ID AND x.PERMISSION = 'PERSONAL_DATA');
INSERT INTO ROLE_PERMISSION (ROLE_ID, PERMISSION)
  SELECT r.ID, 'PERSONAL_DATA_REVEAL' FROM APP_ROLE r WHERE r.NAME = 'MARKETING'
  AND NOT EXISTS (SELECT 1 FROM ROLE_PERMISSION x WHERE x.ROLE_ID = r.ID AND x.PERMISSION = 'PERSONAL_DATA_REVEAL');
