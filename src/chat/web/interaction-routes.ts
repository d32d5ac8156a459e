/**
 * POST /api/interactions: a click (button, select, date) or a form submission on a bot message.
 * The page says who acts and on which message; the message must be a bot message of that person's
 * conversation (the page is never trusted), then the router decides and the answer is applied.
 */
import type { Router } from 'express';
import type { Interaction } from '../interaction.js';
import { answerOf, applyInteractionResult } from './apply-interaction-result.js';
import { isOwnBotMessage } from './conversation-store.js';
import { HttpProblem, parseInput } from './http-problem.js';
import { requireActivePerson } from './people-routes.js';
import { interactionBodySchema, type InteractionBody } from './request-schemas.js';
import type { WebChatDeps } from './web-chat-deps.js';

function toInteraction(body: InteractionBody, personId: string): Interaction {
  const base = {
    id: body.id,
    actor: { platform: 'WEB', teamId: '', externalId: personId },
    messageId: body.messageId,
    actionId: body.actionId,
    value: body.value,
  } as const;
  return body.kind === 'action'
    ? { ...base, kind: 'action', selected: body.selected }
    : { ...base, kind: 'form', fields: body.fields };
}

export function registerInteractionRoutes(api: Router, deps: WebChatDeps): void {
  api.post('/interactions', async (req, res) => {
    const body = parseInput(interactionBodySchema, req.body, 'interaction');
    const person = await requireActivePerson(deps, body.personId);
    if (body.messageId !== undefined && !(await isOwnBotMessage(deps.prisma, person.id, body.messageId))) {
      throw new HttpProblem(404, 'MESSAGE_NOT_FOUND', 'No bot message with this id in this person\'s conversation');
    }
    const result = await deps.router.handle(toInteraction(body, person.id));
    await applyInteractionResult(deps, result, { personId: person.id, messageId: body.messageId, noticeAsMessage: false });
    res.json(answerOf(result, { withNotice: true }));
  });
}
