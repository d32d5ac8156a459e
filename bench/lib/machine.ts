/** The machine a run was taken on, recorded with its figures. */
import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';
import { postgresVersion } from './bench-db.js';
import { ROOT } from './paths.js';

export interface MachineInfo {
  readonly date: string;
  readonly os: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly totalMemoryMb: number;
  readonly node: string;
  readonly postgres: string | null;
  readonly gitCommit: string | null;
  /** True when the working tree had changes not committed. */
  readonly gitDirty: boolean | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export async function machineInfo(): Promise<MachineInfo> {
  const list = cpus();
  const status = git(['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    os: `${platform()} ${release()}`,
    cpuModel: list[0]?.model ?? 'unknown',
    cpuCount: list.length,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    postgres: await postgresVersion(),
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
  };
}
