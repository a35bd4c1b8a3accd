// Seeds everything the app needs to answer: domain data, rule tables and flag definitions.
// Each seeder is idempotent (it checks what is already there), so this runs at every start.
import type { Db } from "../client";
import { seedFlags } from "../../flags/seed";
import { seedRules } from "../../apps/housing/seed/rules";
import { seedDomain } from "../../apps/housing/seed/domain";
import { seedGlossary } from "../../apps/housing/seed/glossary";

export type Seeder = (db: Db) => Promise<void>;

/** In order: later seeders may read what earlier ones wrote. Add a seeder here in one line. */
const seeders: Seeder[] = [seedFlags, seedDomain, seedRules, seedGlossary];

export async function seedAll(db: Db): Promise<void> {
  for (const seed of seeders) await seed(db);
}
