/** GET /api/people (who the page can act as) and GET /api/people/:personId/messages (their conversation). */
import type { Router } from 'express';
import { readConversation } from './conversation-store.js';
import { notFound, parseInput } from './http-problem.js';
import { findActivePerson, listOrganizationsWithPeople, type WebChatPerson } from './people-store.js';
import { messagesQuerySchema } from './request-schemas.js';
import type { WebChatDeps } from './web-chat-deps.js';

/** The active person named by the request, or a 404 (malformed, unknown, inactive or erased). */
export async function requireActivePerson(deps: WebChatDeps, personId: string): Promise<WebChatPerson> {
  const person = await findActivePerson(deps.prisma, personId, deps.defaultLocale);
  if (!person) throw notFound('No active person with this id');
  return person;
}

export function registerPeopleRoutes(api: Router, deps: WebChatDeps): void {
  api.get('/people', async (_req, res) => {
    res.json({ organizations: await listOrganizationsWithPeople(deps.prisma, deps.defaultLocale) });
  });

  api.get('/people/:personId/messages', async (req, res) => {
    const person = await requireActivePerson(deps, req.params.personId);
    const query = parseInput(messagesQuerySchema, req.query, 'query');
    const page = await readConversation(deps.prisma, person.id, query.since ? new Date(query.since) : undefined);
    res.json(page);
  });
}
