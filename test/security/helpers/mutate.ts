/**
 * Malformed inputs from valid ones: a field dropped, renamed or retyped, a string made huge or
 * hostile (HTML, scripts, control characters, unicode oddities), numbers as strings, nulls,
 * deep nesting, prototype keys; and random JSON. Everything is drawn from a seeded Random.
 */
import type { Random } from './prng.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Text fields an attacker or a clumsy client may send. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<b>gras</b> & <i>italique</i>',
  '*bold* _it_ ~strike~ `code` <!channel> <@U07ALICE01>',
  "'; DROP TABLE \"DayEntry\"; --",
  '../../../etc/passwd',
  '%00%0d%0a',
  '\u0000\u0001\u0002\u001f',
  '\r\n\r\nHTTP/1.1 200 OK',
  'ℛ𝒾𝓉𝓊ℯ𝓁 🎉👩🏽‍💻 ﷽',
  '\u202eevil\u202c',
  'e\u0301te\u0301 déjà vu — naïve',
  '\ud800',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x1F',
  '{"a":',
  '[]',
  '{}',
  '__proto__',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
];

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

function isRecord(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every path (list of keys/indexes) to a node of `value`, the root excluded. */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([...prefix, i]), pathsOf(item, [...prefix, i], out)));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) out.push([...prefix, key]), pathsOf(item, [...prefix, key], out);
  return out;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

export function nested(depth: number, leaf: Json = 1, kind: 'array' | 'object' = 'array'): Json {
  let node: Json = leaf;
  for (let i = 0; i < depth; i += 1) node = kind === 'array' ? [node] : { a: node };
  return node;
}

export function longString(random: Random, length: number): string {
  const unit = random.pick(['A', 'é', '<', '🎉', '\\', '"', '%']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A value of a random kind (the replacement of a retyped field). */
export function randomValue(random: Random, depth = 0): Json {
  const kind = random.int(depth > 3 ? 6 : 9);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 2 ** 53 + 1, -0, 1e308, Number.MAX_SAFE_INTEGER]);
    case 3:
      return random.pick(NASTY_STRINGS);
    case 4:
      return random.string(1 + random.int(40));
    case 5:
      return String(random.int(1000));
    case 6:
      return Array.from({ length: random.int(4) }, () => randomValue(random, depth + 1));
    case 7: {
      const out: { [key: string]: Json } = {};
      for (let i = random.int(4); i > 0; i -= 1) out[random.pick([random.string(1 + random.int(8)), ...PROTOTYPE_KEYS])] = randomValue(random, depth + 1);
      return out;
    }
    default:
      return nested(2 + random.int(30), randomValue(random, depth + 1), random.chance(0.5) ? 'array' : 'object');
  }
}

/** Random JSON document (an object most of the time, as endpoints expect). */
export function randomJson(random: Random): Json {
  if (random.chance(0.2)) return randomValue(random);
  const out: { [key: string]: Json } = {};
  for (let i = 1 + random.int(6); i > 0; i -= 1) out[random.chance(0.8) ? random.string(1 + random.int(10)) : random.pick(NASTY_STRINGS)] = randomValue(random);
  return out;
}

export type MutationKind = 'drop' | 'rename' | 'retype' | 'null' | 'long' | 'nasty' | 'number-as-string' | 'nest' | 'proto' | 'empty';

export interface Mutated {
  readonly value: Json;
  readonly description: string;
}

/**
 * One mutation of `value` at a random path; `keep` lists top-level keys left alone (the identity
 * of the actor, whose arbitrary values would be new unknown users to alert about).
 */
export function mutate(random: Random, value: Json, options: { keep?: readonly string[]; longLength?: number } = {}): Mutated {
  const copy = clone(value);
  const keep = new Set(options.keep ?? []);
  const paths = pathsOf(copy).filter((p) => !keep.has(String(p[0])));
  const kind: MutationKind = random.pick(['drop', 'rename', 'retype', 'null', 'long', 'nasty', 'number-as-string', 'nest', 'proto', 'empty']);
  if (paths.length === 0) return { value: randomValue(random), description: 'root replaced' };
  const path = random.pick(paths);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string]!;
  const last = path.at(-1)!;
  const container = parent as Record<string | number, Json>;
  const current = container[last] as Json;
  const where = path.join('.');
  switch (kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete container[last];
      break;
    case 'rename':
      if (Array.isArray(parent)) container[last] = randomValue(random);
      else {
        delete container[last];
        container[`${String(last)}${random.pick(['_', 'X', ' ', '\u200b'])}`] = current;
      }
      break;
    case 'retype':
      container[last] = randomValue(random);
      break;
    case 'null':
      container[last] = null;
      break;
    case 'long':
      container[last] = longString(random, options.longLength ?? 100_000);
      break;
    case 'nasty':
      container[last] = random.pick(NASTY_STRINGS);
      break;
    case 'number-as-string':
      container[last] = typeof current === 'number' ? String(current) : typeof current === 'string' && /^\d+$/.test(current) ? Number(current) : String(random.int(100));
      break;
    case 'nest':
      container[last] = nested(50 + random.int(450), current);
      break;
    case 'proto':
      if (isRecord(current)) (current as Record<string, Json>)[random.pick(PROTOTYPE_KEYS)] = { polluted: true };
      else container[last] = { __proto__: { polluted: true } } as unknown as Json;
      break;
    case 'empty':
      container[last] = Array.isArray(current) ? [] : isRecord(current) ? {} : '';
      break;
  }
  return { value: copy, description: `${kind} at ${where}` };
}

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong encoding, a truncated sequence). */
export function invalidUtf8(random: Random, around: string): Buffer {
  const bad = random.pick([Buffer.from([0xff]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x80, 0x80])]);
  const cut = random.int(around.length + 1);
  return Buffer.concat([Buffer.from(around.slice(0, cut), 'utf8'), bad, Buffer.from(around.slice(cut), 'utf8')]);
}

/** Percent-encodes every byte of the UTF-8 form of `text` (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}
