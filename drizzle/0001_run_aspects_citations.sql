ALTER TABLE "runs" ADD COLUMN "aspects" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "question_type" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "citations" jsonb DEFAULT '[]'::jsonb NOT NULL;