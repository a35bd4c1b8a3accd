// Test helpers over the real database: the shared handle and fresh users/sessions per test.
import { getDatabase, type Database } from "../server/db/client";
import { users, chatSessions } from "../server/db/schema";

export function testDatabase(): Promise<Database> {
  return getDatabase();
}

export async function createTestUser(): Promise<{ userId: string; sessionId: string }> {
  const { db } = await getDatabase();
  const [u] = await db.insert(users).values({}).returning();
  const [s] = await db.insert(chatSessions).values({ userId: u.id, title: "test" }).returning();
  return { userId: u.id, sessionId: s.id };
}
