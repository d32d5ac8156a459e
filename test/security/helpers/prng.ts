/**
 * A small seeded PRNG (mulberry32) so that a fuzz run can be replayed: the seed comes from
 * FUZZ_SEED when set, else a fixed default; every failure message names it.
 */
export interface Random {
  readonly seed: number;
  /** [0, 1) */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A random string of `length` characters from `alphabet`. */
  string(length: number, alphabet?: string): string;
}

export function fuzzSeed(fallback: number): number {
  const given = process.env.FUZZ_SEED;
  if (given && /^\d+$/.test(given)) return Number(given) >>> 0;
  return fallback >>> 0;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    chance: (p) => next() < p,
    string(length, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:|#') {
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet[int(alphabet.length)];
      return out;
    },
  };
}
