// The chat home: a new conversation. Whether the visitor already has a user cookie decides if
// their conversation list is fetched (the cookie itself is set by the first POST /api/chat).
import { cookies } from "next/headers";
import { ChatApp } from "@/components/chat/chat-app";
import { USER_COOKIE } from "@/server/auth/user";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const jar = await cookies();
  return <ChatApp initialSessionId={null} initialHasUser={jar.has(USER_COOKIE)} />;
}
