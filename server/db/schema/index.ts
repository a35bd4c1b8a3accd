// Every table, for drizzle-kit and for the typed client.
export * from "./core";
export * from "./memory";
export * from "./flags";
export * from "./domain";
export * from "./domain-rules";
export * from "./security";
