/**
 * The demo panel's API, mounted only when demo controls are given (`rituel demo`, or the web chat
 * alone): GET /api/demo lists the rituals, POST /api/demo/tick runs the scheduler as if the clock
 * read `at`, POST /api/demo/trigger runs one ritual now for one person.
 */
import type { Router } from 'express';
import type { DemoControls } from './demo-controls.js';
import { HttpProblem, parseInput } from './http-problem.js';
import { requireActivePerson } from './people-routes.js';
import { demoTickBodySchema, demoTriggerBodySchema } from './request-schemas.js';
import type { WebChatDeps } from './web-chat-deps.js';

export function registerDemoRoutes(api: Router, deps: WebChatDeps, demo: DemoControls): void {
  api.get('/demo', (_req, res) => {
    res.json({ rituals: demo.rituals.map(({ id, audience }) => ({ id, audience })) });
  });

  api.post('/demo/tick', async (req, res) => {
    const body = parseInput(demoTickBodySchema, req.body, 'tick');
    const summary = await demo.tick(new Date(body.at));
    res.json({ at: new Date(body.at).toISOString(), planned: summary.planned, sent: summary.sent });
  });

  api.post('/demo/trigger', async (req, res) => {
    const body = parseInput(demoTriggerBodySchema, req.body, 'trigger');
    if (!demo.rituals.some((ritual) => ritual.id === body.ritual)) {
      throw new HttpProblem(400, 'UNKNOWN_RITUAL', 'Unknown ritual', [{ path: 'ritual', message: 'not one of GET /api/demo rituals' }]);
    }
    const person = await requireActivePerson(deps, body.personId);
    const text = await demo.trigger(person.id, body.ritual);
    deps.events.changed(person.id);
    res.json({ text });
  });
}
