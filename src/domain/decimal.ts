/**
 * Decimal arithmetic for money (decimal.js). Money leaves the domain as plain decimal strings
 * ("6825.00"), which Prisma Decimal columns accept.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { CodedError } from './errors.js';

/** Private Decimal constructor: 40 significant digits, half-up rounding, never exponent notation. */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
export type Dec = InstanceType<typeof Dec>;

const PLAIN_DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;

/** A decimal given as a number or a plain decimal string with '.' ("650", "650.50", "-3.2"). */
export type DecimalInput = number | string;

/** Parses a plain decimal; throws CodedError(code) for anything else (commas, exponents, NaN…). */
export function toDec(value: DecimalInput, code = 'INVALID_AMOUNT', label = 'amount'): Dec {
  if (typeof value === 'number' && Number.isFinite(value)) return new Dec(value);
  if (typeof value === 'string' && PLAIN_DECIMAL_RE.test(value.trim())) return new Dec(value.trim());
  throw new CodedError(code, `Invalid ${label}: ${String(value)} (expected a decimal with '.')`, { value }, {
    params: { label, value: String(value) },
  });
}

/** Rounds to cents, half up, as a string with exactly two decimals. */
export function toCents(value: Dec): string {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** Plain decimal string without trailing zeros ("20.5", "650"). */
export function toPlain(value: Dec): string {
  return value.toFixed();
}
