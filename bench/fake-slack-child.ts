/**
 * The fake Slack Web API in its own process (so that its CPU and event loop are not the bot's),
 * driven over IPC by bench/lib/fake-slack-process.ts. Argument: the FakeSlackOptions as JSON.
 */
import { startFakeSlack, type FakeSlackOptions } from '../test/helpers/fake-slack.js';
import type { FakeSlackReply, FakeSlackRequest } from './lib/fake-slack-protocol.js';

const options = JSON.parse(process.argv[2] ?? '{}') as FakeSlackOptions;
const fake = await startFakeSlack(options);

function reply(message: FakeSlackReply): void {
  process.send?.(message);
}

process.on('message', (raw: unknown) => {
  const request = raw as FakeSlackRequest;
  switch (request.type) {
    case 'summary': {
      const counts = fake.outboxCounts();
      let duplicates = 0;
      for (const n of counts.values()) if (n > 1) duplicates += n - 1;
      const channels = new Set(fake.messages.filter((m) => !m.ephemeralFor && m.metadata).map((m) => m.channel));
      reply({
        id: request.id,
        type: 'summary',
        summary: {
          posted: fake.messages.filter((m) => !m.ephemeralFor).length,
          outboxIds: counts.size,
          duplicates,
          channels: channels.size,
          calls: fake.calls.length,
          updates: fake.calls.filter((c) => c.method === 'chat.update').length,
          rateLimited: fake.stats.rateLimited.limits + fake.stats.rateLimited.chaos + fake.stats.rateLimited.told,
        },
      });
      break;
    }
    case 'messages':
      reply({ id: request.id, type: 'messages', messages: fake.channelMessages(request.channel).map((m) => ({ channel: m.channel, ts: m.ts, blocks: m.blocks })) });
      break;
    case 'addUsers':
      for (const user of request.users) fake.addUser(user);
      reply({ id: request.id, type: 'ok' });
      break;
    case 'reset':
      fake.reset();
      reply({ id: request.id, type: 'ok' });
      break;
    case 'close':
      void fake.close().then(() => {
        reply({ id: request.id, type: 'ok' });
        process.exit(0);
      });
      break;
  }
});

process.on('disconnect', () => process.exit(0));
reply({ id: 0, type: 'ready', apiUrl: fake.apiUrl, teamId: fake.team.id });
