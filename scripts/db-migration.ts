// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the changes made to
// prisma/schema.prisma since the last committed migration (offline: see src/db/create-migration.ts).
import { createMigration } from '../src/db/create-migration.js';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lowercase letters, digits and _)');
  process.exit(2);
}
const file = await createMigration({ name });
console.log(file ? `Wrote ${file}: review it, then commit it.` : 'The schema matches the migrations: nothing to write.');
