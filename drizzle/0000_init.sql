-- Trigram search (runs.question in the admin history, law articles) needs pg_trgm, which embedded-postgres ships.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"node" text NOT NULL,
	"state" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkpoints_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"run_id" uuid,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_events" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_events_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid,
	"question" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"intent" text,
	"teams" text[] DEFAULT '{}'::text[] NOT NULL,
	"strategy" text,
	"orchestrated" boolean DEFAULT false NOT NULL,
	"degraded" boolean DEFAULT false NOT NULL,
	"flags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"orchestration" jsonb,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer" text,
	"error" text,
	"tool_call_count" integer DEFAULT 0 NOT NULL,
	"retries" integer DEFAULT 0 NOT NULL,
	"duplicates_avoided" integer DEFAULT 0 NOT NULL,
	"llm_calls" integer DEFAULT 0 NOT NULL,
	"llm_tokens" integer DEFAULT 0 NOT NULL,
	"decision_sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"duration_ms" integer,
	"owner_id" text,
	"lease_expires_at" timestamp with time zone,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tool_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"call_key" text NOT NULL,
	"tool" text NOT NULL,
	"args" jsonb NOT NULL,
	"teams" text[] NOT NULL,
	"status" text NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"attempts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fallback_for" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"result" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'anonymous' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "execution_patterns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid,
	"run_id" uuid,
	"intent" text NOT NULL,
	"query_pattern" text NOT NULL,
	"strategy" text NOT NULL,
	"tools" jsonb NOT NULL,
	"success" boolean NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"query_pattern" text NOT NULL,
	"flags_hash" text NOT NULL,
	"prefs_version" text NOT NULL,
	"decision" jsonb NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tool_stat_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"tool" text NOT NULL,
	"intent" text NOT NULL,
	"success_rate" double precision NOT NULL,
	"avg_latency_ms" double precision NOT NULL,
	"count" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tool_stats" (
	"scope" text NOT NULL,
	"tool" text NOT NULL,
	"intent" text NOT NULL,
	"success_rate" double precision DEFAULT 0.5 NOT NULL,
	"avg_latency_ms" double precision DEFAULT 0 NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_stats_scope_intent_tool_pk" PRIMARY KEY("scope","intent","tool")
);
--> statement-breakpoint
CREATE TABLE "feature_flags" (
	"key" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean,
	"rollout_percent" integer DEFAULT 100 NOT NULL,
	"killed" boolean DEFAULT false NOT NULL,
	"default_value" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "flag_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flag_overrides" (
	"flag_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"value" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flag_overrides_flag_key_user_id_pk" PRIMARY KEY("flag_key","user_id")
);
--> statement-breakpoint
CREATE TABLE "law_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"law_name" text NOT NULL,
	"law_name_en" text NOT NULL,
	"article_number" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"summary" text NOT NULL,
	"summary_en" text NOT NULL,
	"category" text NOT NULL,
	"concepts" text[] DEFAULT '{}'::text[] NOT NULL,
	"tenant_protection_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"tax_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text NOT NULL,
	"effective_note" text
);
--> statement-breakpoint
CREATE TABLE "law_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"concept" text NOT NULL,
	"language" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_products" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"bank" text NOT NULL,
	"bank_en" text NOT NULL,
	"product_name" text NOT NULL,
	"product_name_en" text NOT NULL,
	"loan_type" text NOT NULL,
	"provider" text NOT NULL,
	"rate_min" double precision NOT NULL,
	"rate_max" double precision NOT NULL,
	"max_ltv" double precision,
	"max_deposit_ratio" double precision,
	"limit_krw" bigint NOT NULL,
	"max_term_years" integer NOT NULL,
	"income_cap_krw" bigint,
	"max_house_price_krw" bigint,
	"max_deposit_krw" bigint,
	"min_age" integer,
	"max_age" integer,
	"first_home_only" boolean DEFAULT false NOT NULL,
	"homeless_only" boolean DEFAULT false NOT NULL,
	"newlywed_only" boolean DEFAULT false NOT NULL,
	"youth_only" boolean DEFAULT false NOT NULL,
	"notes" text NOT NULL,
	"notes_en" text NOT NULL,
	"is_sample" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "properties" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"property_type" text NOT NULL,
	"name" text NOT NULL,
	"dong" text,
	"area_m2" double precision NOT NULL,
	"built_year" integer,
	"floor" integer,
	"listing_type" text,
	"asking_price" bigint,
	"asking_monthly_rent" bigint,
	"listed_at" date,
	"is_sample" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"city" text NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"dongs" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_summary" (
	"region_id" integer NOT NULL,
	"property_type" text NOT NULL,
	"transaction_type" text NOT NULL,
	"month" date NOT NULL,
	"count" integer NOT NULL,
	"avg_amount" double precision NOT NULL,
	"min_amount" bigint NOT NULL,
	"max_amount" bigint NOT NULL,
	"median_amount" double precision NOT NULL,
	"avg_monthly_rent" double precision NOT NULL,
	"min_monthly_rent" bigint NOT NULL,
	"max_monthly_rent" bigint NOT NULL,
	"median_monthly_rent" double precision NOT NULL,
	"avg_area_m2" double precision NOT NULL,
	"sample_count" integer NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_summary_region_id_property_type_transaction_type_month_pk" PRIMARY KEY("region_id","property_type","transaction_type","month")
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"property_id" integer NOT NULL,
	"transaction_type" text NOT NULL,
	"contract_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"monthly_rent" bigint DEFAULT 0 NOT NULL,
	"floor" integer,
	"is_sample" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_risk_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"pattern" text NOT NULL,
	"severity" text NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"explanation_ko" text NOT NULL,
	"explanation_en" text NOT NULL,
	"recommendation_ko" text NOT NULL,
	"recommendation_en" text NOT NULL,
	"law_reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jeonse_risk_levels" (
	"level" text PRIMARY KEY NOT NULL,
	"min_ratio" double precision NOT NULL,
	"max_ratio" double precision,
	"label_ko" text NOT NULL,
	"label_en" text NOT NULL,
	"advice_ko" text NOT NULL,
	"advice_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lending_rules" (
	"region_class" text NOT NULL,
	"buyer_type" text NOT NULL,
	"purpose" text NOT NULL,
	"ltv_percent" double precision NOT NULL,
	"dti_percent" double precision,
	"dsr_percent" double precision,
	"max_loan_krw" bigint,
	"note_ko" text NOT NULL,
	"note_en" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "lending_rules_region_class_buyer_type_purpose_pk" PRIMARY KEY("region_class","buyer_type","purpose")
);
--> statement-breakpoint
CREATE TABLE "policy_programs" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"provider" text NOT NULL,
	"purpose" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"max_loan_krw" bigint,
	"rate_min_percent" double precision,
	"rate_max_percent" double precision,
	"description_ko" text NOT NULL,
	"description_en" text NOT NULL,
	"url" text NOT NULL,
	"as_of" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value_percent" double precision NOT NULL,
	"effective_from" date NOT NULL,
	"description_ko" text NOT NULL,
	"description_en" text NOT NULL,
	"law_reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulated_regions" (
	"region" text PRIMARY KEY NOT NULL,
	"designation" text NOT NULL,
	"since" date NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_session_id_chat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_session_id_chat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_calls" ADD CONSTRAINT "tool_calls_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_overrides" ADD CONSTRAINT "flag_overrides_flag_key_feature_flags_key_fk" FOREIGN KEY ("flag_key") REFERENCES "public"."feature_flags"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "properties" ADD CONSTRAINT "properties_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_summary" ADD CONSTRAINT "transaction_summary_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_sessions_user_updated_idx" ON "chat_sessions" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "messages_session_idx" ON "messages" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "runs_started_idx" ON "runs" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "runs_user_started_idx" ON "runs" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "runs_session_idx" ON "runs" USING btree ("session_id","started_at");--> statement-breakpoint
CREATE INDEX "runs_status_started_idx" ON "runs" USING btree ("status","started_at");--> statement-breakpoint
CREATE INDEX "runs_intent_started_idx" ON "runs" USING btree ("intent","started_at");--> statement-breakpoint
CREATE INDEX "runs_strategy_started_idx" ON "runs" USING btree ("strategy","started_at");--> statement-breakpoint
CREATE INDEX "runs_orchestrated_started_idx" ON "runs" USING btree ("orchestrated","started_at");--> statement-breakpoint
CREATE INDEX "runs_running_lease_idx" ON "runs" USING btree ("lease_expires_at") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "runs_duration_idx" ON "runs" USING btree ("duration_ms","id");--> statement-breakpoint
CREATE INDEX "runs_tool_calls_idx" ON "runs" USING btree ("tool_call_count","id");--> statement-breakpoint
CREATE INDEX "runs_retries_idx" ON "runs" USING btree ("retries","id");--> statement-breakpoint
CREATE INDEX "runs_llm_tokens_idx" ON "runs" USING btree ("llm_tokens","id");--> statement-breakpoint
CREATE INDEX "runs_decision_sources_idx" ON "runs" USING gin ("decision_sources");--> statement-breakpoint
CREATE INDEX "runs_question_trgm_idx" ON "runs" USING gin ("question" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "tool_calls_run_key_idx" ON "tool_calls" USING btree ("run_id","call_key");--> statement-breakpoint
CREATE INDEX "execution_patterns_user_created_idx" ON "execution_patterns" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "execution_patterns_user_intent_created_idx" ON "execution_patterns" USING btree ("user_id","intent","created_at","id");--> statement-breakpoint
CREATE INDEX "strategy_cache_user_pattern_idx" ON "strategy_cache" USING btree ("user_id","query_pattern");--> statement-breakpoint
CREATE INDEX "strategy_cache_created_idx" ON "strategy_cache" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "strategy_cache_expires_idx" ON "strategy_cache" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "tool_stat_history_idx" ON "tool_stat_history" USING btree ("scope","tool","at");--> statement-breakpoint
CREATE INDEX "flag_audit_resource_idx" ON "flag_audit" USING btree ("resource_id","at");--> statement-breakpoint
CREATE INDEX "flag_audit_at_idx" ON "flag_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "flag_overrides_user_idx" ON "flag_overrides" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "law_articles_law_article_uq" ON "law_articles" USING btree ("law_name","article_number");--> statement-breakpoint
CREATE INDEX "law_articles_category_idx" ON "law_articles" USING btree ("category");--> statement-breakpoint
CREATE INDEX "law_articles_concepts_idx" ON "law_articles" USING gin ("concepts");--> statement-breakpoint
CREATE INDEX "law_articles_search_fts_idx" ON "law_articles" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "law_terms_concept_idx" ON "law_terms" USING btree ("concept");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_products_code_uq" ON "loan_products" USING btree ("code");--> statement-breakpoint
CREATE INDEX "loan_products_type_idx" ON "loan_products" USING btree ("loan_type");--> statement-breakpoint
CREATE INDEX "properties_region_type_idx" ON "properties" USING btree ("region_id","property_type");--> statement-breakpoint
CREATE INDEX "properties_listing_idx" ON "properties" USING btree ("listing_type","region_id");--> statement-breakpoint
CREATE INDEX "properties_identity_idx" ON "properties" USING btree ("region_id","name","property_type","area_m2");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_code_uq" ON "regions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_name_ko_uq" ON "regions" USING btree ("name_ko");--> statement-breakpoint
CREATE INDEX "transactions_property_idx" ON "transactions" USING btree ("property_id");--> statement-breakpoint
CREATE INDEX "transactions_type_date_idx" ON "transactions" USING btree ("transaction_type","contract_date");--> statement-breakpoint
CREATE INDEX "transactions_source_idx" ON "transactions" USING btree ("source");