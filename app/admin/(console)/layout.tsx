// The admin console's frame: top navigation and sign-out, behind the server-side session check.
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "../require-admin";

export const dynamic = "force-dynamic";

export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <div className="min-h-screen bg-slate-50">
      <AdminNav name={admin.name} />
      <main className="mx-auto max-w-[1400px] px-5 py-5">{children}</main>
    </div>
  );
}
