// Input checks shared by memory's database functions: ids reach uuid columns, so a bad one must fail
// here with a clear message rather than as a PostgreSQL cast error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertUserId(userId: string): void {
  if (typeof userId !== "string" || !UUID.test(userId)) throw new Error(`bad_request:memory userId must be a uuid, got ${JSON.stringify(userId)}`);
}

export function assertOptionalUuid(name: string, value: string | null | undefined): void {
  if (value == null) return;
  if (typeof value !== "string" || !UUID.test(value)) throw new Error(`bad_request:memory ${name} must be a uuid, got ${JSON.stringify(value)}`);
}
