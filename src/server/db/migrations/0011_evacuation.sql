CREATE TABLE "evacuation_consent" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_municipality_code" text,
	"items" text[] NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"given_by" text NOT NULL,
	"given_by_relation" text NOT NULL,
	"consented_on" date NOT NULL,
	"method" text NOT NULL,
	"document" text DEFAULT '' NOT NULL,
	"expires_on" date,
	"recorded_by" text,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text,
	CONSTRAINT "evacuation_consent_city_check" CHECK ("evacuation_consent"."recipient_kind" <> 'city' or "evacuation_consent"."recipient_municipality_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "evacuation_plan" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"municipality_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"runtime_hours" double precision,
	"assumptions_version" text NOT NULL,
	"summary" jsonb NOT NULL,
	"name" text NOT NULL,
	"name_kana" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"approved_version" integer,
	"approved_at" timestamp with time zone,
	"approved_by_user_id" text,
	"approved_by_name" text,
	"review_due_on" date,
	"review_notified_for" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" text,
	"updated_by_name" text NOT NULL,
	CONSTRAINT "evacuation_plan_status_check" CHECK ("evacuation_plan"."status" in ('draft','approved'))
);
--> statement-breakpoint
CREATE TABLE "evacuation_plan_version" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"client_id" text NOT NULL,
	"version" integer NOT NULL,
	"event" text NOT NULL,
	"status" text NOT NULL,
	"body" jsonb NOT NULL,
	"runtime_hours" double precision,
	"by_user_id" text,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "evacuation_plan_version_event_check" CHECK ("evacuation_plan_version"."event" in ('save','approve'))
);
--> statement-breakpoint
ALTER TABLE "evacuation_consent" ADD CONSTRAINT "evacuation_consent_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_consent" ADD CONSTRAINT "evacuation_consent_recipient_municipality_code_municipality_code_fk" FOREIGN KEY ("recipient_municipality_code") REFERENCES "public"."municipality"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_consent" ADD CONSTRAINT "evacuation_consent_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_consent" ADD CONSTRAINT "evacuation_consent_revoked_by_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_plan" ADD CONSTRAINT "evacuation_plan_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_plan" ADD CONSTRAINT "evacuation_plan_municipality_code_municipality_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipality"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_plan" ADD CONSTRAINT "evacuation_plan_approved_by_user_id_user_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_plan" ADD CONSTRAINT "evacuation_plan_updated_by_user_id_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_plan_version" ADD CONSTRAINT "evacuation_plan_version_plan_id_evacuation_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evacuation_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_plan_version" ADD CONSTRAINT "evacuation_plan_version_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evacuation_plan_version" ADD CONSTRAINT "evacuation_plan_version_by_user_id_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evacuation_consent_client_idx" ON "evacuation_consent" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "evacuation_consent_city_idx" ON "evacuation_consent" USING btree ("recipient_municipality_code","client_id") WHERE "evacuation_consent"."recipient_kind" = 'city' and "evacuation_consent"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "evacuation_plan_client_idx" ON "evacuation_plan" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "evacuation_plan_municipality_runtime_idx" ON "evacuation_plan" USING btree ("municipality_code","runtime_hours","name_kana","client_id");--> statement-breakpoint
CREATE INDEX "evacuation_plan_runtime_idx" ON "evacuation_plan" USING btree ("runtime_hours","name_kana","client_id");--> statement-breakpoint
CREATE INDEX "evacuation_plan_lat_lon_idx" ON "evacuation_plan" USING btree ("lat","lon");--> statement-breakpoint
CREATE INDEX "evacuation_plan_review_idx" ON "evacuation_plan" USING btree ("review_due_on") WHERE "evacuation_plan"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "evacuation_plan_version_idx" ON "evacuation_plan_version" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "evacuation_plan_version_client_idx" ON "evacuation_plan_version" USING btree ("client_id");