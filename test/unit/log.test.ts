import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, safeUrl } from '../../src/log.js';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('logger', () => {
  it('never writes tokens, secrets, authorization headers or e-mail addresses', () => {
    const out = capture();
    const logger = createLogger('info', 'json', out.stream);
    logger.info(
      {
        token: 'xoxb-123-secret',
        slack: { token: 'xapp-1-secret', secret: 'shh' },
        req: { headers: { authorization: 'Bearer eyJhbGciOi' } },
        person: { email: 'alice@acme.fr', note: 'rendez-vous médical' },
        SLACK_SIGNING_SECRET: 'signing-secret-value',
        MicrosoftAppPassword: 'teams-password',
      },
      'delivery',
    );
    const text = out.text();
    expect(text).toContain('"msg":"delivery"');
    for (const secret of ['xoxb-123-secret', 'xapp-1-secret', 'shh', 'eyJhbGciOi', 'alice@acme.fr', 'médical', 'signing-secret-value', 'teams-password']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('hides the password of a connection string', () => {
    expect(safeUrl('postgresql://rituel:s3cret@db:5432/rituel')).toBe('postgresql://rituel:***@db:5432/rituel');
    expect(safeUrl('not a url')).toBe('[unparseable url]');
  });
});
