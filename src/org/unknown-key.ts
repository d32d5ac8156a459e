/** The problem of a key the schema does not know, with the closest known key as a hint. */
import { z } from 'zod';
import { orgFileSchema } from './org-file-schema.js';
import type { PathSegment } from './org-file-problem.js';
import { orgProblem, type OrgProblemDescriptor } from './org-problems.js';

function unwrapSchema(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let i = 0; i < 20; i += 1) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else {
      break;
    }
  }
  return current;
}

/** Keys the schema allows at `path` (for "did you mean" hints). */
export function knownKeysAt(path: readonly PathSegment[]): string[] {
  let schema: z.core.$ZodType | undefined = orgFileSchema;
  for (const segment of path) {
    if (!schema) return [];
    const current = unwrapSchema(schema);
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      schema = (current.shape as Record<string, z.core.$ZodType | undefined>)[segment];
    } else if (current instanceof z.ZodArray && typeof segment === 'number') {
      schema = current.element as z.core.$ZodType;
    } else {
      return [];
    }
  }
  if (!schema) return [];
  const last = unwrapSchema(schema);
  return last instanceof z.ZodObject ? Object.keys(last.shape) : [];
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const left = previous[j - 1] ?? 0;
      previous[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** UNKNOWN_KEY for `key`, suggesting the closest of the `known` keys when it is close enough. */
export function unknownKey(key: string, known: readonly string[]): OrgProblemDescriptor {
  const lower = key.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  const close = best && best.distance <= Math.max(2, Math.floor(key.length / 3));
  return close && best ? orgProblem('UNKNOWN_KEY', { key, suggestion: best.key }) : orgProblem('UNKNOWN_KEY', { key });
}
