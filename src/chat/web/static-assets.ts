/**
 * The page of the web chat (HTML, JS modules, CSS; no build step). The files live in
 * src/chat/web/public and `tsc` does not copy them to dist/, so they are found from the project
 * root (the folder holding package.json) whether this module runs from src/ or from dist/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

const PUBLIC_FROM_ROOT = join('src', 'chat', 'web', 'public');

/** The project root above `start`: the nearest folder holding a package.json. */
export function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`web chat: no package.json above ${start}, cannot find the page's files`);
    dir = parent;
  }
}

/** The folder of the page's files; throws a clear error when it is missing. */
export function resolvePublicDir(start: string = import.meta.dirname): string {
  const dir = join(findProjectRoot(start), PUBLIC_FROM_ROOT);
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`web chat: the page's files are missing (${dir}/index.html)`);
  return dir;
}

/** `<basePath>` without a slash redirects to `<basePath>/` so the page's relative links resolve. */
const trailingSlash: RequestHandler = (req, res, next) => {
  if ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/' && !req.originalUrl.split('?', 1)[0]?.endsWith('/')) {
    res.redirect(301, `${req.baseUrl}/`);
    return;
  }
  next();
};

export function registerStaticAssets(router: Router, publicDir: string): void {
  router.use(trailingSlash);
  router.use(
    express.static(publicDir, {
      index: 'index.html',
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
}
