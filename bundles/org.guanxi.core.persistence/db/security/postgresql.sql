-- The security of a team database, enforced by PostgreSQL itself: whoever connects (the desktop, psql, a report tool)
-- gets the same rows and rights. Applied by the database's owner after the migrations whenever this file changes;
-- every statement may run again. ${p} is this database's prefix for its group roles (gx_<database>_), so that two
-- Guanxi databases in one cluster never share a group.
-- Persons log in as themselves; their login roles are members of ${p}users and of one group per application role.
-- The owner (the team server, IT) owns every table and so is not subject to the row policies.

DO $$
DECLARE g text;
BEGIN
  FOREACH g IN ARRAY ARRAY['users', 'admin', 'sales_manager', 'sales', 'marketing', 'service', 'readonly'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${p}' || g) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', '${p}' || g);
    END IF;
  END LOOP;
  -- nobody but the persons connects; nobody creates temporary objects (a temporary function is code, too)
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${p}users');
END $$;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${p}users;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
DO $$
BEGIN
  -- languages belong to the superuser; without TEMP and CREATE nobody can define a function anyway
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
    REVOKE USAGE ON LANGUAGE sql FROM PUBLIC;
  END IF;
END $$;

-- the audit trail of the database: every insert, update and delete of the tables below, whoever wrote it
CREATE TABLE IF NOT EXISTS DATA_CHANGE (
  ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  CHANGED_AT TIMESTAMP NOT NULL,
  DB_USER VARCHAR(64) COLLATE "C" NOT NULL,
  ENTITY VARCHAR(60) COLLATE "C" NOT NULL,
  ENTITY_ID BIGINT,
  ACTION VARCHAR(10) COLLATE "C" NOT NULL,
  FIELD VARCHAR(60) COLLATE "C",
  OLD_VALUE VARCHAR(2000) COLLATE "C",
  NEW_VALUE VARCHAR(2000) COLLATE "C",
  TX_ID BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS IX_DATA_CHANGE_ENTITY ON DATA_CHANGE (ENTITY, ENTITY_ID);
-- the services' own trail names the transaction too, so that a change the services did not record stands out
ALTER TABLE AUDIT_LOG ADD COLUMN IF NOT EXISTS TX_ID BIGINT DEFAULT txid_current();

-- ---------------------------------------------------------------------------------------------------------------
-- Who is asking. SECURITY DEFINER so that a policy may read the membership tables; session_user (not current_user,
-- which inside such a function is the owner) is the person connected.

CREATE OR REPLACE FUNCTION gx_is(p_group text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT pg_has_role(session_user, '${p}' || p_group, 'MEMBER') $$;

-- the logins whose rows a person sees: the person and everyone in the person's sales teams
CREATE OR REPLACE FUNCTION gx_team_logins() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT array_agg(DISTINCT l) FROM (
          SELECT session_user::text AS l
          UNION ALL
          SELECT o.LOGIN FROM SALES_TEAM_MEMBER m JOIN SALES_TEAM_MEMBER o ON o.TEAM = m.TEAM WHERE m.LOGIN = session_user
        ) t $$;

CREATE OR REPLACE FUNCTION gx_queues() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT coalesce(array_agg(QUEUE_CODE), '{}') FROM SERVICE_QUEUE_MEMBER WHERE LOGIN = session_user $$;

-- whether a customer has a case in one of the person's queues (read as the owner: the case policy reads customers)
CREATE OR REPLACE FUNCTION gx_in_my_queues(p_customer bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM SERVICE_CASE c JOIN SERVICE_QUEUE_MEMBER m ON m.QUEUE_CODE = c.QUEUE_CODE
                       WHERE c.CUSTOMER_ID = p_customer AND m.LOGIN = session_user) $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Privileges follow the permissions of the application roles (ROLE_PERMISSION): one table of which permission
-- grants what on which tables. Everything a person may read is also filtered by the row policies further down.

CREATE OR REPLACE FUNCTION gx_apply_grants() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE x record; r text;
BEGIN
  -- from scratch, so that a permission taken from a role takes its grants with it
  FOREACH r IN ARRAY ARRAY['sales_manager', 'sales', 'marketing', 'service', 'readonly'] LOOP
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', '${p}' || r);
  END LOOP;
  FOR x IN
    WITH grants (PERMISSION, PRIVILEGES, TABLES) AS (VALUES
      ('CUSTOMER_READ', 'SELECT', 'CUSTOMER,CONTACT,ADDRESS,CONTACT_POINT,KEY_DATE,INTERACTION,CUSTOMER_VALUE,VALUE_RUN,'
        || 'PRODUCT,PRICE_LIST,PRICE_LIST_ITEM,INVENTORY_LEVEL,SALES_LEAD,OPPORTUNITY,QUOTE,QUOTE_LINE,SALES_ORDER,'
        || 'ORDER_LINE,INVOICE,DELIVERY,PAYMENT,SALES_CONTRACT,ACTIVITY,OBJECTION,SALES_TEAM_MEMBER,SALES_TARGET,'
        || 'SEGMENT,CAMPAIGN,CAMPAIGN_RECIPIENT,CAMPAIGN_RESPONSE,EMAIL_SUPPRESSION,SERVICE_CASE,CASE_NOTE,COMPLAINT,'
        || 'SERVICE_QUEUE,SERVICE_QUEUE_MEMBER,SERVICE_LEVEL,WORK_CALENDAR_DAY,KB_ARTICLE,SURVEY,SURVEY_QUESTION,'
        || 'SURVEY_RESPONSE,SURVEY_ANSWER,SURVEY_INVITATION,POINTS_TIER,POINTS_RULE,POINTS_LEDGER,POINTS_REQUEST,WIN_BACK,IVR_MENU,'
        || 'CALL_LIST,CALL_LIST_ENTRY,CALL_LOG,TASK,CARE_RULE,CUSTOMER_MERGE,CUSTOMER_MERGE_ROW,DUPLICATE_DISMISSED,'
        || 'ACCOUNT_PLAN,ACCOUNT_TEAM,ACCOUNT_REVIEW,VALUE_SHEET,VALUE_SHEET_LINE,APP_SETTING,CONSENT_EVENT'),
      ('CUSTOMER_WRITE', 'INSERT, UPDATE', 'CUSTOMER,CONTACT,ADDRESS,CONTACT_POINT,KEY_DATE,INTERACTION,TASK,POINTS_LEDGER,'
        || 'DUPLICATE_DISMISSED,ACCOUNT_PLAN,ACCOUNT_TEAM,ACCOUNT_REVIEW,VALUE_SHEET,VALUE_SHEET_LINE,CALL_LOG'),
      ('CUSTOMER_WRITE', 'DELETE', 'CONTACT,ADDRESS,CONTACT_POINT,KEY_DATE,TASK,ACCOUNT_TEAM,VALUE_SHEET_LINE'),
      -- the consent ledger is only added to: an answer is superseded by a later one, never changed
      ('CUSTOMER_WRITE', 'INSERT', 'CONSENT_EVENT'),
      ('CUSTOMER_DELETE', 'DELETE, UPDATE (CUSTOMER_ID)', 'CONSENT_EVENT'),
      ('CUSTOMER_DELETE', 'DELETE', 'CUSTOMER,INTERACTION,CUSTOMER_VALUE,ACCOUNT_PLAN,ACCOUNT_REVIEW,VALUE_SHEET,'
        || 'POINTS_LEDGER,CALL_LIST_ENTRY'),
      ('CUSTOMER_DELETE', 'INSERT, UPDATE, DELETE', 'CUSTOMER_MERGE,CUSTOMER_MERGE_ROW'),
      ('SALES_WRITE', 'INSERT, UPDATE, DELETE', 'SALES_LEAD,OPPORTUNITY,QUOTE,QUOTE_LINE,SALES_ORDER,ORDER_LINE,'
        || 'SALES_CONTRACT,ACTIVITY,OBJECTION,WIN_BACK,CALL_LIST,CALL_LIST_ENTRY'),
      ('SALES_WRITE', 'INSERT', 'OUTBOX,OUTBOX_EVENT'),
      ('MARKETING_WRITE', 'INSERT, UPDATE, DELETE', 'SEGMENT,CAMPAIGN,CAMPAIGN_RECIPIENT,CAMPAIGN_RESPONSE'),
      -- an opt-out is kept: added, never changed or taken back by those who send
      ('MARKETING_WRITE', 'INSERT', 'EMAIL_SUPPRESSION'),
      -- confirming an order locks its products (SELECT … FOR UPDATE), which PostgreSQL allows only to those who may
      -- update some column: the version, which changes nothing anyone sees (and is audited like every change)
      ('SALES_WRITE', 'UPDATE (VERSION)', 'PRODUCT'),
      ('SERVICE_WRITE', 'INSERT, UPDATE, DELETE', 'SERVICE_CASE,CASE_NOTE,COMPLAINT,SURVEY_INVITATION,SURVEY_RESPONSE,'
        || 'SURVEY_ANSWER,CALL_LOG,CALL_LIST_ENTRY'),
      ('SERVICE_WRITE', 'INSERT', 'OUTBOX,OUTBOX_EVENT,POINTS_REQUEST'),
      -- service managers decide points requests (the four-eyes rule is a trigger below); a merge moves them
      ('SERVICE_ADMIN', 'UPDATE', 'POINTS_REQUEST'),
      ('CUSTOMER_DELETE', 'UPDATE (CUSTOMER_ID)', 'POINTS_REQUEST'),
      ('SERVICE_ADMIN', 'INSERT, UPDATE, DELETE', 'WORK_CALENDAR_DAY,SERVICE_LEVEL,SERVICE_QUEUE,SERVICE_QUEUE_MEMBER,'
        || 'KB_ARTICLE,IVR_MENU,SURVEY,SURVEY_QUESTION,CARE_RULE'),
      ('INVENTORY_WRITE', 'INSERT, UPDATE, DELETE', 'PRODUCT,PRICE_LIST,PRICE_LIST_ITEM,INVENTORY_LEVEL,POINTS_TIER,'
        || 'POINTS_RULE'),
      ('INTEGRATION_ADMIN', 'SELECT, INSERT, UPDATE, DELETE', 'OUTBOX,OUTBOX_EVENT,INTEGRATION_STATE,INTEGRATION_LEADER,'
        || 'INTEGRATION_FILE'),
      ('USER_ADMIN', 'SELECT, INSERT, UPDATE, DELETE', 'APP_USER,USER_ROLE,APP_ROLE,ROLE_PERMISSION,SALES_TEAM_MEMBER,'
        || 'SERVICE_QUEUE_MEMBER,APP_SETTING,VALUE_RUN,CUSTOMER_VALUE,SALES_TARGET'),
      ('USER_ADMIN', 'SELECT', 'DATA_CHANGE'))
    SELECT lower(r.NAME) AS GRP, g.PRIVILEGES, t.TBL
      FROM APP_ROLE r JOIN ROLE_PERMISSION rp ON rp.ROLE_ID = r.ID JOIN grants g ON g.PERMISSION = rp.PERMISSION
      CROSS JOIN LATERAL unnest(string_to_array(g.TABLES, ',')) AS t (TBL)
      WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${p}' || lower(r.NAME)) AND r.NAME <> 'ADMIN'
  LOOP
    EXECUTE format('GRANT %s ON %I TO %I', x.PRIVILEGES, lower(x.TBL), '${p}' || x.GRP);
  END LOOP;
  -- personal columns only masked for the groups without PERSONAL_DATA (defined further down)
  IF to_regprocedure('gx_apply_masks()') IS NOT NULL THEN
    PERFORM gx_apply_masks();
  END IF;
END $$;
REVOKE ALL ON FUNCTION gx_apply_grants() FROM PUBLIC;
SELECT gx_apply_grants();

-- an administrator who changes a role's permissions changes the database's grants with them
CREATE OR REPLACE FUNCTION gx_permissions_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ BEGIN PERFORM gx_apply_grants(); RETURN NULL; END $$;
REVOKE ALL ON FUNCTION gx_permissions_changed() FROM PUBLIC;
DROP TRIGGER IF EXISTS gx_grants ON ROLE_PERMISSION;
CREATE TRIGGER gx_grants AFTER INSERT OR UPDATE OR DELETE ON ROLE_PERMISSION FOR EACH STATEMENT
  EXECUTE FUNCTION gx_permissions_changed();

-- a team database checks passwords itself (the persons' logins; the hashes are in pg_authid, which only a superuser
-- reads): the user table keeps none, not even one copied from a standalone installation
UPDATE APP_USER SET PASSWORD_HASH = NULL WHERE PASSWORD_HASH IS NOT NULL;
ALTER TABLE APP_USER DROP CONSTRAINT IF EXISTS CK_APP_USER_NO_HASH;
ALTER TABLE APP_USER ADD CONSTRAINT CK_APP_USER_NO_HASH CHECK (PASSWORD_HASH IS NULL);

-- what every person reads: the schema's version, the users and their roles
GRANT SELECT ON SCHEMA_VERSION, SECURITY_SCRIPT, APP_USER, APP_ROLE, ROLE_PERMISSION, USER_ROLE TO ${p}users;
-- every service records its changes; the trail is read through its row policy and changed by nobody
GRANT SELECT, INSERT ON AUDIT_LOG TO ${p}users;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${p}users;
GRANT EXECUTE ON FUNCTION gx_is(text), gx_team_logins(), gx_queues(), gx_in_my_queues(bigint) TO ${p}users;

-- ---------------------------------------------------------------------------------------------------------------
-- Row policies. A person sees the rows of the person's sales teams (owner), a service agent the cases of the agent's
-- queues and their customers, marketing the customers who agreed to be contacted and the leads and deals its
-- campaigns brought, an administrator everything. The functions sit in (SELECT …) so that they run once
-- per statement, not once per row.

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customer', 'contact', 'address', 'contact_point', 'key_date', 'interaction', 'sales_lead',
      'opportunity', 'quote', 'quote_line', 'sales_order', 'order_line', 'invoice', 'delivery', 'payment',
      'sales_contract', 'activity', 'service_case', 'case_note', 'complaint', 'audit_log', 'call_log', 'task', 'win_back',
      'points_request', 'survey_invitation', 'customer_merge', 'customer_merge_row', 'consent_event'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS gx_rows ON %I', t);
    EXECUTE format('DROP POLICY IF EXISTS gx_new_rows ON %I', t);
  END LOOP;
END $$;

CREATE POLICY gx_rows ON CUSTOMER USING ((SELECT gx_is('admin')) OR OWNER_LOGIN = ANY ((SELECT gx_team_logins())::text[])
  OR ((SELECT gx_is('marketing')) AND (CONSENT_EMAIL OR CONSENT_SMS OR CONSENT_PHONE))
  OR ((SELECT gx_is('service')) AND gx_in_my_queues(ID)));
-- a service agent registers a caller the team does not know yet: without an owner, then opens the case
CREATE POLICY gx_new_rows ON CUSTOMER FOR INSERT WITH CHECK ((SELECT gx_is('service')) AND OWNER_LOGIN IS NULL);

-- a customer's details go with the customer
CREATE POLICY gx_rows ON CONTACT USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON ADDRESS USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON CONTACT_POINT USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON KEY_DATE USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON INTERACTION USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));

