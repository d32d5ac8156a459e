import { describe, expect, it } from 'vitest';
import { CodedError, ORG_IMPORT_ERROR_CODES } from '../../../src/errors.js';
import { isMessageKey, t } from '../../../src/i18n/index.js';
import { orgEn } from '../../../src/i18n/org-en.js';
import { orgFr, type OrgMessageKey } from '../../../src/i18n/org-fr.js';
import { describeErrorLines, describeProblem } from '../../../src/i18n/problems.js';
import {
  decodeOrgIssue,
  ORG_PROBLEM_CODES,
  orgIssue,
  orgProblemKey,
  renderOrgProblem,
} from '../../../src/org/org-problems.js';

const keys = Object.keys(orgFr) as OrgMessageKey[];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('org problem catalogs', () => {
  it('have a French and an English text for every problem code', () => {
    expect(ORG_PROBLEM_CODES.length).toBeGreaterThan(50);
    for (const code of ORG_PROBLEM_CODES) {
      const key = `org.problem.${code}`;
      expect(orgFr, key).toHaveProperty([key]);
      expect(orgEn, key).toHaveProperty([key]);
    }
  });

  it('have a French and an English text for every org import error code', () => {
    for (const code of ORG_IMPORT_ERROR_CODES) {
      const key = `problem.${code}`;
      expect(orgFr, key).toHaveProperty([key]);
      expect(orgEn, key).toHaveProperty([key]);
    }
  });

  it('are merged into the core catalogs: t() and isMessageKey know every key', () => {
    for (const key of keys) {
      expect(isMessageKey(key), key).toBe(true);
      expect(t('fr', key), key).toBe(orgFr[key]);
      expect(t('en', key), key).toBe(orgEn[key]);
    }
  });

  it('have exactly the same keys, each with the same placeholders, and translated texts', () => {
    expect(Object.keys(orgEn).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(orgFr[key].trim(), key).not.toBe('');
      expect(orgEn[key].trim(), key).not.toBe('');
      expect(placeholders(orgEn[key]), key).toEqual(placeholders(orgFr[key]));
      expect(orgEn[key], key).not.toBe(orgFr[key]);
    }
  });

  it('hold no text for an unknown code', () => {
    const codes = new Set<string>(ORG_PROBLEM_CODES);
    for (const key of keys) {
      const match = /^org\.problem\.([A-Z_]+)(?:\.\w+)?$/.exec(key);
      if (match) expect(codes.has(match[1] ?? ''), key).toBe(true);
      else expect(ORG_IMPORT_ERROR_CODES.map((code) => `problem.${code}`), key).toContain(key);
    }
  });

  it('use French typography in French (guillemets, apostrophes, spaced colons)', () => {
    for (const key of keys) {
      const text = orgFr[key].replace('« clé: valeur »', ''); // YAML syntax, quoted as is
      expect(text, key).not.toMatch(/"/);
      expect(text, key).not.toMatch(/'/);
      expect(text, key).not.toMatch(/\S[?!;]/);
      expect(text, key).not.toMatch(/\S: /);
    }
    expect(orgFr['org.problem.UNKNOWN_KEY.didYouMean']).toBe('clé inconnue « {key} » (vouliez-vous dire « {suggestion} » ?)');
  });
});

describe('renderOrgProblem', () => {
  it('fills the parameters and joins a list of values in each language', () => {
    const roles = { code: 'EXPECTED_ONE_OF', params: { values: ['consultant', 'manager', 'admin'] } } as const;
    expect(renderOrgProblem(roles, 'fr')).toBe('valeur attendue : consultant, manager ou admin');
    expect(renderOrgProblem(roles, 'en')).toBe('expected consultant, manager or admin');
    const locales = { code: 'EXPECTED_ONE_OF', params: { values: ['fr', 'en'] } } as const;
    expect(renderOrgProblem(locales, 'fr')).toBe('valeur attendue : fr ou en');
    expect(renderOrgProblem(locales, 'en')).toBe('expected fr or en');
    expect(renderOrgProblem({ code: 'EXPECTED_POSITIVE_NUMBER' }, 'fr')).toBe('nombre positif attendu');
    expect(renderOrgProblem({ code: 'EXPECTED_DATE' }, 'fr')).toBe('date attendue au format AAAA-MM-JJ');
    expect(renderOrgProblem({ code: 'UNKNOWN_PERSON', params: { ref: 'bob' } }, 'fr')).toBe('personne inconnue « bob »');
  });

  it('picks the variant of a code by its parameters', () => {
    expect(orgProblemKey({ code: 'UNKNOWN_KEY', params: { key: 'nmae' } })).toBe('org.problem.UNKNOWN_KEY');
    expect(orgProblemKey({ code: 'UNKNOWN_KEY', params: { key: 'nmae', suggestion: 'name' } })).toBe('org.problem.UNKNOWN_KEY.didYouMean');
    expect(renderOrgProblem({ code: 'UNKNOWN_KEY', params: { key: 'nmae' } }, 'fr')).toBe('clé inconnue « nmae »');
    expect(renderOrgProblem({ code: 'UNKNOWN_KEY', params: { key: 'nmae', suggestion: 'name' } }, 'en')).toBe(
      'unknown key "nmae" (did you mean "name"?)',
    );
    expect(orgProblemKey({ code: 'SLACK_ACCOUNT_TAKEN', params: { userId: 'U1' } })).toBe('org.problem.SLACK_ACCOUNT_TAKEN.anotherPerson');
    expect(orgProblemKey({ code: 'SLACK_ACCOUNT_TAKEN', params: { userId: 'U1', holder: 'ana' } })).toBe('org.problem.SLACK_ACCOUNT_TAKEN');
  });

  it('leaves an unknown placeholder as is', () => {
    expect(t('fr', 'org.problem.APPROVER_GAP', { from: 1 })).toBe('aucun valideur du 1 au {to}');
  });
});

describe('orgIssue / decodeOrgIssue', () => {
  it('carries a code and its parameters through a zod message', () => {
    expect(decodeOrgIssue(orgIssue('EXPECTED_WORKING_DAYS', { min: 1, max: 60 }))).toEqual({
      code: 'EXPECTED_WORKING_DAYS',
      params: { min: 1, max: 60 },
    });
    expect(decodeOrgIssue(orgIssue('REQUIRED'))).toEqual({ code: 'REQUIRED' });
    expect(decodeOrgIssue(orgIssue('EXPECTED_ONE_OF', { values: ['a', 'b'] }))).toEqual({
      code: 'EXPECTED_ONE_OF',
      params: { values: ['a', 'b'] },
    });
  });

  it('rejects other messages and unknown codes', () => {
    expect(decodeOrgIssue('Invalid input')).toBeUndefined();
    expect(decodeOrgIssue(orgIssue('REQUIRED').replace('REQUIRED', 'NO_SUCH_CODE'))).toBeUndefined();
    expect(decodeOrgIssue(`${orgIssue('REQUIRED').slice(0, -1)}`)).toBeUndefined();
  });
});

describe('org import errors through describeProblem', () => {
  const taken = new CodedError(
    'ORG_IMPORT_CHAT_ACCOUNT_TAKEN',
    'The Slack account U1 of "ana" belongs to another organization',
    { platform: 'SLACK' },
    { params: { platform: 'Slack', externalId: 'U1', ref: 'ana' } },
  );

  it('gives the text of an org import error in the locale', () => {
    expect(describeProblem('fr', taken)).toBe('Le compte Slack U1 de « ana » appartient à une autre organisation');
    expect(describeProblem('en', taken)).toBe(taken.message);
    expect(describeErrorLines('fr', taken)).toEqual(['Le compte Slack U1 de « ana » appartient à une autre organisation']);
    const unreadable = new CodedError('FILE_UNREADABLE', 'Cannot read org.yaml: ENOENT', { file: 'org.yaml' }, {
      params: { file: 'org.yaml', reason: 'ENOENT' },
    });
    expect(describeProblem('fr', unreadable)).toBe('Impossible de lire org.yaml : ENOENT');
    expect(describeProblem('en', unreadable)).toBe('Cannot read org.yaml: ENOENT');
  });

  it('falls back to the English message when the params are missing', () => {
    const noParams = new CodedError('ORG_IMPORT_CHAT_ACCOUNT_TAKEN', 'x');
    expect(describeProblem('fr', noParams)).toBe('x');
  });
});
