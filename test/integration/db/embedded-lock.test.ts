import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../../../src/db/embedded.js';

const dir = mkdtempSync(join(tmpdir(), 'rituel-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database', () => {
  it('keeps its data across restarts and refuses a second opener while in use', async () => {
    const first = await startEmbeddedDatabase(dir);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE TABLE kept (v int)');
    await client.query('INSERT INTO kept VALUES (42)');
    await client.end();
    await first.stop();
    // Another live process holds the directory (the parent process stands in for it).
    writeFileSync(join(dir, 'rituel.lock'), String(process.ppid));
    await expect(startEmbeddedDatabase(dir)).rejects.toMatchObject({ code: 'EMBEDDED_DB_IN_USE' });

    writeFileSync(join(dir, 'rituel.lock'), '999999999'); // a dead process: the stale lock is taken over
    const second = await startEmbeddedDatabase(dir);
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    expect((await again.query('SELECT v FROM kept')).rows).toEqual([{ v: 42 }]);
    await again.end();
    await second.stop();
  });
});
