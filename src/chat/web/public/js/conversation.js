// One person's conversation: the messages (kept by id and re-rendered in place when they change),
// the live stream, clicks and form submissions, and typed commands.
import { getJson, openStream, postJson } from './api.js';
import { clear, uuid } from './dom.js';
import { openFormDialog } from './form-dialog.js';
import { showNotice } from './notice.js';
import { renderMessage, setMessageBusy } from './render-message.js';
import { errorText, tr } from './texts.js';

/** How far before the cursor a refresh looks again (rows committed late by another process). */
const CURSOR_OVERLAP_MS = 1000;

export function openConversation(person, elements) {
  const { list, empty, live, dialog } = elements;
  const messages = new Map();
  let cursor = null;
  let refreshing = null;
  let again = false;
  let stream = null;
  let closed = false;

  const nearBottom = () => list.scrollHeight - list.scrollTop - list.clientHeight < 80;

  function place(message) {
    const node = renderMessage(message, act);
    const known = messages.get(message.id);
    messages.set(message.id, { message, node });
    if (known) {
      known.node.replaceWith(node);
      return false;
    }
    // Nodes are in createdAt order (ISO strings compare as dates): the new one goes before the first later one.
    const later = [...list.children].find((child) => child.dataset.createdAt > message.createdAt);
    if (later) list.insertBefore(node, later);
    else list.append(node);
    return true;
  }

  async function load() {
    const since = cursor ? new Date(new Date(cursor).getTime() - CURSOR_OVERLAP_MS).toISOString() : undefined;
    const page = await getJson(`people/${encodeURIComponent(person.id)}/messages`, { since });
    if (closed) return;
    const stick = nearBottom();
    let added = false;
    for (const message of page.messages) {
      if (messages.get(message.id)?.message.updatedAt === message.updatedAt) continue;
      added = place(message) || added;
    }
    if (page.cursor) cursor = page.cursor;
    empty.hidden = messages.size > 0;
    if (added && (stick || messages.size === page.messages.length)) list.scrollTop = list.scrollHeight;
  }

  /** Fetches what changed; calls arriving meanwhile are merged into one more fetch. */
  function refresh() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          again = false;
          await load();
        } while (again && !closed);
      } catch (error) {
        if (!closed) showNotice(errorText(error), 'error');
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  function handleAnswer(answer, messageId) {
    if (answer.notice) showNotice(answer.notice, answer.refused ? 'error' : 'info');
    if (answer.form) openForm(answer.form, messageId);
    return refresh();
  }

  function openForm(form, messageId) {
    openFormDialog(dialog, form, {
      submit: (fields) =>
        postJson('interactions', {
          id: uuid(),
          personId: person.id,
          ...(messageId ? { messageId } : {}),
          kind: 'form',
          actionId: form.actionId,
          value: form.value,
          fields,
        }),
      onAnswer: (answer) => handleAnswer(answer, messageId),
    });
  }

  async function act(message, element, selected) {
    const node = messages.get(message.id)?.node;
    if (node) setMessageBusy(node, true);
    try {
      const answer = await postJson('interactions', {
        id: uuid(),
        personId: person.id,
        messageId: message.id,
        kind: 'action',
        actionId: element.actionId,
        value: element.value,
        ...(selected !== undefined ? { selected } : {}),
      });
      await handleAnswer(answer, message.id);
    } catch (error) {
      showNotice(errorText(error), 'error');
    } finally {
      if (node?.isConnected) setMessageBusy(node, false);
    }
  }

  async function sendCommand(text) {
    const trimmed = text.trim();
    if (!trimmed) return false;
    try {
      const answer = await postJson('commands', { id: uuid(), personId: person.id, text: trimmed.slice(0, 500) });
      await handleAnswer(answer, undefined);
      return true;
    } catch (error) {
      showNotice(errorText(error), 'error');
      return false;
    }
  }

  function setLive(on) {
    live.textContent = on ? tr('web.live.on') : tr('web.live.off');
    live.classList.toggle('on', on);
  }

  function connect() {
    stream = openStream(person.id);
    stream.addEventListener('ready', () => {
      setLive(true);
      void refresh();
    });
    stream.addEventListener('changed', () => void refresh());
    stream.addEventListener('error', () => setLive(false));
  }

  clear(list);
  empty.hidden = true;
  setLive(false);
  connect();
  void refresh();

  return {
    person,
    sendCommand,
    refresh,
    close() {
      closed = true;
      stream?.close();
      if (dialog.open) dialog.close();
    },
  };
}
