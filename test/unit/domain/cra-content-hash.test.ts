import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonical-json.js';
import { craContentHash, type CraContent } from '../../../src/domain/cra-content-hash.js';
import { craContentHash as fromCraState } from '../../../src/domain/cra-state.js';
import { CodedError } from '../../../src/domain/errors.js';

const content: CraContent = {
  missionId: 'mission-1',
  month: '2026-05',
  version: 1,
  days: [
    { date: '2026-05-04', worked: '1' },
    { date: '2026-05-05', worked: '0.5', absence: 'CP' },
    { date: '2026-05-06', worked: '0', absence: 'SICK' },
  ],
};

describe('canonicalJson', () => {
  it('sorts keys recursively and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('does not depend on key insertion order', () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });

  it('rejects non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe('craContentHash', () => {
  it('is the sha256 hex of the canonical JSON', () => {
    const expected = createHash('sha256')
      .update(
        '{"days":[{"date":"2026-05-04","worked":"1"},{"absence":"CP","date":"2026-05-05","worked":"0.5"},' +
          '{"absence":"SICK","date":"2026-05-06","worked":"0"}],"missionId":"mission-1","month":"2026-05","version":1}',
      )
      .digest('hex');
    expect(craContentHash(content)).toBe(expected);
    expect(craContentHash(content)).toMatch(/^[0-9a-f]{64}$/);
    expect(fromCraState).toBe(craContentHash);
  });

  it('same content → same hash, whatever the key order, day order or number format', () => {
    const same: CraContent = {
      version: 1,
      days: [
        { absence: 'SICK', worked: 0, date: '2026-05-06' },
        { date: '2026-05-04', worked: 1, absence: null },
        { worked: '0.50', date: '2026-05-05', absence: 'CP' },
      ],
      month: '2026-05',
      missionId: 'mission-1',
    };
    expect(craContentHash(same)).toBe(craContentHash(content));
  });

  it('any change → another hash', () => {
    const base = craContentHash(content);
    const variants: CraContent[] = [
      { ...content, version: 2 },
      { ...content, missionId: 'mission-2' },
      { ...content, month: '2026-06' },
      { ...content, days: content.days.slice(1) },
      { ...content, days: content.days.map((d, i) => (i === 0 ? { ...d, worked: '0.5' } : d)) },
      { ...content, days: content.days.map((d, i) => (i === 1 ? { ...d, absence: 'RTT' } : d)) },
      { ...content, days: content.days.map((d, i) => (i === 2 ? { date: d.date, worked: d.worked } : d)) },
      { ...content, days: content.days.map((d, i) => (i === 0 ? { ...d, date: '2026-05-07' } : d)) },
    ];
    const hashes = variants.map(craContentHash);
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('rejects invalid content', () => {
    expect(() => craContentHash({ ...content, month: '2026-13' })).toThrow(CodedError);
    expect(() => craContentHash({ ...content, version: 0 })).toThrow(CodedError);
    expect(() => craContentHash({ ...content, days: [{ date: '2026-05-32', worked: '1' }] })).toThrow(CodedError);
    expect(() => craContentHash({ ...content, days: [{ date: '2026-05-04', worked: '0,5' }] })).toThrow(CodedError);
  });
});
