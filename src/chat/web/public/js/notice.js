// Short notices (the bot's notice after a click, errors): toasts that fade after a while.
import { el } from './dom.js';
import { tr } from './texts.js';

const VISIBLE_MS = 8000;

export function showNotice(text, kind = 'info') {
  const container = document.getElementById('notices');
  const notice = el('div', { className: `notice ${kind}`, testid: 'notice', attrs: { role: kind === 'error' ? 'alert' : 'status' } }, [
    el('span', { className: 'notice-text', text }),
  ]);
  const close = () => notice.remove();
  notice.append(el('button', { className: 'notice-close', text: '×', attrs: { type: 'button', 'aria-label': tr('web.notice.close') }, on: { click: close } }));
  container.append(notice);
  setTimeout(close, VISIBLE_MS);
}
