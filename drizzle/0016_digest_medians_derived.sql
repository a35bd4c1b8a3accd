-- A month's median is the mean of its lower and upper middle values, which the row already holds: derived here
-- instead of sorting every group a second time for percentile_cont when the digest is rebuilt.
ALTER TABLE "market_digest" DROP COLUMN "median_amount";--> statement-breakpoint
ALTER TABLE "market_digest" ADD COLUMN "median_amount" double precision GENERATED ALWAYS AS ((amount_lo + amount_hi) / 2.0) STORED;--> statement-breakpoint
ALTER TABLE "market_digest" DROP COLUMN "median_rent";--> statement-breakpoint
ALTER TABLE "market_digest" ADD COLUMN "median_rent" double precision GENERATED ALWAYS AS ((rent_lo + rent_hi) / 2.0) STORED;
