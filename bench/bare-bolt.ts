/**
 * The baseline of the interaction scenario: a bare Bolt app (HTTP ExpressReceiver, the same
 * signing check) whose only listener acks every action. Prints {"port": n} once listening.
 * Env: SLACK_SIGNING_SECRET, SLACK_API_URL (the fake: auth.test once at start, as ours does; with
 * tokenVerificationEnabled false, Bolt 4 would call auth.test on every request instead).
 */
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';

const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events', processBeforeResponse: false });
const app = new App({
  token: 'xoxb-bare-bolt',
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? 'http://127.0.0.1:1/api/' },
});
app.action(/.*/, async ({ ack }) => {
  await ack();
});
const server = receiver.app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
