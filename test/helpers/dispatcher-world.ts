/**
 * What the dispatcher tests share: a fresh database with examples/org.yaml, the web chat's
 * messenger, people's ids by ref, and an empty outbox (and web chat, and alerts) before each test.
 * Register it at the top of a test file; its fields are set once `beforeAll` has run.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Messenger } from '../../src/chat/messenger.js';
import { createWebMessenger } from '../../src/chat/web/web-messenger.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase } from './database.js';
import { importExampleOrganization } from './example-org.js';

export interface DispatcherWorld {
  db: Database;
  web: Messenger;
  /** Person ids by ref (alice, julien, sarah, marc, claire...). */
  readonly ids: Record<string, string>;
}

export function useDispatcherWorld(): DispatcherWorld {
  const world = { ids: {} } as DispatcherWorld;
  beforeAll(async () => {
    world.db = await createTestDatabase();
    await importExampleOrganization(world.db.prisma);
    for (const p of await world.db.prisma.person.findMany({ select: { id: true, ref: true } })) world.ids[p.ref] = p.id;
    world.web = createWebMessenger(world.db.prisma);
  });
  afterAll(async () => {
    await world.db?.close();
  });
  beforeEach(async () => {
    await world.db.prisma.webMessage.deleteMany();
    await world.db.prisma.outboxMessage.deleteMany();
    await world.db.prisma.alert.deleteMany();
  });
  return world;
}
