CREATE TABLE "statute_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"statute_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"article_number" text NOT NULL,
	"article_base" integer NOT NULL,
	"article_branch" integer NOT NULL,
	"title" text,
	"deleted" boolean DEFAULT false NOT NULL,
	"chapter" text,
	"section" text,
	"notes" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "statute_delegations" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_law" text NOT NULL,
	"from_article" text NOT NULL,
	"to_law" text NOT NULL,
	"to_article" text NOT NULL,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statute_postings" (
	"term" text NOT NULL,
	"provision_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"statute_id" integer NOT NULL,
	"tf" integer NOT NULL,
	"len" integer NOT NULL,
	"in_title" boolean NOT NULL,
	"in_heading" boolean NOT NULL,
	CONSTRAINT "statute_postings_term_provision_id_pk" PRIMARY KEY("term","provision_id")
);
--> statement-breakpoint
CREATE TABLE "statute_provisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"statute_id" integer NOT NULL,
	"paragraph" integer,
	"key" text NOT NULL,
	"text" text NOT NULL,
	"notes" text[] DEFAULT '{}'::text[] NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delegates" boolean DEFAULT false NOT NULL,
	"search" "tsvector" NOT NULL,
	"token_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statute_supplements" (
	"id" serial PRIMARY KEY NOT NULL,
	"statute_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statute_term_stats" (
	"term" text PRIMARY KEY NOT NULL,
	"df" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statutes" (
	"id" serial PRIMARY KEY NOT NULL,
	"law_name" text NOT NULL,
	"short_name" text,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"law_number" text NOT NULL,
	"scheduled" boolean DEFAULT false NOT NULL,
	"promulgated_on" date,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"parent_law" text,
	"revision" text,
	"ministries" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_file" text NOT NULL,
	"content_hash" text NOT NULL,
	"unplaced_lines" integer DEFAULT 0 NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statute_articles" ADD CONSTRAINT "statute_articles_statute_id_statutes_id_fk" FOREIGN KEY ("statute_id") REFERENCES "public"."statutes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statute_postings" ADD CONSTRAINT "statute_postings_provision_id_statute_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."statute_provisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statute_provisions" ADD CONSTRAINT "statute_provisions_article_id_statute_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."statute_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statute_provisions" ADD CONSTRAINT "statute_provisions_statute_id_statutes_id_fk" FOREIGN KEY ("statute_id") REFERENCES "public"."statutes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statute_supplements" ADD CONSTRAINT "statute_supplements_statute_id_statutes_id_fk" FOREIGN KEY ("statute_id") REFERENCES "public"."statutes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statute_articles_statute_number_idx" ON "statute_articles" USING btree ("statute_id","article_number");--> statement-breakpoint
CREATE UNIQUE INDEX "statute_delegations_uq" ON "statute_delegations" USING btree ("from_law","from_article","to_law","to_article");--> statement-breakpoint
CREATE INDEX "statute_delegations_to_idx" ON "statute_delegations" USING btree ("to_law","to_article");--> statement-breakpoint
CREATE INDEX "statute_provisions_search_idx" ON "statute_provisions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "statute_provisions_article_idx" ON "statute_provisions" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "statute_provisions_statute_idx" ON "statute_provisions" USING btree ("statute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statutes_law_effective_uq" ON "statutes" USING btree ("law_name","effective_from");