// /admin/flags: every feature flag, its switch, rollout, kill switch, overrides and audit log.
import { FlagsView } from "@/components/admin/flags-view";
import { requireAdmin } from "../../require-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Flags · Ensemble admin" };

export default async function AdminFlagsPage() {
  await requireAdmin();
  return <FlagsView />;
}
