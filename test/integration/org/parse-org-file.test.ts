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
  const problems: OrgFileProblem[] = [
    { path: 'missions[2].rates[0].tjm', line: 42, code: 'EXPECTED_POSITIVE_NUMBER', message: 'expected a positive number' },
    { path: '', line: 3, code: 'YAML_SYNTAX_ERROR', params: { detail: 'oops' }, message: 'YAML syntax error: oops' },
    { path: 'people', line: undefined, code: 'EXPECTED_LIST', message: 'expected a list' },
    {
      path: 'missions[1].consultant',
      line: 7,
      code: 'UNKNOWN_PERSON',
      params: { ref: 'bob' },
      message: 'unknown person "bob"',
    },
  ];

  it('prints file:line: path: message, one problem per line, in French by default', () => {
    expect(formatProblems('examples/org.yaml', problems).split('\n')).toEqual([
      'examples/org.yaml:42: missions[2].rates[0].tjm: nombre positif attendu',
      'examples/org.yaml:3: erreur de syntaxe YAML : oops',
      'examples/org.yaml: people: liste attendue',
      'examples/org.yaml:7: missions[1].consultant: personne inconnue « bob »',
    ]);
    expect(formatProblems('examples/org.yaml', problems, 'fr')).toBe(formatProblems('examples/org.yaml', problems));
  });

  it('prints the texts in English with the locale en', () => {
    expect(formatProblems('examples/org.yaml', problems, 'en').split('\n')).toEqual([
      'examples/org.yaml:42: missions[2].rates[0].tjm: expected a positive number',
      'examples/org.yaml:3: YAML syntax error: oops',
      'examples/org.yaml: people: expected a list',
      'examples/org.yaml:7: missions[1].consultant: unknown person "bob"',
    ]);
  });

  it('renders from the code and params, not from the English message', () => {
    const stale: OrgFileProblem = { path: 'a', line: 1, code: 'UNKNOWN_CLIENT', params: { ref: 'x' }, message: 'anything' };
    expect(formatProblems('f.yaml', [stale], 'en')).toBe('f.yaml:1: a: unknown client "x"');
    expect(formatProblems('f.yaml', [stale], 'fr')).toBe('f.yaml:1: a: client inconnu « x »');
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
        checkinReminderTime: '09:00',
        digest: { day: 1, time: '09:00' },
        silentDaysAlert: 3,
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
    expect(result.file.people[0]).not.toHaveProperty('checkins');
  });

  it('reads the check-in reminder, the digest, the silent days alert and the own check-in time of a person', () => {
    let text = edit(
      MINIMAL,
      '  name: Mini\n',
      '  name: Mini\n  settings:\n    checkinReminderTime: "08:45"\n    digest: { day: 7, time: "18:30" }\n    silentDaysAlert: 20\n',
    );
    text = edit(text, '    roles: [consultant, manager]\n', '    roles: [consultant, manager]\n    checkins: { dailyTime: "18:00" }\n');
    const result = parseOrgFile(text);
    if (!result.ok) throw new Error(formatProblems('mini.yaml', result.problems));
    expect(result.file.organization.settings).toMatchObject({
      checkinReminderTime: '08:45',
      digest: { day: 7, time: '18:30' },
      silentDaysAlert: 20,
    });
    expect(result.file.people[0]?.checkins).toEqual({ dailyTime: '18:00' });

    // Each key of the digest has its own default; an empty checkins block sets nothing.
    let partial = edit(MINIMAL, '  name: Mini\n', '  name: Mini\n  settings:\n    digest: { time: "08:00" }\n    silentDaysAlert: 1\n');
    partial = edit(partial, '    roles: [consultant, manager]\n', '    roles: [consultant, manager]\n    checkins: {}\n');
    const partialResult = parseOrgFile(partial);
    if (!partialResult.ok) throw new Error(formatProblems('mini.yaml', partialResult.problems));
    expect(partialResult.file.organization.settings).toMatchObject({
      checkinReminderTime: '09:00',
      digest: { day: 1, time: '08:00' },
      silentDaysAlert: 1,
    });
    expect(partialResult.file.people[0]?.checkins).toEqual({});
  });

  it('checks the check-in reminder, the digest, the silent days alert and the own check-in times, refused on contacts', () => {
    let text = edit(
      MINIMAL,
      '  name: Mini\n',
      '  name: Mini\n  settings:\n    checkinReminderTime: "9:00"\n    digest: { day: 0, time: "24:00" }\n    silentDaysAlert: 21\n',
    );
    text = edit(text, '    roles: [consultant, manager]\n', '    roles: [consultant, manager]\n    checkins: { dailyTime: 6pm }\n');
    text = edit(text, '        name: Val\n', '        name: Val\n        checkins: { dailyTime: "18:00" }\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}: ${p.path}: ${p.code} ${JSON.stringify(p.params ?? {})}`)).toEqual([
      '5: organization.settings.checkinReminderTime: EXPECTED_TIME {}',
      '6: organization.settings.digest.day: EXPECTED_WEEKDAY {}',
      '6: organization.settings.digest.time: EXPECTED_TIME {}',
      '7: organization.settings.silentDaysAlert: EXPECTED_WORKING_DAYS {"min":1,"max":20}',
      '12: people[0].checkins.dailyTime: EXPECTED_TIME {}',
      '19: clients[0].contacts[0].checkins: UNKNOWN_KEY {"key":"checkins"}',
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:5: organization.settings.checkinReminderTime: heure attendue au format HH:mm',
      'mini.yaml:6: organization.settings.digest.day: jour de la semaine attendu, de 1 à 7 (1 = lundi)',
      'mini.yaml:6: organization.settings.digest.time: heure attendue au format HH:mm',
      'mini.yaml:7: organization.settings.silentDaysAlert: nombre entier de jours ouvrés attendu, de 1 à 20',
      'mini.yaml:12: people[0].checkins.dailyTime: heure attendue au format HH:mm',
      'mini.yaml:19: clients[0].contacts[0].checkins: clé inconnue « checkins »',
    ]);
    expect(formatProblems('mini.yaml', problems, 'en').split('\n')).toEqual([
      'mini.yaml:5: organization.settings.checkinReminderTime: expected a time HH:mm',
      'mini.yaml:6: organization.settings.digest.day: expected a weekday 1-7 (1 = Monday)',
      'mini.yaml:6: organization.settings.digest.time: expected a time HH:mm',
      'mini.yaml:7: organization.settings.silentDaysAlert: expected a whole number of working days from 1 to 20',
      'mini.yaml:12: people[0].checkins.dailyTime: expected a time HH:mm',
      'mini.yaml:19: clients[0].contacts[0].checkins: unknown key "checkins"',
    ]);
  });

  it('takes a whole number of working days from 1 to 20 for silentDaysAlert, and a strict digest block', () => {
    const withSettings = (settings: string): string => edit(MINIMAL, '  name: Mini\n', `  name: Mini\n  settings:\n${settings}`);
    for (const value of ['0', '21', '1.5', '"3"', 'three']) {
      const problems = problemsOf(withSettings(`    silentDaysAlert: ${value}\n`));
      expect(problems, value).toEqual([
        {
          path: 'organization.settings.silentDaysAlert',
          line: 5,
          code: 'EXPECTED_WORKING_DAYS',
          params: { min: 1, max: 20 },
          message: 'expected a whole number of working days from 1 to 20',
        },
      ]);
    }
    const typo = problemsOf(withSettings('    digest:\n      day: 1\n      tiem: "09:00"\n'));
    expect(typo).toEqual([
      {
        path: 'organization.settings.digest.tiem',
        line: 7,
        code: 'UNKNOWN_KEY',
        params: { key: 'tiem', suggestion: 'time' },
        message: 'unknown key "tiem" (did you mean "time"?)',
      },
    ]);
    expect(formatProblems('mini.yaml', typo)).toBe('mini.yaml:7: organization.settings.digest.tiem: clé inconnue « tiem » (vouliez-vous dire « time » ?)');
    const notABlock = problemsOf(withSettings('    digest: monday\n'));
    expect(notABlock.map((p) => [p.line, p.path, p.code])).toEqual([[5, 'organization.settings.digest', 'EXPECTED_MAPPING']]);
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
      {
        path: 'people[1].colour',
        line: lineOf(text, 'colour: blue'),
        code: 'UNKNOWN_KEY',
        params: { key: 'colour' },
        message: 'unknown key "colour"',
      },
      { path: 'missions[0].end', line: lineOf(text, 'end: 2027-06-31'), code: 'EXPECTED_DATE', message: 'expected a date YYYY-MM-DD' },
      {
        path: 'missions[0].rates[1].from',
        line: lineOf(text, '{ from: 2027-01-01, tjm: 680 }'),
        code: 'RATE_PERIODS_OVERLAP',
        params: { from: '2026-11-16' },
        message: 'overlaps the rate period starting 2026-11-16',
      },
      {
        path: 'missions[1].consultant',
        line: lineOf(text, 'consultant: bob'),
        code: 'UNKNOWN_PERSON',
        params: { ref: 'bob' },
        message: 'unknown person "bob"',
      },
      {
        path: 'missions[1].approvers[0].person',
        line: lineOf(text, '{ person: claire, from: 2026-10-01 }'),
        code: 'NOT_A_CONTACT_OF_CLIENT',
        params: { ref: 'claire', client: 'assurances-rhin' },
        message: '"claire" is not a contact of client "assurances-rhin"',
      },
      {
        path: 'missions[2].rates[0].tjm',
        line: lineOf(text, 'tjm: -690'),
        code: 'EXPECTED_POSITIVE_NUMBER',
        message: 'expected a positive number',
      },
    ]);
    for (const problem of problems) expect(problem).not.toHaveProperty('params', undefined);

    const at = (needle: string): number => lineOf(text, needle);
    expect(formatProblems('org.yaml', problems).split('\n')).toEqual([
      `org.yaml:${at('colour: blue')}: people[1].colour: clé inconnue « colour »`,
      `org.yaml:${at('end: 2027-06-31')}: missions[0].end: date attendue au format AAAA-MM-JJ`,
      `org.yaml:${at('{ from: 2027-01-01, tjm: 680 }')}: missions[0].rates[1].from: chevauche la période de TJM commençant le 2026-11-16`,
      `org.yaml:${at('consultant: bob')}: missions[1].consultant: personne inconnue « bob »`,
      `org.yaml:${at('{ person: claire, from: 2026-10-01 }')}: missions[1].approvers[0].person: « claire » n’est pas un contact du client « assurances-rhin »`,
      `org.yaml:${at('tjm: -690')}: missions[2].rates[0].tjm: nombre positif attendu`,
    ]);
    expect(formatProblems('org.yaml', problems, 'en').split('\n')).toEqual(
      problems.map((p) => `org.yaml:${p.line ?? '?'}: ${p.path}: ${p.message}`),
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const text = edit(exampleText(), '    title: Migration du datalake sinistres\n', '    title: Migration: du datalake\n');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('');
    expect(problems[0]?.line).toBe(lineOf(text, 'title: Migration: du datalake'));
    expect(problems[0]?.code).toBe('YAML_SYNTAX_ERROR');
    expect(problems[0]?.message).toMatch(/^YAML syntax error: \S/);
    const detail = problems[0]?.code === 'YAML_SYNTAX_ERROR' ? problems[0].params.detail : '';
    expect(problems[0]?.message).toBe(`YAML syntax error: ${detail}`);
    expect(formatProblems('org.yaml', problems)).toBe(`org.yaml:${lineOf(text, 'title: Migration: du datalake')}: erreur de syntaxe YAML : ${detail}`);
  });

  it('reports a duplicate YAML key as a syntax error on its line', () => {
    const text = edit(MINIMAL, '  name: Mini\n', '  name: Mini\n  name: Maxi\n');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '', line: 4, code: 'YAML_SYNTAX_ERROR' });
  });

  it('reports an empty file and a file that is not a mapping', () => {
    const empty = problemsOf('');
    expect(empty).toEqual([
      { path: '', line: 1, code: 'EMPTY_FILE', message: 'the file is empty: expected organization, people, clients and missions' },
    ]);
    expect(formatProblems('vide.yaml', empty)).toBe('vide.yaml:1: le fichier est vide : organization, people, clients et missions attendus');
    const list = problemsOf('- a\n- b\n');
    expect(list).toEqual([{ path: '', line: 1, code: 'EXPECTED_MAPPING', message: 'expected a mapping (key: value)' }]);
    expect(formatProblems('liste.yaml', list)).toBe('liste.yaml:1: bloc « clé: valeur » attendu');
  });

  it('locates a missing key at its parent and suggests the closest known key', () => {
    const text = edit(MINIMAL, '    name: Ana\n', '    nmae: Ana\n');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      { path: 'people[0].name', line: 5, code: 'REQUIRED', message: 'required' },
      {
        path: 'people[0].nmae',
        line: 6,
        code: 'UNKNOWN_KEY',
        params: { key: 'nmae', suggestion: 'name' },
        message: 'unknown key "nmae" (did you mean "name"?)',
      },
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:5: people[0].name: obligatoire',
      'mini.yaml:6: people[0].nmae: clé inconnue « nmae » (vouliez-vous dire « name » ?)',
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
    expect(problems.map((p) => p.code)).toEqual([
      'EXPECTED_SLUG',
      'EXPECTED_TIME_ZONE',
      'EXPECTED_TIME',
      'EXPECTED_WEEKDAY',
      'EXPECTED_CRA_CLOSE_RULE',
      'EXPECTED_EMAIL',
      'TOO_MANY_DECIMALS',
      'EXPECTED_ONE_OF',
      'EXPECTED_REGION',
      'EXPECTED_ONE_OF',
    ]);
    expect(problems[6]?.params).toEqual({ max: 2 });
    expect(problems[7]?.params).toEqual({ values: ['consultant', 'manager', 'admin'] });
    expect(problems[9]?.params).toEqual({ values: ['regie', 'forfait'] });
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:2: organization.slug: identifiant attendu : lettres minuscules, chiffres et tirets (acme-conseil)',
      'mini.yaml:4: organization.timezone: fuseau horaire IANA attendu (Europe/Paris)',
      'mini.yaml:6: organization.settings.dailyCheckinTime: heure attendue au format HH:mm',
      'mini.yaml:7: organization.settings.weeklyCheckinDay: jour de la semaine attendu, de 1 à 7 (1 = lundi)',
      'mini.yaml:8: organization.settings.craClose.rule: last-working-day ou day-N attendu (N de 1 à 28)',
      'mini.yaml:12: people[0].email: adresse e-mail attendue',
      'mini.yaml:13: people[0].cjm: au plus 2 décimales attendues',
      'mini.yaml:14: people[0].roles[2]: valeur attendue : consultant, manager ou admin',
      'mini.yaml:28: missions[0].region: région de calendrier attendue (FR, FR-57, FR-67, FR-68…)',
      'mini.yaml:29: missions[0].billing: valeur attendue : regie ou forfait',
    ]);
  });

  it('gives a code to types, ranges, refs and lists', () => {
    let text = MINIMAL;
    text = edit(text, 'slug: mini', 'slug: mini\n  locale: de');
    text = edit(text, '  name: Mini\n', '  name: [Mini]\n  settings:\n    retentionMonths: 0\n    catchUpWindowMinutes: 1.5\n    validation: { responseWorkingDays: 61 }\n    quietHours: night\n');
    text = edit(text, '    roles: [consultant, manager]\n', '    roles: []\n    slack: { userId: u1, teamId: T1 }\n');
    text = edit(text, '      - ref: val\n', '      - ref: Val Bis\n');
    text = edit(text, '    title: Mission\n', '    title: "  "\n    checkins: { enabled: sometimes }\n    purchaseOrders: none\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}: ${p.path}: ${p.code} ${JSON.stringify(p.params ?? {})}`)).toEqual([
      '3: organization.locale: EXPECTED_ONE_OF {"values":["fr","en"]}',
      '4: organization.name: EXPECTED_STRING {}',
      '6: organization.settings.retentionMonths: EXPECTED_MONTHS {"min":1,"max":240}',
      '7: organization.settings.catchUpWindowMinutes: EXPECTED_MINUTES {"min":0,"max":10080}',
      '8: organization.settings.validation.responseWorkingDays: EXPECTED_WORKING_DAYS {"min":1,"max":60}',
      '9: organization.settings.quietHours: EXPECTED_MAPPING {}',
      '13: people[0].roles: NO_ROLE {}',
      '14: people[0].slack.userId: EXPECTED_SLACK_USER_ID {}',
      '19: clients[0].contacts[0].ref: EXPECTED_REF {}',
      '23: missions[0].title: NOT_EMPTY {}',
      '24: missions[0].checkins.enabled: EXPECTED_BOOLEAN {}',
      '25: missions[0].purchaseOrders: EXPECTED_LIST {}',
      '27: missions[0].consultant: NOT_A_CONSULTANT {"ref":"ana"}',
      '28: missions[0].manager: NOT_A_MANAGER {"ref":"ana"}',
      '31: missions[0].approvers[0].person: UNKNOWN_PERSON {"ref":"val"}',
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:3: organization.locale: valeur attendue : fr ou en',
      'mini.yaml:4: organization.name: texte attendu',
      'mini.yaml:6: organization.settings.retentionMonths: nombre entier de mois attendu, de 1 à 240',
      'mini.yaml:7: organization.settings.catchUpWindowMinutes: nombre entier de minutes attendu, de 0 à 10080',
      'mini.yaml:8: organization.settings.validation.responseWorkingDays: nombre entier de jours ouvrés attendu, de 1 à 60',
      'mini.yaml:9: organization.settings.quietHours: bloc « clé: valeur » attendu',
      'mini.yaml:13: people[0].roles: au moins un rôle attendu',
      'mini.yaml:14: people[0].slack.userId: identifiant d’utilisateur Slack attendu (U0123ABCD)',
      'mini.yaml:19: clients[0].contacts[0].ref: référence attendue : lettres minuscules, chiffres, « . », « _ » et « - » (alice.martin)',
      'mini.yaml:23: missions[0].title: ne doit pas être vide',
      'mini.yaml:24: missions[0].checkins.enabled: true ou false attendu',
      'mini.yaml:25: missions[0].purchaseOrders: liste attendue',
      'mini.yaml:27: missions[0].consultant: « ana » n’a pas le rôle consultant',
      'mini.yaml:28: missions[0].manager: « ana » n’a ni le rôle manager ni le rôle admin',
      'mini.yaml:31: missions[0].approvers[0].person: personne inconnue « val »',
    ]);
    expect(formatProblems('mini.yaml', problems, 'en').split('\n')).toEqual([
      'mini.yaml:3: organization.locale: expected fr or en',
      'mini.yaml:4: organization.name: expected a string',
      'mini.yaml:6: organization.settings.retentionMonths: expected a whole number of months from 1 to 240',
      'mini.yaml:7: organization.settings.catchUpWindowMinutes: expected a whole number of minutes from 0 to 10080',
      'mini.yaml:8: organization.settings.validation.responseWorkingDays: expected a whole number of working days from 1 to 60',
      'mini.yaml:9: organization.settings.quietHours: expected a mapping (key: value)',
      'mini.yaml:13: people[0].roles: expected at least one role',
      'mini.yaml:14: people[0].slack.userId: expected a Slack user id (U0123ABCD)',
      'mini.yaml:19: clients[0].contacts[0].ref: expected a ref: lowercase letters, digits, ".", "_" and "-" (alice.martin)',
      'mini.yaml:23: missions[0].title: must not be empty',
      'mini.yaml:24: missions[0].checkins.enabled: expected true or false',
      'mini.yaml:25: missions[0].purchaseOrders: expected a list',
      'mini.yaml:27: missions[0].consultant: "ana" does not have the consultant role',
      'mini.yaml:28: missions[0].manager: "ana" has neither the manager nor the admin role',
      'mini.yaml:31: missions[0].approvers[0].person: unknown person "val"',
    ]);
    expect(problems.map((p) => p.message)).toEqual(formatProblems('', problems, 'en').split('\n').map((l) => l.replace(/^:\d+: [^:]+: /, '')));
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
    expect(problems.map((p) => [p.code, p.params])).toEqual([
      ['SLACK_ACCOUNT_TAKEN', { userId: 'U1', holder: 'ana' }],
      ['DUPLICATE_REF', { ref: 'ana', line: 5 }],
      ['NOT_A_CONSULTANT', { ref: 'bo' }],
      ['NOT_A_MANAGER', { ref: 'cy' }],
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:12: people[1].slack.userId: l’utilisateur Slack U1 est déjà attribué à « ana »',
      'mini.yaml:22: clients[0].contacts[1].ref: référence « ana » en double (déjà utilisée ligne 5)',
      'mini.yaml:28: missions[0].consultant: « bo » n’a pas le rôle consultant',
      'mini.yaml:29: missions[0].manager: « cy » n’a ni le rôle manager ni le rôle admin',
    ]);
  });

  it('says "another person" when the first holder of a chat account has no ref', () => {
    const text = edit(
      MINIMAL,
      '  - ref: ana\n    name: Ana\n    roles: [consultant, manager]\n',
      '  - ref: ana\n    name: Ana\n    roles: [consultant, manager]\n  - name: Nobody\n    roles: [admin]\n    teams: { aadObjectId: 3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01, tenantId: 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01 }\n  - ref: bo\n    name: Bo\n    roles: [admin]\n    teams: { aadObjectId: 3F2B9C1E-7A4D-4E2B-9C61-0A1B2C3D4E01, tenantId: 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01 }\n',
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.path, p.code, p.params, p.message])).toEqual([
      [8, 'people[1].ref', 'REQUIRED', undefined, 'required'],
      [
        14,
        'people[2].teams.aadObjectId',
        'TEAMS_ACCOUNT_TAKEN',
        { aadObjectId: '3F2B9C1E-7A4D-4E2B-9C61-0A1B2C3D4E01' },
        'Teams user 3F2B9C1E-7A4D-4E2B-9C61-0A1B2C3D4E01 is already given to another person',
      ],
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')[1]).toBe(
      'mini.yaml:14: people[2].teams.aadObjectId: l’utilisateur Teams 3F2B9C1E-7A4D-4E2B-9C61-0A1B2C3D4E01 est déjà attribué à une autre personne',
    );
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
    expect(problems.map((p) => p.code)).toEqual([
      'FIRST_APPROVER_AFTER_START',
      'NOT_A_CLIENT_CONTACT',
      'APPROVER_PERIODS_OVERLAP',
      'APPROVER_PERIODS_OVERLAP',
      'ENDS_BEFORE_START',
      'UNKNOWN_PERSON',
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:22: missions[0].approvers[0].from: le premier valideur doit commencer au plus tard au début de la mission (2026-01-05)',
      'mini.yaml:23: missions[0].approvers[1].person: « ana » n’est pas un contact client',
      'mini.yaml:23: missions[0].approvers[1].from: chevauche la période de valideur commençant le 2026-01-12',
      'mini.yaml:24: missions[0].approvers[2].from: chevauche la période de valideur commençant le 2026-01-12',
      'mini.yaml:25: missions[0].approvers[3].to: se termine avant de commencer (2026-06-01)',
      'mini.yaml:27: missions[0].backupApprovers[0].person: personne inconnue « zoe »',
    ]);

    const gap = edit(MINIMAL, '      - { person: val, from: 2026-01-05 }\n', '      - { person: val, from: 2026-01-05, to: 2026-01-31 }\n      - { person: val, from: 2026-03-01 }\n');
    const gapProblems = problemsOf(gap);
    expect(gapProblems).toEqual([
      {
        path: 'missions[0].approvers[1].from',
        line: 23,
        code: 'APPROVER_GAP',
        params: { from: '2026-02-01', to: '2026-02-28' },
        message: 'no approver from 2026-02-01 to 2026-02-28',
      },
    ]);
    expect(formatProblems('mini.yaml', gapProblems)).toBe('mini.yaml:23: missions[0].approvers[1].from: aucun valideur du 2026-02-01 au 2026-02-28');
  });

  it('checks backup approver periods with their own code', () => {
    const text = edit(
      MINIMAL,
      '    rates:\n',
      '    backupApprovers:\n      - { person: val, from: 2026-01-05 }\n      - { person: val, from: 2026-01-05 }\n    rates:\n',
    );
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        path: 'missions[0].backupApprovers[1].from',
        line: 25,
        code: 'BACKUP_APPROVER_PERIODS_OVERLAP',
        params: { from: '2026-01-05' },
        message: 'overlaps the backup approver period starting 2026-01-05',
      },
    ]);
    expect(formatProblems('mini.yaml', problems)).toBe(
      'mini.yaml:25: missions[0].backupApprovers[1].from: chevauche la période de valideur de secours commençant le 2026-01-05',
    );
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
      '26: missions[0].rates[1].from: overlaps the rate period starting 2026-01-06',
      '28: missions[0].purchaseOrders[0].daysOrdered: expected a positive number',
      '28: missions[0].purchaseOrders[0].end: ends before it starts (2026-01-05)',
      '29: missions[0].purchaseOrders[1].number: duplicate purchase order number "PO-1" (first at line 28)',
    ]);
    expect(problems.map((p) => [p.code, p.params])).toEqual([
      ['MISSION_ENDS_BEFORE_START', { start: '2026-01-05' }],
      ['FIRST_RATE_AFTER_START', { start: '2026-01-05' }],
      ['RATE_PERIODS_OVERLAP', { from: '2026-01-06' }],
      ['EXPECTED_POSITIVE_NUMBER', undefined],
      ['ENDS_BEFORE_START', { from: '2026-01-05' }],
      ['DUPLICATE_PURCHASE_ORDER', { number: 'PO-1', line: 28 }],
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:21: missions[0].end: se termine avant le début de la mission (2026-01-05)',
      'mini.yaml:25: missions[0].rates[0].from: le premier TJM doit commencer au plus tard au début de la mission (2026-01-05)',
      'mini.yaml:26: missions[0].rates[1].from: chevauche la période de TJM commençant le 2026-01-06',
      'mini.yaml:28: missions[0].purchaseOrders[0].daysOrdered: nombre positif attendu',
      'mini.yaml:28: missions[0].purchaseOrders[0].end: se termine avant de commencer (2026-01-05)',
      'mini.yaml:29: missions[0].purchaseOrders[1].number: numéro de bon de commande « PO-1 » en double (déjà utilisé ligne 28)',
    ]);
  });

  it('checks the dates of each rate period and the amounts of a TJM', () => {
    let text = MINIMAL;
    text = edit(text, '    start: 2026-01-05\n', '    start: 2026-01-05\n    end: 2026-06-30\n');
    text = edit(
      text,
      '      - { from: 2026-01-05, tjm: 500 }\n',
      [
        '      - { from: 2026-01-05, to: 2026-01-31, tjm: 12345678901 }',
        '      - { from: 2026-03-01, to: 2026-02-01, tjm: 510 }',
        '      - { from: 2026-07-01, tjm: 520 }',
        '',
      ].join('\n'),
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.path, p.code, p.params, p.message])).toEqual([
      [25, 'missions[0].rates[0].tjm', 'TOO_MANY_INTEGER_DIGITS', { max: 10 }, 'expected at most 10 digits before the decimal point'],
      [26, 'missions[0].rates[1].to', 'ENDS_BEFORE_START', { from: '2026-03-01' }, 'ends before it starts (2026-03-01)'],
      [27, 'missions[0].rates[2].from', 'STARTS_AFTER_MISSION_END', { end: '2026-06-30' }, 'starts after the mission end (2026-06-30)'],
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:25: missions[0].rates[0].tjm: au plus 10 chiffres attendus avant la virgule',
      'mini.yaml:26: missions[0].rates[1].to: se termine avant de commencer (2026-03-01)',
      'mini.yaml:27: missions[0].rates[2].from: commence après la fin de la mission (2026-06-30)',
    ]);
  });

  it('requires an approver and a rate on a regie mission, not on a forfait', () => {
    const bare = edit(
      MINIMAL,
      '    approvers:\n      - { person: val, from: 2026-01-05 }\n    rates:\n      - { from: 2026-01-05, tjm: 500 }\n',
      '',
    );
    const problems = problemsOf(bare);
    expect(problems).toEqual([
      { path: 'missions[0].approvers', line: 15, code: 'NO_APPROVER', message: 'a regie mission needs at least one approver' },
      { path: 'missions[0].rates', line: 15, code: 'NO_RATE', message: 'a regie mission needs at least one rate (TJM)' },
    ]);
    expect(formatProblems('mini.yaml', problems).split('\n')).toEqual([
      'mini.yaml:15: missions[0].approvers: une mission en régie doit avoir au moins un valideur',
      'mini.yaml:15: missions[0].rates: une mission en régie doit avoir au moins un TJM',
    ]);
    expect(parseOrgFile(edit(bare, '    start: 2026-01-05\n', '    start: 2026-01-05\n    billing: forfait\n')).ok).toBe(true);
  });
});
