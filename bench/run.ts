/**
 * `npm run bench`: the benchmark scenarios on PostgreSQL and on the embedded database, a readable
 * table on stdout and the JSON result in bench/results/latest.json (see USAGE in lib/args.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, USAGE, type ScenarioName } from './lib/args.js';
import type { DbKind } from './lib/bench-db.js';
import { machineInfo } from './lib/machine.js';
import { BENCH_DIR } from './lib/paths.js';
import type { ScenarioOptions, ScenarioResult } from './lib/result.js';
import { formatMachine, formatResults } from './lib/table.js';
import { fanoutScenario, overheadScenario } from './scenarios/fanout.js';
import { interactionScenario } from './scenarios/interaction.js';
import { monthCloseScenario } from './scenarios/monthclose.js';
import { startupScenario } from './scenarios/startup.js';

type Scenario = (db: DbKind, options: ScenarioOptions) => Promise<ScenarioResult>;

const SCENARIO_RUNS: Record<ScenarioName, Scenario> = {
  fanout: fanoutScenario,
  overhead: overheadScenario,
  interaction: interactionScenario,
  monthclose: monthCloseScenario,
  startup: startupScenario,
};

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), join(BENCH_DIR, 'results', 'latest.json'));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const machine = await machineInfo();
  process.stdout.write(`${formatMachine(machine)}\n\n`);
  const results: ScenarioResult[] = [];
  const failures: { scenario: string; db: DbKind; error: string }[] = [];
  const options = { n: args.n, workspaceRate: args.workspaceRate, missions: args.missions, only: args.only, dbs: args.dbs };
  // Written after every scenario: an interrupted run keeps what it measured.
  const save = (complete: boolean) => {
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify({ machine, options, complete, results, failures }, null, 2)}\n`);
  };
  for (const scenario of args.only) {
    for (const db of args.dbs) {
      process.stdout.write(`… ${scenario} on ${db}\n`);
      try {
        const result = await SCENARIO_RUNS[scenario](db, { n: args.n, workspaceRate: args.workspaceRate, missions: args.missions });
        results.push(result);
        process.stdout.write(`${formatResults([result])}\n\n`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ scenario, db, error: message });
        process.stderr.write(`${scenario} on ${db} failed: ${message}\n`);
      }
      save(false);
    }
  }
  process.stdout.write(`════ summary\n${formatResults(results)}\n`);
  save(true);
  process.stdout.write(`\nwritten: ${args.out}\n`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
