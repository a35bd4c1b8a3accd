// The app's tRPC router: chat (user tier), memory (user + admin), admin console, statute articles (user tier).
import { router } from "./init";
import { chatRouter } from "./routers/chat";
import { memoryRouter } from "./routers/memory";
import { adminRouter } from "./routers/admin";
import { statutesRouter } from "./routers/statutes";

export const appRouter = router({ chat: chatRouter, memory: memoryRouter, admin: adminRouter, statutes: statutesRouter });
export type AppRouter = typeof appRouter;
