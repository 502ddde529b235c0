CREATE TABLE "client" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_kana" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"municipality_code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"case_intake_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_sex_check" CHECK ("client"."sex" in ('female','male','other','unknown')),
	CONSTRAINT "client_status_check" CHECK ("client"."status" in ('active','closed'))
);
--> statement-breakpoint
CREATE TABLE "client_contact" (
	"client_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_medical" (
	"client_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_profile" (
	"client_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_team_member" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"role" text NOT NULL,
	"role_note" text DEFAULT '' NOT NULL,
	"user_id" text,
	"office_id" text,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"added_by" text,
	CONSTRAINT "client_team_member_who_check" CHECK ("client_team_member"."user_id" is not null or "client_team_member"."office_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"recipient_type" text NOT NULL,
	"recipient_office_id" text,
	"recipient_user_id" text,
	"recipient_name" text DEFAULT '' NOT NULL,
	"scopes" text[] NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"given_by" text NOT NULL,
	"given_by_relation" text NOT NULL,
	"consented_on" date NOT NULL,
	"method" text NOT NULL,
	"document" text DEFAULT '' NOT NULL,
	"expires_on" date,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text,
	CONSTRAINT "consent_recipient_type_check" CHECK ("consent"."recipient_type" in ('office','user','external'))
);
--> statement-breakpoint
CREATE TABLE "provision_record" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_office_id" text,
	"recipient_user_id" text,
	"scopes" text[] NOT NULL,
	"items" text[] NOT NULL,
	"consent_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" text,
	"by_name" text NOT NULL,
	"retain_until" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_event" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"notified_user_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timeline_event_kind_check" CHECK ("timeline_event"."kind" in ('admission','discharge','condition_change','plan_change','note'))
);
--> statement-breakpoint
CREATE TABLE "assessment" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"assessed_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"sections" jsonb NOT NULL,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"revision" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_on" date NOT NULL,
	"start_date" date NOT NULL,
	"review_date" date,
	"monitoring_period_months" integer NOT NULL,
	"is_new_plan" boolean DEFAULT false NOT NULL,
	"header" jsonb NOT NULL,
	"wishes" text DEFAULT '' NOT NULL,
	"policy" text DEFAULT '' NOT NULL,
	"long_term_goal" text DEFAULT '' NOT NULL,
	"short_term_goal" text DEFAULT '' NOT NULL,
	"needs" jsonb NOT NULL,
	"weekly" jsonb NOT NULL,
	"agreed_on" date,
	"agreed_by" text,
	"superseded_at" timestamp with time zone,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_plan_status_check" CHECK ("care_plan"."status" in ('draft','agreed','superseded')),
	CONSTRAINT "care_plan_kind_check" CHECK ("care_plan"."kind" in ('child','adult')),
	CONSTRAINT "care_plan_period_check" CHECK ("care_plan"."monitoring_period_months" in (1,3,6))
);
--> statement-breakpoint
CREATE TABLE "case_conference" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"plan_id" text,
	"held_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"attendees" jsonb NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"decisions" jsonb NOT NULL,
	"tasks" jsonb NOT NULL,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_report" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"conducted_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"overall" text DEFAULT '' NOT NULL,
	"goals" jsonb NOT NULL,
	"plan_change_needed" boolean DEFAULT false NOT NULL,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client" ADD CONSTRAINT "client_municipality_code_municipality_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipality"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client" ADD CONSTRAINT "client_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_contact" ADD CONSTRAINT "client_contact_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_contact" ADD CONSTRAINT "client_contact_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_medical" ADD CONSTRAINT "client_medical_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_medical" ADD CONSTRAINT "client_medical_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_profile" ADD CONSTRAINT "client_profile_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_profile" ADD CONSTRAINT "client_profile_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_team_member" ADD CONSTRAINT "client_team_member_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_team_member" ADD CONSTRAINT "client_team_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_team_member" ADD CONSTRAINT "client_team_member_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_team_member" ADD CONSTRAINT "client_team_member_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recipient_office_id_office_id_fk" FOREIGN KEY ("recipient_office_id") REFERENCES "public"."office"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recipient_user_id_user_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_revoked_by_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_record" ADD CONSTRAINT "provision_record_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_event" ADD CONSTRAINT "timeline_event_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_event" ADD CONSTRAINT "timeline_event_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan" ADD CONSTRAINT "care_plan_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan" ADD CONSTRAINT "care_plan_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference" ADD CONSTRAINT "case_conference_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference" ADD CONSTRAINT "case_conference_plan_id_care_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plan"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference" ADD CONSTRAINT "case_conference_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_report" ADD CONSTRAINT "monitoring_report_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_report" ADD CONSTRAINT "monitoring_report_plan_id_care_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plan"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_report" ADD CONSTRAINT "monitoring_report_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_name_kana_idx" ON "client" USING btree ("name_kana");--> statement-breakpoint
CREATE INDEX "client_municipality_idx" ON "client" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "client_team_member_client_idx" ON "client_team_member" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_team_member_user_idx" ON "client_team_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "client_team_member_office_idx" ON "client_team_member" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "consent_client_idx" ON "consent" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "consent_recipient_office_idx" ON "consent" USING btree ("recipient_office_id");--> statement-breakpoint
CREATE INDEX "consent_recipient_user_idx" ON "consent" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "provision_record_client_idx" ON "provision_record" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "timeline_event_client_idx" ON "timeline_event" USING btree ("client_id","occurred_at");--> statement-breakpoint
CREATE INDEX "assessment_client_idx" ON "assessment" USING btree ("client_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_client_revision_idx" ON "care_plan" USING btree ("client_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_one_agreed_idx" ON "care_plan" USING btree ("client_id") WHERE "care_plan"."status" = 'agreed';--> statement-breakpoint
CREATE INDEX "case_conference_client_idx" ON "case_conference" USING btree ("client_id","held_at");--> statement-breakpoint
CREATE INDEX "monitoring_report_client_idx" ON "monitoring_report" USING btree ("client_id","conducted_on");