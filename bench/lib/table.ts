/** The readable table of a run: one block per scenario, one row per database. */
import type { MachineInfo } from './machine.js';
import type { ScenarioResult } from './result.js';

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export function formatMachine(machine: MachineInfo): string {
  return [
    `${machine.date}  ${machine.os}  node ${machine.node}  PostgreSQL ${machine.postgres ?? 'unreachable'}`,
    `${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryMb} MB  commit ${machine.gitCommit?.slice(0, 12) ?? '?'}${machine.gitDirty ? ' (modified)' : ''}`,
  ].join('\n');
}

export function formatResults(results: readonly ScenarioResult[]): string {
  const blocks: string[] = [];
  const scenarios = [...new Set(results.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    const runs = results.filter((r) => r.scenario === scenario);
    const keys = [...new Set(runs.flatMap((r) => Object.keys(r.figures)))];
    const cells = [['', ...runs.map((r) => r.db)]];
    for (const key of keys) cells.push([key, ...runs.map((r) => String(r.figures[key] ?? '–'))]);
    const names = [...new Set(runs.flatMap((r) => r.targets.map((t) => t.name)))];
    for (const name of names) {
      cells.push([`target: ${name}`, ...runs.map((r) => {
        const target = r.targets.find((t) => t.name === name);
        return target === undefined ? '–' : target.ok ? 'met' : 'MISSED';
      })]);
    }
    const notes = runs.flatMap((r) => r.notes.map((note) => `  note (${r.db}): ${note}`));
    blocks.push([`── ${scenario}`, pad(cells), ...notes].join('\n'));
  }
  return blocks.join('\n\n');
}
