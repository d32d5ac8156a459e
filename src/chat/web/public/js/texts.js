// The page's texts (src/i18n/web-fr.ts and web-en.ts, from GET api/texts), in the locale of the
// person picked (the server's default locale before).
import { getJson } from './api.js';

const cache = new Map();
let current = { locale: 'fr', texts: {} };

export async function useLocale(locale) {
  const key = locale ?? '';
  if (!cache.has(key)) cache.set(key, await getJson('texts', locale ? { locale } : undefined));
  current = cache.get(key);
  document.documentElement.lang = current.locale;
  return current.locale;
}

export function locale() {
  return current.locale;
}

/** The text of `key` with {placeholders} filled; the key itself when unknown (never empty). */
export function tr(key, params = {}) {
  const text = current.texts[key];
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** True when the catalog has `key` (optional texts such as ritual names). */
export function has(key) {
  return typeof current.texts[key] === 'string';
}

/** Fills [data-t] (textContent) and [data-t-placeholder] elements of the static page. */
export function applyStaticTexts(root = document) {
  for (const node of root.querySelectorAll('[data-t]')) node.textContent = tr(node.dataset.t);
  for (const node of root.querySelectorAll('[data-t-placeholder]')) node.placeholder = tr(node.dataset.tPlaceholder);
  document.title = tr('web.page.title');
}

/** What to tell the person about a failed request. */
export function errorText(error) {
  if (error?.code === 'NETWORK') return tr('web.error.network');
  if (error?.code && has(`web.error.${error.code}`)) return tr(`web.error.${error.code}`);
  return tr('web.error.other', { status: error?.status ?? '?' });
}
