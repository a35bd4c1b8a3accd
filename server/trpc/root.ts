// The runtime's tRPC routers: chat (user tier), memory (user + admin) and the admin console. An app adds
// its own procedures beside these where it composes the API (the housing app: server/apps/housing/router.ts).
import { router } from "./init";
import { chatRouter } from "./routers/chat";
import { memoryRouter } from "./routers/memory";
import { adminRouter } from "./routers/admin";

export const coreRouters = { chat: chatRouter, memory: memoryRouter, admin: adminRouter };
export const coreRouter = router(coreRouters);
/** The runtime's procedures as the browser sees them (an app's router extends these). */
export type CoreRouter = typeof coreRouter;
