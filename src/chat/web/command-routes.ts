/**
 * POST /api/commands: what the person typed in the box ("aide", "semaine"...). The text joins the
 * conversation as the person's message, followed by the bot's replies and notice. A repeated id
 * (a resent request) adds nothing.
 */
import type { Router } from 'express';
import { answerOf, applyInteractionResult } from './apply-interaction-result.js';
import { parseInput } from './http-problem.js';
import { requireActivePerson } from './people-routes.js';
import { commandBodySchema } from './request-schemas.js';
import type { WebChatDeps } from './web-chat-deps.js';

export function registerCommandRoutes(api: Router, deps: WebChatDeps): void {
  api.post('/commands', async (req, res) => {
    const body = parseInput(commandBodySchema, req.body, 'command');
    const person = await requireActivePerson(deps, body.personId);
    const result = await deps.router.handle({
      kind: 'command',
      id: body.id,
      actor: { platform: 'WEB', teamId: '', externalId: person.id },
      text: body.text,
    });
    await applyInteractionResult(deps, result, {
      personId: person.id,
      messageId: undefined,
      before: [{ author: 'PERSON', text: body.text }],
      noticeAsMessage: true,
    });
    res.json(answerOf(result, { withNotice: false }));
  });
}
