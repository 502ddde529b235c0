CREATE TABLE "referral_service_offer" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"service_id" text NOT NULL,
	"office_id" text NOT NULL,
	"service_type" text NOT NULL,
	"sender_id" text NOT NULL,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"match_score" real,
	"match_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"responded_by" text,
	"respond_by" date,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"decline_reason" text,
	"decline_note" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "referral_service_offer_status_check" CHECK ("referral_service_offer"."status" in ('draft','sent','viewed','accepted','declined','expired','withdrawn','completed'))
);
--> statement-breakpoint
CREATE TABLE "referral_service_offer_event" (
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
ALTER TABLE "referral_service_offer" ADD CONSTRAINT "referral_service_offer_case_id_referral_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."referral_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_service_offer" ADD CONSTRAINT "referral_service_offer_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_service_offer" ADD CONSTRAINT "referral_service_offer_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_service_offer" ADD CONSTRAINT "referral_service_offer_sender_id_user_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_service_offer" ADD CONSTRAINT "referral_service_offer_responded_by_user_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_service_offer_event" ADD CONSTRAINT "referral_service_offer_event_offer_id_referral_service_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."referral_service_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_service_offer_event" ADD CONSTRAINT "referral_service_offer_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_service_offer_case_idx" ON "referral_service_offer" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referral_service_offer_office_idx" ON "referral_service_offer" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "referral_service_offer_open_idx" ON "referral_service_offer" USING btree ("status","respond_by");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_service_offer_live_uq" ON "referral_service_offer" USING btree ("case_id","service_id") WHERE "referral_service_offer"."status" in ('draft','sent','viewed','accepted','completed');--> statement-breakpoint
CREATE UNIQUE INDEX "referral_service_offer_accepted_uq" ON "referral_service_offer" USING btree ("case_id","service_type") WHERE "referral_service_offer"."status" in ('accepted','completed');--> statement-breakpoint
CREATE INDEX "referral_service_offer_event_offer_idx" ON "referral_service_offer_event" USING btree ("offer_id","at");