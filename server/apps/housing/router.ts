// The shipped app's tRPC API: the runtime's routers plus the housing procedures (statute articles).
// The route handler serves it and the browser client is typed by it.
import { router } from "../../trpc/init";
import { coreRouters } from "../../trpc/root";
import { statutesRouter } from "./trpc/statutes";

export const appRouter = router({ ...coreRouters, statutes: statutesRouter });
export type AppRouter = typeof appRouter;
