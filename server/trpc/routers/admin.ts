// The admin console's tRPC router: history, run timelines, feature flags and memory. Every procedure
// is adminProcedure (a valid admin session cookie); the pieces live under ./admin/.
import { router } from "../init";
import { historyRouter } from "./admin/history";
import { runsRouter } from "./admin/runs";
import { flagsRouter } from "./admin/flags";
import { memoryRouter } from "./admin/memory";

export const adminRouter = router({ history: historyRouter, runs: runsRouter, flags: flagsRouter, memory: memoryRouter });
