/**
 * A server in a child process that prints JSON lines on stdout, one of them with its `port`
 * (`rituel start` with LOG_FORMAT=json, or the bare Bolt app): started, its port read, stopped.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ROOT } from './paths.js';

export interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly pid: number;
  readonly port: number;
  /** performance.now() when it was spawned, and when its port line came. */
  readonly spawnedAt: number;
  readonly listeningAt: number;
  /** Lines with a level ≥ 40 (warn) seen so far. */
  readonly problems: string[];
  stop(): Promise<void>;
}

export async function spawnServer(args: readonly string[], env: Readonly<Record<string, string>>, timeoutMs = 120_000): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const problems: string[] = [];
  let stderr = '';
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port line after ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let line: { port?: unknown; level?: unknown; msg?: unknown; err?: { type?: unknown; message?: unknown; code?: unknown } };
        try {
          line = JSON.parse(text) as typeof line;
        } catch {
          continue;
        }
        if (typeof line.level === 'number' && line.level >= 40 && problems.length < 50) problems.push(line.err ? `${String(line.msg)} (${String(line.err.type)} ${String(line.err.code ?? '')} ${String(line.err.message).slice(0, 160)})` : String(line.msg));
        if (typeof line.port === 'number') {
          clearTimeout(timer);
          resolve(line.port);
        }
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening; stderr: ${stderr}`));
    });
  });
  const listeningAt = performance.now();
  return {
    child,
    pid: child.pid ?? -1,
    port,
    spawnedAt,
    listeningAt,
    problems,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