-- the pipeline is the owner's and the owner's team's
-- marketing sees what its campaigns brought (a campaign's results count them), not the rest of the pipeline
CREATE POLICY gx_rows ON SALES_LEAD USING ((SELECT gx_is('admin')) OR OWNER_LOGIN = ANY ((SELECT gx_team_logins())::text[])
  OR ((SELECT gx_is('marketing')) AND CAMPAIGN_ID IS NOT NULL));
CREATE POLICY gx_rows ON OPPORTUNITY USING ((SELECT gx_is('admin')) OR OWNER_LOGIN = ANY ((SELECT gx_team_logins())::text[])
  OR ((SELECT gx_is('marketing')) AND CAMPAIGN_ID IS NOT NULL));
CREATE POLICY gx_rows ON QUOTE USING ((SELECT gx_is('admin')) OR OWNER_LOGIN = ANY ((SELECT gx_team_logins())::text[]));
CREATE POLICY gx_rows ON SALES_CONTRACT USING ((SELECT gx_is('admin')) OR OWNER_LOGIN = ANY ((SELECT gx_team_logins())::text[]));
CREATE POLICY gx_rows ON ACTIVITY USING ((SELECT gx_is('admin')) OR OWNER_LOGIN = ANY ((SELECT gx_team_logins())::text[]));
-- an order without an owner (imported, from the ERP) is seen with its customer
CREATE POLICY gx_rows ON SALES_ORDER USING ((SELECT gx_is('admin')) OR OWNER_LOGIN = ANY ((SELECT gx_team_logins())::text[])
  OR (OWNER_LOGIN IS NULL AND EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID)));
