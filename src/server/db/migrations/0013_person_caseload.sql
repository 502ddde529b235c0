-- The one definition of a consultant's current caseload (issue #4, docs/referrals.md §1):
-- the active client records they hold as the team's consultant (主担当), plus the assigned
-- referral cases that have no record yet (handed over before records existed). A case whose
-- acceptance opened a record is counted through the record, so it is never counted twice, and
-- a record opened directly (not from a referral) counts as well.
--
-- SECURITY DEFINER + tsunagu.system (as tsunagu_access() in 0007): the registry shows the count
-- to every network member, but the count must not depend on which records the reader may see,
-- and client_team_member is under FORCE ROW LEVEL SECURITY. Only a number leaves the function.
CREATE OR REPLACE FUNCTION tsunagu_caseload(p_user_id text) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET tsunagu.system = 'on'
AS $$
  SELECT (
    SELECT count(DISTINCT m.client_id)::int
    FROM client_team_member m
    JOIN client c ON c.id = m.client_id
    WHERE m.user_id = p_user_id AND m.role = 'consultant' AND m.removed_at IS NULL AND c.status = 'active'
  ) + (
    SELECT count(*)::int
    FROM referral_case rc
    WHERE rc.assigned_consultant_id = p_user_id AND rc.status = 'assigned' AND rc.client_id IS NULL
  )
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tsunagu_caseload(text) TO tsunagu_app;
