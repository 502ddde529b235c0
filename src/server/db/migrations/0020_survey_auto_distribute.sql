ALTER TABLE "survey" ADD COLUMN "auto_distribute" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey" ADD COLUMN "auto_distributed_at" timestamp with time zone;