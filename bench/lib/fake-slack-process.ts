/** Starts the fake Slack in a child process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FakeSlackOptions, FakeSlackUser } from '../../test/helpers/fake-slack.js';
import type { FakeSlackReply, FakeSlackRequest, FakeSlackSummary, PostedMessage } from './fake-slack-protocol.js';
import { BENCH_DIR, TSX_IMPORT } from './paths.js';

export interface FakeSlackProcess {
  readonly apiUrl: string;
  readonly pid: number;
  summary(): Promise<FakeSlackSummary>;
  messages(channel: string): Promise<PostedMessage[]>;
  addUsers(users: FakeSlackUser[]): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

export async function startFakeSlackProcess(options: FakeSlackOptions): Promise<FakeSlackProcess> {
  const child: ChildProcess = fork(join(BENCH_DIR, 'fake-slack-child.ts'), [JSON.stringify(options)], {
    execArgv: [...TSX_IMPORT],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (reply: FakeSlackReply) => void>();
  let nextId = 1;
  const ready = new Promise<Extract<FakeSlackReply, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake Slack exited with ${code}`)));
    child.on('message', (raw: unknown) => {
      const reply = raw as FakeSlackReply;
      if (reply.type === 'ready') resolve(reply);
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
  });
  const { apiUrl } = await ready;

  function ask(request: Distribute<FakeSlackRequest>): Promise<FakeSlackReply> {
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      child.send({ ...request, id });
    });
  }

  return {
    apiUrl,
    pid: child.pid ?? -1,
    async summary() {
      const reply = await ask({ type: 'summary' });
      if (reply.type !== 'summary') throw new Error('unexpected reply');
      return reply.summary;
    },
    async messages(channel) {
      const reply = await ask({ type: 'messages', channel });
      if (reply.type !== 'messages') throw new Error('unexpected reply');
      return reply.messages;
    },
    async addUsers(users) {
      await ask({ type: 'addUsers', users });
    },
    async reset() {
      await ask({ type: 'reset' });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await ask({ type: 'close' }).catch(() => undefined);
      await exited;
    },
  };
}
