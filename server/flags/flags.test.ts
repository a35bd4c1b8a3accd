// Flag evaluation against the real database: sticky rollout and its distribution, overrides, kill switch,
// audit rows, env defaults, and propagation of a change to a second instance through LISTEN/NOTIFY.
// Tests create flags of their own (test_* keys) so real flags used by parallel test files stay untouched.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { connect, type Database } from "../db/client";
import { featureFlags, adminAudit } from "../db/schema";
import { testDatabase } from "../../test/db";
import {
  FLAG_DEFINITIONS, FlagError, evaluateDefinitions, evaluateFlag, evaluateFlags, inRollout, seedFlags, setFlag, setOverride,
  startFlagListener, type FlagDefinition,
} from "./index";

async function testFlag(defaultValue = false): Promise<FlagDefinition> {
  const { db } = await testDatabase();
  const def: FlagDefinition = { key: `test_${randomUUID().slice(0, 8)}`, description: "test flag", kind: "release", default: defaultValue };
  await db.insert(featureFlags).values({ key: def.key, description: def.description, kind: def.kind, defaultValue, enabled: null });
  return def;
}

const second: Database[] = [];
afterAll(async () => {
  for (const d of second) await d.close();
});

describe("rollout", () => {
  it("puts the requested share of 10,000 users in, within ±3%", () => {
    const ids = Array.from({ length: 10_000 }, () => randomUUID());
    for (const percent of [10, 30, 50, 75]) {
      const inside = ids.filter((id) => inRollout("orchestrator", id, percent)).length / ids.length;
      expect(Math.abs(inside - percent / 100)).toBeLessThanOrEqual(0.03);
    }
    expect(ids.filter((id) => inRollout("orchestrator", id, 0))).toHaveLength(0);
    expect(ids.filter((id) => inRollout("orchestrator", id, 100))).toHaveLength(ids.length);
  });

  it("is sticky: the same answer every time, and raising the percentage keeps everyone already in", () => {
    const ids = Array.from({ length: 2_000 }, () => randomUUID());
    const at20 = ids.filter((id) => inRollout("memory_learning", id, 20));
    expect(ids.filter((id) => inRollout("memory_learning", id, 20))).toEqual(at20);
    const at40 = new Set(ids.filter((id) => inRollout("memory_learning", id, 40)));
    for (const id of at20) expect(at40.has(id)).toBe(true);
    expect(at40.size).toBeGreaterThan(at20.length);
  });

  it("buckets differ per flag, so two flags at 50% do not pick the same users", () => {
    const ids = Array.from({ length: 2_000 }, () => randomUUID());
    const both = ids.filter((id) => inRollout("a_flag", id, 50) && inRollout("b_flag", id, 50)).length / ids.length;
    expect(Math.abs(both - 0.25)).toBeLessThan(0.05);
  });
});

describe("evaluateFlag precedence", () => {
  const def: FlagDefinition = { key: "precedence_probe", description: "", kind: "release", default: true };
  const config = { key: def.key, description: "", kind: "release", enabled: false, rolloutPercent: 100, killed: false, defaultValue: true };
  const user = randomUUID();

  it("request beats everything, kill forces the default over overrides, override beats the switch", () => {
    expect(evaluateFlag(def, { ...config, killed: true }, user, false, false)).toEqual({ value: false, reason: "request" });
    expect(evaluateFlag(def, { ...config, killed: true }, user, false, undefined)).toEqual({ value: true, reason: "kill" });
    expect(evaluateFlag(def, config, user, true, undefined)).toEqual({ value: true, reason: "override" });
    expect(evaluateFlag(def, config, user, undefined, undefined)).toEqual({ value: false, reason: "rollout" });
    expect(evaluateFlag(def, { ...config, enabled: null }, user, undefined, undefined)).toEqual({ value: true, reason: "default" });
    expect(evaluateFlag(def, undefined, user, undefined, undefined)).toEqual({ value: true, reason: "default" });
  });

  it("takes the default from ENSEMBLE_FLAG_<KEY> when set, and rejects a malformed value", () => {
    process.env.ENSEMBLE_FLAG_PRECEDENCE_PROBE = "0";
    try {
      expect(evaluateFlag(def, { ...config, enabled: null }, user, undefined, undefined)).toEqual({ value: false, reason: "env" });
      expect(evaluateFlag(def, { ...config, killed: true }, user, undefined, undefined)).toEqual({ value: false, reason: "kill" });
      process.env.ENSEMBLE_FLAG_PRECEDENCE_PROBE = "maybe";
      expect(() => evaluateFlag(def, { ...config, enabled: null }, user, undefined, undefined)).toThrow(/ENSEMBLE_FLAG_PRECEDENCE_PROBE/);
    } finally {
      delete process.env.ENSEMBLE_FLAG_PRECEDENCE_PROBE;
    }
  });
});

