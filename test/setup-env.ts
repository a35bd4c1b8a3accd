// Every test worker talks to the run's throwaway cluster, through the app's own client.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.ENSEMBLE_FAULTS ??= "";
// Test files share one database: no instance may adopt another test's runs (the resume test starts its own).
process.env.ENSEMBLE_RESUME = "0";
process.env.LOG_LEVEL ??= "warn";