CREATE POLICY gx_rows ON QUOTE_LINE USING (EXISTS (SELECT 1 FROM QUOTE q WHERE q.ID = QUOTE_ID));
CREATE POLICY gx_rows ON ORDER_LINE USING (EXISTS (SELECT 1 FROM SALES_ORDER o WHERE o.ID = ORDER_ID));
CREATE POLICY gx_rows ON DELIVERY USING (EXISTS (SELECT 1 FROM SALES_ORDER o WHERE o.ID = ORDER_ID));
CREATE POLICY gx_rows ON INVOICE USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON PAYMENT USING (EXISTS (SELECT 1 FROM INVOICE i WHERE i.ID = INVOICE_ID));

-- cases: the agent's queues and own cases; a sales person also sees the cases of the team's customers
CREATE POLICY gx_rows ON SERVICE_CASE USING ((SELECT gx_is('admin')) OR QUEUE_CODE = ANY ((SELECT gx_queues())::text[])
  OR ASSIGNEE = session_user OR EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID AND c.OWNER_LOGIN IS NOT NULL));
CREATE POLICY gx_rows ON CASE_NOTE USING (EXISTS (SELECT 1 FROM SERVICE_CASE s WHERE s.ID = CASE_ID));
CREATE POLICY gx_rows ON COMPLAINT USING (EXISTS (SELECT 1 FROM SERVICE_CASE s WHERE s.ID = CASE_ID));

-- what the desktop shows only with its customer (its lists join CUSTOMER), so that a person's own connection reads no
-- more: phones and notes of calls, tasks, win-backs, points requests, survey invitations (with their tokens), merges
-- with their snapshots of the merged record. A call of an unknown caller is the agent's and the
-- queue's; a merge is also the person's who made it.
CREATE POLICY gx_rows ON CALL_LOG USING ((SELECT gx_is('admin')) OR AGENT = session_user
  OR QUEUE_CODE = ANY ((SELECT gx_queues())::text[]) OR EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON TASK USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON WIN_BACK USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON POINTS_REQUEST USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON SURVEY_INVITATION USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
CREATE POLICY gx_rows ON CONSENT_EVENT USING (EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = CUSTOMER_ID));
-- a consent line names who recorded it: that is the person adding it, nobody else
CREATE POLICY gx_new_rows ON CONSENT_EVENT AS RESTRICTIVE FOR INSERT WITH CHECK (USER_LOGIN = session_user);
CREATE POLICY gx_rows ON CUSTOMER_MERGE USING ((SELECT gx_is('admin')) OR USER_LOGIN = session_user
  OR EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = SURVIVOR_ID));
CREATE POLICY gx_rows ON CUSTOMER_MERGE_ROW USING (EXISTS (SELECT 1 FROM CUSTOMER_MERGE m WHERE m.ID = MERGE_ID));

-- the services' trail: what a person may see of the thing it describes, and the person's own entries
CREATE POLICY gx_rows ON AUDIT_LOG FOR SELECT USING ((SELECT gx_is('admin')) OR USER_LOGIN = session_user
  OR (ENTITY = 'Customer' AND EXISTS (SELECT 1 FROM CUSTOMER c WHERE c.ID = ENTITY_ID))
  OR (ENTITY = 'Lead' AND EXISTS (SELECT 1 FROM SALES_LEAD l WHERE l.ID = ENTITY_ID))
  OR (ENTITY = 'Opportunity' AND EXISTS (SELECT 1 FROM OPPORTUNITY o WHERE o.ID = ENTITY_ID))
  OR (ENTITY = 'Quote' AND EXISTS (SELECT 1 FROM QUOTE q WHERE q.ID = ENTITY_ID))
  OR (ENTITY = 'SalesOrder' AND EXISTS (SELECT 1 FROM SALES_ORDER o WHERE o.ID = ENTITY_ID))
  OR (ENTITY = 'Contract' AND EXISTS (SELECT 1 FROM SALES_CONTRACT k WHERE k.ID = ENTITY_ID))
  OR (ENTITY = 'ServiceCase' AND EXISTS (SELECT 1 FROM SERVICE_CASE s WHERE s.ID = ENTITY_ID)));
-- an entry is the person's own: nobody writes one in someone else's name
CREATE POLICY gx_new_rows ON AUDIT_LOG FOR INSERT WITH CHECK (USER_LOGIN = session_user);

-- ---------------------------------------------------------------------------------------------------------------
-- The database's audit trail: a trigger on every business table writes who, when, what, old → new into DATA_CHANGE.
-- Nobody but the owner may write DATA_CHANGE; the trigger function runs as the owner. An insert or a delete keeps
-- the whole row (as JSON, cut at 2,000 characters); an update one entry per changed column.

CREATE OR REPLACE FUNCTION gx_record_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  k bigint := (coalesce(n, o) ->> TG_ARGV[1])::bigint;
  -- the database's own time: a session setting could be set by the very person whose change is recorded
  v_at timestamp := localtimestamp;
  f text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    FOR f IN SELECT key FROM jsonb_each(n) WHERE key <> 'version' AND n -> key IS DISTINCT FROM o -> key LOOP
      INSERT INTO DATA_CHANGE (CHANGED_AT, DB_USER, ENTITY, ENTITY_ID, ACTION, FIELD, OLD_VALUE, NEW_VALUE, TX_ID)
        VALUES (v_at, session_user, TG_ARGV[0], k, 'UPDATE', f, left(o ->> f, 2000), left(n ->> f, 2000), txid_current());
    END LOOP;
  ELSE
    INSERT INTO DATA_CHANGE (CHANGED_AT, DB_USER, ENTITY, ENTITY_ID, ACTION, OLD_VALUE, NEW_VALUE, TX_ID)
      VALUES (v_at, session_user, TG_ARGV[0], k, CASE TG_OP WHEN 'INSERT' THEN 'CREATE' ELSE 'DELETE' END,
              left(o::text, 2000), left(n::text, 2000), txid_current());
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE a record;
BEGIN
  FOR a IN SELECT * FROM (VALUES
      ('customer', 'Customer', 'id'), ('contact', 'Contact', 'id'), ('address', 'Address', 'id'),
      ('contact_point', 'ContactPoint', 'id'), ('key_date', 'KeyDate', 'id'), ('interaction', 'Interaction', 'id'),
      ('sales_lead', 'Lead', 'id'), ('opportunity', 'Opportunity', 'id'), ('quote', 'Quote', 'id'),
      ('quote_line', 'QuoteLine', 'id'), ('sales_order', 'SalesOrder', 'id'), ('order_line', 'OrderLine', 'id'),
      ('invoice', 'Invoice', 'id'), ('payment', 'Payment', 'id'), ('sales_contract', 'Contract', 'id'),
      ('activity', 'Activity', 'id'), ('service_case', 'ServiceCase', 'id'), ('case_note', 'CaseNote', 'id'),
      ('complaint', 'Complaint', 'case_id'), ('product', 'Product', 'id'), ('price_list_item', 'PriceListItem', 'id'),
      ('app_user', 'AppUser', 'id'), ('user_role', 'UserRole', 'user_id'), ('role_permission', 'RolePermission', 'role_id'),
      ('app_role', 'Role', 'id'), ('points_ledger', 'PointsLedger', 'id'), ('points_request', 'PointsRequest', 'id'),
      ('consent_event', 'ConsentEvent', 'id'), ('call_log', 'Call', 'id'))
      AS v (TBL, ENTITY, KEY_COLUMN)
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS gx_audit ON %I', a.TBL);
    EXECUTE format('CREATE TRIGGER gx_audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
        || 'EXECUTE FUNCTION gx_record_change(%L, %L)', a.TBL, a.ENTITY, a.KEY_COLUMN);
  END LOOP;
