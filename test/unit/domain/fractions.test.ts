import { describe, expect, it } from 'vitest';
import {
  allowedQuarters,
  checkFraction,
  DEFAULT_GRANULARITY,
  GRANULARITIES,
  isFractionAllowed,
  parseFraction,
  parseQuarterDays,
  quartersToDays,
  quartersToString,
  type Granularity,
} from '../../../src/domain/fractions.js';
import { CodedError } from '../../../src/domain/errors.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CodedError ? e.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

describe('granularity', () => {
  it('defaults to HALF', () => {
    expect(DEFAULT_GRANULARITY).toBe('HALF');
    expect(GRANULARITIES).toEqual(['DAY', 'HALF', 'QUARTER']);
  });

  it('allows the documented values (in quarters)', () => {
    expect(allowedQuarters('DAY')).toEqual([0, 4]);
    expect(allowedQuarters('HALF')).toEqual([0, 2, 4]);
    expect(allowedQuarters('QUARTER')).toEqual([0, 1, 2, 3, 4]);
    expect(isFractionAllowed(2, 'DAY')).toBe(false);
    expect(isFractionAllowed(1, 'HALF')).toBe(false);
    expect(isFractionAllowed(3, 'QUARTER')).toBe(true);
    expect(() => allowedQuarters('WEEK' as Granularity)).toThrow(CodedError);
  });
});

describe('parseFraction', () => {
  it.each([
    [0, 'HALF', 0],
    [0.5, 'HALF', 2],
    [1, 'HALF', 4],
    ['0.5', 'HALF', 2],
    ['0.50', 'HALF', 2],
    ['1', 'HALF', 4],
    ['1.0', 'DAY', 4],
    ['0', 'DAY', 0],
    [0.25, 'QUARTER', 1],
    ['0.75', 'QUARTER', 3],
    [0.75, 'QUARTER', 3],
    [' 0.5 ', 'QUARTER', 2],
  ] as const)('%j with %s → %i quarters', (input, granularity, quarters) => {
    expect(parseFraction(input, granularity)).toBe(quarters);
  });

  it('uses HALF by default', () => {
    expect(parseFraction('0.5')).toBe(2);
    expect(codeOf(() => parseFraction(0.25))).toBe('FRACTION_NOT_ALLOWED');
  });

  it.each([
    [0.5, 'DAY'],
    [0.25, 'HALF'],
    ['0.75', 'HALF'],
    [1.5, 'QUARTER'],
    ['2', 'QUARTER'],
    [-0.5, 'HALF'],
    [0.1, 'QUARTER'],
    ['0.3', 'QUARTER'],
    [0.2 + 0.1, 'QUARTER'],
  ] as const)('%j with %s → FRACTION_NOT_ALLOWED', (input, granularity) => {
    expect(codeOf(() => parseFraction(input, granularity))).toBe('FRACTION_NOT_ALLOWED');
    const check = checkFraction(input, granularity);
    expect(check.ok).toBe(false);
  });

  it.each(['0,5', '', 'abc', '.5', '1e0', '-', '0.5.0', 'NaN'])('%j → INVALID_FRACTION (only "." decimals)', (input) => {
    expect(codeOf(() => parseFraction(input, 'QUARTER'))).toBe('INVALID_FRACTION');
  });

  it('rejects non-finite numbers', () => {
    expect(codeOf(() => parseFraction(Number.NaN, 'QUARTER'))).toBe('INVALID_FRACTION');
    expect(codeOf(() => parseFraction(Number.POSITIVE_INFINITY, 'QUARTER'))).toBe('INVALID_FRACTION');
  });

  it('normalises -0 to 0', () => {
    expect(Object.is(parseFraction(-0, 'HALF'), 0)).toBe(true);
  });
});

describe('quarters ↔ decimals', () => {
  it('formats quarters as plain decimal strings', () => {
    expect([0, 1, 2, 3, 4].map(quartersToString)).toEqual(['0', '0.25', '0.5', '0.75', '1']);
    expect(quartersToString(90)).toBe('22.5');
    expect(quartersToString(-2)).toBe('-0.5');
    expect(() => quartersToString(1.5)).toThrow(CodedError);
  });

  it('converts exactly', () => {
    expect(quartersToDays(2)).toBe(0.5);
    expect(quartersToDays(90)).toBe(22.5);
  });

  it('parses totals above one day', () => {
    expect(parseQuarterDays('20.5')).toBe(82);
    expect(parseQuarterDays(17.75)).toBe(71);
    expect(codeOf(() => parseQuarterDays('1.1'))).toBe('INVALID_FRACTION');
    expect(codeOf(() => parseQuarterDays(-1))).toBe('INVALID_FRACTION');
  });
});
