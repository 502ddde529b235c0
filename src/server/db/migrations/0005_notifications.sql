-- The notification / outbox_email tables of issue-6-network's notifications module, brought into
-- this branch so referral notices work before the merge. Written idempotently (IF NOT EXISTS)
-- because issue-6-network's own migration creates the same tables: whichever runs second is a
-- no-op. At merge, keep one of the two (see docs/referrals.md "Merging").
CREATE TABLE IF NOT EXISTS "notification" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL CONSTRAINT "notification_user_id_user_id_fk" REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "outbox_email" (
	"id" text PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notification_user_created_idx" ON "notification" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notification_user_unread_idx" ON "notification" USING btree ("user_id") WHERE "notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outbox_email_created_idx" ON "outbox_email" USING btree ("created_at","id");
