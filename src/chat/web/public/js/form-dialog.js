// A form of the neutral model (select, text, textarea, date fields) in a <dialog>. Submitting it
// posts the fields; errors by field are shown next to them and the dialog stays open.
import { el } from './dom.js';
import { errorText, tr } from './texts.js';

const str = (value) => (typeof value === 'string' ? value : '');

function renderControl(field, id) {
  const common = { 'aria-required': field.required ? 'true' : undefined, 'aria-describedby': `${id}-error`, name: str(field.id) };
  if (field.kind === 'select') {
    const options = Array.isArray(field.options) ? field.options : [];
    const select = el('select', { attrs: { ...common, id } }, [
      el('option', { text: tr('web.element.choose'), attrs: { value: '' } }),
      ...options.map((option) => el('option', { text: str(option.label), attrs: { value: str(option.value) } })),
    ]);
    select.value = options.some((option) => option.value === field.initial) ? field.initial : '';
    return select;
  }
  if (field.kind === 'textarea') {
    const textarea = el('textarea', { attrs: { ...common, id, rows: 4, maxlength: field.maxLength, placeholder: field.placeholder } });
    textarea.value = str(field.initial);
    return textarea;
  }
  const input = el('input', {
    attrs: {
      ...common,
      id,
      type: field.kind === 'date' ? 'date' : 'text',
      maxlength: field.kind === 'text' ? field.maxLength : undefined,
      placeholder: field.kind === 'text' ? field.placeholder : undefined,
    },
  });
  input.value = str(field.initial);
  return input;
}

/**
 * Opens `form` in `dialog`. `submit(fields)` posts the submission and resolves with the server's
 * answer; the dialog closes unless the answer has field errors. `onAnswer(answer)` then gets it.
 */
export function openFormDialog(dialog, form, { submit, onAnswer }) {
  const fields = (Array.isArray(form.fields) ? form.fields : []).map((field, index) => ({ field, id: `form-field-${index}` }));
  const rows = new Map();
  const general = el('p', { className: 'form-error', testid: 'dialog-error', attrs: { role: 'alert' } });
  const submitButton = el('button', { className: 'btn primary', text: str(form.submitLabel), testid: 'dialog-submit', attrs: { type: 'submit' } });
  const cancelButton = el('button', {
    className: 'btn', text: tr('web.form.cancel'), testid: 'dialog-cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() },
  });

  const formNode = el('form', { className: 'dialog-form', attrs: { novalidate: true } }, [
    el('h2', { text: str(form.title), testid: 'dialog-title' }),
    form.intro ? el('p', { className: 'dialog-intro', text: str(form.intro) }) : null,
    ...fields.map(({ field, id }) => {
      const control = renderControl(field, id);
      const error = el('p', { className: 'field-error', testid: `field-error-${str(field.id)}`, attrs: { id: `${id}-error` } });
      const label = el('label', { attrs: { for: id } }, [
        el('span', { text: str(field.label) }),
        field.required ? el('span', { className: 'required', text: ' *', attrs: { title: tr('web.form.required') } }) : null,
      ]);
      const row = el('div', { className: 'form-row', testid: `field-${str(field.id)}` }, [label, control, error]);
      rows.set(str(field.id), { field, control, error, row });
      return row;
    }),
    general,
    el('menu', { className: 'dialog-buttons' }, [cancelButton, submitButton]),
  ]);

  const showErrors = (errors) => {
    general.textContent = '';
    for (const { error, row } of rows.values()) {
      error.textContent = '';
      row.classList.remove('invalid');
    }
    for (const { field, message } of errors) {
      const target = rows.get(field);
      if (target) {
        target.error.textContent = message;
        target.row.classList.add('invalid');
      } else {
        general.textContent = general.textContent ? `${general.textContent} ${message}` : message;
      }
    }
    const first = errors.map((e) => rows.get(e.field)).find(Boolean);
    first?.control.focus();
  };

  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {};
    const missing = [];
    for (const [id, { field, control }] of rows) {
      const value = field.kind === 'text' ? control.value.trim() : control.value;
      if (value !== '') values[id] = value;
      else if (field.required) missing.push({ field: id, message: tr('web.form.requiredMissing') });
    }
    if (missing.length > 0) return showErrors(missing);
    submitButton.disabled = true;
    submitButton.textContent = tr('web.form.sending');
    try {
      const answer = await submit(values);
      if (answer.fieldErrors?.length) return showErrors(answer.fieldErrors);
      dialog.close();
      onAnswer(answer);
    } catch (error) {
      showErrors([{ field: '', message: errorText(error) }]);
    } finally {
      submitButton.disabled = false;
      submitButton.textContent = str(form.submitLabel);
    }
  });

  dialog.replaceChildren(formNode);
  if (dialog.open) dialog.close();
  dialog.showModal();
  fields[0] && rows.get(str(fields[0].field.id))?.control.focus();
}
