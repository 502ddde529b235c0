-- Client data is readable only by the client's support team, within the scopes the guardian
-- consented to (decision 010). Enforced here, not only in the API, so a query that forgets its
-- `where` cannot leak another client's record.
--
-- How: the app runs client-data transactions as the role `tsunagu_app` (SET LOCAL ROLE, see
-- features/clients/client-access.ts) with `tsunagu.user_id` set to the signed-in user.
-- Superusers bypass row-level security even with FORCE (PGlite's only user is one), so the
-- role switch is what makes the policies apply on every target; FORCE additionally covers a
-- deployment whose (non-superuser) login role owns the tables. System jobs set
-- `tsunagu.system = on`, which the policies accept.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tsunagu_app') THEN
    CREATE ROLE tsunagu_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
-- The login role must be a member to SET ROLE (superusers need not be; a failure here is
-- reported by withClientAccess at the first request instead of blocking the migration).
DO $$
BEGIN
  EXECUTE format('GRANT tsunagu_app TO %I', current_user);
EXCEPTION WHEN others THEN
  RAISE NOTICE 'could not grant tsunagu_app to %: %', current_user, SQLERRM;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tsunagu_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tsunagu_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tsunagu_app;
--> statement-breakpoint
-- Tables created by later migrations (same migrating role) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tsunagu_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tsunagu_app;
--> statement-breakpoint
-- Credentials are never needed inside a client-data transaction.
REVOKE ALL ON "account", "session", "verification", "two_factor", "api_token", "totp_used" FROM tsunagu_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM tsunagu_app;
--> statement-breakpoint
-- (client id, scope) pairs the current user may see: active team memberships (as a person, or
-- through an office the person belongs to) matched with active consents to that member's
-- recipient (the office, or the person). SECURITY DEFINER + tsunagu.system so that reading
-- the membership and consent tables here is not itself filtered (no policy recursion).
CREATE OR REPLACE FUNCTION tsunagu_access() RETURNS TABLE (client_id text, scope text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET tsunagu.system = 'on'
AS $$
  WITH me AS (SELECT nullif(current_setting('tsunagu.user_id', true), '') AS uid),
  my_offices AS (SELECT om.office_id FROM office_membership om, me WHERE om.user_id = me.uid),
  my_members AS (
    SELECT m.client_id, m.user_id, m.office_id
    FROM client_team_member m, me
    WHERE m.removed_at IS NULL
      AND (m.user_id = me.uid OR (m.user_id IS NULL AND m.office_id IN (SELECT office_id FROM my_offices)))
  )
  SELECT DISTINCT c.client_id, s.scope
  FROM my_members mm
  JOIN consent c
    ON c.client_id = mm.client_id
   AND c.revoked_at IS NULL
   AND (c.expires_on IS NULL OR c.expires_on >= (now() AT TIME ZONE 'Asia/Tokyo')::date)
   AND ((c.recipient_type = 'office' AND c.recipient_office_id = mm.office_id)
     OR (c.recipient_type = 'user' AND c.recipient_user_id = mm.user_id))
  CROSS JOIN LATERAL unnest(c.scopes) AS s(scope)
$$;
--> statement-breakpoint
-- Client ids visible with a scope (NULL = any scope).
CREATE OR REPLACE FUNCTION tsunagu_client_ids(p_scope text) RETURNS SETOF text
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$ SELECT a.client_id FROM tsunagu_access() a WHERE p_scope IS NULL OR a.scope = p_scope $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tsunagu_is_system() RETURNS boolean
LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('tsunagu.system', true), '') = 'on' $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tsunagu_access(), tsunagu_client_ids(text), tsunagu_is_system() TO tsunagu_app;
--> statement-breakpoint
ALTER TABLE "client" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY client_team ON "client" USING (tsunagu_is_system() OR id IN (SELECT tsunagu_client_ids(NULL)));
--> statement-breakpoint
DO $$
DECLARE
  -- table → scope needed (NULL = any consented scope, for the team/consent/provision lists)
  spec text[][] := ARRAY[
    ['client_profile', 'profile'],
    ['client_contact', 'contact'],
    ['client_medical', 'medical'],
    ['timeline_event', 'timeline'],
    ['assessment', 'plan'],
    ['care_plan', 'plan'],
    ['monitoring_report', 'plan'],
    ['case_conference', 'plan'],
    ['client_team_member', NULL],
    ['consent', NULL],
    ['provision_record', NULL]
  ];
  i int;
  t text;
  s text;
BEGIN
  FOR i IN 1 .. array_length(spec, 1) LOOP
    t := spec[i][1];
    s := spec[i][2];
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING (tsunagu_is_system() OR client_id IN (SELECT tsunagu_client_ids(%L))) WITH CHECK (tsunagu_is_system() OR client_id IN (SELECT tsunagu_client_ids(%L)))',
      t || '_team', t, s, s);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The emergency summary (scope `emergency`) reads the medical and contact rows; writing them
-- still needs the full scope.
CREATE POLICY client_medical_emergency_read ON "client_medical" FOR SELECT USING (client_id IN (SELECT tsunagu_client_ids('emergency')));
--> statement-breakpoint
CREATE POLICY client_contact_emergency_read ON "client_contact" FOR SELECT USING (client_id IN (SELECT tsunagu_client_ids('emergency')));
--> statement-breakpoint
-- APPI: provision records are kept at least 3 years; nothing may change or remove them.
CREATE OR REPLACE FUNCTION provision_record_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'provision_record is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER provision_record_no_update BEFORE UPDATE OR DELETE ON "provision_record"
  FOR EACH ROW EXECUTE FUNCTION provision_record_reject_change();
--> statement-breakpoint
CREATE TRIGGER provision_record_no_truncate BEFORE TRUNCATE ON "provision_record"
  FOR EACH STATEMENT EXECUTE FUNCTION provision_record_reject_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "provision_record" FROM PUBLIC, tsunagu_app;
