-- A checkpoint row may hold only the top-level keys that changed since the one before it (server/events/checkpoint-doc.ts):
-- jsonb_fold(state - '$base' ORDER BY seq) over a run's rows from a full one rebuilds the state; retention uses it to
-- compact a finished run into its final checkpoint.
CREATE OR REPLACE AGGREGATE jsonb_fold(jsonb) (SFUNC = jsonb_concat, STYPE = jsonb);
