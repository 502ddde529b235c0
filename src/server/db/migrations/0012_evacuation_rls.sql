-- Evacuation plans are client data (decision 012). Same pattern as 0007_client_rls.sql: RLS
-- enabled and forced, the app runs as `tsunagu_app` with `tsunagu.user_id` set, system work
-- sets `tsunagu.system = on`. Two ways in:
-- 1. The support team, within the guardian's consent (scope `plan` for the plan and its
--    versions; any scope for the list of evacuation consents) — as for care plans.
-- 2. Officials of the client's municipality, only while the guardian's consent to give the
--    plan to that city (evacuation_consent, kind 'city') is active: they read, approve
--    (update + a version row) and record provisions. Without that consent the city sees the
--    client only in counts, which the app computes as system work and returns as numbers.
-- The tables were created by the same migrating role, so 0007's default privileges apply;
-- the grants are repeated for a deployment where a DBA created the tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON "evacuation_plan", "evacuation_consent" TO tsunagu_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "evacuation_plan_version" TO tsunagu_app;
--> statement-breakpoint
-- Versions are history: nothing rewrites or removes one.
REVOKE UPDATE, DELETE, TRUNCATE ON "evacuation_plan_version" FROM PUBLIC, tsunagu_app;
--> statement-breakpoint
-- Client ids whose plan the current user may see as an official of the client's city: the
-- user has the official role, is not banned, belongs to the municipality, and the guardian's
-- active consent to kind 'city' names that municipality, which is still the client's.
-- SECURITY DEFINER + tsunagu.system so its own reads are not filtered (no policy recursion).
CREATE OR REPLACE FUNCTION tsunagu_evacuation_city_ids() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET tsunagu.system = 'on'
AS $$
  SELECT DISTINCT ec.client_id
  FROM "user" u
  JOIN evacuation_consent ec
    ON ec.recipient_kind = 'city'
   AND ec.recipient_municipality_code = u.municipality_code
   AND ec.revoked_at IS NULL
   AND (ec.expires_on IS NULL OR ec.expires_on >= (now() AT TIME ZONE 'Asia/Tokyo')::date)
  JOIN client c ON c.id = ec.client_id AND c.municipality_code = ec.recipient_municipality_code
  WHERE u.id = nullif(current_setting('tsunagu.user_id', true), '')
    AND 'official' = ANY (string_to_array(coalesce(u.role, ''), ','))
    AND coalesce(u.banned, false) = false
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tsunagu_evacuation_city_ids() TO tsunagu_app;
--> statement-breakpoint
DO $$
DECLARE
  spec text[][] := ARRAY[
    ['evacuation_plan', 'plan'],
    ['evacuation_plan_version', 'plan'],
    ['evacuation_consent', NULL]
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
CREATE POLICY evacuation_plan_city_read ON "evacuation_plan" FOR SELECT USING (client_id IN (SELECT tsunagu_evacuation_city_ids()));
--> statement-breakpoint
-- Approval by the city's official.
CREATE POLICY evacuation_plan_city_approve ON "evacuation_plan" FOR UPDATE
  USING (client_id IN (SELECT tsunagu_evacuation_city_ids()))
  WITH CHECK (client_id IN (SELECT tsunagu_evacuation_city_ids()));
--> statement-breakpoint
CREATE POLICY evacuation_plan_version_city_read ON "evacuation_plan_version" FOR SELECT USING (client_id IN (SELECT tsunagu_evacuation_city_ids()));
--> statement-breakpoint
CREATE POLICY evacuation_plan_version_city_insert ON "evacuation_plan_version" FOR INSERT WITH CHECK (client_id IN (SELECT tsunagu_evacuation_city_ids()));
--> statement-breakpoint
CREATE POLICY evacuation_consent_city_read ON "evacuation_consent" FOR SELECT USING (client_id IN (SELECT tsunagu_evacuation_city_ids()));
--> statement-breakpoint
-- The city gives the plan on (fire department, neighbourhood association…) and exports the
-- simulation for the disaster response: each is a provision record (APPI), written by the official.
CREATE POLICY provision_record_evacuation_city ON "provision_record" FOR INSERT WITH CHECK (client_id IN (SELECT tsunagu_evacuation_city_ids()));