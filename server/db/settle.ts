// Statements issued together on one transaction's connection (pipelined) are awaited together: every one
// settles before the transaction goes on (none left running or unobserved), then the first failure throws.

export async function settleAll(pending: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(pending);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}