END $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Points granted outside an order: within the person's limit (APP_SETTING loyalty.grantLimit.<ROLE>, 500 where none
-- is set; none for those with SERVICE_ADMIN), above it only as a request that another person, a service manager,
-- decides. The desktop keeps these rules; the triggers keep them for anyone who connects around it.

-- the owner (the team server, IT) and those who administer the service module are not limited
CREATE OR REPLACE FUNCTION gx_unlimited_points(p_table oid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = p_table), 'MEMBER')
         OR EXISTS (SELECT 1 FROM APP_USER u JOIN USER_ROLE ur ON ur.USER_ID = u.ID
                    JOIN ROLE_PERMISSION rp ON rp.ROLE_ID = ur.ROLE_ID
                    WHERE u.LOGIN = session_user AND u.ACTIVE AND rp.PERMISSION = 'SERVICE_ADMIN') $$;

CREATE OR REPLACE FUNCTION gx_points_grant() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  lim integer;
BEGIN
  IF NEW.KIND <> 'GRANT' OR gx_unlimited_points(TG_RELID) THEN
    RETURN NEW;
  END IF;
  SELECT max(coalesce((SELECT s.VAL::integer FROM APP_SETTING s WHERE s.NAME = 'loyalty.grantLimit.' || r.NAME), 500))
    INTO lim FROM APP_USER u JOIN USER_ROLE ur ON ur.USER_ID = u.ID JOIN APP_ROLE r ON r.ID = ur.ROLE_ID
    WHERE u.LOGIN = session_user AND u.ACTIVE;
  IF NEW.POINTS > coalesce(lim, 0) THEN
    RAISE EXCEPTION 'granting % points is above the limit of % (%): ask for approval', NEW.POINTS, coalesce(lim, 0),
      session_user USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS gx_points_grant ON POINTS_LEDGER;
CREATE TRIGGER gx_points_grant BEFORE INSERT OR UPDATE OF POINTS, KIND ON POINTS_LEDGER FOR EACH ROW EXECUTE FUNCTION gx_points_grant();

CREATE OR REPLACE FUNCTION gx_points_request() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  IF pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.REQUESTED_BY <> session_user OR NEW.STATUS <> 'PENDING' OR NEW.DECIDED_BY IS NOT NULL THEN
      RAISE EXCEPTION 'a points request is made pending and in one''s own name' USING ERRCODE = '42501';
    END IF;
  ELSIF (NEW.ID, NEW.POINTS, NEW.REQUESTED_BY, NEW.REQUESTED_AT, NEW.STATUS, NEW.DECIDED_BY, NEW.DECIDED_AT, NEW.LEDGER_ID)
      IS DISTINCT FROM (OLD.ID, OLD.POINTS, OLD.REQUESTED_BY, OLD.REQUESTED_AT, OLD.STATUS, OLD.DECIDED_BY, OLD.DECIDED_AT,
                        OLD.LEDGER_ID) THEN
    -- a decision: once, by someone else than the person who asked, in the decider's own name
    IF OLD.STATUS <> 'PENDING' OR NEW.DECIDED_BY IS DISTINCT FROM session_user::text OR OLD.REQUESTED_BY = session_user
        OR (NEW.ID, NEW.POINTS, NEW.REQUESTED_BY, NEW.REQUESTED_AT) IS DISTINCT FROM (OLD.ID, OLD.POINTS, OLD.REQUESTED_BY,
                                                                                   OLD.REQUESTED_AT) THEN
      RAISE EXCEPTION 'a points request is decided once, by another person than the one who asked' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS gx_points_request ON POINTS_REQUEST;
CREATE TRIGGER gx_points_request BEFORE INSERT OR UPDATE ON POINTS_REQUEST FOR EACH ROW EXECUTE FUNCTION gx_points_request();
REVOKE ALL ON FUNCTION gx_points_grant(), gx_points_request(), gx_unlimited_points(oid) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- A person's erasure (PIPL Art. 47) reaches the trails, which nobody but the owner may change. Only for an
-- administrator, only in the transaction that has just erased the customer, and only values that this transaction has
-- just erased from the data (as the trigger recorded them) or that the customer's row once held: the function cannot
-- rewrite any other history. p_everywhere
-- are values that name nobody else; p_own (a shared name) are replaced only in the entries about the person's rows
-- (p_entities, p_ids). The erasure itself and its reason stay in the trail.
CREATE OR REPLACE FUNCTION gx_erase_trail(p_customer bigint, p_reason text, p_everywhere text[], p_own text[],
    p_entities text[], p_ids bigint[]) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  t text;
  n integer := 0;
  m integer;
  own boolean;
