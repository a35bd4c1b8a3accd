// /admin/login: the admin sign-in form, or a notice that the admin area is closed (no ADMIN_PASSWORD).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ensureReady } from "@/server/boot";
import { adminEnabled, readAdminSession } from "@/server/auth/admin";
import { AdminLoginForm } from "@/components/admin/login-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Ensemble admin" };

export default async function AdminLoginPage() {
  const enabled = adminEnabled();
  if (enabled) {
    const database = await ensureReady();
    if (await readAdminSession(database.db, (await headers()).get("cookie"))) redirect("/admin");
  }
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold text-slate-900">Ensemble admin</h1>
        {enabled ? (
          <AdminLoginForm />
        ) : (
          <p className="mt-3 text-sm text-slate-600" data-testid="admin-closed">
            The admin area is closed: this server was started without <code className="rounded bg-slate-100 px-1">ADMIN_PASSWORD</code>.
          </p>
        )}
      </div>
    </main>
  );
}
