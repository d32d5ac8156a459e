import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_PATH = fileURLToPath(new URL('../../../examples/org.yaml', import.meta.url));
export const exampleText = (): string => readFileSync(EXAMPLE_PATH, 'utf8');

/** Replaces exactly one occurrence of `search` (fails loudly when the example changed). */
export function edit(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search);
  if (first < 0) throw new Error(`not in the text: ${search}`);
  if (text.indexOf(search, first + 1) >= 0) throw new Error(`more than once in the text: ${search}`);
  return text.slice(0, first) + replacement + text.slice(first + search.length);
}

/** 1-based line of the only line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const found = lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
  if (found.length !== 1) throw new Error(`expected one line with ${needle}, found ${found.length}`);
  return found[0] as number;
}
