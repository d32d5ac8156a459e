#!/usr/bin/env node
// Creates the database of a postgresql:// URL when it does not exist (used by CI and the docs).
import pg from 'pg';

const url = new URL(process.argv[2] ?? process.env.DATABASE_URL ?? '');
const name = decodeURIComponent(url.pathname.slice(1));
if (!/^[A-Za-z0-9_]+$/.test(name)) {
  console.error(`ensure-database: unsupported database name "${name}"`);
  process.exit(2);
}
const admin = new URL(url);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount === 0) {
    await client.query(`CREATE DATABASE "${name}"`);
    console.log(`ensure-database: created ${name}`);
  } else {
    console.log(`ensure-database: ${name} exists`);
  }
} catch (error) {
  console.error(`ensure-database: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
}
