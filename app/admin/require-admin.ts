// The server-side gate of every admin page: no valid admin session → redirect to the sign-in page.
// Called by each page (a layout is not re-rendered on client navigation, so it cannot be the only check).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ensureReady } from "@/server/boot";
import { readAdminSession } from "@/server/auth/admin";

export async function requireAdmin(): Promise<{ name: string }> {
  const database = await ensureReady();
  const admin = await readAdminSession(database.db, (await headers()).get("cookie"));
  if (!admin) redirect("/admin/login");
  return admin;
}
