CREATE TABLE "brokerage_fee_rates" (
	"deal_kind" text NOT NULL,
	"min_amount" bigint NOT NULL,
	"max_amount" bigint,
	"rate_percent" double precision NOT NULL,
	"cap_krw" bigint,
	"sort_order" integer NOT NULL,
	"law_reference" text NOT NULL,
	CONSTRAINT "brokerage_fee_rates_deal_kind_min_amount_pk" PRIMARY KEY("deal_kind","min_amount")
);
--> statement-breakpoint
CREATE TABLE "glossary_terms" (
	"key" text PRIMARY KEY NOT NULL,
	"term_ko" text NOT NULL,
	"term_en" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"category" text NOT NULL,
	"definition_ko" text NOT NULL,
	"definition_en" text NOT NULL,
	"law_reference" text,
	"concept" text
);
--> statement-breakpoint
CREATE INDEX "glossary_terms_aliases_idx" ON "glossary_terms" USING gin ("aliases");