import { join } from 'node:path';

export const BENCH_DIR = join(import.meta.dirname, '..');
export const ROOT = join(BENCH_DIR, '..');
/** node flags that run TypeScript sources (tsx). */
export const TSX_IMPORT: readonly string[] = ['--import', 'tsx'];
/** The built CLI (npm run build). */
export const BUILT_CLI = join(ROOT, 'dist', 'cli', 'main.js');
