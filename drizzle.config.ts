import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this; the app applies migrations itself (server/db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  // The core schema and each app's own tables.
  schema: ["./server/db/schema/index.ts", "./server/apps/housing/schema/domain.ts", "./server/apps/housing/schema/domain-rules.ts",
    "./server/apps/housing/schema/glossary.ts", "./server/apps/housing/schema/statutes.ts"],
  out: "./drizzle",
});
