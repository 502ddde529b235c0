-- The access log is append-only for every database role, including the table owner:
-- UPDATE, DELETE and TRUNCATE raise. Tampering by someone who can drop the trigger is
-- still detected by the hash chain (`npm run cli -- audit:verify`).
CREATE OR REPLACE FUNCTION audit_event_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
