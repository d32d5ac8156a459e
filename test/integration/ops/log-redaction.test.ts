import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';

describe('log redaction of chat payloads', () => {
  it('never writes typed text, form fields, message payloads, names, conversation references or HTTP client credentials', () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const logger = createLogger('info', 'json', stream);
    const err = Object.assign(new Error('request failed'), { config: { headers: { Authorization: 'Bearer graph-token' }, data: '{"text":"secret body"}' } });
    logger.info(
      {
        interaction: { text: 'congé maladie demain', fields: { note: 'chimio' } },
        row: { payload: { text: 'Bonjour Alice Martin' } },
        name: 'Alice Martin',
        person: { name: 'Alice Martin' },
        account: { conversationRef: { user: { name: 'Alice Martin' } } },
        outboxId: 'kept-id',
        err,
      },
      'interaction handled',
    );
    for (const secret of ['congé maladie', 'chimio', 'Alice Martin', 'graph-token', 'secret body']) expect(text).not.toContain(secret);
    expect(text).toContain('kept-id');
    expect(text).toContain('request failed');
  });
});
