import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this; the app applies migrations itself (server/db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema/index.ts",
  out: "./drizzle",
});
