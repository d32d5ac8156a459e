// The demo panel (only when the server has demo controls): run a scheduler tick as if the clock read
// a chosen time, and run one ritual now for the person picked.
import { ApiError, getJson, postJson } from './api.js';
import { clear, el } from './dom.js';
import { errorText, has, tr } from './texts.js';

const OFFSET = /^[+-](0\d|1[0-4]):[0-5]\d$/;
const pad = (n) => String(n).padStart(2, '0');

function browserOffset(date) {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function localDateTime(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Loads the demo controls; resolves with a panel, or null when the server has none. */
export async function loadDemoPanel(container) {
  let demo;
  try {
    demo = await getJson('demo');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      container.hidden = true;
      return null;
    }
    throw error;
  }
  const now = new Date();
  const state = { at: localDateTime(now), offset: browserOffset(now), result: '', resultKind: 'info' };
  let person = null;

  function showResult(text, kind = 'info') {
    state.result = text;
    state.resultKind = kind;
    render();
  }

  async function tick() {
    if (!state.at) return showResult(tr('web.demo.atMissing'), 'error');
    if (!OFFSET.test(state.offset)) return showResult(tr('web.demo.offsetInvalid'), 'error');
    const at = `${state.at.length === 16 ? `${state.at}:00` : state.at}${state.offset}`;
    try {
      const summary = await postJson('demo/tick', { at });
      showResult(tr('web.demo.tickDone', { at: `${state.at.replace('T', ' ')} (${state.offset})`, planned: summary.planned, sent: summary.sent }));
    } catch (error) {
      showResult(errorText(error), 'error');
    }
  }

  async function trigger(ritual) {
    if (!person) return;
    try {
      const answer = await postJson('demo/trigger', { personId: person.id, ritual: ritual.id });
      showResult(answer.text);
    } catch (error) {
      showResult(errorText(error), 'error');
    }
  }

  function ritualLabel(ritual) {
    return has(`web.demo.ritual.${ritual.id}`) ? tr(`web.demo.ritual.${ritual.id}`) : ritual.id;
  }

  function render() {
    clear(container);
    const atInput = el('input', { testid: 'demo-at', attrs: { id: 'demo-at', type: 'datetime-local' }, props: { value: state.at } });
    atInput.addEventListener('change', () => (state.at = atInput.value));
    const offsetInput = el('input', {
      testid: 'demo-offset',
      attrs: { id: 'demo-offset', type: 'text', size: 6, maxlength: 6, pattern: '[+\\-]\\d\\d:\\d\\d' },
      props: { value: state.offset },
    });
    offsetInput.addEventListener('input', () => (state.offset = offsetInput.value.trim()));
    container.append(
      el('h2', { className: 'sidebar-title', text: tr('web.demo.title') }),
      el('p', { className: 'demo-intro', text: tr('web.demo.intro') }),
      el('div', { className: 'demo-row' }, [
        el('label', { attrs: { for: 'demo-at' } }, [el('span', { text: tr('web.demo.at') }), atInput]),
        el('label', { attrs: { for: 'demo-offset' } }, [el('span', { text: tr('web.demo.offset') }), offsetInput]),
      ]),
      el('button', { className: 'btn', text: tr('web.demo.tick'), testid: 'demo-tick', attrs: { type: 'button' }, on: { click: tick } }),
    );
    if (person) {
      container.append(
        el('h3', { className: 'demo-subtitle', text: tr('web.demo.triggerTitle', { name: person.name }) }),
        el('div', { className: 'demo-triggers' }, demo.rituals.map((ritual) =>
          el('button', {
            className: 'btn small',
            testid: `demo-trigger-${ritual.id}`,
            attrs: { type: 'button', title: tr(`web.demo.audience.${ritual.audience}`) },
            on: { click: () => trigger(ritual) },
          }, [el('span', { text: ritualLabel(ritual) }), el('span', { className: 'audience', text: tr(`web.demo.audience.${ritual.audience}`) })]),
        )),
      );
    }
    if (state.result) {
      container.append(el('p', { className: `demo-result ${state.resultKind}`, text: state.result, testid: 'demo-result', attrs: { role: 'status' } }));
    }
  }

  container.hidden = false;
  render();
  return {
    /** The person the "run now" buttons act for (null: none picked). */
    setPerson(next) {
      person = next;
      render();
    },
    render,
  };
}
