/** Lines of the YAML nodes of an organization file, for the problems' `line`. */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './org-file-problem.js';

/** Line of the node at a path of the file, or of its nearest existing parent. */
export type Locator = (path: readonly PathSegment[]) => number | undefined;

export function lineOfOffset(lineCounter: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/**
 * Line of the node at `path`, or of its nearest existing parent. A node reached through a mapping
 * key is located at its key (so `rates:` rather than its first item); a sequence item at its dash.
 */
export function locator(doc: Document, lineCounter: LineCounter): Locator {
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineOfOffset(lineCounter, (node as Node | null)?.range?.[0]);
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyLine = isScalar(pair.key) ? lineOfOffset(lineCounter, pair.key.range?.[0]) : undefined;
        line = keyLine ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined || item === null) break;
        line = lineOfOffset(lineCounter, (item as Node).range?.[0]) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
}
