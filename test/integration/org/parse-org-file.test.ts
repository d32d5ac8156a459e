import { describe, expect, it } from 'vitest';
import { formatPath, formatProblems, parseOrgFile, type OrgFileProblem } from '../../../src/org/parse-org-file.js';
import { edit, exampleText, lineOf } from './org-file-text.js';

function problemsOf(text: string): OrgFileProblem[] {
  const result = parseOrgFile(text);
  if (result.ok) throw new Error('expected problems, the file was accepted');
  return result.problems;
}

const MINIMAL = `organization:
  slug: mini
  name: Mini
people:
  - ref: ana
    name: Ana
    roles: [consultant, manager]
clients:
  - ref: cli
    name: Client
    contacts:
      - ref: val
        name: Val
missions:
  - ref: m1
    title: Mission
    client: cli
    consultant: ana
    manager: ana
    start: 2026-01-05
    approvers:
      - { person: val, from: 2026-01-05 }
    rates:
      - { from: 2026-01-05, tjm: 500 }
`;

describe('formatPath', () => {
  it('puts array indexes in brackets and dots between keys', () => {
    expect(formatPath(['missions', 2, 'rates', 0, 'tjm'])).toBe('missions[2].rates[0].tjm');
    expect(formatPath(['organization', 'settings', 'quietHours', 'start'])).toBe('organization.settings.quietHours.start');
    expect(formatPath([3, 'a'])).toBe('[3].a');
    expect(formatPath([])).toBe('');
  });

  it('quotes keys that would be ambiguous', () => {
    expect(formatPath(['people', 0, 'first name'])).toBe('people[0]["first name"]');
    expect(formatPath(['people', 0, 'a.b'])).toBe('people[0]["a.b"]');
  });
});

describe('formatProblems', () => {
  it('prints file:line: path: message, one problem per line', () => {
    const text = formatProblems('examples/org.yaml', [
      { path: 'missions[2].rates[0].tjm', line: 42, message: 'expected a positive number' },
      { path: '', line: 3, message: 'YAML syntax error: oops' },
      { path: 'people', line: undefined, message: 'expected a list' },
    ]);
    expect(text.split('\n')).toEqual([
      'examples/org.yaml:42: missions[2].rates[0].tjm: expected a positive number',
      'examples/org.yaml:3: YAML syntax error: oops',
      'examples/org.yaml: people: expected a list',
    ]);
  });
});

