-- What a finished run teaches memory (server/memory/record.ts), as ONE call: its execution pattern, then per
-- observation (in the caller's order: tool name, a tool's own observations in run order) the user's and the
-- global tool statistics, each upsert followed by its history point. The run writer calls it inside its final
-- flush statement, so a run's memory commits with its last checkpoint without an explicit transaction
-- (BEGIN, a dozen statements, COMMIT) of its own. The update rules (EMA constants) come from the caller.
CREATE OR REPLACE FUNCTION record_execution(rec jsonb, obs jsonb, success_alpha float8, latency_alpha float8, initial_rate float8)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  o jsonb;
  sc text;
  s float8;
  lat float8;
  err text;
  n integer := 0;
BEGIN
  INSERT INTO execution_patterns (user_id, session_id, run_id, intent, query_pattern, strategy, tools, success, duration_ms)
  VALUES ((rec->>'userId')::uuid, (rec->>'sessionId')::uuid, (rec->>'runId')::uuid, rec->>'intent', rec->>'queryPattern',
          rec->>'strategy', rec->'tools', (rec->>'success')::boolean, (rec->>'durationMs')::integer);
  FOR o IN SELECT e.value FROM jsonb_array_elements(obs) WITH ORDINALITY AS e(value, i) ORDER BY e.i LOOP
    s := (o->>'s')::float8;
    lat := (o->>'latencyMs')::float8;
    err := o->>'error';
    -- Rows are locked in one order (tool, then user before global) in every run: no deadlocks.
    FOREACH sc IN ARRAY ARRAY[rec->>'userId', 'global'] LOOP
      WITH up AS (
        INSERT INTO tool_stats AS ts (scope, tool, intent, success_rate, avg_latency_ms, count, last_error, last_error_at, updated_at)
        VALUES (sc, o->>'tool', rec->>'intent', (1 - success_alpha) * initial_rate + success_alpha * s, lat, 1, err,
                CASE WHEN err IS NULL THEN NULL ELSE now() END, now())
        ON CONFLICT (scope, intent, tool) DO UPDATE SET
          success_rate = (1 - success_alpha) * ts.success_rate + success_alpha * s,
          avg_latency_ms = CASE WHEN ts.count = 0 THEN lat ELSE (1 - latency_alpha) * ts.avg_latency_ms + latency_alpha * lat END,
          count = ts.count + 1,
          last_error = coalesce(err, ts.last_error),
          last_error_at = CASE WHEN err IS NULL THEN ts.last_error_at ELSE now() END,
          updated_at = now()
        RETURNING ts.scope, ts.tool, ts.intent, ts.success_rate, ts.avg_latency_ms, ts.count
      )
      INSERT INTO tool_stat_history (scope, tool, intent, success_rate, avg_latency_ms, count)
      SELECT up.scope, up.tool, up.intent, up.success_rate, up.avg_latency_ms, up.count FROM up;
    END LOOP;
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
