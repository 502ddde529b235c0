-- Hand-over from referral to client record (docs/referrals.md §7): the case keeps the client
-- it opened, the intake may record the sex, a backup remembers the team membership it added,
-- and one record per intake case.
ALTER TABLE "case_backup" ADD COLUMN "client_team_member_id" text;--> statement-breakpoint
ALTER TABLE "referral_case" ADD COLUMN "client_sex" text;--> statement-breakpoint
ALTER TABLE "referral_case" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "case_backup" ADD CONSTRAINT "case_backup_client_team_member_id_client_team_member_id_fk" FOREIGN KEY ("client_team_member_id") REFERENCES "public"."client_team_member"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_case" ADD CONSTRAINT "referral_case_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_case_client_uq" ON "referral_case" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_case_intake_uq" ON "client" USING btree ("case_intake_id") WHERE "client"."case_intake_id" is not null;--> statement-breakpoint
ALTER TABLE "referral_case" ADD CONSTRAINT "referral_case_client_sex_check" CHECK ("referral_case"."client_sex" is null or "referral_case"."client_sex" in ('female','male','other','unknown'));