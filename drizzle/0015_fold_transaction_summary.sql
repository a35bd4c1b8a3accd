-- market_summary reads market_digest's monthly rows (migration 0014), which hold all transaction_summary held.
DROP TABLE "transaction_summary" CASCADE;--> statement-breakpoint
CREATE INDEX "market_digest_month_idx" ON "market_digest" USING btree ("month");
