/**
 * What PostgreSQL cannot store in text or JSON columns, removed from text that came from a chat
 * client: NUL characters (dropped) and lone UTF-16 surrogates (replaced by U+FFFD). Neither is
 * ever meaningful in a message; left in, they fail the write (an error instead of an answer).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
}

/** A copy of a JSON-like value with every string value cleaned (undefined fields dropped, as JSON does). */
export function cleanStrings<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? cleanText(item) : item))) as T;
}
