// For tRPC router tests: a context on the test database as a given user (and admin session), and the
// check that a call was refused with a given tRPC code.
import { expect } from "vitest";
import { TRPCError } from "@trpc/server";
import type { TrpcContext } from "../server/trpc/init";
import { testDatabase } from "./db";

export async function testContext(userId: string | null, admin: TrpcContext["admin"] = null): Promise<TrpcContext> {
  return { database: await testDatabase(), userId, admin, origin: null, host: null };
}

export async function expectTrpcCode(p: Promise<unknown>, code: TRPCError["code"]): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe(code);
}