BEGIN
  IF NOT (SELECT gx_is('admin')) AND NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'customer'::regclass), 'MEMBER') THEN
    RAISE EXCEPTION 'only an administrator erases a person' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM DATA_CHANGE WHERE TX_ID = txid_current() AND ENTITY = 'Customer' AND ENTITY_ID = p_customer
                 AND FIELD = 'name' AND NEW_VALUE = '[erased]') THEN
    RAISE EXCEPTION 'customer % was not erased in this transaction', p_customer USING ERRCODE = 'insufficient_privilege';
  END IF;
  FOR t, own IN SELECT u, FALSE FROM unnest(p_everywhere) u UNION ALL SELECT u, TRUE FROM unnest(p_own) u LOOP
    -- a value this transaction has just erased, or one the customer's row once held (a former name or phone)
    CONTINUE WHEN length(t) < 2 OR NOT (EXISTS (SELECT 1 FROM DATA_CHANGE WHERE TX_ID = txid_current()
        AND ACTION = 'UPDATE' AND strpos(OLD_VALUE, t) > 0)
      OR EXISTS (SELECT 1 FROM DATA_CHANGE WHERE ENTITY = 'Customer' AND ENTITY_ID = p_customer AND ACTION = 'UPDATE'
        AND t IN (OLD_VALUE, NEW_VALUE))
      OR EXISTS (SELECT 1 FROM AUDIT_LOG WHERE ENTITY = 'Customer' AND ENTITY_ID = p_customer AND t IN (OLD_VALUE, NEW_VALUE)));
    UPDATE AUDIT_LOG a SET OLD_VALUE = replace(a.OLD_VALUE, t, '[erased]'), NEW_VALUE = replace(a.NEW_VALUE, t, '[erased]')
      WHERE (strpos(a.OLD_VALUE, t) > 0 OR strpos(a.NEW_VALUE, t) > 0)
        AND (NOT own OR (a.ENTITY, a.ENTITY_ID) IN (SELECT * FROM unnest(p_entities, p_ids)));
    GET DIAGNOSTICS m = ROW_COUNT;
    n := n + m;
    UPDATE DATA_CHANGE d SET OLD_VALUE = replace(d.OLD_VALUE, t, '[erased]'), NEW_VALUE = replace(d.NEW_VALUE, t, '[erased]')
      WHERE (strpos(d.OLD_VALUE, t) > 0 OR strpos(d.NEW_VALUE, t) > 0)
        AND (NOT own OR (d.ENTITY, d.ENTITY_ID) IN (SELECT * FROM unnest(p_entities, p_ids)));
    GET DIAGNOSTICS m = ROW_COUNT;
    n := n + m;
  END LOOP;
  INSERT INTO DATA_CHANGE (CHANGED_AT, DB_USER, ENTITY, ENTITY_ID, ACTION, FIELD, NEW_VALUE, TX_ID)
    VALUES (localtimestamp, session_user, 'Customer', p_customer, 'ERASE', 'reason', left(p_reason, 2000), txid_current());
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION gx_erase_trail(bigint, text, text[], text[], text[], bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gx_erase_trail(bigint, text, text[], text[], text[], bigint[]) TO ${p}admin;

-- Retention of records that are not a customer's (PIPL Art. 19): the trails' values of leads or calls that the same
-- transaction has just anonymised (and only those), for administrators only. Every value the transaction took from
-- the record is replaced wherever the trails hold it about that record (also in a creation's whole-row snapshot), the
-- personal fields' older values too; the expiry itself is recorded.
DROP FUNCTION IF EXISTS gx_expire_trail(text);
CREATE OR REPLACE FUNCTION gx_expire_trail(p_kind text, p_ids bigint[]) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  v_entity text := CASE p_kind WHEN 'LEADS' THEN 'Lead' WHEN 'CALLS' THEN 'Call' END;
  v_marker text := CASE p_kind WHEN 'LEADS' THEN 'person_name' ELSE 'phone' END;
  v_app text[] := CASE p_kind WHEN 'LEADS' THEN ARRAY['personName', 'phone', 'email', 'notes', 'sourceDetail']
                  ELSE ARRAY['phone', 'note'] END;
  v_db text[] := CASE p_kind WHEN 'LEADS' THEN ARRAY['person_name', 'name_key', 'pinyin_key', 'phone', 'phone_key', 'email',
                 'email_key', 'notes', 'source_detail'] ELSE ARRAY['phone', 'note'] END;
  v_id bigint;
  t text;
  n integer := 0;
  m integer;
BEGIN
  IF NOT (SELECT gx_is('admin')) AND NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'customer'::regclass), 'MEMBER') THEN
    RAISE EXCEPTION 'only an administrator applies retention' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_entity IS NULL THEN
    RAISE EXCEPTION 'unknown kind of record: %', p_kind;
  END IF;
  FOREACH v_id IN ARRAY p_ids LOOP
    IF NOT EXISTS (SELECT 1 FROM DATA_CHANGE WHERE TX_ID = txid_current() AND ENTITY = v_entity AND ENTITY_ID = v_id
                   AND FIELD = v_marker AND NEW_VALUE = '[erased]') THEN
      RAISE EXCEPTION '% % was not anonymised in this transaction', v_entity, v_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR t IN SELECT DISTINCT OLD_VALUE FROM DATA_CHANGE WHERE TX_ID = txid_current() AND ENTITY = v_entity
        AND ENTITY_ID = v_id AND ACTION = 'UPDATE' AND FIELD = ANY (v_db) AND length(OLD_VALUE) >= 2 LOOP
      UPDATE AUDIT_LOG SET OLD_VALUE = replace(OLD_VALUE, t, '[erased]'), NEW_VALUE = replace(NEW_VALUE, t, '[erased]')
        WHERE ENTITY = v_entity AND ENTITY_ID = v_id AND (strpos(OLD_VALUE, t) > 0 OR strpos(NEW_VALUE, t) > 0);
      GET DIAGNOSTICS m = ROW_COUNT;
      n := n + m;
      UPDATE DATA_CHANGE SET OLD_VALUE = replace(OLD_VALUE, t, '[erased]'), NEW_VALUE = replace(NEW_VALUE, t, '[erased]')
        WHERE ENTITY = v_entity AND ENTITY_ID = v_id AND (strpos(OLD_VALUE, t) > 0 OR strpos(NEW_VALUE, t) > 0);
      GET DIAGNOSTICS m = ROW_COUNT;
      n := n + m;
    END LOOP;
    UPDATE AUDIT_LOG SET OLD_VALUE = CASE WHEN OLD_VALUE IS NULL THEN NULL ELSE '[erased]' END,
        NEW_VALUE = CASE WHEN NEW_VALUE IS NULL THEN NULL ELSE '[erased]' END
      WHERE ENTITY = v_entity AND ENTITY_ID = v_id AND FIELD = ANY (v_app);
    GET DIAGNOSTICS m = ROW_COUNT;
    n := n + m;
    UPDATE DATA_CHANGE SET OLD_VALUE = CASE WHEN OLD_VALUE IS NULL THEN NULL ELSE '[erased]' END,
        NEW_VALUE = CASE WHEN NEW_VALUE IS NULL THEN NULL ELSE '[erased]' END
      WHERE ENTITY = v_entity AND ENTITY_ID = v_id AND FIELD = ANY (v_db);
    GET DIAGNOSTICS m = ROW_COUNT;
    n := n + m;
    INSERT INTO DATA_CHANGE (CHANGED_AT, DB_USER, ENTITY, ENTITY_ID, ACTION, FIELD, NEW_VALUE, TX_ID)
      VALUES (localtimestamp, session_user, v_entity, v_id, 'EXPIRE', 'retention', p_kind, txid_current());
  END LOOP;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION gx_expire_trail(text, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gx_expire_trail(text, bigint[]) TO ${p}admin;

-- ---------------------------------------------------------------------------------------------------------------
-- Logins. An administrator of this database creates, changes and disables the login role of a person through this
-- function (the owner has CREATEROLE, the administrators do not): it touches only roles that are Guanxi persons, and
-- grants only this database's groups. p_verifier is a SCRAM verifier computed on the desktop (the password itself
-- never reaches the server) or NULL to keep the password.

CREATE OR REPLACE FUNCTION gx_save_login(p_login text, p_verifier text, p_groups text[], p_active boolean)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  r pg_roles%ROWTYPE;
  g text;
