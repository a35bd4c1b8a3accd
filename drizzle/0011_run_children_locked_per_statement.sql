ALTER TABLE "checkpoints" DROP CONSTRAINT "checkpoints_run_id_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "run_events" DROP CONSTRAINT "run_events_run_id_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "tool_calls" DROP CONSTRAINT "tool_calls_run_id_runs_id_fk";
--> statement-breakpoint
-- What the three foreign keys' ON DELETE CASCADE did, once per deleting statement instead of once per row:
-- a run's events, checkpoints and tool calls go with it (a chat or a user deleted deletes its runs by cascade,
-- and those deletes fire this trigger too). Inserts lock their run instead of a per-row foreign key check
-- (server/events/run-statements.ts, LOCKED_RUN), so a run being deleted waits for them and they see a
-- deleted run as gone.
CREATE FUNCTION runs_delete_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM run_events WHERE run_id IN (SELECT id FROM gone);
  DELETE FROM checkpoints WHERE run_id IN (SELECT id FROM gone);
  DELETE FROM tool_calls WHERE run_id IN (SELECT id FROM gone);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER runs_delete_children AFTER DELETE ON runs REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION runs_delete_children();
