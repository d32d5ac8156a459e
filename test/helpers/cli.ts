import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from './scratch-postgres.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI_ENTRY = join(ROOT, 'src', 'cli', 'main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `rituel` command (TypeScript sources through tsx) in a child process. */
export function runRituel(args: string[], env: Record<string, string>, cwd = ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface CliWorkspace {
  /** Environment giving the CLI its own database (embedded in a temp dir, or a new PostgreSQL database). */
  env: Record<string, string>;
  dir: string;
  run(args: string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  cleanup(): Promise<void>;
}

export async function createCliWorkspace(): Promise<CliWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'rituel-cli-'));
  const env: Record<string, string> = { DATA_DIR: join(dir, 'data') };
  const adminUrl = process.env.TEST_DATABASE_URL;
  const scratch = adminUrl ? await createScratchDatabase(adminUrl, 'rituel_cli') : undefined;
  if (scratch) env.DATABASE_URL = scratch.url;
  return {
    env,
    dir,
    run: (args, extraEnv = {}) => runRituel(args, { ...env, ...extraEnv }),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      await scratch?.drop();
    },
  };
}
