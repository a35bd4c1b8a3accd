// /admin/runs/{runId}: one run as a timeline, with decisions, checkpoints, events, flags and the answer.
import { notFound } from "next/navigation";
import { RunView } from "@/components/admin/run-view";
import { requireAdmin } from "../../../require-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Run · Ensemble admin" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requireAdmin();
  const { runId } = await params;
  if (!UUID.test(runId)) notFound();
  return <RunView runId={runId} />;
}