describe('parseOrgFile', () => {
  it('accepts the example file and applies the defaults', () => {
    const result = parseOrgFile(exampleText());
    if (!result.ok) throw new Error(formatProblems('examples/org.yaml', result.problems));
    const { file } = result;
    expect(file.organization.slug).toBe('acme-conseil');
    expect(file.people.filter((p) => p.roles.includes('consultant'))).toHaveLength(3);
    expect(file.clients.map((c) => c.contacts.length)).toEqual([3, 2]);
    const alice = file.missions[0];
    expect(alice?.start).toBe('2026-11-16');
    expect(alice?.rates).toEqual([
      { from: '2026-11-16', tjm: '650' },
      { from: '2027-01-01', tjm: '680' },
    ]);
    expect(file.missions[1]?.region).toBe('FR-67');
    expect(file.missions[2]?.rates[0]?.tjm).toBe('690.50');
    expect(file.missions[2]?.region).toBe('FR');
    expect(file.missions[2]?.billing).toBe('regie');
  });

  it('fills every default of a minimal file', () => {
    const result = parseOrgFile(MINIMAL);
    if (!result.ok) throw new Error(formatProblems('mini.yaml', result.problems));
    expect(result.file.organization).toEqual({
      slug: 'mini',
      name: 'Mini',
      locale: 'fr',
      timezone: 'Europe/Paris',
      settings: {
        dailyCheckinTime: '17:30',
        weeklyCheckinDay: 5,
        weeklyCheckinTime: '16:00',
        quietHours: { start: '19:00', end: '08:30' },
        craClose: { rule: 'last-working-day', time: '15:00' },
        validation: {
          responseWorkingDays: 3,
          reminderEveryWorkingDays: 2,
          escalateAfterWorkingDays: 5,
          backupAfterWorkingDays: 7,
          tacitAcceptanceWorkingDays: 10,
        },
        retentionMonths: 24,
        catchUpWindowMinutes: 180,
      },
    });
    expect(result.file.missions[0]).toMatchObject({
      region: 'FR',
      billing: 'regie',
      granularity: 'half',
      whitMondayWorked: false,
      tacitAcceptance: false,
      backupApprovers: [],
      purchaseOrders: [],
      checkins: { enabled: true },
      validation: {},
    });
  });

  it('normalizes time zones, emails and Teams ids', () => {
    let text = edit(MINIMAL, '  name: Mini\n', '  name: Mini\n  timezone: europe/paris\n');
    text = edit(text, '    name: Ana\n', '    name: Ana\n    email: Ana.Lopez@Mini.FR\n    teams: { aadObjectId: 3F2B9C1E-7A4D-4E2B-9C61-0A1B2C3D4E01, tenantId: 9D8C7B6A-5F4E-4D3C-8B2A-1F0E9D8C7B01 }\n');
    const result = parseOrgFile(text);
    if (!result.ok) throw new Error(formatProblems('mini.yaml', result.problems));
    expect(result.file.organization.timezone).toBe('Europe/Paris');
    expect(result.file.people[0]?.email).toBe('ana.lopez@mini.fr');
    expect(result.file.people[0]?.teams).toEqual({
      aadObjectId: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01',
      tenantId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01',
    });
  });

  it('reports every fault of a broken copy at once, with exact paths and lines', () => {
    let text = exampleText();
    text = edit(text, '{ from: 2026-09-01, tjm: "690.50" }', '{ from: 2026-09-01, tjm: -690 }');
    text = edit(text, 'consultant: julien', 'consultant: bob');
    text = edit(text, '    end: 2027-06-30\n', '    end: 2027-06-31\n');
    text = edit(text, '    cjm: 420\n', '    cjm: 420\n    colour: blue\n');
    text = edit(text, '{ from: 2026-11-16, tjm: 650 }', '{ from: 2026-11-16, to: 2027-01-15, tjm: 650 }');
    text = edit(text, '{ person: thomas, from: 2026-10-01 }', '{ person: claire, from: 2026-10-01 }');

    const problems = problemsOf(text);
    expect(problems).toEqual([
      { path: 'people[1].colour', line: lineOf(text, 'colour: blue'), message: 'unknown key "colour"' },
      { path: 'missions[0].end', line: lineOf(text, 'end: 2027-06-31'), message: 'expected a date YYYY-MM-DD' },
      {
        path: 'missions[0].rates[1].from',
        line: lineOf(text, '{ from: 2027-01-01, tjm: 680 }'),
        message: 'rate periods overlap: 2026-11-16 – 2027-01-15 and 2027-01-01 – open',
      },
      { path: 'missions[1].consultant', line: lineOf(text, 'consultant: bob'), message: 'unknown person "bob"' },
      {
        path: 'missions[1].approvers[0].person',
        line: lineOf(text, '{ person: claire, from: 2026-10-01 }'),
        message: '"claire" is not a contact of client "assurances-rhin"',
      },
      { path: 'missions[2].rates[0].tjm', line: lineOf(text, 'tjm: -690'), message: 'expected a positive number' },
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const text = edit(exampleText(), '    title: Migration du datalake sinistres\n', '    title: Migration: du datalake\n');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('');
    expect(problems[0]?.line).toBe(lineOf(text, 'title: Migration: du datalake'));
    expect(problems[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it('reports a duplicate YAML key as a syntax error on its line', () => {
    const text = edit(MINIMAL, '  name: Mini\n', '  name: Mini\n  name: Maxi\n');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '', line: 4 });
  });

  it('reports an empty file and a file that is not a mapping', () => {
    expect(problemsOf('')).toEqual([{ path: '', line: 1, message: expect.stringContaining('empty') }]);
    expect(problemsOf('- a\n- b\n')).toEqual([{ path: '', line: 1, message: 'expected a mapping (key: value)' }]);
  });

  it('locates a missing key at its parent and suggests the closest known key', () => {
    const text = edit(MINIMAL, '    name: Ana\n', '    nmae: Ana\n');
    expect(problemsOf(text)).toEqual([
      { path: 'people[0].name', line: 5, message: 'required' },
      { path: 'people[0].nmae', line: 6, message: 'unknown key "nmae" (did you mean "name"?)' },
    ]);
  });

  it('checks scalars: slug, email, time, weekday, region, time zone, enums, decimals', () => {
    let text = MINIMAL;
    text = edit(text, 'slug: mini', 'slug: Mini Corp');
    text = edit(text, '  name: Mini\n', '  name: Mini\n  timezone: Europe/Lile\n  settings:\n    dailyCheckinTime: "25:00"\n    weeklyCheckinDay: 8\n    craClose: { rule: day-31 }\n');
    text = edit(text, '    name: Ana\n', '    name: Ana\n    email: ana-at-mini\n    cjm: 420.555\n');
    text = edit(text, 'roles: [consultant, manager]', 'roles: [consultant, manager, boss]');
    text = edit(text, '    start: 2026-01-05\n', '    start: 2026-01-05\n    region: FR-99\n    billing: regi\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}: ${p.path}: ${p.message}`)).toEqual([
      '2: organization.slug: expected a slug: lowercase letters, digits and dashes (acme-conseil)',
      '4: organization.timezone: expected an IANA time zone (Europe/Paris)',
      '6: organization.settings.dailyCheckinTime: expected a time HH:mm',
      '7: organization.settings.weeklyCheckinDay: expected a weekday 1-7 (1 = Monday)',
      '8: organization.settings.craClose.rule: expected last-working-day or day-N (N from 1 to 28)',
      '12: people[0].email: expected an email address',
      '13: people[0].cjm: expected at most 2 decimals',
      '14: people[0].roles[2]: expected consultant, manager or admin',
      '28: missions[0].region: expected a calendar region (FR, FR-57, FR-67, FR-68...)',
      '29: missions[0].billing: expected regie or forfait',
    ]);
  });

  it('checks roles, duplicate refs and chat accounts across people and contacts', () => {
    let text = MINIMAL;
    text = edit(
      text,
      '    roles: [consultant, manager]\n',
      '    roles: [consultant, manager]\n    slack: { userId: U1, teamId: T1 }\n  - ref: bo\n    name: Bo\n    roles: [admin]\n    slack: { userId: U1, teamId: T1 }\n  - ref: cy\n    name: Cy\n    roles: [consultant]\n',
    );
    text = edit(text, '      - ref: val\n        name: Val\n', '      - ref: val\n        name: Val\n      - ref: ana\n        name: Ana bis\n');
    text = edit(text, 'consultant: ana\n    manager: ana', 'consultant: bo\n    manager: cy');
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}: ${p.path}: ${p.message}`)).toEqual([
      '12: people[1].slack.userId: Slack user U1 is already given to "ana"',
      '22: clients[0].contacts[1].ref: duplicate ref "ana" (first at line 5)',
      '28: missions[0].consultant: "bo" does not have the consultant role',
      '29: missions[0].manager: "cy" has neither the manager nor the admin role',
    ]);
  });

  it('checks approvers: client contacts, overlaps, gaps, first one on or before the start', () => {
    const text = edit(
      MINIMAL,
      '      - { person: val, from: 2026-01-05 }\n',
      [
        '      - { person: val, from: 2026-01-12, to: 2026-03-31 }',
        '      - { person: ana, from: 2026-03-01 }',
        '      - { person: val, from: 2026-03-15 }',
        '      - { person: val, from: 2026-06-01, to: 2026-05-01 }',
        '    backupApprovers:',
        '      - { person: zoe, from: 2026-02-01 }',
        '',
      ].join('\n'),
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}: ${p.path}: ${p.message}`)).toEqual([
      '22: missions[0].approvers[0].from: the first approver must start on or before the mission start (2026-01-05)',
      '23: missions[0].approvers[1].person: "ana" is not a client contact',
      '23: missions[0].approvers[1].from: overlaps the approver period starting 2026-01-12',
      '24: missions[0].approvers[2].from: overlaps the approver period starting 2026-01-12',
      '25: missions[0].approvers[3].to: ends before it starts (2026-06-01)',
      '27: missions[0].backupApprovers[0].person: unknown person "zoe"',
    ]);

    const gap = edit(MINIMAL, '      - { person: val, from: 2026-01-05 }\n', '      - { person: val, from: 2026-01-05, to: 2026-01-31 }\n      - { person: val, from: 2026-03-01 }\n');
    expect(problemsOf(gap)).toEqual([
      { path: 'missions[0].approvers[1].from', line: 23, message: 'no approver from 2026-02-01 to 2026-02-28' },
    ]);
  });

  it('checks rates, the mission window and purchase orders', () => {
    let text = MINIMAL;
    text = edit(text, '    start: 2026-01-05\n', '    start: 2026-01-05\n    end: 2026-01-01\n');
    text = edit(
      text,
      '      - { from: 2026-01-05, tjm: 500 }\n',
      [
        '      - { from: 2026-01-06, tjm: 500 }',
        '      - { from: 2026-01-06, tjm: 510 }',
        '    purchaseOrders:',
        '      - { number: PO-1, start: 2026-01-05, end: 2026-01-04, daysOrdered: 0 }',
        '      - { number: PO-1, start: 2026-01-05, end: 2026-12-31, daysOrdered: 10, amount: 5000 }',
        '',
      ].join('\n'),
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}: ${p.path}: ${p.message}`)).toEqual([
      '21: missions[0].end: ends before the mission start (2026-01-05)',
      '25: missions[0].rates[0].from: the first rate must start on or before the mission start (2026-01-05)',
      '26: missions[0].rates[1].from: rate periods overlap: 2026-01-06 – open and 2026-01-06 – open',
      '28: missions[0].purchaseOrders[0].daysOrdered: expected a positive number',
      '28: missions[0].purchaseOrders[0].end: ends before it starts (2026-01-05)',
      '29: missions[0].purchaseOrders[1].number: duplicate purchase order number "PO-1" (first at line 28)',
    ]);
  });

  it('requires an approver and a rate on a regie mission, not on a forfait', () => {
    const bare = edit(
      MINIMAL,
      '    approvers:\n      - { person: val, from: 2026-01-05 }\n    rates:\n      - { from: 2026-01-05, tjm: 500 }\n',
      '',
    );
    expect(problemsOf(bare)).toEqual([
      { path: 'missions[0].approvers', line: 15, message: 'a regie mission needs at least one approver' },
      { path: 'missions[0].rates', line: 15, message: 'a regie mission needs at least one rate (TJM)' },
    ]);
    expect(parseOrgFile(edit(bare, '    start: 2026-01-05\n', '    start: 2026-01-05\n    billing: forfait\n')).ok).toBe(true);
  });
});
