DROP INDEX "transactions_property_idx";--> statement-breakpoint
DROP INDEX "transactions_type_date_idx";--> statement-breakpoint
CREATE INDEX "transaction_summary_month_idx" ON "transaction_summary" USING btree ("month");--> statement-breakpoint
CREATE INDEX "transactions_property_type_date_idx" ON "transactions" USING btree ("property_id","transaction_type","contract_date","amount","monthly_rent","is_sample");--> statement-breakpoint
CREATE INDEX "transactions_contract_date_idx" ON "transactions" USING btree ("contract_date");