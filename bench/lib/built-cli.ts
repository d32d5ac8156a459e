/** The built CLI (dist/), rebuilt once per run when a source file is newer than it. */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_CLI, ROOT } from './paths.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(BUILT_CLI).mtimeMs;
  } catch {
    return 0;
  }
}

let checked = false;

/** The path of dist/cli/main.js, after `npm run build` if dist/ is older than src/. */
export function builtCli(log: (line: string) => void): string {
  if (!checked) {
    checked = true;
    if (builtAt() < newestMtime(join(ROOT, 'src'))) {
      log('dist/ is older than src/: npm run build');
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    }
  }
  return BUILT_CLI;
}
