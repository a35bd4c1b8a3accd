// The core tables, for the typed client. An app's tables live in its own schema module
// (server/apps/*/schema), listed beside this one in drizzle.config.ts.
export * from "./core";
export * from "./memory";
export * from "./flags";
export * from "./audit";
export * from "./security";
