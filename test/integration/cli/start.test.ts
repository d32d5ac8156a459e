import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, ROOT, createCliWorkspace, type CliWorkspace } from '../../helpers/cli.js';

let workspace: CliWorkspace;
beforeAll(async () => {
  workspace = await createCliWorkspace();
});
afterAll(async () => {
  await workspace?.cleanup();
});

interface LogLine {
  level: number;
  msg: string;
  port?: number;
  url?: string;
}

describe('rituel start', () => {
  it('migrates, says no platform is configured, answers /healthz and /readyz, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...workspace.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    });
    const lines: LogLine[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line; stderr: ${stderr}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffer.slice(0, newline)) as LogLine;
          buffer = buffer.slice(newline + 1);
          lines.push(line);
          if (line.port) {
            clearTimeout(timer);
            resolve(line.port);
          }
        }
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });

    expect(lines.some((l) => l.msg.includes("Aucune plateforme de chat n'est configurée"))).toBe(true);
    expect(lines.some((l) => /migration\(s\) appliquée\(s\)/.test(l.msg))).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: true } });

    // No platform: a demo. The empty database got the demo organization, the web chat is on.
    expect(lines.some((l) => l.msg.includes('organisation de démonstration a été créée'))).toBe(true);
    const url = lines.find((l) => l.url)?.url;
    expect(url).toBe(`http://127.0.0.1:${port}/chat/`);
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const people = (await (await fetch(`${url}api/people`)).json()) as { organizations: { slug: string; people: { ref: string }[] }[] };
    expect(people.organizations.map((o) => o.slug)).toEqual(['demo']);
    expect(people.organizations[0]!.people.map((p) => p.ref)).toEqual(expect.arrayContaining(['alice', 'julien', 'sarah', 'marc']));

    const exitCode = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('stops with a message naming the variable when the configuration is wrong', async () => {
    const result = await workspace.run(['start'], { PORT: 'eighty', DEFAULT_TIMEZONE: 'Mars/Olympus' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: .*number/);
    expect(result.stderr).toContain('DEFAULT_TIMEZONE: expected an IANA time zone');
  });
});
