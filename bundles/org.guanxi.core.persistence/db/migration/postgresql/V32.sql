-- V32: exporting data to files gets its own permission (DATA_EXPORT): administrators, sales managers and the roles
-- that administer the service module or users keep it; sales, service, marketing and read-only staff see lists but
-- no longer write them to files unless an administrator grants it.
INSERT INTO ROLE_PERMISSION (ROLE_ID, PERMISSION)
  SELECT r.ID, 'DATA_EXPORT' FROM APP_ROLE r WHERE (r.NAME IN ('ADMIN', 'SALES_MANAGER')
    OR EXISTS (SELECT 1 FROM ROLE_PERMISSION s WHERE s.ROLE_ID = r.ID AND s.PERMISSION IN ('SERVICE_ADMIN', 'USER_ADMIN')))
  AND NOT EXISTS (SELECT 1 FROM ROLE_PERMISSION x WHERE x.ROLE_ID = r.ID AND x.PERMISSION = 'DATA_EXPORT');
