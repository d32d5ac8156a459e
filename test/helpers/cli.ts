import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

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
  let dbName: string | undefined;
  if (adminUrl) {
    dbName = `rituel_cli_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  return {
    env,
    dir,
    run: (args, extraEnv = {}) => runRituel(args, { ...env, ...extraEnv }),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (adminUrl && dbName) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}