BEGIN
  -- the database's owner (the team server creating the first administrator) or an administrator
  IF NOT (pg_has_role(session_user, '${p}admin', 'MEMBER') OR pg_has_role(session_user,
          (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')) THEN
    RAISE EXCEPTION 'only an administrator of this database manages logins' USING ERRCODE = '42501';
  END IF;
  IF p_login !~ '^[a-z][a-z0-9_.]{1,62}$' OR p_login LIKE 'pg\_%' OR p_login LIKE 'gx\_%' THEN
    RAISE EXCEPTION 'login "%" is not allowed: lower-case letters, digits, "_" and "." (2–63)', p_login
      USING ERRCODE = '22023';
  END IF;
  IF p_verifier IS NOT NULL AND p_verifier !~ '^SCRAM-SHA-256\$' THEN
    RAISE EXCEPTION 'a password is given as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO r FROM pg_roles WHERE rolname = p_login;
  IF FOUND THEN
    IF r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
       OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                      WHERE m.member = r.oid AND gr.rolname LIKE 'gx\_%\_users') THEN
      RAISE EXCEPTION 'the database role "%" exists and is not a Guanxi person', p_login USING ERRCODE = '42501';
    END IF;
  ELSE
    IF p_verifier IS NULL THEN
      RAISE EXCEPTION 'a new login needs a password' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT', p_login);
  END IF;
  IF p_verifier IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
  END IF;
  EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  EXECUTE format('GRANT %I TO %I', '${p}users', p_login);
  FOREACH g IN ARRAY ARRAY['admin', 'sales_manager', 'sales', 'marketing', 'service', 'readonly'] LOOP
    IF g = ANY (p_groups) THEN
      EXECUTE format('GRANT %I TO %I', '${p}' || g, p_login);
    ELSIF pg_has_role(p_login, '${p}' || g, 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', '${p}' || g, p_login);
    END IF;
  END LOOP;
  -- a person without PERSONAL_DATA reads the masked views (defined further down)
  IF to_regprocedure('gx_apply_search_path(text)') IS NOT NULL THEN
    PERFORM gx_apply_search_path(p_login);
  END IF;
END $$;
REVOKE ALL ON FUNCTION gx_save_login(text, text, text[], boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gx_save_login(text, text, text[], boolean) TO ${p}admin;
REVOKE ALL ON FUNCTION gx_record_change() FROM PUBLIC;

-- an administrator of the application is an administrator of every table (rows included), but not of the schema
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${p}admin;
REVOKE INSERT, UPDATE, DELETE ON AUDIT_LOG, DATA_CHANGE, SCHEMA_VERSION, SECURITY_SCRIPT FROM ${p}admin;
GRANT INSERT ON AUDIT_LOG TO ${p}admin;

-- ---------------------------------------------------------------------------------------------------------------
-- Masked personal values (PIPL Art. 51). A person whose application roles lack PERSONAL_DATA reads phones, e-mail
-- addresses, ID and tax numbers, streets and ship-to addresses only masked, whatever the client: the groups of such
-- roles may select only the other columns of the base tables, and read the personal ones through the views of the
-- schema gx_masked, which mask them as the desktop does (Masking.java) and turn the search keys into keyed tokens
-- (an exact search still finds, a prefix cannot uncover). The views belong to a role that is not the tables' owner,
-- so the row policies apply to them (they ask session_user, the person). Such persons' logins look in gx_masked
-- first (search_path), so the desktop reads the views without knowing; writes pass through to the base tables as
-- the person, changing only the columns the statement changed, so a mask is never written back.

-- Masking.mask, independent of the database's LC_CTYPE: between the characters kept at both ends, everything but
-- whitespace and punctuation becomes a star (one regular expression, not a loop: views mask every row they show).
CREATE OR REPLACE FUNCTION gx_mask(p_kind text, p_value text) RETURNS text LANGUAGE plpgsql IMMUTABLE
  SET search_path = public, pg_temp
  AS $$
DECLARE
  v text;
  n integer;
  head integer;
  tail integer;
  at integer;
BEGIN
  IF p_value IS NULL OR p_value ~ '^\s*$' THEN
    RETURN p_value;
  END IF;
  v := regexp_replace(p_value, '^\s+|\s+$', '', 'g');
  n := char_length(v);
  IF p_kind = 'EMAIL' THEN
    at := strpos(v, '@');
    IF at > 1 THEN
      RETURN left(v, 1) || '***' || substr(v, at);
    END IF;
    head := 1; tail := 0;
  ELSIF p_kind = 'PHONE' THEN
    IF n >= 8 THEN head := 3; tail := 4; ELSE head := 0; tail := greatest(1, n / 3); END IF;
  ELSIF p_kind = 'NUMBER' THEN
    IF n >= 10 THEN head := 4; tail := 4; ELSE head := 1; tail := 1; END IF;
  ELSIF p_kind = 'ADDRESS' THEN
    head := least(3, n / 2); tail := 0;
  ELSE
    RAISE EXCEPTION 'unknown kind of personal value: %', p_kind;
  END IF;
  IF n <= head + tail THEN
    RETURN v;
  END IF;
  RETURN left(v, head)
    || regexp_replace(substr(v, head + 1, n - head - tail),
         '[^\s!-/:-@\[-`{-~\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]', '*', 'g')
    || right(v, tail);
END $$;

-- the key that tokens are made with: random, read by the owner only
CREATE TABLE IF NOT EXISTS GX_SECRET (ID INTEGER PRIMARY KEY CHECK (ID = 1), SALT BYTEA NOT NULL);
INSERT INTO GX_SECRET (ID, SALT) SELECT 1, sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text
  || clock_timestamp()::text, 'UTF8')) WHERE NOT EXISTS (SELECT 1 FROM GX_SECRET);
REVOKE ALL ON GX_SECRET FROM PUBLIC;

-- A search key as a masked person sees it: equal keys give equal tokens, and nothing else can be learnt from one.
-- Declared IMMUTABLE for its expression indexes: the salt never changes once written.
CREATE OR REPLACE FUNCTION gx_token(p_key text) RETURNS text LANGUAGE sql IMMUTABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT CASE WHEN p_key IS NULL OR p_key = '' THEN p_key
                    ELSE encode(sha256((SELECT SALT FROM GX_SECRET WHERE ID = 1) || convert_to(p_key, 'UTF8')), 'hex') END $$;

-- whether the person reads values of this kind in full: PERSONAL_DATA, or e-mail addresses for those who send
-- campaigns (they send to them)
CREATE OR REPLACE FUNCTION gx_sees(p_kind text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM APP_ROLE r JOIN ROLE_PERMISSION rp ON rp.ROLE_ID = r.ID
                       JOIN pg_roles g ON g.rolname = '${p}' || lower(r.NAME)
                       WHERE pg_has_role(session_user, g.oid, 'MEMBER')
                         AND (rp.PERMISSION = 'PERSONAL_DATA' OR (p_kind = 'EMAIL' AND rp.PERMISSION = 'MARKETING_WRITE'))) $$;

CREATE SCHEMA IF NOT EXISTS gx_masked;
REVOKE ALL ON SCHEMA gx_masked FROM PUBLIC;

-- A typed search key as the person's tables hold it; the desktop binds its exact searches through this. Those who
-- read the tables themselves find public.gx_key (the key as typed), those who read the masked views this one.
CREATE OR REPLACE FUNCTION public.gx_key(p_kind text, p_key text) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT p_key $$;
CREATE OR REPLACE FUNCTION gx_masked.gx_key(p_kind text, p_key text) RETURNS text LANGUAGE sql STABLE
  SET search_path = public, pg_temp
  AS $$ SELECT CASE WHEN gx_sees(p_kind) THEN p_key ELSE gx_token(p_key) END $$;

-- One of a customer's values in full for a person with PERSONAL_DATA_REVEAL who sees the customer; the reveal is
-- recorded here, so that no client can show a value without the trail (entity Reveal: who, whose, which field).
CREATE OR REPLACE FUNCTION gx_reveal(p_customer bigint, p_column text, p_at timestamp) RETURNS text LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  v text;
BEGIN
  IF p_column NOT IN ('PHONE', 'EMAIL', 'ID_NUMBER', 'TAX_ID') THEN
    RAISE EXCEPTION 'not a value that is revealed: %', p_column USING ERRCODE = '22023';
  END IF;
  IF NOT gx_sees('PHONE') AND NOT EXISTS (SELECT 1 FROM APP_ROLE r JOIN ROLE_PERMISSION rp ON rp.ROLE_ID = r.ID
      JOIN pg_roles g ON g.rolname = '${p}' || lower(r.NAME)
      WHERE rp.PERMISSION = 'PERSONAL_DATA_REVEAL' AND pg_has_role(session_user, g.oid, 'MEMBER')) THEN
    RAISE EXCEPTION 'revealing a personal value needs PERSONAL_DATA_REVEAL' USING ERRCODE = '42501';
  END IF;
  -- through the view, whose row policies ask who the person is
  IF NOT EXISTS (SELECT 1 FROM gx_masked.customer WHERE id = p_customer) THEN
    RAISE EXCEPTION 'customer % is not one the person sees', p_customer USING ERRCODE = '42501';
  END IF;
  EXECUTE format('SELECT %I FROM public.customer WHERE id = $1', lower(p_column)) INTO v USING p_customer;
  -- the time is the application's clock, within a day of the database's
  INSERT INTO AUDIT_LOG (CHANGED_AT, USER_LOGIN, ENTITY, ENTITY_ID, ACTION, FIELD, NEW_VALUE)
    VALUES (CASE WHEN abs(extract(epoch FROM p_at - localtimestamp)) < 86400 THEN p_at ELSE localtimestamp END,
            session_user, 'Reveal', p_customer, 'CREATE', lower(p_column), 'shown');
  RETURN v;
END $$;

-- the kind of personal value an audited field holds (Masking.kindOfField), or NULL
CREATE OR REPLACE FUNCTION gx_field_kind(p_field text, p_value text) RETURNS text LANGUAGE sql IMMUTABLE
  SET search_path = public, pg_temp
  AS $$ SELECT CASE regexp_replace(p_field, '^.*\.', '')
                 WHEN 'phone' THEN 'PHONE' WHEN 'mobile' THEN 'PHONE' WHEN 'email' THEN 'EMAIL'
                 WHEN 'idNumber' THEN 'NUMBER' WHEN 'taxId' THEN 'NUMBER' WHEN 'bankAccount' THEN 'NUMBER'
                 WHEN 'street' THEN 'ADDRESS' WHEN 'shipTo' THEN 'ADDRESS'
                 WHEN 'value' THEN CASE WHEN strpos(p_value, '@') > 0 THEN 'EMAIL' ELSE 'PHONE' END
                 WHEN 'payload' THEN 'PAYLOAD' END $$;

CREATE OR REPLACE FUNCTION gx_mask_field(p_field text, p_value text) RETURNS text LANGUAGE sql IMMUTABLE
  SET search_path = public, pg_temp
  AS $$ SELECT CASE WHEN k IS NULL OR p_value IS NULL THEN p_value WHEN k = 'PAYLOAD' THEN '…' ELSE gx_mask(k, p_value) END
          FROM (SELECT gx_field_kind(p_field, p_value) AS k) x $$;

-- Which columns hold what: a kind masks the value, TOKEN:<kind> turns a search key into a token, FIELD masks an
-- audit value by its field, VALUE a contact point's by its look, TEXT the e-mail addresses in a text, HIDE shows
-- nothing. A column a table does not have (yet) is skipped.
CREATE TABLE IF NOT EXISTS GX_PERSONAL_COLUMN (
  TBL VARCHAR(60) COLLATE "C" NOT NULL,
  COL VARCHAR(60) COLLATE "C" NOT NULL,
  HOW VARCHAR(20) COLLATE "C" NOT NULL,
  PRIMARY KEY (TBL, COL)
);
REVOKE ALL ON GX_PERSONAL_COLUMN FROM PUBLIC;
DELETE FROM GX_PERSONAL_COLUMN;
INSERT INTO GX_PERSONAL_COLUMN (TBL, COL, HOW) VALUES
  ('customer', 'phone', 'PHONE'), ('customer', 'email', 'EMAIL'), ('customer', 'id_number', 'NUMBER'),
  ('customer', 'tax_id', 'NUMBER'), ('customer', 'phone_key', 'TOKEN:PHONE'), ('customer', 'phone_tail', 'TOKEN:PHONE'),
  ('customer', 'email_key', 'TOKEN:EMAIL'),
  ('contact', 'phone', 'PHONE'), ('contact', 'email', 'EMAIL'), ('contact', 'phone_key', 'TOKEN:PHONE'),
  ('contact_point', 'val', 'VALUE'), ('contact_point', 'lookup_key', 'TOKEN:PHONE'),
  ('address', 'street', 'ADDRESS'),
  ('sales_lead', 'phone', 'PHONE'), ('sales_lead', 'email', 'EMAIL'), ('sales_lead', 'phone_key', 'TOKEN:PHONE'),
  ('sales_lead', 'email_key', 'TOKEN:EMAIL'),
  ('sales_order', 'ship_to', 'ADDRESS'),
  ('call_log', 'phone', 'PHONE'), ('call_log', 'email', 'EMAIL'), ('call_list_entry', 'phone', 'PHONE'),
  ('campaign_recipient', 'email', 'EMAIL'), ('email_suppression', 'email_key', 'TOKEN:EMAIL'),
  ('survey_invitation', 'email', 'EMAIL'),
  -- a mail server's refusal quotes the address
  ('campaign_recipient', 'error', 'TEXT'), ('campaign_response', 'notes', 'TEXT'), ('email_suppression', 'detail', 'TEXT'),
  ('audit_log', 'old_value', 'FIELD'), ('audit_log', 'new_value', 'FIELD'),
  -- a merge's snapshots of whole rows, read only to undo or confirm it
  ('customer_merge', 'survivor_before', 'HIDE'), ('customer_merge', 'merged_row', 'HIDE'),
  ('customer_merge_row', 'snapshot', 'HIDE');

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${p}masks') THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN NOBYPASSRLS', '${p}masks');
  END IF;
  -- the owner makes the views and hands them to the masks' role
  EXECUTE format('GRANT %I TO %I', '${p}masks', current_user);
  -- a view's new owner must be able to create in its schema
  EXECUTE format('GRANT USAGE, CREATE ON SCHEMA gx_masked TO %I', '${p}masks');
END $$;

-- (Re)creates every masked view from the tables' columns as they are now; run after each migration with this script.
CREATE OR REPLACE FUNCTION gx_make_masked_views() RETURNS void LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
DECLARE
  t text;
  cols text;
BEGIN
  -- the row policies read other tables (a customer's deals, a case's queue) with the rights of the views' owner
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', '${p}masks');
  EXECUTE format('REVOKE ALL ON GX_SECRET, DATA_CHANGE FROM %I', '${p}masks');
  FOR t IN SELECT DISTINCT TBL FROM GX_PERSONAL_COLUMN WHERE to_regclass('public.' || TBL) IS NOT NULL LOOP
    SELECT string_agg(CASE
        WHEN m.HOW IS NULL THEN format('t.%I', c.column_name)
        WHEN m.HOW = 'FIELD' THEN format('CASE WHEN (SELECT gx_sees(''PHONE'')) THEN t.%1$I ELSE gx_mask_field(t.field, t.%1$I) END AS %1$I', c.column_name)
        WHEN m.HOW = 'VALUE' THEN format('CASE WHEN (SELECT gx_sees(''PHONE'')) THEN t.%1$I ELSE gx_mask(CASE WHEN strpos(t.%1$I, ''@'') > 0 THEN ''EMAIL'' ELSE ''PHONE'' END, t.%1$I) END AS %1$I', c.column_name)
        WHEN m.HOW = 'HIDE' THEN format('CASE WHEN (SELECT gx_sees(''PHONE'')) THEN t.%1$I END AS %1$I', c.column_name)
        WHEN m.HOW = 'TEXT' THEN format('CASE WHEN (SELECT gx_sees(''EMAIL'')) THEN t.%1$I ELSE regexp_replace(t.%1$I, ''([A-Za-z0-9])[A-Za-z0-9._%%+-]*@'', ''\1***@'', ''g'') END AS %1$I', c.column_name)
        WHEN m.HOW LIKE 'TOKEN:%' THEN format('CASE WHEN (SELECT gx_sees(%2$L)) THEN t.%1$I ELSE gx_token(t.%1$I) END AS %1$I', c.column_name, substr(m.HOW, 7))
        ELSE format('CASE WHEN (SELECT gx_sees(%2$L)) THEN t.%1$I ELSE gx_mask(%2$L, t.%1$I) END AS %1$I', c.column_name, m.HOW)
      END, ', ' ORDER BY c.ordinal_position)
      INTO cols
      FROM information_schema.columns c LEFT JOIN GX_PERSONAL_COLUMN m ON m.TBL = c.table_name AND m.COL = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name = t;
    EXECUTE format('DROP VIEW IF EXISTS gx_masked.%I', t);
    -- no WHERE of its own (the row policies of the table filter), so no security barrier is needed
    EXECUTE format('CREATE VIEW gx_masked.%I AS SELECT %s FROM public.%I t', t, cols, t);
    EXECUTE format('ALTER VIEW gx_masked.%I OWNER TO %I', t, '${p}masks');
    EXECUTE format('CREATE TRIGGER gx_write INSTEAD OF INSERT OR UPDATE OR DELETE ON gx_masked.%I FOR EACH ROW '
        || 'EXECUTE FUNCTION gx_masked_write()', t);
  END LOOP;
END $$;

-- A write through a masked view, done on the base table as the person (their grants and row policies): an insert
-- with the values given, an update of only the columns the statement changed (so a mask shown is never written
-- back), a delete by the key.
CREATE OR REPLACE FUNCTION gx_masked_write() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
DECLARE
  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
  changed text[];
BEGIN
  IF TG_OP = 'DELETE' AND o ->> 'id' IS NOT NULL THEN
    EXECUTE format('DELETE FROM public.%I WHERE id = $1', TG_TABLE_NAME) USING (o ->> 'id')::bigint;
    RETURN OLD;
  END IF;
  IF TG_OP <> 'INSERT' AND o ->> 'id' IS NULL THEN
    RAISE EXCEPTION '% through the masked view of % is not supported', TG_OP, TG_TABLE_NAME USING ERRCODE = '0A000';
  END IF;
  SELECT array_agg(key) INTO changed FROM jsonb_each(n) e
    WHERE (TG_OP = 'INSERT' AND e.value <> 'null'::jsonb) OR (TG_OP = 'UPDATE' AND o -> e.key IS DISTINCT FROM e.value);
  IF changed IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO public.%1$I (%2$s) SELECT %2$s FROM jsonb_populate_record(NULL::public.%1$I, $1)',
        TG_TABLE_NAME, (SELECT string_agg(format('%I', x), ', ') FROM unnest(changed) x)) USING n;
  ELSE
    EXECUTE format('UPDATE public.%1$I t SET (%2$s) = (SELECT %2$s FROM jsonb_populate_record(NULL::public.%1$I, $1)) '
        || 'WHERE t.id = $2', TG_TABLE_NAME, (SELECT string_agg(format('%I', x), ', ') FROM unnest(changed) x))
      USING n, (o ->> 'id')::bigint;
  END IF;
  RETURN NEW;
