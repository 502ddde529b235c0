CREATE TABLE "analytics_report" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"area" text NOT NULL,
	"as_of" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"sections" text[] NOT NULL,
	"summary" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"created_by" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_snapshot" (
	"month" text PRIMARY KEY NOT NULL,
	"as_of" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_snapshot_value" (
	"month" text NOT NULL,
	"scope" text NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "analytics_snapshot_value_month_scope_metric_pk" PRIMARY KEY("month","scope","metric")
);
--> statement-breakpoint
ALTER TABLE "analytics_report" ADD CONSTRAINT "analytics_report_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_snapshot_value" ADD CONSTRAINT "analytics_snapshot_value_month_analytics_snapshot_month_fk" FOREIGN KEY ("month") REFERENCES "public"."analytics_snapshot"("month") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_report_area_idx" ON "analytics_report" USING btree ("area","created_at");--> statement-breakpoint
CREATE INDEX "analytics_snapshot_value_metric_idx" ON "analytics_snapshot_value" USING btree ("metric","scope","month");