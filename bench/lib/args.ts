/** The options of `npm run bench`. */
import type { DbKind } from './bench-db.js';

/** In the order they run: the longest (monthclose) last. */
export const SCENARIOS = ['fanout', 'overhead', 'interaction', 'startup', 'monthclose'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchArgs {
  readonly n: number;
  readonly only: readonly ScenarioName[];
  readonly dbs: readonly DbKind[];
  readonly workspaceRate: number;
  /** Missions of the monthclose scenario. */
  readonly missions: number;
  /** Where the JSON result is written. */
  readonly out: string;
}

export const USAGE = `npm run bench -- [options]
  --n <N>                    fan-out size (default 2000)
  --only <scenario,...>      ${SCENARIOS.join(', ')} (default: all)
  --db pg|embedded|both      databases (default both)
  --workspace-rate <W>       Slack workspace budget of the fake, messages per second (default 100)
  --missions <M>             missions of the monthclose scenario (default 10000)
  --out <file>               JSON result (default bench/results/latest.json)`;

const isScenario = (s: string): s is ScenarioName => (SCENARIOS as readonly string[]).includes(s);

function positiveInteger(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: expected a positive whole number, got ${String(raw)}`);
  return value;
}

export function parseArgs(argv: readonly string[], defaultOut: string): BenchArgs {
  let n = 2000;
  let only: ScenarioName[] = [...SCENARIOS];
  let dbs: DbKind[] = ['pg', 'embedded'];
  let workspaceRate = 100;
  let missions = 10_000;
  let out = defaultOut;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag}: a value is missing`);
      return v;
    };
    switch (flag) {
      case '--n':
        n = positiveInteger('--n', value());
        break;
      case '--only': {
        const names = value().split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = names.filter((s) => !isScenario(s));
        if (unknown.length > 0) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
        only = names.filter(isScenario);
        break;
      }
      case '--db': {
        const v = value();
        if (v === 'both') dbs = ['pg', 'embedded'];
        else if (v === 'pg' || v === 'embedded') dbs = [v];
        else throw new Error(`--db: expected pg, embedded or both, got ${v}`);
        break;
      }
      case '--workspace-rate':
        workspaceRate = positiveInteger('--workspace-rate', value());
        break;
      case '--missions':
        missions = positiveInteger('--missions', value());
        break;
      case '--out':
        out = value();
        break;
      default:
        throw new Error(`unknown option ${String(flag)}`);
    }
  }
  return { n, only, dbs, workspaceRate, missions, out };
}
