CREATE TABLE "market_digest" (
	"region_id" integer,
	"property_type" text,
	"transaction_type" text NOT NULL,
	"month" date NOT NULL,
	"count" integer NOT NULL,
	"sum_amount" numeric NOT NULL,
	"min_amount" bigint NOT NULL,
	"max_amount" bigint NOT NULL,
	"median_amount" double precision NOT NULL,
	"amount_lo" bigint NOT NULL,
	"amount_hi" bigint NOT NULL,
	"amounts" bigint[] NOT NULL,
	"sum_rent" numeric,
	"min_rent" bigint,
	"max_rent" bigint,
	"median_rent" double precision,
	"rent_lo" bigint,
	"rent_hi" bigint,
	"rents" bigint[],
	"sum_area_m2" numeric NOT NULL,
	"sum_amount_per_m2" double precision NOT NULL,
	"sample_count" integer NOT NULL,
	CONSTRAINT "market_digest_key" UNIQUE NULLS NOT DISTINCT("region_id","property_type","transaction_type","month")
);
--> statement-breakpoint
CREATE TABLE "market_digest_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"fresh" boolean DEFAULT false NOT NULL,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
-- The sorted arrays are read whole on every query: kept uncompressed, so reading one is a copy, not a pglz pass.
ALTER TABLE "market_digest" ALTER COLUMN "amounts" SET STORAGE EXTERNAL, ALTER COLUMN "rents" SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE "market_digest_state" ADD CONSTRAINT "market_digest_state_one_row" CHECK ("id" = 1);
--> statement-breakpoint
INSERT INTO "market_digest_state" ("id", "fresh") VALUES (1, false);
--> statement-breakpoint
-- Any write to transactions, or to what the digest groups properties by, makes the digest stale until the next
-- refresh. Unconditional, so the writer holds the row's lock until it commits: a refresh, which takes that lock
-- before it reads transactions (summary-refresh.ts), waits for the writer and then reads its rows.
CREATE FUNCTION market_digest_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE market_digest_state SET fresh = false WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transactions_market_digest_stale AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON transactions
  FOR EACH STATEMENT EXECUTE FUNCTION market_digest_stale();
--> statement-breakpoint
CREATE TRIGGER properties_market_digest_stale AFTER UPDATE OF region_id, property_type, area_m2 OR DELETE ON properties
  FOR EACH STATEMENT EXECUTE FUNCTION market_digest_stale();
--> statement-breakpoint
-- sorted_median(sorted_values, lo, hi): the exact median (as percentile_cont(0.5)) of the union of several
-- ascending arrays, given bounds it lies within. With lo the smallest lower-middle value of the arrays and hi the
-- largest upper-middle one, it does: at least half of every array lies at or below hi, and at or above lo. So only
-- the values in [lo, hi] are gathered and sorted; the others are counted by binary search (width_bucket counts the
-- values <= its operand).
CREATE TYPE sorted_median_state AS (n bigint, below bigint, candidates bigint[]);
--> statement-breakpoint
CREATE FUNCTION sorted_median_step(s sorted_median_state, part bigint[], lo bigint, hi bigint)
RETURNS sorted_median_state LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  below int := width_bucket(lo - 1, part);
  upto int := width_bucket(hi, part);
BEGIN
  s.n := s.n + cardinality(part);
  s.below := s.below + below;
  s.candidates := s.candidates || part[below + 1 : upto];
  RETURN s;
END
$$;
--> statement-breakpoint
CREATE FUNCTION sorted_median_final(s sorted_median_state) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s.n = 0 THEN NULL ELSE (
    SELECT avg(v)::double precision FROM (
      SELECT v FROM unnest(s.candidates) v ORDER BY v OFFSET (s.n - 1) / 2 - s.below LIMIT 2 - s.n % 2) m) END
$$;
--> statement-breakpoint
CREATE AGGREGATE sorted_median(bigint[], bigint, bigint) (
  SFUNC = sorted_median_step, STYPE = sorted_median_state, FINALFUNC = sorted_median_final, INITCOND = '(0,0,{})'
);
