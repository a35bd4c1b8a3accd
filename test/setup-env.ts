// Every test worker talks to the run's throwaway cluster, through the app's own client.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.ENSEMBLE_FAULTS ??= "";
// Test files share one database: no instance may adopt another test's runs (the resume test starts its own).
process.env.ENSEMBLE_RESUME = "0";

// Runs started without an app use the shipped one, as in the server (server/boot.ts registers it there).
const { registerDefaultApp } = await import("../server/boot");
registerDefaultApp();
process.env.LOG_LEVEL ??= "warn";
