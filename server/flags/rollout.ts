// Sticky percentage rollout: a user's bucket is a hash of the flag key and user id, so it never
// changes, and raising the percentage only ever adds users (everyone already in stays in).
import { createHash } from "node:crypto";

/** 0..9999: sha256("<flagKey>:<userId>"), first 4 bytes, mod 10000. */
export function rolloutBucket(flagKey: string, userId: string): number {
  const digest = createHash("sha256").update(`${flagKey}:${userId}`).digest();
  return digest.readUInt32BE(0) % 10_000;
}

/** Whether a user falls inside a rollout of `percent` (0..100, hundredths allowed). */
export function inRollout(flagKey: string, userId: string, percent: number): boolean {
  if (percent >= 100) return true;
  if (percent <= 0) return false;
  return rolloutBucket(flagKey, userId) < Math.round(percent * 100);
}
