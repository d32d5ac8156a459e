/** The IPC messages between the benchmark and its fake Slack process (bench/fake-slack-child.ts). */
import type { FakeSlackUser } from '../../test/helpers/fake-slack.js';

export interface FakeSlackSummary {
  /** Messages posted (not ephemeral). */
  readonly posted: number;
  /** Distinct outbox ids among them. */
  readonly outboxIds: number;
  /** Copies beyond the first of a message with the same outbox id (0 when nothing was doubled). */
  readonly duplicates: number;
  /** Distinct channels that received a message from the outbox. */
  readonly channels: number;
  readonly calls: number;
  readonly updates: number;
  /** HTTP 429 answered. */
  readonly rateLimited: number;
}

export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
  readonly blocks: unknown[];
}

export type FakeSlackRequest =
  | { readonly id: number; readonly type: 'summary' }
  | { readonly id: number; readonly type: 'messages'; readonly channel: string }
  | { readonly id: number; readonly type: 'addUsers'; readonly users: FakeSlackUser[] }
  | { readonly id: number; readonly type: 'reset' }
  | { readonly id: number; readonly type: 'close' };

export type FakeSlackReply =
  | { readonly id: number; readonly type: 'ready'; readonly apiUrl: string; readonly teamId: string }
  | { readonly id: number; readonly type: 'summary'; readonly summary: FakeSlackSummary }
  | { readonly id: number; readonly type: 'messages'; readonly messages: PostedMessage[] }
  | { readonly id: number; readonly type: 'ok' };
