// The app's tRPC router: chat (user tier), memory (user + admin), admin console.
import { router } from "./init";
import { chatRouter } from "./routers/chat";
import { memoryRouter } from "./routers/memory";
import { adminRouter } from "./routers/admin";

export const appRouter = router({ chat: chatRouter, memory: memoryRouter, admin: adminRouter });
export type AppRouter = typeof appRouter;
