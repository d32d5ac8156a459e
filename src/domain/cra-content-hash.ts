/**
 * Hash of the exact content of a CRA version: what a client approval is bound to.
 * sha256 hex of the canonical JSON of { missionId, month, version, days }.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { assertIsoDate, parseYearMonth, type IsoDate, type YearMonth } from './dates.js';
import { parseFraction, quartersToString } from './fractions.js';
import { CodedError } from './errors.js';

export interface CraContentDay {
  readonly date: IsoDate;
  /** Worked fraction, e.g. "0.5" (numbers and "0.50" are normalised to "0.5"). */
  readonly worked: string | number;
  /** Absence kind on that date, when there is one (internal: the hash is never shown to the client). */
  readonly absence?: string | null;
}

export interface CraContent {
  readonly missionId: string;
  readonly month: YearMonth;
  readonly version: number;
  readonly days: readonly CraContentDay[];
}

/**
 * Same content → same hash; any change of a day, the version, the month or the mission → another hash.
 * Days are sorted by date before hashing, and `worked` is normalised, so storage order and
 * number/string representation do not matter.
 */
export function craContentHash(content: CraContent): string {
  parseYearMonth(content.month);
  if (!Number.isInteger(content.version) || content.version < 1) {
    throw new CodedError('CRA_INVALID_VERSION', `Invalid CRA version: ${content.version}`, { version: content.version }, {
      params: { version: String(content.version) },
    });
  }
  const days = content.days
    .map((day) => {
      assertIsoDate(day.date);
      return {
        date: day.date,
        worked: quartersToString(parseFraction(day.worked, 'QUARTER')),
        absence: day.absence ?? undefined,
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const canonical = canonicalJson({ missionId: content.missionId, month: content.month, version: content.version, days });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