END $$;

SELECT gx_make_masked_views();
GRANT USAGE ON SCHEMA gx_masked TO ${p}users;
GRANT EXECUTE ON FUNCTION gx_mask(text, text), gx_token(text), gx_sees(text), public.gx_key(text, text),
  gx_masked.gx_key(text, text), gx_field_kind(text, text), gx_mask_field(text, text) TO ${p}users, ${p}masks;
REVOKE ALL ON FUNCTION gx_reveal(bigint, text, timestamp) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gx_reveal(bigint, text, timestamp) TO ${p}users;
REVOKE ALL ON FUNCTION gx_make_masked_views(), gx_masked_write() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gx_masked_write() TO ${p}users;

-- whether a login's application roles lack PERSONAL_DATA
CREATE OR REPLACE FUNCTION gx_masked_login(p_login text) RETURNS boolean LANGUAGE sql STABLE
  SET search_path = public, pg_temp
  AS $$ SELECT NOT EXISTS (SELECT 1 FROM APP_ROLE r JOIN ROLE_PERMISSION rp ON rp.ROLE_ID = r.ID
                           JOIN pg_roles g ON g.rolname = '${p}' || lower(r.NAME)
                           WHERE rp.PERMISSION = 'PERSONAL_DATA' AND pg_has_role(p_login, g.oid, 'MEMBER')) $$;

