// /admin/cohorts?flag=key: runs with a flag on vs off over a period, side by side.
import { CohortView } from "@/components/admin/cohort-view";
import { requireAdmin } from "../../require-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Cohorts · Ensemble admin" };

export default async function AdminCohortsPage({ searchParams }: { searchParams: Promise<{ flag?: string }> }) {
  await requireAdmin();
  const { flag } = await searchParams;
  return <CohortView initialFlag={typeof flag === "string" ? flag : "orchestrator"} />;
}
