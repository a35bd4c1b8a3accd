// GET /api/metrics: Prometheus text format, for a bearer token (ENSEMBLE_METRICS_TOKEN) or an admin
// session; 404 when neither is configured, 401 JSON without credentials.
import { ensureReady } from "@/server/boot";
import { routeHandler } from "@/server/http/route";
import { authorizeScrape, renderMetrics } from "@/server/auth/metrics-scrape";

export const dynamic = "force-dynamic";

export const GET = routeHandler("GET /api/metrics", async (req) => {
  await authorizeScrape(req, ensureReady);
  const { body, contentType } = await renderMetrics(ensureReady);
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