-- The groups without PERSONAL_DATA select the base tables' other columns only and the masked views instead, with the
-- same writes through them; the logins of persons without it look in gx_masked first. Called by gx_apply_grants.
CREATE OR REPLACE FUNCTION gx_apply_masks() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  g text;
  t text;
  cols text;
  privs text;
  who text;
BEGIN
  FOR g IN SELECT lower(r.NAME) FROM APP_ROLE r WHERE r.NAME <> 'ADMIN'
      AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${p}' || lower(r.NAME)) LOOP
    FOR t IN SELECT DISTINCT TBL FROM GX_PERSONAL_COLUMN WHERE to_regclass('gx_masked.' || TBL) IS NOT NULL LOOP
      EXECUTE format('REVOKE ALL ON gx_masked.%I FROM %I', t, '${p}' || g);
      CONTINUE WHEN NOT has_table_privilege('${p}' || g, 'public.' || t, 'SELECT')
        OR NOT gx_masked_group(g);
      SELECT string_agg(format('%I', c.column_name), ', ') INTO cols FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.table_name = t
          AND NOT EXISTS (SELECT 1 FROM GX_PERSONAL_COLUMN m WHERE m.TBL = t AND m.COL = c.column_name);
      privs := concat_ws(', ', 'SELECT',
        CASE WHEN has_table_privilege('${p}' || g, 'public.' || t, 'INSERT') THEN 'INSERT' END,
        CASE WHEN has_table_privilege('${p}' || g, 'public.' || t, 'UPDATE') THEN 'UPDATE' END,
        CASE WHEN has_table_privilege('${p}' || g, 'public.' || t, 'DELETE') THEN 'DELETE' END);
      EXECUTE format('REVOKE SELECT ON public.%I FROM %I', t, '${p}' || g);
      EXECUTE format('GRANT SELECT (%s) ON public.%I TO %I', cols, t, '${p}' || g);
      EXECUTE format('GRANT %s ON gx_masked.%I TO %I', privs, t, '${p}' || g);
    END LOOP;
  END LOOP;
  -- the trail is everyone's to read (its row policy decides what) and to add to: its values in full only for those
  -- whose groups have PERSONAL_DATA, through the masked view for the others
  IF to_regclass('gx_masked.audit_log') IS NULL THEN
    RETURN; -- the views are being made anew (after a migration); the script calls this again
  END IF;
  EXECUTE format('REVOKE SELECT ON public.audit_log FROM %I', '${p}users');
  EXECUTE format('GRANT SELECT (%s) ON public.audit_log TO %I', (SELECT string_agg(format('%I', c.column_name), ', ')
      FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = 'audit_log'
        AND c.column_name NOT IN ('old_value', 'new_value')), '${p}users');
  EXECUTE format('GRANT SELECT, INSERT ON gx_masked.audit_log TO %I', '${p}users');
  FOR g IN SELECT lower(r.NAME) FROM APP_ROLE r WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${p}' || lower(r.NAME)) LOOP
    IF gx_masked_group(g) THEN
      EXECUTE format('REVOKE SELECT (old_value, new_value) ON public.audit_log FROM %I', '${p}' || g);
    ELSE
      EXECUTE format('GRANT SELECT ON public.audit_log TO %I', '${p}' || g);
    END IF;
  END LOOP;
  FOR who IN SELECT m.rolname FROM pg_roles m WHERE m.rolcanlogin AND pg_has_role(m.oid, '${p}users', 'MEMBER')
      AND NOT m.rolsuper LOOP
    PERFORM gx_apply_search_path(who);
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION gx_apply_masks() FROM PUBLIC;

-- whether an application role's group lacks PERSONAL_DATA
CREATE OR REPLACE FUNCTION gx_masked_group(p_group text) RETURNS boolean LANGUAGE sql STABLE
  SET search_path = public, pg_temp
  AS $$ SELECT NOT EXISTS (SELECT 1 FROM APP_ROLE r JOIN ROLE_PERMISSION rp ON rp.ROLE_ID = r.ID
                           WHERE lower(r.NAME) = p_group AND rp.PERMISSION = 'PERSONAL_DATA') $$;

CREATE OR REPLACE FUNCTION gx_apply_search_path(p_login text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  IF gx_masked_login(p_login) THEN
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = gx_masked, public', p_login, current_database());
  ELSE
    EXECUTE format('ALTER ROLE %I IN DATABASE %I RESET search_path', p_login, current_database());
  END IF;
END $$;
REVOKE ALL ON FUNCTION gx_apply_search_path(text), gx_masked_group(text), gx_masked_login(text) FROM PUBLIC;

-- the grants anew, now with the masks (gx_apply_grants calls gx_apply_masks after its own)
SELECT gx_apply_grants();
