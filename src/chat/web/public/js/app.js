// The web chat page: pick a person, then chat with Rituel as them.
import { getJson } from './api.js';
import { loadDemoPanel } from './demo-panel.js';
import { openConversation } from './conversation.js';
import { el } from './dom.js';
import { showNotice } from './notice.js';
import { indexPeople, renderPeople } from './people-picker.js';
import { applyStaticTexts, errorText, tr, useLocale } from './texts.js';

const $ = (id) => document.getElementById(id);
const QUICK_COMMANDS = ['help', 'week', 'month', 'status'];

const state = { organizations: [], people: new Map(), conversation: null, demo: null };

function renderQuickButtons() {
  $('quick').replaceChildren(...QUICK_COMMANDS.map((name) =>
    el('button', {
      className: 'btn chip',
      text: tr(`web.quick.${name}`),
      testid: `quick-${name}`,
      attrs: { type: 'button' },
      on: { click: () => state.conversation?.sendCommand(tr(`web.quick.${name}.command`)) },
    }),
  ));
}

function renderPicker() {
  renderPeople($('people'), state.organizations, state.conversation?.person.id, (person) => {
    location.hash = `person=${person.id}`;
  });
}

async function selectPerson(person) {
  state.conversation?.close();
  state.conversation = null;
  await useLocale(person?.locale);
  applyStaticTexts();
  $('placeholder').hidden = Boolean(person);
  $('conversation').hidden = !person;
  if (person) {
    $('conversation-title').textContent = tr('web.conversation.with', { name: person.name });
    renderQuickButtons();
    state.conversation = openConversation(person, { list: $('messages'), empty: $('empty'), live: $('live'), dialog: $('form-dialog') });
    $('command').focus();
  }
  renderPicker();
  state.demo?.setPerson(person ?? null);
}

function personFromHash() {
  const match = /^#person=([0-9a-fA-F-]{36})$/.exec(location.hash);
  return match ? state.people.get(match[1]) ?? null : null;
}

async function start() {
  await useLocale(undefined);
  applyStaticTexts();
  const { organizations } = await getJson('people');
  state.organizations = organizations;
  state.people = indexPeople(organizations);
  renderPicker();
  state.demo = await loadDemoPanel($('demo')).catch((error) => {
    showNotice(errorText(error), 'error');
    return null;
  });

  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('command');
    const text = input.value;
    if (!state.conversation || !text.trim()) return;
    input.value = '';
    const sent = await state.conversation.sendCommand(text);
    if (!sent) input.value = text;
    input.focus();
  });
  window.addEventListener('hashchange', () => void selectPerson(personFromHash()));
  await selectPerson(personFromHash());
  document.body.dataset.ready = 'true';
}

start().catch((error) => showNotice(errorText(error), 'error'));
