-- V34: serving a person's rights under the PIPL (exporting or erasing everything held about them) is its own
-- permission, PRIVACY_ADMIN, which administrators have; a privacy officer's role can be given it alone.
INSERT INTO ROLE_PERMISSION (ROLE_ID, PERMISSION)
  SELECT r.ID, 'PRIVACY_ADMIN' FROM APP_ROLE r WHERE r.NAME = 'ADMIN'
  AND NOT EXISTS (SELECT 1 FROM ROLE_PERMISSION x WHERE x.ROLE_ID = r.ID AND x.PERMISSION = 'PRIVACY_ADMIN');
