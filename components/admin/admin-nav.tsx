// The admin console's top bar: links to each view and sign-out.
"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "History" },
  { href: "/admin/flags", label: "Flags" },
  { href: "/admin/cohorts", label: "Cohorts" },
  { href: "/admin/memory", label: "Memory" },
];

export function AdminNav({ name }: { name: string }) {
  const pathname = usePathname();
  const router = useRouter();
  async function signOut() {
    await fetch("/api/admin/logout", { method: "POST" });
    router.replace("/admin/login");
    router.refresh();
  }
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-[1400px] items-center gap-6 px-5">
        <Link href="/admin" className="text-sm font-semibold text-slate-900">Ensemble <span className="text-indigo-600">admin</span></Link>
        <nav className="flex gap-1">
          {LINKS.map((l) => {
            const active = l.href === "/admin" ? pathname === "/admin" || pathname.startsWith("/admin/runs") : pathname.startsWith(l.href);
            return (
              <Link key={l.href} href={l.href}
                className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}>
                {l.label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm text-slate-500">
          <span>{name}</span>
          <button type="button" onClick={signOut} className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">Sign out</button>
        </div>
      </div>
    </header>
  );
}
