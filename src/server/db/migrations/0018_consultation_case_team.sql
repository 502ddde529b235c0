-- Issue #6: a case-linked question in "ask a coordinator" is visible to the asker, the
-- coordinators and that client's support team (docs/network.md). The team is read through
-- this function because client_team_member is under FORCE ROW LEVEL SECURITY (0007): SECURITY
-- DEFINER + tsunagu.system, as tsunagu_caseload() in the person-caseload migration. Only a
-- yes/no leaves the function. A member is the person, or their office when the office as a
-- whole is on the team; removed members are not.
CREATE OR REPLACE FUNCTION tsunagu_on_case_team(p_client_id text, p_user_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET tsunagu.system = 'on'
AS $$
  SELECT EXISTS (
    SELECT 1
    FROM client_team_member m
    WHERE m.client_id = p_client_id
      AND m.removed_at IS NULL
      AND (m.user_id = p_user_id
        OR (m.user_id IS NULL AND m.office_id IN (SELECT om.office_id FROM office_membership om WHERE om.user_id = p_user_id)))
  )
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tsunagu_on_case_team(text, text) TO tsunagu_app;
