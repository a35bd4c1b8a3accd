-- Back to the default fillfactor (100) for runs. 0012 left half of each page free so that a run's updates in the
-- middle of its execution could be HOT. Those updates are gone: a run's row is written when it is created and once
-- more when it ends (server/supervisor/run-columns.ts), and that last update and the lease renewals change indexed
-- columns, so none of them can be HOT at any fillfactor. The free half only made the table larger.
ALTER TABLE "runs" RESET (fillfactor);
