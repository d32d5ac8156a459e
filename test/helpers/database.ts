import { openDatabase, type Database } from '../../src/db/database.js';
import { createScratchDatabase } from './scratch-postgres.js';

/**
 * A fresh, migrated database for one test file: an in-memory embedded database by default, or a
 * new PostgreSQL database on the server of TEST_DATABASE_URL (CI), dropped on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDatabase({ dataDir: null });
  const scratch = await createScratchDatabase(adminUrl, 'rituel_test');
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
