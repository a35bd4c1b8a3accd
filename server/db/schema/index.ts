// Every table, for drizzle-kit and for the typed client.
export * from "./core";
export * from "./memory";
export * from "./flags";
export * from "../../apps/housing/schema/domain";
export * from "../../apps/housing/schema/domain-rules";
export * from "./security";
