// Drizzle's unnamed queries run as prepared statements (one round trip once described), on the shared handle and
// inside transactions alike; a query without parameters keeps the simple protocol.
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { connect } from "./client";
import { asDrizzle } from "./raw-handle";
import { users } from "./schema";

describe("prepared by default", () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => { for (const d of opened) await d.close(); });

  it("prepares a parameterised Drizzle query on the connection that ran it, and in a raw transaction", async () => {
    const { url } = await testDatabase();
    const one = connect(url, 1); // one connection: the statement's session is the one asked about
    opened.push(one);
    const marker = `prepared-probe-${Date.now()}`;
    await one.db.select({ id: users.id }).from(users).where(eq(users.kind, marker));
    await one.sql.begin(async (tx) => {
      await asDrizzle(tx).select({ id: users.id }).from(users).where(eq(users.id, "00000000-0000-0000-0000-000000000000")).limit(1);
    });
    const statements = await one.sql<{ statement: string }[]>`select statement from pg_prepared_statements`;
    const texts = statements.map((s) => s.statement);
    expect(texts.some((t) => /from "users" where "users"\."kind" = \$1/.test(t))).toBe(true);
    expect(texts.some((t) => /from "users" where "users"\."id" = \$1 limit \$2/.test(t))).toBe(true);
    // No parameters: the simple protocol, nothing prepared.
    await one.db.execute(sql`select 1 as "unprepared_probe"`);
    const after = await one.sql<{ statement: string }[]>`select statement from pg_prepared_statements`;
    expect(after.some((s) => s.statement.includes("unprepared_probe"))).toBe(false);
  });
});
