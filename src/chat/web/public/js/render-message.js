// Renders one stored message: a bot message from the neutral model (header, section, fields,
// context, divider, image, actions; buttons, link buttons, selects, date inputs), a person's message as a bubble.
import { el, richText } from './dom.js';
import { locale, tr } from './texts.js';

/** How long a date input must stay unchanged before its date is sent. */
const DATE_SETTLE_MS = 600;

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value) => (typeof value === 'string' ? value : '');

function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const today = new Date().toDateString() === date.toDateString();
  const options = today ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** Only web addresses open from a message (no javascript:, data:...). */
const webUrl = (value) => (typeof value === 'string' && /^https?:\/\//i.test(value) ? value : '');

function renderButton(element, act) {
  const url = webUrl(element.url);
  if (url) {
    // A link button (a document, a report): opens the address, makes no interaction.
    return el('a', {
      className: 'btn link',
      text: str(element.label),
      testid: `link-${str(element.label)}`,
      attrs: { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-action-id': str(element.actionId) },
    });
  }
  const style = element.style === 'primary' || element.style === 'danger' ? ` ${element.style}` : '';
  return el('button', {
    className: `btn${style}`,
    text: str(element.label),
    testid: `button-${str(element.label)}`,
    attrs: { type: 'button', 'data-action-id': str(element.actionId) },
    on: { click: () => act(element) },
  });
}

function renderSelect(element, act) {
  const options = Array.isArray(element.options) ? element.options.filter(isObject) : [];
  const initial = str(element.initial);
  const select = el('select', {
    className: 'select',
    testid: `select-${str(element.actionId)}`,
    attrs: { 'aria-label': str(element.placeholder), 'data-action-id': str(element.actionId) },
  }, [
    el('option', { text: str(element.placeholder) || tr('web.element.choose'), attrs: { value: '', disabled: true } }),
    ...options.map((option) => el('option', { text: str(option.label), attrs: { value: str(option.value) } })),
  ]);
  select.value = options.some((option) => option.value === initial) ? initial : '';
  select.addEventListener('change', () => {
    if (select.value) act(element, select.value);
  });
  return select;
}

function renderDateInput(element, act) {
  const input = el('input', {
    className: 'date',
    testid: `date-${str(element.actionId)}`,
    attrs: { type: 'date', 'aria-label': str(element.placeholder), title: str(element.placeholder), 'data-action-id': str(element.actionId) },
  });
  input.value = /^\d{4}-\d{2}-\d{2}$/.test(str(element.initial)) ? element.initial : '';
  // Typing a date fires `change` at each complete value (year 0002, 0020, 2026...): send the
  // date the person settles on, once.
  let timer;
  let sent = input.value;
  input.addEventListener('change', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (/^[12]\d{3}-\d{2}-\d{2}$/.test(input.value) && input.value !== sent) {
        sent = input.value;
        act(element, input.value);
      }
    }, DATE_SETTLE_MS);
  });
  return input;
}

function renderElement(element, act) {
  if (!isObject(element)) return null;
  if (element.type === 'button') return renderButton(element, act);
  if (element.type === 'select') return renderSelect(element, act);
  if (element.type === 'date') return renderDateInput(element, act);
  return null;
}

function renderBlock(block, act) {
  if (!isObject(block)) return null;
  switch (block.type) {
    case 'header':
      return el('h3', { className: 'block-header', text: str(block.text) });
    case 'section':
      return el('div', { className: 'block-section' }, [
        el('p', {}, [richText(str(block.text))]),
        block.accessory ? el('div', { className: 'accessory' }, [renderElement(block.accessory, act)]) : null,
      ]);
    case 'fields':
      return el('dl', { className: 'block-fields' }, (Array.isArray(block.fields) ? block.fields : []).filter(isObject).map((field) =>
        el('div', { className: 'field' }, [el('dt', { text: str(field.label) }), el('dd', {}, [richText(str(field.value))])]),
      ));
    case 'context':
      return el('p', { className: 'block-context' }, [richText(str(block.text))]);
    case 'divider':
      return el('hr', { className: 'block-divider' });
    case 'image': {
      const url = webUrl(block.url);
      if (!url) return null;
      return el('figure', { className: 'block-image' }, [
        el('img', { testid: 'image', attrs: { src: url, alt: str(block.alt), loading: 'lazy', referrerpolicy: 'no-referrer' } }),
        block.title ? el('figcaption', { text: str(block.title) }) : null,
      ]);
    }
    case 'actions':
      return el('div', { className: 'block-actions' }, (Array.isArray(block.elements) ? block.elements : []).map((e) => renderElement(e, act)));
    default:
      return null;
  }
}

function renderBotBody(payload, act) {
  if (!isObject(payload) || typeof payload.text !== 'string') {
    return [el('p', { className: 'unreadable', text: tr('web.conversation.unreadable') })];
  }
  const blocks = Array.isArray(payload.blocks) ? payload.blocks : [];
  if (blocks.length === 0) return [el('p', {}, [richText(payload.text)])];
  return blocks.map((block) => renderBlock(block, act));
}

/**
 * The <li> of a message. `onAction(message, element, selected)` is called on a click, a choice in a
 * select or a date picked.
 */
export function renderMessage(message, onAction) {
  const bot = message.author === 'BOT';
  const act = (element, selected) => onAction(message, element, selected);
  const edited = new Date(message.updatedAt).getTime() - new Date(message.createdAt).getTime() > 1000;
  const meta = el('div', { className: 'meta' }, [
    el('span', { className: 'author', text: bot ? tr('web.conversation.bot') : tr('web.conversation.you') }),
    el('time', { text: formatTime(message.createdAt), attrs: { datetime: message.createdAt } }),
    edited ? el('span', { className: 'edited', text: tr('web.conversation.edited') }) : null,
  ]);
  const body = bot
    ? el('div', { className: 'bubble', testid: 'message' }, renderBotBody(message.payload, act))
    : el('div', { className: 'bubble', testid: 'message', text: str(message.payload?.text) });
  return el('li', {
    className: `message ${bot ? 'bot' : 'person'}`,
    testid: `message-${message.id}`,
    attrs: { 'data-message-id': message.id, 'data-created-at': message.createdAt, 'data-updated-at': message.updatedAt },
  }, [meta, body]);
}

/** Disables (or enables again) the controls of a rendered message while a click is being handled. */
export function setMessageBusy(node, busy) {
  node.classList.toggle('busy', busy);
  for (const control of node.querySelectorAll('button, select, input')) control.disabled = busy;
}
