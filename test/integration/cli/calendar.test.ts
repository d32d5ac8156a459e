import { describe, expect, it } from 'vitest';
import { runRituel } from '../../helpers/cli.js';

interface CalendarJson {
  month: string;
  region: string;
  workingDays: number;
  days: { date: string; weekday: number; working: boolean; holiday: string | null }[];
}

describe('rituel calendar', () => {
  it('lists the Alsace-Moselle holidays of May 2026 and 17 working days', async () => {
    const result = await runRituel(['calendar', '2026-05', '--region', 'FR-67', '--json'], {});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const calendar = JSON.parse(result.stdout) as CalendarJson;
    expect(calendar.month).toBe('2026-05');
    expect(calendar.region).toBe('FR-67');
    expect(calendar.workingDays).toBe(17);
    expect(calendar.days).toHaveLength(31);
    expect(calendar.days.filter((d) => d.holiday !== null).map((d) => d.date)).toEqual([
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
    ]);
    expect(calendar.days[0]).toEqual({ date: '2026-05-01', weekday: 5, working: false, holiday: expect.any(String) });
    expect(calendar.days.filter((d) => d.working)).toHaveLength(17);
  });

  it('has Good Friday on 3 April 2026 in FR-67 but not in FR', async () => {
    const alsace = JSON.parse((await runRituel(['calendar', '2026-04', '--region', 'FR-67', '--json'], {})).stdout) as CalendarJson;
    const france = JSON.parse((await runRituel(['calendar', '2026-04', '--json'], {})).stdout) as CalendarJson;
    expect(alsace.days.find((d) => d.date === '2026-04-03')).toMatchObject({ working: false, holiday: expect.stringMatching(/vendredi saint/i) });
    expect(france.region).toBe('FR');
    expect(france.days.find((d) => d.date === '2026-04-03')).toMatchObject({ working: true, holiday: null });
    expect(alsace.workingDays).toBe(france.workingDays - 1);
  });

  it('refuses a bad month or an unknown region with a clear message and exit code 2', async () => {
    const badMonth = await runRituel(['calendar', '2026-13', '--json'], {});
    expect(badMonth.code).toBe(2);
    expect(badMonth.stderr).toContain('mois invalide « 2026-13 » : format attendu AAAA-MM');
    expect(badMonth.stdout).toBe('');
    const badRegion = await runRituel(['calendar', '2026-05', '--region', 'FR-99'], { DEFAULT_LOCALE: 'en' });
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toMatch(/unknown region "FR-99": expected one of FR, .*FR-67/);
  });

  it('prints a readable calendar in French by default and in English on request', async () => {
    const fr = await runRituel(['calendar', '2026-05', '--region', 'FR-67'], {});
    expect(fr.stdout).toContain('Calendrier 2026-05 (FR-67) : 17 jours ouvrés');
    const en = await runRituel(['calendar', '2026-05', '--region', 'FR-67'], { DEFAULT_LOCALE: 'en' });
    expect(en.stdout).toContain('Calendar 2026-05 (FR-67): 17 working days');
  });
});

describe('rituel --help', () => {
  it('describes the commands in French by default and in English on request', async () => {
    const fr = await runRituel(['--help'], {});
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('jours ouvrés et jours fériés');
    expect(fr.stdout).toContain("afficher l'aide de la commande");
    const en = await runRituel(['days', 'set', '--help'], { DEFAULT_LOCALE: 'en' });
    expect(en.stdout).toContain('allow work on a weekend or public holiday (flagged on the CRA)');
  });
});
