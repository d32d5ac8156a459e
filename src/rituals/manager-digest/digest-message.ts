/** The manager's weekly digest: one section per consultant mission, a reminder button where days are missing. */
import { actions, button, context, divider, fields, header, message, section } from '../../chat/build.js';
import type { ChatBlock, ChatMessage } from '../../chat/message.js';
import { formatDay, formatShortDay } from '../../i18n/format-date.js';
import { formatNumber, t, type Locale } from '../../i18n/index.js';
import { firstName } from '../people.js';
import type { DigestLine } from './digest-content.js';

export const DIGEST_ACTIONS = { remind: 'digest.remind' } as const;

/** Consultants per message: each takes 4 blocks, well within Slack's 50. */
export const DIGEST_PAGE_SIZE = 8;
const BLOCKER_MAX = 300;

function lineBlocks(locale: Locale, line: DigestLine): ChatBlock[] {
  const week = t(locale, 'digest.week', { worked: formatNumber(locale, line.worked), absent: formatNumber(locale, line.absent) });
  const missing =
    line.monthGaps.length > 0
      ? t(locale, 'digest.missing', { count: line.monthGaps.length, days: line.monthGaps.slice(0, 6).map((d) => formatShortDay(locale, d)).join(', ') })
      : t(locale, 'digest.none');
  const mood = line.moods.length > 0 ? line.moods.map((m) => `${m}/5`).join(' → ') : t(locale, 'digest.none');
  const blockers = line.blockers.length > 0 ? line.blockers.join(' · ').slice(0, BLOCKER_MAX) : t(locale, 'digest.none');
  const blocks: ChatBlock[] = [
    section(`*${line.consultantName}* — ${line.missionTitle}`),
    fields([
      { label: t(locale, 'digest.label.week'), value: week },
      { label: t(locale, 'digest.label.missing'), value: missing },
      { label: t(locale, 'digest.label.mood'), value: mood },
      { label: t(locale, 'digest.label.blockers'), value: blockers },
    ]),
  ];
  if (line.monthGaps.length > 0) {
    blocks.push(actions(button(DIGEST_ACTIONS.remind, t(locale, 'digest.remind', { name: firstName(line.consultantName) }), { m: line.missionId })));
  }
  return blocks;
}

/** The digest in pages of DIGEST_PAGE_SIZE consultants (one message each). */
export function digestMessages(locale: Locale, lines: readonly DigestLine[], period: { from: string; to: string }): ChatMessage[] {
  const pages: ChatMessage[] = [];
  for (let i = 0; i < Math.max(lines.length, 1); i += DIGEST_PAGE_SIZE) {
    const page = lines.slice(i, i + DIGEST_PAGE_SIZE);
    const title = t(locale, 'digest.title', { from: formatDay(locale, period.from), to: formatDay(locale, period.to) });
    const blocks: ChatBlock[] = [header(title.slice(0, 150))];
    if (page.length === 0) blocks.push(section(t(locale, 'digest.empty')));
    page.forEach((line, index) => {
      if (index > 0) blocks.push(divider());
      blocks.push(...lineBlocks(locale, line));
    });
    const gaps = lines.filter((l) => l.monthGaps.length > 0).length;
    blocks.push(context(t(locale, 'digest.footer', { count: lines.length, gaps })));
    pages.push(message(`${title} — ${t(locale, 'digest.footer', { count: lines.length, gaps })}`, blocks));
  }
  return pages;
}
