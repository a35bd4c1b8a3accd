// `npm run seed`: migrates and seeds the database (DATABASE_URL, or the embedded cluster in
// ENSEMBLE_DATA_DIR) exactly as the app does at start, then exits. Idempotent.
import { getDatabase, shutdownDatabase } from "../server/db/client";
import { registerDefaultApp, seedAll } from "../server/boot";

async function main(): Promise<void> {
  const app = registerDefaultApp();
  const database = await getDatabase();
  await seedAll(database.db, app);
  console.log(`seeded: flags and the ${app.name} app's data`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => shutdownDatabase());
