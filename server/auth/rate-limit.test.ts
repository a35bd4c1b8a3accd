// The fixed-window counter on the real database: counts within a window, refuses over the rule with a
// Retry-After inside the window, starts again at 1 once the window ended; undo and clear take hits back.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db";
import { sleep } from "../retry";
import { clearLimit, hitLimit, undoHit } from "./rate-limit";

describe("hitLimit", () => {
  it("counts hits in a window, refuses over the rule, and restarts after the window", async () => {
    const { db } = await testDatabase();
    const key = `test:${randomUUID()}`;
    const rule = { max: 2, windowMs: 1_500 };
    expect(await hitLimit(db, key, rule)).toMatchObject({ allowed: true, count: 1 });
    expect(await hitLimit(db, key, rule)).toMatchObject({ allowed: true, count: 2 });
    const over = await hitLimit(db, key, rule);
    expect(over).toMatchObject({ allowed: false, count: 3 });
    expect(over.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(over.retryAfterSeconds).toBeLessThanOrEqual(2);
    await sleep(1_600);
    expect(await hitLimit(db, key, rule)).toMatchObject({ allowed: true, count: 1 });
  });

  it("takes a hit back and forgets a key", async () => {
    const { db } = await testDatabase();
    const key = `test:${randomUUID()}`;
    const rule = { max: 5, windowMs: 60_000 };
    await hitLimit(db, key, rule);
    await hitLimit(db, key, rule);
    await undoHit(db, key);
    expect(await hitLimit(db, key, rule)).toMatchObject({ count: 2 });
    await clearLimit(db, key);
    expect(await hitLimit(db, key, rule)).toMatchObject({ count: 1 });
  });
});
