CREATE TABLE "notification" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox_email" (
	"id" text PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_token" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue" text,
	"online_url" text,
	"target_audience" text DEFAULT '' NOT NULL,
	"staff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"programme" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer,
	"registration_open" boolean DEFAULT true NOT NULL,
	"registration_closes_at" timestamp with time zone,
	"public_registration" boolean DEFAULT false NOT NULL,
	"public_token" text NOT NULL,
	"minutes" text,
	"host_municipality_code" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_public_token_unique" UNIQUE("public_token"),
	CONSTRAINT "event_kind_check" CHECK ("event"."kind" in ('coordinator_meeting','training','case_study','council')),
	CONSTRAINT "event_status_check" CHECK ("event"."status" in ('scheduled','cancelled')),
	CONSTRAINT "event_time_check" CHECK ("event"."ends_at" >= "event"."starts_at"),
	CONSTRAINT "event_capacity_check" CHECK ("event"."capacity" is null or "event"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "event_group" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"name" text NOT NULL,
	"facilitator_name" text,
	"facilitator_user_id" text,
	"summary" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_material" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registration" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"user_id" text,
	"source" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_normalized" text NOT NULL,
	"office_name" text DEFAULT '' NOT NULL,
	"municipality_code" text,
	"municipality_name" text DEFAULT '' NOT NULL,
	"participant_role" text NOT NULL,
	"is_staff" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"check_in_code" text NOT NULL,
	"cancel_token_hash" text,
	"checked_in_at" timestamp with time zone,
	"group_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "event_registration_check_in_code_unique" UNIQUE("check_in_code"),
	CONSTRAINT "event_registration_status_check" CHECK ("event_registration"."status" in ('registered','waitlisted','cancelled')),
	CONSTRAINT "event_registration_source_check" CHECK ("event_registration"."source" in ('member','public','staff'))
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"options" jsonb NOT NULL,
	"positive_options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "survey" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"event_id" text,
	"is_anonymous" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closes_at" timestamp with time zone,
	"copied_from_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_status_check" CHECK ("survey"."status" in ('draft','open','closed'))
);
--> statement-breakpoint
CREATE TABLE "survey_answer" (
	"response_id" text NOT NULL,
	"question_id" text NOT NULL,
	"choices" jsonb,
	"number_value" double precision,
	"text_value" text,
	CONSTRAINT "survey_answer_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" text,
	"registration_id" text,
	"email" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_question" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"text" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_value" double precision,
	"max_value" double precision,
	"indicator_id" text,
	"indicator_option_map" jsonb,
	CONSTRAINT "survey_question_type_check" CHECK ("survey_question"."type" in ('single','multiple','likert','number','text'))
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"user_id" text,
	"respondent_name" text,
	"respondent_email" text,
	"municipality_name" text,
	"respondent_role" text,
	"submitted_on" date NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultation" (
	"id" text PRIMARY KEY NOT NULL,
	"asker_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"case_ref" text,
	"asker_hidden" boolean DEFAULT false NOT NULL,
	"municipality_code" text,
	"care_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"life_stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_status_check" CHECK ("consultation"."status" in ('open','resolved'))
);
--> statement-breakpoint
CREATE TABLE "consultation_answer" (
	"id" text PRIMARY KEY NOT NULL,
	"consultation_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"is_accepted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_term" (
	"id" text PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"reading" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"category" text NOT NULL,
	"explanation" text NOT NULL,
	"related_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"related_service_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"related_care_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "glossary_term_term_unique" UNIQUE("term")
);
--> statement-breakpoint
CREATE TABLE "glossary_term_revision" (
	"id" text PRIMARY KEY NOT NULL,
	"term_id" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"edited_by" text,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_group" ADD CONSTRAINT "event_group_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_group" ADD CONSTRAINT "event_group_facilitator_user_id_user_id_fk" FOREIGN KEY ("facilitator_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_material" ADD CONSTRAINT "event_material_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_material" ADD CONSTRAINT "event_material_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_group_id_event_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."event_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_response_id_survey_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_question_id_survey_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_question" ADD CONSTRAINT "survey_question_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_question" ADD CONSTRAINT "survey_question_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_asker_id_user_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answer" ADD CONSTRAINT "consultation_answer_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answer" ADD CONSTRAINT "consultation_answer_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_term" ADD CONSTRAINT "glossary_term_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_term_revision" ADD CONSTRAINT "glossary_term_revision_term_id_glossary_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."glossary_term"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_term_revision" ADD CONSTRAINT "glossary_term_revision_edited_by_user_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_user_created_idx" ON "notification" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notification_user_unread_idx" ON "notification" USING btree ("user_id") WHERE "notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_email_created_idx" ON "outbox_email" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "event_starts_idx" ON "event" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "event_group_event_idx" ON "event_group" USING btree ("event_id","sort_order");--> statement-breakpoint
CREATE INDEX "event_material_event_idx" ON "event_material" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "event_registration_event_idx" ON "event_registration" USING btree ("event_id","status","created_at");--> statement-breakpoint
CREATE INDEX "event_registration_user_idx" ON "event_registration" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_email_uq" ON "event_registration" USING btree ("event_id","email_normalized") WHERE "event_registration"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_user_uq" ON "event_registration" USING btree ("event_id","user_id") WHERE "event_registration"."status" <> 'cancelled' and "event_registration"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_event_idx" ON "survey" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "survey_created_idx" ON "survey" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "survey_answer_question_idx" ON "survey_answer" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "survey_invitation_survey_idx" ON "survey_invitation" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_user_uq" ON "survey_invitation" USING btree ("survey_id","user_id") WHERE "survey_invitation"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_registration_uq" ON "survey_invitation" USING btree ("survey_id","registration_id") WHERE "survey_invitation"."registration_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_question_position_uq" ON "survey_question" USING btree ("survey_id","position");--> statement-breakpoint
CREATE INDEX "survey_question_indicator_idx" ON "survey_question" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "survey_response_survey_idx" ON "survey_response" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "consultation_created_idx" ON "consultation" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "consultation_asker_idx" ON "consultation" USING btree ("asker_id");--> statement-breakpoint
CREATE INDEX "consultation_case_idx" ON "consultation" USING btree ("case_ref");--> statement-breakpoint
CREATE INDEX "consultation_search_trgm_idx" ON "consultation" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "consultation_answer_thread_idx" ON "consultation_answer" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "glossary_term_reading_idx" ON "glossary_term" USING btree ("reading");--> statement-breakpoint
CREATE INDEX "glossary_term_search_trgm_idx" ON "glossary_term" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "glossary_term_revision_term_idx" ON "glossary_term_revision" USING btree ("term_id","version");