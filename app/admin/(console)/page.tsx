// /admin: the history of every run, filtered, sorted and paged.
import { HistoryView } from "@/components/admin/history-view";
import { requireAdmin } from "../require-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "History · Ensemble admin" };

export default async function AdminHistoryPage() {
  await requireAdmin();
  return <HistoryView />;
}
