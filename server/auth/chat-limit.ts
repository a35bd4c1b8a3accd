// Limits on starting chat runs, per user and per client IP, shared by every instance (PostgreSQL).
// ENSEMBLE_CHAT_LIMIT_USER / _IP: runs per window (0 turns one off); ENSEMBLE_CHAT_LIMIT_WINDOW_S: the window.
import "server-only";
import type { Db } from "../db/client";
import { enforceLimits, envInt, type LimitRule } from "./rate-limit";

export function chatLimitRules(): { perUser: LimitRule; perIp: LimitRule } {
  const windowMs = Math.max(1, envInt("ENSEMBLE_CHAT_LIMIT_WINDOW_S", 60)) * 1000;
  return {
    perUser: { max: envInt("ENSEMBLE_CHAT_LIMIT_USER", 20), windowMs },
    perIp: { max: envInt("ENSEMBLE_CHAT_LIMIT_IP", 60), windowMs },
  };
}

/** Counts one chat turn for the user (when known) and the IP; throws rate_limited:chat (429, Retry-After) when over. */
export async function enforceChatLimits(db: Db, who: { userId: string | null; ip: string }): Promise<void> {
  const rules = chatLimitRules();
  await enforceLimits(db, "rate_limited:chat", "Too many questions in a short time.", [
    { key: `chat:ip:${who.ip}`, rule: rules.perIp },
    ...(who.userId ? [{ key: `chat:user:${who.userId}`, rule: rules.perUser }] : []),
  ]);
}
