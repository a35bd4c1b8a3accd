DROP INDEX IF EXISTS "runs_question_trgm_idx";--> statement-breakpoint
CREATE INDEX "messages_user_content_trgm_idx" ON "messages" USING gin ("content" gin_trgm_ops) WHERE "messages"."role" = 'user';