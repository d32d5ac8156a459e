import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm, pinned to the
 * Prisma version): it creates and applies migrations with no native binary to download.
 * The package is a bundler-style build, so we instantiate the wasm module ourselves.
 */
let initialized: Promise<typeof engineBindings> | undefined;

/** The part of the WebAssembly global we use (our TypeScript lib settings do not declare it). */
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The wasm module reports a Rust panic through this global before throwing. */
const panicRegistry = {
  message: '',
  set_message(message: string) {
    panicRegistry.message = message;
  },
};

/**
 * The engine arms timers it never clears (a 10 s advisory-lock timeout, for one), which would keep
 * a finished CLI command alive for 10 s. Its timers must not hold the process open: unref them.
 */
function importsWithUnrefTimers(): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...engineBindings };
  for (const [name, value] of Object.entries(imports)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof value === 'function') {
      const arm = value as (...args: unknown[]) => unknown;
      imports[name] = (...args: unknown[]) => {
        const timer = arm(...args);
        (timer as { unref?: () => void }).unref?.();
        return timer;
      };
    }
  }
  return imports;
}

function loadBindings(): Promise<typeof engineBindings> {
  initialized ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
    const dir = dirname(fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm')));
    const bytes = await readFile(join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': importsWithUnrefTimers() });
    const exports = instance.exports as { __wbindgen_start?: () => void };
    engineBindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return engineBindings;
  })();
  return initialized;
}

export interface EngineOptions {
  url: string;
  schema: { path: string; content: string };
  /** Where the engine builds a throw-away copy of the migrations to compare (diff only). */
  shadowUrl?: string;
}

export const SCHEMA_FILTER = { externalTables: [], externalEnums: [] };

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
interface PgField {
  dataTypeID: number;
}
interface PgResult {
  fields: PgField[];
  rows: unknown[];
}
interface RawQueryable {
  performIO(query: unknown): Promise<PgResult>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[]; rows: unknown[] }>;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_COLUMNS = Symbol('charColumns');

/**
 * The schema engine reads PostgreSQL catalogs with columns of the internal one-byte type "char"
 * (constraint and foreign key kinds), which @prisma/adapter-pg refuses as an unsupported column
 * type. pg returns those values as one-character strings: report them as the driver adapter's
 * Character column type.
 */
function readCharColumns<T extends object>(queryable: T): T {
  const target = queryable as unknown as RawQueryable;
  const performIO = target.performIO.bind(target);
  const queryRaw = target.queryRaw.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    Object.defineProperty(result.rows, CHAR_COLUMNS, { value: charColumns });
    return result;
  };
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const charColumns = (result.rows as unknown as { [CHAR_COLUMNS]?: number[] })[CHAR_COLUMNS] ?? [];
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/**
 * Adapts @prisma/adapter-pg to what migrations need:
 * - it runs a script by splitting it on every ';', which breaks dollar-quoted bodies: send the
 *   script whole instead (PostgreSQL runs a multi-statement simple query as one implicit
 *   transaction, so a migration applies fully or not at all);
 * - catalog columns of type "char" are read as characters.
 */
function forMigrations(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string): Promise<void> => {
    await adapter.underlyingDriver().query(script);
  };
  readCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => readCharColumns(await startTransaction(...args));
  return adapter;
}

export interface SchemaEngineHandle {
  readonly engine: SchemaEngine;
  /** Frees the engine and closes its connections (the engine holds an advisory lock on one). */
  close(): Promise<void>;
}

export async function openSchemaEngine(options: EngineOptions): Promise<SchemaEngineHandle> {
  const bindings = await loadBindings();
  const adapters: PgAdapter[] = [];
  const track = (adapter: PgAdapter): PgAdapter => {
    adapters.push(adapter);
    return forMigrations(adapter);
  };
  const main = new PrismaPg({ connectionString: options.url, max: 2 });
  const shadow = options.shadowUrl ? new PrismaPg({ connectionString: options.shadowUrl, max: 2 }) : undefined;
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => track(await main.connect()),
    connectToShadowDb: async () => track(await (shadow ? shadow.connect() : main.connectToShadowDb())),
  };
  const engine = (await bindings.SchemaEngine.new(
    { datamodels: [[options.schema.path, options.schema.content]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as SchemaEngine;
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(adapters.map((adapter) => adapter.dispose().catch(() => undefined)));
    },
  };
}
