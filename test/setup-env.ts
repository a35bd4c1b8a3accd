// Every test worker talks to the run's throwaway cluster, through the app's own client.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.ENSEMBLE_FAULTS ??= "";
