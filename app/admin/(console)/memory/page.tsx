// /admin/memory: tool statistics (per user and global), execution patterns, the strategy cache.
import { MemoryView } from "@/components/admin/memory-view";
import { requireAdmin } from "../../require-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Memory · Ensemble admin" };

export default async function AdminMemoryPage() {
  await requireAdmin();
  return <MemoryView />;
}
