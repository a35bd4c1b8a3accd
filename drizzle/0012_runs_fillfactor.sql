-- Half of each new page of runs stays free, so that a run's updates that change no indexed column (its steps,
-- decisions, orchestration, citations, last_seq: everything but its last update, server/supervisor/run-columns.ts)
-- can put the new row version on the same page (a HOT update) instead of adding an entry to all 14 indexes.
-- A W1 row is ~3.9 KB: at the default fillfactor of 100 two fill a page and no update is ever HOT. Existing pages
-- keep their rows; the setting applies to pages filled from now on.
ALTER TABLE "runs" SET (fillfactor = 50);