describe("flags in the database", () => {
  it("evaluates every defined flag, honours request overrides and rejects unknown ones", async () => {
    const { db } = await testDatabase();
    const snapshot = await evaluateFlags(db, randomUUID(), { orchestrator: false });
    expect(Object.keys(snapshot).sort()).toEqual(FLAG_DEFINITIONS.map((d) => d.key).sort());
    expect(snapshot.orchestrator).toEqual({ value: false, reason: "request" });
    await expect(evaluateFlags(db, randomUUID(), { no_such_flag: true })).rejects.toThrow(/unknown flag/);
  });

  it("applies switch, rollout, override and kill, and audits every change", async () => {
    const { db } = await testDatabase();
    const def = await testFlag(false);
    const users = Array.from({ length: 400 }, () => randomUUID());
    const evalAll = async () => Promise.all(users.map((u) => evaluateDefinitions(db, [def], u).then((s) => s[def.key])));

    expect((await evalAll()).every((v) => v.value === false && v.reason === "default")).toBe(true);

    await setFlag(db, def.key, { enabled: true, rolloutPercent: 50 }, "tester");
    const half = await evalAll();
    expect(half.every((v) => v.reason === "rollout")).toBe(true);
    const onShare = half.filter((v) => v.value).length / users.length;
    expect(onShare).toBeGreaterThan(0.4);
    expect(onShare).toBeLessThan(0.6);
    users.forEach((u, i) => expect(half[i].value).toBe(inRollout(def.key, u, 50)));

    const outsider = users.find((u) => !inRollout(def.key, u, 50))!;
    await setOverride(db, def.key, outsider, true, "tester");
    expect((await evaluateDefinitions(db, [def], outsider))[def.key]).toEqual({ value: true, reason: "override" });

    await setFlag(db, def.key, { killed: true }, "tester");
    expect((await evaluateDefinitions(db, [def], outsider))[def.key]).toEqual({ value: false, reason: "kill" });
    expect((await evalAll()).every((v) => v.value === false && v.reason === "kill")).toBe(true);

    await setFlag(db, def.key, { killed: false }, "tester");
    await setOverride(db, def.key, outsider, null, "tester");
    expect((await evaluateDefinitions(db, [def], outsider))[def.key]).toEqual({ value: false, reason: "rollout" });

    const audit = await db.select().from(adminAudit).where(eq(adminAudit.resourceId, def.key)).orderBy(adminAudit.id);
    expect(audit.map((a) => [a.resourceType, a.action])).toEqual([
      ["flag", "update"], ["flag_override", "create"], ["flag", "kill"], ["flag", "unkill"], ["flag_override", "delete"],
    ]);
    expect(audit[0].before).toEqual({ enabled: null, rolloutPercent: 100, killed: false });
    expect(audit[0].after).toEqual({ enabled: true, rolloutPercent: 50, killed: false });
    expect(audit[1].after).toEqual({ userId: outsider, value: true });
    expect(audit[4].before).toEqual({ userId: outsider, value: true });
    expect(audit.every((a) => a.actor === "tester" && a.at instanceof Date)).toBe(true);
  });

  it("writes no audit row for a change that changes nothing, and refuses bad input", async () => {
    const { db } = await testDatabase();
    const def = await testFlag();
    await setFlag(db, def.key, { rolloutPercent: 100 }, "tester");
    expect(await db.select().from(adminAudit).where(eq(adminAudit.resourceId, def.key))).toHaveLength(0);
    const err = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as FlagError);
    expect((await err(setFlag(db, def.key, { rolloutPercent: 150 }, "tester")))?.code).toBe("bad_request:flag");
    expect((await err(setFlag(db, "no_such_flag", { enabled: true }, "tester")))?.code).toBe("not_found:flag");
    expect((await err(setOverride(db, def.key, "not-a-uuid", true, "tester")))?.code).toBe("bad_request:flag");
  });

  it("re-seeding keeps the admin's state and is idempotent", async () => {
    const { db } = await testDatabase();
    // adaptive_strategy follows its default (enabled null), so its rollout percent has no effect on other tests.
    await db.update(featureFlags).set({ rolloutPercent: 37 }).where(eq(featureFlags.key, "adaptive_strategy"));
    try {
      await seedFlags(db);
      await seedFlags(db);
      const rows = await db.select().from(featureFlags).where(inArray(featureFlags.key, FLAG_DEFINITIONS.map((d) => d.key)));
      expect(rows).toHaveLength(FLAG_DEFINITIONS.length);
      expect(rows.find((r) => r.key === "adaptive_strategy")?.rolloutPercent).toBe(37);
    } finally {
      await db.update(featureFlags).set({ rolloutPercent: 100 }).where(eq(featureFlags.key, "adaptive_strategy"));
    }
  });

  it("a second instance sees a change within a second (LISTEN/NOTIFY), and serves from cache until then", async () => {
    const primary = await testDatabase();
    const other = connect(primary.url, 2);
    second.push(other);
    const def = await testFlag(false);
    const user = randomUUID();
    await startFlagListener(other.db);
    expect((await evaluateDefinitions(other.db, [def], user))[def.key].value).toBe(false);

    // A write that bypasses setFlag sends no notification: the other instance keeps its cached copy.
    await primary.db.update(featureFlags).set({ enabled: true }).where(eq(featureFlags.key, def.key));
    expect((await evaluateDefinitions(other.db, [def], user))[def.key].value).toBe(false);
    await primary.db.update(featureFlags).set({ enabled: null }).where(eq(featureFlags.key, def.key));

    const t0 = Date.now();
    await setFlag(primary.db, def.key, { enabled: true }, "tester");
    let seen = false;
    while (Date.now() - t0 < 1000) {
      if ((await evaluateDefinitions(other.db, [def], user))[def.key].value) {
        seen = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toBe(true);
    expect(Date.now() - t0).toBeLessThan(1000);
    const [last] = await primary.db.select().from(adminAudit).where(and(eq(adminAudit.resourceId, def.key))).orderBy(desc(adminAudit.id)).limit(1);
    expect(last.after).toMatchObject({ enabled: true });
    void sql;
  });
});
