CREATE TABLE "listing_change" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"service_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"actor_name" text,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service" (
	"id" text PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"service_type" text NOT NULL,
	"name" text,
	"capacity" integer,
	"vacancy_count" integer,
	"vacancy_confirmed_at" timestamp with time zone,
	"vacancy_confirmed_by" text,
	"vacancy_confirmed_by_name" text,
	"vacancy_note" text,
	"age_min" integer,
	"age_max" integer,
	"hours" jsonb DEFAULT '{"weekday":null,"saturday":null,"sunday":null,"holiday":null}'::jsonb NOT NULL,
	"open_saturday" boolean DEFAULT false NOT NULL,
	"open_sunday" boolean DEFAULT false NOT NULL,
	"open_holiday" boolean DEFAULT false NOT NULL,
	"closed_days" text,
	"availability_note" text,
	"areas_served" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_phone" text,
	"note" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"wam_synced_at" timestamp with time zone,
	"listing_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipality_code" text NOT NULL,
	"sector" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"sort_kana" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"care_mask" integer DEFAULT 0 NOT NULL,
	"search_name" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "service_capacity_check" CHECK ("service"."capacity" is null or "service"."capacity" >= 0),
	CONSTRAINT "service_vacancy_check" CHECK ("service"."vacancy_count" is null or "service"."vacancy_count" >= 0),
	CONSTRAINT "service_age_check" CHECK ("service"."age_min" is null or "service"."age_max" is null or "service"."age_min" <= "service"."age_max")
);
--> statement-breakpoint
CREATE TABLE "service_care_capability" (
	"service_id" text NOT NULL,
	"care_item" text NOT NULL,
	"level" text NOT NULL,
	"note" text,
	CONSTRAINT "service_care_capability_service_id_care_item_pk" PRIMARY KEY("service_id","care_item"),
	CONSTRAINT "service_care_capability_level_check" CHECK ("service_care_capability"."level" in ('yes','conditional','no','unknown'))
);
--> statement-breakpoint
CREATE TABLE "wam_import_run" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"actor_label" text,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"report" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "lon" double precision;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "fax" text;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "wam_office_number" text;--> statement-breakpoint
ALTER TABLE "office" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "listing_change" ADD CONSTRAINT "listing_change_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_vacancy_confirmed_by_user_id_fk" FOREIGN KEY ("vacancy_confirmed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_care_capability" ADD CONSTRAINT "service_care_capability_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_change_office_idx" ON "listing_change" USING btree ("office_id","at");--> statement-breakpoint
CREATE INDEX "listing_change_service_idx" ON "listing_change" USING btree ("service_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_office_type_uq" ON "service" USING btree ("office_id","service_type");--> statement-breakpoint
CREATE INDEX "service_tags_gin" ON "service" USING gin ("tags") WITH (fastupdate=off);--> statement-breakpoint
CREATE INDEX "service_search_trgm" ON "service" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=off);--> statement-breakpoint
CREATE INDEX "service_search_bigrams" ON "service" USING gin (jp_bigrams("search_text")) WITH (fastupdate=off);--> statement-breakpoint
CREATE INDEX "service_geo_gist" ON "service" USING gist (point("lon", "lat"));--> statement-breakpoint
CREATE INDEX "service_vacancy_idx" ON "service" USING btree ("vacancy_confirmed_at") WHERE "service"."vacancy_count" > 0;--> statement-breakpoint
CREATE INDEX "service_facet_idx" ON "service" USING btree ("municipality_code","service_type","care_mask");--> statement-breakpoint
CREATE INDEX "service_updated_idx" ON "service" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "service_kana_idx" ON "service" USING btree ("sort_kana","id");--> statement-breakpoint
CREATE INDEX "service_listing_confirmed_idx" ON "service" USING btree ("listing_confirmed_at");--> statement-breakpoint
CREATE INDEX "office_organization_idx" ON "office" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "office_wam_number_uq" ON "office" USING btree ("wam_office_number");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_corporate_number_uq" ON "organization" USING btree ("corporate_number");