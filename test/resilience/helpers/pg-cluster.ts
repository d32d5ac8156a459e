/**
 * A PostgreSQL cluster of its own for the test that stops and restarts the database server (the
 * main cluster is shared: never restarted by tests). Debian's tools: pg_createcluster (initdb as
 * the postgres user) once, then pg_ctlcluster start/stop/restart. Idempotent: an existing cluster
 * is reused, its settings (127.0.0.1, trust for everyone, port) are made right, it is started if
 * it is down. Run as root (CI, this machine) or as the postgres user.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export const CLUSTER_NAME = 'rituel_resilience';
export const CLUSTER_PORT = 5439;

export interface PgCluster {
  readonly version: string;
  readonly name: string;
  readonly port: number;
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  readonly adminUrl: string;
  start(): Promise<void>;
  /** Fast shutdown: the connections are cut. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  isUp(): Promise<boolean>;
}

/** The newest PostgreSQL major version installed (/etc/postgresql/<version>). */
function installedVersion(): string {
  const versions = readdirSync('/etc/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL in /etc/postgresql (install postgresql-common and a server)');
  return versions[0]!;
}

async function ctl(version: string, action: 'start' | 'stop' | 'restart'): Promise<void> {
  const args = ['--skip-systemctl-redirect', version, CLUSTER_NAME, action];
  if (action !== 'start') args.push('-m', 'fast');
  await run('pg_ctlcluster', args, { timeout: 60_000 });
}

async function status(version: string): Promise<'online' | 'down' | 'missing'> {
  const { stdout } = await run('pg_lsclusters', ['--no-header'], { timeout: 30_000 });
  const line = stdout.split('\n').find((l) => {
    const [v, name] = l.trim().split(/\s+/);
    return v === version && name === CLUSTER_NAME;
  });
  if (!line) return 'missing';
  return line.includes('online') ? 'online' : 'down';
}

/** Writes `setting = value` lines into the cluster's postgresql.conf / pg_hba.conf when they differ. */
function configure(version: string): boolean {
  const dir = `/etc/postgresql/${version}/${CLUSTER_NAME}`;
  let changed = false;
  const confPath = `${dir}/postgresql.conf`;
  const conf = readFileSync(confPath, 'utf8');
  const wanted: Record<string, string> = { listen_addresses: "'127.0.0.1'", port: String(CLUSTER_PORT), max_connections: '100', fsync: 'off', synchronous_commit: 'off' };
  let next = conf;
  for (const [key, value] of Object.entries(wanted)) {
    const line = `${key} = ${value}`;
    const pattern = new RegExp(`^#?\\s*${key}\\s*=.*$`, 'm');
    if (new RegExp(`^${key} = ${value.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}\\s*$`, 'm').test(next)) continue;
    next = pattern.test(next) ? next.replace(pattern, line) : `${next}\n${line}\n`;
  }
  if (next !== conf) {
    writeFileSync(confPath, next);
    changed = true;
  }
  const hbaPath = `${dir}/pg_hba.conf`;
  const hba = 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n';
  if (readFileSync(hbaPath, 'utf8') !== hba) {
    writeFileSync(hbaPath, hba);
    changed = true;
  }
  return changed;
}

/** The dedicated cluster, created if needed, configured, and running. */
export async function ensurePgCluster(): Promise<PgCluster> {
  const version = installedVersion();
  let state = await status(version);
  if (state === 'missing') {
    await run('pg_createcluster', [version, CLUSTER_NAME, '-p', String(CLUSTER_PORT), '--', '--auth=trust'], { timeout: 120_000 });
    state = 'down';
  }
  const changed = configure(version);
  if (state === 'online' && changed) await ctl(version, 'restart');
  if (state === 'down') await ctl(version, 'start');
  const adminUrl = `postgresql://postgres@127.0.0.1:${CLUSTER_PORT}/postgres`;
  const cluster: PgCluster = {
    version,
    name: CLUSTER_NAME,
    port: CLUSTER_PORT,
    adminUrl,
    start: () => ctl(version, 'start'),
    stop: () => ctl(version, 'stop'),
    restart: () => ctl(version, 'restart'),
    async isUp() {
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
  for (let i = 0; i < 50 && !(await cluster.isUp()); i++) await new Promise((r) => setTimeout(r, 200));
  if (!(await cluster.isUp())) throw new Error(`PostgreSQL cluster ${version}/${CLUSTER_NAME} did not come up on port ${CLUSTER_PORT}`);
  return cluster;
}
