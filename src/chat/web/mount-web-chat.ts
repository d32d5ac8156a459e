/**
 * The local web chat: a page where anybody can pick a person and chat with Rituel as them, the same
 * neutral messages rendered in a browser. That is a sharp tool (DESIGN.md), so every route is
 * guarded: loopback only unless `exposed`, JSON and same origin for every change, every input
 * validated, and bad input always a 4xx.
 *
 * Routes, under `basePath` (default /chat):
 *   GET  /                               the page (src/chat/web/public)
 *   GET  /api/texts?locale=fr|en         the page's texts
 *   GET  /api/people                     organizations and their active people
 *   GET  /api/people/:id/messages        the conversation (?since=<ISO> for what changed)
 *   GET  /api/people/:id/stream          Server-Sent Events: `changed` when the conversation changes
 *   POST /api/interactions               a click or a form submission
 *   POST /api/commands                   a typed command
 *   GET  /api/demo, POST /api/demo/tick, POST /api/demo/trigger   only with `demo`
 */
import express, { Router, type Express } from 'express';
import type { Db } from '../../db/client.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import type { InteractionRouter } from '../router/router.js';
import { registerCommandRoutes } from './command-routes.js';
import type { DemoControls } from './demo-controls.js';
import { registerDemoRoutes } from './demo-routes.js';
import { apiNotFound, webChatErrorHandler } from './error-handler.js';
import { registerInteractionRoutes } from './interaction-routes.js';
import { registerPeopleRoutes } from './people-routes.js';
import { localOnlyGuard, securityHeaders, stateChangeGuard } from './request-guard.js';
import { registerStaticAssets, resolvePublicDir } from './static-assets.js';
import { DEFAULT_STREAM_TIMING, OpenStreams, registerStreamRoute, type StreamTiming } from './stream-route.js';
import { registerTextsRoute } from './texts-route.js';
import type { WebChatDeps } from './web-chat-deps.js';
import type { WebChatEvents } from './web-chat-events.js';

/** Largest JSON body accepted (a form submission is far smaller). */
export const WEB_CHAT_BODY_LIMIT = '64kb';

export interface WebChatOptions {
  readonly prisma: Db;
  readonly router: InteractionRouter;
  readonly events: WebChatEvents;
  readonly logger: Logger;
  /**
   * Serve requests from anywhere, not only direct loopback connections. Unsafe with real data:
   * whoever reaches the page can act as anybody.
   */
  readonly exposed: boolean;
  /** The demo panel (tick at a chosen time, run a ritual now); without it the panel is hidden. */
  readonly demo?: DemoControls;
  /** Where the web chat lives; default '/chat'. */
  readonly basePath?: string;
  /** Language of the page before a person is picked; default 'fr'. */
  readonly defaultLocale?: Locale;
  /** Live stream timing (tests shorten it); default: check every 2 s, keep-alive every 15 s. */
  readonly streamTiming?: Partial<StreamTiming>;
  /** The page's files; default src/chat/web/public of the project. */
  readonly publicDir?: string;
  readonly now?: () => Date;
}

export interface MountedWebChat {
  /** The normalized base path ('/chat'). */
  readonly basePath: string;
  /** Live streams currently open. */
  readonly openStreams: () => number;
  /** Ends every open live stream (call before closing the HTTP server, which waits for them). */
  close(): void;
}

/** '/chat', 'chat/', '/chat/' → '/chat'; refuses anything that is not a plain path. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = `/${basePath.replace(/^\/+|\/+$/g, '')}`;
  if (trimmed === '/' || !/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed)) {
    throw new Error(`web chat: invalid basePath "${basePath}" (expected a path such as /chat)`);
  }
  return trimmed;
}

export function mountWebChat(app: Express, options: WebChatOptions): MountedWebChat {
  const basePath = normalizeBasePath(options.basePath ?? '/chat');
  const publicDir = options.publicDir ?? resolvePublicDir();
  const deps: WebChatDeps = {
    prisma: options.prisma,
    router: options.router,
    events: options.events,
    logger: options.logger,
    demo: options.demo,
    defaultLocale: options.defaultLocale ?? 'fr',
    now: options.now ?? (() => new Date()),
  };
  const timing: StreamTiming = { ...DEFAULT_STREAM_TIMING, ...options.streamTiming };
  const streams = new OpenStreams();

  const api = Router();
  api.use(express.json({ limit: WEB_CHAT_BODY_LIMIT, strict: true, type: 'application/json' }));
  registerTextsRoute(api, deps);
  registerPeopleRoutes(api, deps);
  registerStreamRoute(api, deps, timing, streams);
  registerInteractionRoutes(api, deps);
  registerCommandRoutes(api, deps);
  if (options.demo) registerDemoRoutes(api, deps, options.demo);
  api.use(apiNotFound);
  api.use(webChatErrorHandler(options.logger));

  const webChat = Router();
  webChat.use(
    localOnlyGuard({
      exposed: options.exposed,
      onRefused: (reason) => options.logger.debug({ reason }, 'web chat: request from outside loopback refused'),
    }),
  );
  webChat.use(securityHeaders);
  webChat.use(stateChangeGuard);
  webChat.use('/api', api);
  registerStaticAssets(webChat, publicDir);
  webChat.use(webChatErrorHandler(options.logger));

  app.use(basePath, webChat);
  if (options.exposed) {
    options.logger.warn({ basePath }, 'web chat exposed beyond loopback: whoever reaches it can act as anybody');
  }
  return {
    basePath,
    openStreams: () => streams.size,
    close: () => streams.closeAll(),
  };
}
