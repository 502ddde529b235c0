ALTER TABLE "event_material" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_email" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_email" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_email" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_email" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "event_material" ADD COLUMN "storage" text DEFAULT 'database' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_material" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "event_registration" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_email_due_idx" ON "outbox_email" USING btree ("next_attempt_at") WHERE "outbox_email"."status" in ('queued','sending');--> statement-breakpoint
ALTER TABLE "event_material" ADD CONSTRAINT "event_material_storage_check" CHECK (("event_material"."storage" = 'database' and "event_material"."content" is not null) or ("event_material"."storage" = 'directory' and "event_material"."storage_key" is not null));