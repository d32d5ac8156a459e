/** GET /api/texts?locale=fr|en: every text of the web chat page, from src/i18n/web-fr.ts and web-en.ts. */
import type { Router } from 'express';
import { t } from '../../i18n/index.js';
import { webFr, type WebMessageKey } from '../../i18n/web-fr.js';
import { parseInput } from './http-problem.js';
import { textsQuerySchema } from './request-schemas.js';
import type { WebChatDeps } from './web-chat-deps.js';

const WEB_KEYS = Object.keys(webFr) as WebMessageKey[];

export function registerTextsRoute(api: Router, deps: WebChatDeps): void {
  api.get('/texts', (req, res) => {
    const locale = parseInput(textsQuerySchema, req.query, 'query').locale ?? deps.defaultLocale;
    const texts = Object.fromEntries(WEB_KEYS.map((key) => [key, t(locale, key)]));
    res.json({ locale, defaultLocale: deps.defaultLocale, texts });
  });
}
