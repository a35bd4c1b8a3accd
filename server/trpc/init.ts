// tRPC setup: context, the error policy (AppError kinds → tRPC codes, internals masked) and the three
// procedure tiers. Routers never re-check auth by hand and never build error messages with codes in them.
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/unstable-core-do-not-import";
import { ZodError } from "zod";
import type { Database } from "../db/client";
import { AppError, ERROR_KINDS, toAppError, type ErrorCode } from "../errors";
import { crossSiteReason } from "../http/same-origin";

export interface TrpcContext {
  database: Database;
  /** The anonymous-cookie user, when the request carried a valid cookie. */
  userId: string | null;
  /** Set when the request carries a valid admin session. */
  admin: { name: string } | null;
  /** Request Origin and Host (and Sec-Fetch-Site), for refusing cross-site mutations. */
  origin: string | null;
  host: string | null;
  fetchSite?: string | null;
  /** Set by the HTTP adapter; shown in error bodies so a report can be found in the log. */
  requestId?: string;
}

/** What an error looks like to the caller: a kind:surface code, a safe message, validation issues. */
export interface AppErrorData {
  code: TRPCError["code"];
  httpStatus: number;
  appCode: ErrorCode;
  path?: string;
  requestId?: string;
  issues?: { path: string; message: string }[];
}

/** The AppError a tRPC error stands for: its cause when that is one, the input's zod error as bad_request, else masked. */
export function appErrorOf(error: TRPCError): AppError {
  const cause = error.cause;
  if (cause instanceof AppError) return cause;
  if (cause instanceof ZodError || (error.code === "BAD_REQUEST" && !cause)) {
    return new AppError("bad_request:input", cause instanceof ZodError ? "invalid input" : error.message);
  }
  if (error.code !== "INTERNAL_SERVER_ERROR") {
    // tRPC's own refusals (parse error, unknown procedure, method, batch size): safe messages of its own.
    const kind = (Object.keys(ERROR_KINDS) as (keyof typeof ERROR_KINDS)[]).find((k) => ERROR_KINDS[k].trpc === error.code) ?? "bad_request";
    return new AppError(`${kind}:trpc`, error.message);
  }
  return toAppError(cause ?? error);
}

const t = initTRPC.context<TrpcContext>().create({
  // Stack traces never leave the server, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error, path, ctx }) {
    const app = appErrorOf(error);
    const data: AppErrorData = {
      code: app.trpcCode,
      httpStatus: app.status,
      appCode: app.code,
      ...(path ? { path } : {}),
      ...(ctx?.requestId ? { requestId: ctx.requestId } : {}),
      ...(error.cause instanceof ZodError
        ? { issues: error.cause.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) }
        : {}),
    };
    return { ...shape, code: TRPC_ERROR_CODES_BY_KEY[app.trpcCode], message: app.message, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * An AppError thrown in a procedure (or a database outage) becomes a TRPCError with the matching code,
 * so HTTP callers and createCaller callers see the same NOT_FOUND / CONFLICT / SERVICE_UNAVAILABLE.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof ZodError)) {
    const cause = result.error.cause ?? result.error;
    const mapped = cause instanceof AppError ? cause : result.error.code === "INTERNAL_SERVER_ERROR" ? toAppError(cause) : null;
    if (mapped && mapped.trpcCode !== result.error.code) {
      return { ...result, error: new TRPCError({ code: mapped.trpcCode, message: mapped.message, cause: mapped }) };
    }
  }
  return result;
});

/** Mutations another site made a browser send are refused: the cookies are SameSite, this is the second lock. */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation") {
    const reason = crossSiteReason({ origin: ctx.origin, fetchSite: ctx.fetchSite ?? null, host: ctx.host });
    if (reason) throw new AppError("forbidden:cross_origin", `Cross-site requests are not allowed (${reason}).`);
  }
  return next();
});

export const publicProcedure = t.procedure.use(appErrors).use(sameOrigin);

export const userProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new AppError("unauthorized:user", "This needs the cookie of a chat user.");
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

export const adminProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.admin) throw new AppError("unauthorized:admin", "This needs an admin session.");
  return next({ ctx: { ...ctx, admin: ctx.admin } });
});
