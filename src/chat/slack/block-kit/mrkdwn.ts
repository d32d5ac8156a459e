/**
 * Neutral texts into Slack text objects. The neutral model's only markup is `*bold*`, which is
 * Slack's own bold; everything else is shown as it is: `&`, `<` and `>` are escaped (Slack would
 * read `<...>` as a link or a mention). Texts too long for their place are cut at a character
 * boundary, never inside an escape, and end with "…".
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reverses escapeMrkdwn (tests and the readable text of a rendering). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Cuts `text` to at most `max` characters (UTF-16 units), ending with "…" when cut. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair or half an escape (&amp; &lt; &gt;).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

/** A mrkdwn text object of at most `max` characters once escaped. */
export function mrkdwn(text: string, max: number): { type: 'mrkdwn'; text: string; verbatim: true } {
  return { type: 'mrkdwn', text: fit(escapeMrkdwn(text), max), verbatim: true };
}

/** A plain_text object (no markup: the neutral `*bold*` markers are dropped). */
export function plain(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  const clean = text.replace(/\*/g, '').trim();
  return { type: 'plain_text', text: fit(clean === '' ? '—' : clean, max), emoji: true };
}
