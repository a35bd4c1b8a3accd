// tRPC setup: context and the three procedure tiers. Routers never re-check auth by hand.
import { initTRPC, TRPCError } from "@trpc/server";
import type { Database } from "../db/client";

export interface TrpcContext {
  database: Database;
  /** The anonymous-cookie user, when the request carried a valid cookie. */
  userId: string | null;
  /** Set when the request carries a valid admin session. */
  admin: { name: string } | null;
  /** Request Origin and Host, for rejecting cross-origin mutations. */
  origin: string | null;
  host: string | null;
}

const t = initTRPC.context<TrpcContext>().create();

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Mutations from another origin are refused: the cookies are SameSite, this is the second lock. */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.origin && ctx.host) {
    let originHost: string | null = null;
    try {
      originHost = new URL(ctx.origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== ctx.host) throw new TRPCError({ code: "FORBIDDEN", message: "forbidden:cross_origin" });
  }
  return next();
});

export const publicProcedure = t.procedure.use(sameOrigin);

export const userProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "unauthorized:user" });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

export const adminProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.admin) throw new TRPCError({ code: "UNAUTHORIZED", message: "unauthorized:admin" });
  return next({ ctx: { ...ctx, admin: ctx.admin } });
});
