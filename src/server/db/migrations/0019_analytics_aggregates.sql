CREATE TABLE "analytics_care_total" (
	"municipality_code" text NOT NULL,
	"service_type" text NOT NULL,
	"care_item" text NOT NULL,
	"yes" integer NOT NULL,
	"conditional" integer NOT NULL,
	CONSTRAINT "analytics_care_total_municipality_code_service_type_care_item_pk" PRIMARY KEY("municipality_code","service_type","care_item")
);
--> statement-breakpoint
CREATE TABLE "analytics_supply_total" (
	"municipality_code" text NOT NULL,
	"service_type" text NOT NULL,
	"services" integer NOT NULL,
	"capacity" bigint NOT NULL,
	CONSTRAINT "analytics_supply_total_municipality_code_service_type_pk" PRIMARY KEY("municipality_code","service_type")
);
--> statement-breakpoint
CREATE INDEX "service_created_idx" ON "service" USING btree ("created_at");--> statement-breakpoint
-- Council analytics at national scale (issue #8 item 5): directory supply kept as totals per
-- municipality × service type (× care item), maintained by triggers on every write to service and
-- service_care_capability, so the dashboard reads a few thousand rows instead of grouping 200,000
-- services and their capabilities. Statement-level triggers with transition tables keep bulk
-- loads (WAM import, generators) at one grouped upsert per statement. Rows with zero counts stay
-- (readers filter them). Tested against a from-scratch recomputation (analytics-aggregates.int.test.ts).
CREATE FUNCTION analytics_service_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_supply_total AS a (municipality_code, service_type, services, capacity)
  SELECT municipality_code, service_type, count(*), coalesce(sum(capacity), 0) FROM analytics_new GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (municipality_code, service_type) DO UPDATE SET services = a.services + excluded.services, capacity = a.capacity + excluded.capacity;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_service_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_supply_total AS a (municipality_code, service_type, services, capacity)
  SELECT m, t, sum(s), sum(c) FROM (
    SELECT municipality_code m, service_type t, -1 s, -coalesce(capacity, 0)::bigint c FROM analytics_old
    UNION ALL SELECT municipality_code, service_type, 1, coalesce(capacity, 0)::bigint FROM analytics_new) d
  GROUP BY 1, 2 HAVING sum(s) <> 0 OR sum(c) <> 0 ORDER BY 1, 2
  ON CONFLICT (municipality_code, service_type) DO UPDATE SET services = a.services + excluded.services, capacity = a.capacity + excluded.capacity;
  -- A service moved to another municipality or type takes its care capabilities along.
  INSERT INTO analytics_care_total AS a (municipality_code, service_type, care_item, yes, conditional)
  SELECT m, t, i, sum(y), sum(k) FROM (
    SELECT o.municipality_code m, o.service_type t, cc.care_item i, -(cc.level = 'yes')::int y, -(cc.level = 'conditional')::int k
    FROM analytics_old o JOIN analytics_new n ON n.id = o.id JOIN service_care_capability cc ON cc.service_id = n.id
    WHERE (o.municipality_code, o.service_type) IS DISTINCT FROM (n.municipality_code, n.service_type) AND cc.level IN ('yes', 'conditional')
    UNION ALL
    SELECT n.municipality_code, n.service_type, cc.care_item, (cc.level = 'yes')::int, (cc.level = 'conditional')::int
    FROM analytics_old o JOIN analytics_new n ON n.id = o.id JOIN service_care_capability cc ON cc.service_id = n.id
    WHERE (o.municipality_code, o.service_type) IS DISTINCT FROM (n.municipality_code, n.service_type) AND cc.level IN ('yes', 'conditional')) d
  GROUP BY 1, 2, 3 HAVING sum(y) <> 0 OR sum(k) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (municipality_code, service_type, care_item) DO UPDATE SET yes = a.yes + excluded.yes, conditional = a.conditional + excluded.conditional;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_service_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_supply_total AS a (municipality_code, service_type, services, capacity)
  SELECT municipality_code, service_type, -count(*), -coalesce(sum(capacity), 0) FROM analytics_old GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (municipality_code, service_type) DO UPDATE SET services = a.services + excluded.services, capacity = a.capacity + excluded.capacity;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The capabilities of a deleted service are removed by ON DELETE CASCADE after the service row is
-- gone, when their municipality and type can no longer be looked up: this row-level trigger takes
-- them off the totals before (the capability trigger then finds no service and skips them).
CREATE FUNCTION analytics_service_delete_care() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_care_total a SET yes = a.yes - d.y, conditional = a.conditional - d.k
  FROM (SELECT care_item, (level = 'yes')::int y, (level = 'conditional')::int k FROM service_care_capability
        WHERE service_id = OLD.id AND level IN ('yes', 'conditional')) d
  WHERE a.municipality_code = OLD.municipality_code AND a.service_type = OLD.service_type AND a.care_item = d.care_item;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_care_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_care_total AS a (municipality_code, service_type, care_item, yes, conditional)
  SELECT s.municipality_code, s.service_type, n.care_item, count(*) FILTER (WHERE n.level = 'yes'), count(*) FILTER (WHERE n.level = 'conditional')
  FROM analytics_new n JOIN service s ON s.id = n.service_id WHERE n.level IN ('yes', 'conditional')
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (municipality_code, service_type, care_item) DO UPDATE SET yes = a.yes + excluded.yes, conditional = a.conditional + excluded.conditional;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_care_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_care_total AS a (municipality_code, service_type, care_item, yes, conditional)
  SELECT m, t, i, sum(y), sum(k) FROM (
    SELECT s.municipality_code m, s.service_type t, o.care_item i, -(o.level = 'yes')::int y, -(o.level = 'conditional')::int k
    FROM analytics_old o JOIN service s ON s.id = o.service_id WHERE o.level IN ('yes', 'conditional')
    UNION ALL
    SELECT s.municipality_code, s.service_type, n.care_item, (n.level = 'yes')::int, (n.level = 'conditional')::int
    FROM analytics_new n JOIN service s ON s.id = n.service_id WHERE n.level IN ('yes', 'conditional')) d
  GROUP BY 1, 2, 3 HAVING sum(y) <> 0 OR sum(k) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (municipality_code, service_type, care_item) DO UPDATE SET yes = a.yes + excluded.yes, conditional = a.conditional + excluded.conditional;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_care_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_care_total AS a (municipality_code, service_type, care_item, yes, conditional)
  SELECT s.municipality_code, s.service_type, o.care_item, -count(*) FILTER (WHERE o.level = 'yes'), -count(*) FILTER (WHERE o.level = 'conditional')
  FROM analytics_old o JOIN service s ON s.id = o.service_id WHERE o.level IN ('yes', 'conditional')
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (municipality_code, service_type, care_item) DO UPDATE SET yes = a.yes + excluded.yes, conditional = a.conditional + excluded.conditional;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_supply_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'service' THEN DELETE FROM analytics_supply_total; END IF;
  DELETE FROM analytics_care_total;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_service_insert AFTER INSERT ON service REFERENCING NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_service_insert();
--> statement-breakpoint
CREATE TRIGGER analytics_service_update AFTER UPDATE ON service REFERENCING OLD TABLE AS analytics_old NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_service_update();
--> statement-breakpoint
CREATE TRIGGER analytics_service_delete AFTER DELETE ON service REFERENCING OLD TABLE AS analytics_old FOR EACH STATEMENT EXECUTE FUNCTION analytics_service_delete();
--> statement-breakpoint
CREATE TRIGGER analytics_service_delete_care BEFORE DELETE ON service FOR EACH ROW EXECUTE FUNCTION analytics_service_delete_care();
--> statement-breakpoint
CREATE TRIGGER analytics_service_truncate AFTER TRUNCATE ON service FOR EACH STATEMENT EXECUTE FUNCTION analytics_supply_truncate();
--> statement-breakpoint
CREATE TRIGGER analytics_care_insert AFTER INSERT ON service_care_capability REFERENCING NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_care_insert();
--> statement-breakpoint
CREATE TRIGGER analytics_care_update AFTER UPDATE ON service_care_capability REFERENCING OLD TABLE AS analytics_old NEW TABLE AS analytics_new FOR EACH STATEMENT EXECUTE FUNCTION analytics_care_update();
--> statement-breakpoint
CREATE TRIGGER analytics_care_delete AFTER DELETE ON service_care_capability REFERENCING OLD TABLE AS analytics_old FOR EACH STATEMENT EXECUTE FUNCTION analytics_care_delete();
--> statement-breakpoint
CREATE TRIGGER analytics_care_truncate AFTER TRUNCATE ON service_care_capability FOR EACH STATEMENT EXECUTE FUNCTION analytics_supply_truncate();
--> statement-breakpoint
-- Existing data: the totals from scratch (the same queries as analyticsAggregatesFromScratch).
INSERT INTO analytics_supply_total (municipality_code, service_type, services, capacity)
SELECT municipality_code, service_type, count(*), coalesce(sum(capacity), 0) FROM service GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO analytics_care_total (municipality_code, service_type, care_item, yes, conditional)
SELECT s.municipality_code, s.service_type, cc.care_item, count(*) FILTER (WHERE cc.level = 'yes'), count(*) FILTER (WHERE cc.level = 'conditional')
FROM service s JOIN service_care_capability cc ON cc.service_id = s.id WHERE cc.level IN ('yes', 'conditional') GROUP BY 1, 2, 3;
