// One conversation by URL, so a reload (even mid-run) lands back on it; the client loads its turns
// over tRPC and re-attaches to a run still in progress.
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { ChatApp } from "@/components/chat/chat-app";
import { USER_COOKIE } from "@/server/auth/user";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  if (!UUID.test(sessionId)) notFound();
  const jar = await cookies();
  return <ChatApp initialSessionId={sessionId.toLowerCase()} initialHasUser={jar.has(USER_COOKIE)} />;
}
