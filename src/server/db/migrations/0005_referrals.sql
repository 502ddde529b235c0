CREATE TABLE "person_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"coordinator_training_year" integer,
	"accepts_medical_care" text NOT NULL,
	"care_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_caseload" integer NOT NULL,
	"municipalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"available_days" text[] DEFAULT '{}'::text[] NOT NULL,
	"declared_gender" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"backup_available" boolean DEFAULT false NOT NULL,
	"max_backup_cases" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "person_profile_accepts_check" CHECK ("person_profile"."accepts_medical_care" in ('yes','with_backup','no')),
	CONSTRAINT "person_profile_gender_check" CHECK ("person_profile"."declared_gender" is null or "person_profile"."declared_gender" in ('female','male','other')),
	CONSTRAINT "person_profile_max_caseload_check" CHECK ("person_profile"."max_caseload" >= 0)
);
--> statement-breakpoint
CREATE TABLE "case_backup" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"consultant_id" text NOT NULL,
	"coordinator_id" text,
	"status" text NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "case_backup_status_check" CHECK ("case_backup"."status" in ('requested','accepted','declined','ended')),
	CONSTRAINT "case_backup_coordinator_check" CHECK ("case_backup"."status" in ('requested','declined') or "case_backup"."coordinator_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "referral_case" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipality_code" text NOT NULL,
	"age_years" integer NOT NULL,
	"care_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"services_wanted" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"urgency" text NOT NULL,
	"wishes" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_note" text DEFAULT '' NOT NULL,
	"consent_obtained_on" date NOT NULL,
	"consent_method" text NOT NULL,
	"consent_given_by" text NOT NULL,
	"consent_share_with" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_note" text DEFAULT '' NOT NULL,
	"consent_recorded_by" text,
	"client_name" text NOT NULL,
	"client_name_kana" text,
	"client_birth_date" date,
	"client_address" text,
	"guardian_name" text,
	"guardian_contact" text,
	"assigned_consultant_id" text,
	"assigned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	CONSTRAINT "referral_case_status_check" CHECK ("referral_case"."status" in ('open','assigned','closed')),
	CONSTRAINT "referral_case_urgency_check" CHECK ("referral_case"."urgency" in ('urgent','soon','normal')),
	CONSTRAINT "referral_case_assigned_check" CHECK ("referral_case"."status" <> 'assigned' or "referral_case"."assigned_consultant_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "referral_offer" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"candidate_id" text NOT NULL,
	"sender_id" text NOT NULL,
	"backup_coordinator_id" text,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"match_score" real,
	"match_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"respond_by" date,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"decline_reason" text,
	"decline_note" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "referral_offer_status_check" CHECK ("referral_offer"."status" in ('draft','sent','viewed','accepted','declined','expired','withdrawn','completed'))
);
--> statement-breakpoint
CREATE TABLE "referral_offer_event" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"offer_id" text NOT NULL,
	"case_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_profile" ADD CONSTRAINT "person_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_profile" ADD CONSTRAINT "person_profile_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_backup" ADD CONSTRAINT "case_backup_case_id_referral_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."referral_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_backup" ADD CONSTRAINT "case_backup_consultant_id_user_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_backup" ADD CONSTRAINT "case_backup_coordinator_id_user_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_backup" ADD CONSTRAINT "case_backup_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_case" ADD CONSTRAINT "referral_case_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_case" ADD CONSTRAINT "referral_case_municipality_code_municipality_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipality"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_case" ADD CONSTRAINT "referral_case_consent_recorded_by_user_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_case" ADD CONSTRAINT "referral_case_assigned_consultant_id_user_id_fk" FOREIGN KEY ("assigned_consultant_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_offer" ADD CONSTRAINT "referral_offer_case_id_referral_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."referral_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_offer" ADD CONSTRAINT "referral_offer_candidate_id_user_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_offer" ADD CONSTRAINT "referral_offer_sender_id_user_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_offer" ADD CONSTRAINT "referral_offer_backup_coordinator_id_user_id_fk" FOREIGN KEY ("backup_coordinator_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_offer_event" ADD CONSTRAINT "referral_offer_event_offer_id_referral_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."referral_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_offer_event" ADD CONSTRAINT "referral_offer_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_profile_municipalities_idx" ON "person_profile" USING gin ("municipalities");--> statement-breakpoint
CREATE INDEX "person_profile_care_items_idx" ON "person_profile" USING gin ("care_items");--> statement-breakpoint
CREATE INDEX "case_backup_case_idx" ON "case_backup" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_backup_coordinator_idx" ON "case_backup" USING btree ("coordinator_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "case_backup_live_uq" ON "case_backup" USING btree ("case_id") WHERE "case_backup"."status" in ('requested','accepted');--> statement-breakpoint
CREATE INDEX "referral_case_status_idx" ON "referral_case" USING btree ("status","municipality_code","created_at");--> statement-breakpoint
CREATE INDEX "referral_case_assigned_idx" ON "referral_case" USING btree ("assigned_consultant_id","status");--> statement-breakpoint
CREATE INDEX "referral_case_created_by_idx" ON "referral_case" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "referral_offer_case_idx" ON "referral_offer" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referral_offer_candidate_idx" ON "referral_offer" USING btree ("candidate_id","status");--> statement-breakpoint
CREATE INDEX "referral_offer_open_idx" ON "referral_offer" USING btree ("status","respond_by");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_offer_live_uq" ON "referral_offer" USING btree ("case_id","candidate_id") WHERE "referral_offer"."status" in ('draft','sent','viewed','accepted','completed');--> statement-breakpoint
CREATE INDEX "referral_offer_event_offer_idx" ON "referral_offer_event" USING btree ("offer_id","at");--> statement-breakpoint
CREATE INDEX "referral_offer_event_case_idx" ON "referral_offer_event" USING btree ("case_id","at");