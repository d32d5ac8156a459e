/**
 * The shared adapter contract: every chat adapter (web chat, Slack, Teams) renders every ritual
 * message and form of the catalog (ritual-catalog.ts, built with the real ritual builders) and
 * turns each interactive element back into the same neutral Interaction the ritual expects.
 *
 * An adapter's test calls `runAdapterContract(() => driver)` inside its own describe(); the driver
 * wraps the adapter's real code (renderer + the parser of the platform's inbound payloads), the
 * way the platform would exercise it:
 *
 *   interface AdapterContractDriver<R, F> {
 *     name: string;                         // for test titles
 *     platform: 'SLACK' | 'TEAMS' | 'WEB';  // expected Interaction.actor.platform
 *     renderMessage(message): Promise<R>;   // the platform payload(s); throws when the platform would refuse it
 *     readableText(rendered: R): string;    // what a person reads, unescaped, markup removed
 *     interact(rendered: R, index, choice?): Promise<Interaction | null>;
 *         // the Interaction the adapter builds when a person uses the index-th interactive element
 *         // (in elementsOf(message) order) of the rendering: a click, or choosing `choice` in a
 *         // select (an option value) or a date input ('YYYY-MM-DD'); null for a link button (url).
 *         // The driver must find the element in ITS rendering (not copy the neutral element) and
 *         // build the platform's inbound payload from it, then parse it with the adapter's code.
 *     renderForm(form): Promise<F>;         // a Slack modal, an Adaptive Card form, the web dialog
 *     submitForm(rendered: F, values): Promise<Interaction>;
 *         // the Interaction the adapter builds when the form is submitted with these values by
 *         // field id (a field absent from `values` is left empty / at its initial value removed)
 *   }
 *
 * What is checked: every message renders (within the platform's limits: the driver throws
 * otherwise), its texts are all readable, each click round-trips (actionId, value, selected), a
 * link button makes no interaction, each form round-trips (actionId, value, fields).
 */
import { describe, expect, it } from 'vitest';
import type { ChatPlatform, Interaction } from '../../src/chat/interaction.js';
import { elementsOf, type ChatForm, type ChatMessage } from '../../src/chat/message.js';
import { catalogForms, catalogMessages, edgeMessages } from './ritual-catalog.js';

export interface AdapterContractDriver<R = unknown, F = unknown> {
  readonly name: string;
  readonly platform: ChatPlatform;
  renderMessage(message: ChatMessage): Promise<R>;
  readableText(rendered: R): string;
  interact(rendered: R, index: number, choice?: string): Promise<Interaction | null>;
  renderForm(form: ChatForm): Promise<F>;
  submitForm(rendered: F, values: Readonly<Record<string, string>>): Promise<Interaction>;
}

const squash = (text: string): string => text.replace(/\*/g, '').replace(/\s+/g, ' ').trim();

/** The texts of a neutral message a person must be able to read, in the model's plain form. */
export function neutralTexts(message: ChatMessage): string[] {
  const texts: string[] = [];
  for (const block of message.blocks) {
    if (block.type === 'header' || block.type === 'section' || block.type === 'context') texts.push(block.text);
    if (block.type === 'fields') for (const f of block.fields) texts.push(f.label, f.value);
  }
  if (message.blocks.length === 0) texts.push(message.text);
  return texts.map(squash).filter((t) => t !== '');
}

/** Values a person could type or choose in each field of a form. */
export function sampleValues(form: ChatForm): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    if (field.kind === 'select') values[field.id] = field.options[field.options.length - 1]!.value;
    else if (field.kind === 'date') values[field.id] = '2026-11-21';
    else values[field.id] = `Écrit <b> & "ok"\n${field.id}`.slice(0, field.maxLength);
  }
  return values;
}

export function runAdapterContract<R, F>(driverOf: () => AdapterContractDriver<R, F>): void {
  const messages = [...catalogMessages(), ...edgeMessages()];
  const forms = catalogForms();

  it('has a catalog that covers buttons, selects, dates, links and forms', () => {
    const elements = messages.flatMap((m) => elementsOf(m.item));
    expect(elements.some((e) => e.type === 'button' && !e.url)).toBe(true);
    expect(elements.some((e) => e.type === 'button' && e.url)).toBe(true);
    expect(elements.some((e) => e.type === 'select')).toBe(true);
    expect(elements.some((e) => e.type === 'date')).toBe(true);
    expect(forms.length).toBeGreaterThan(2);
  });

  describe('messages', () => {
    for (const { name, item } of messages) {
      it(`renders and round-trips ${name}`, async () => {
        const driver = driverOf();
        const rendered = await driver.renderMessage(item);
        const readable = squash(driver.readableText(rendered));
        for (const text of neutralTexts(item)) expect(readable, `${driver.name}: text of ${name}`).toContain(text);

        const elements = elementsOf(item);
        for (const [index, element] of elements.entries()) {
          const choice =
            element.type === 'select' ? element.options[element.options.length - 1]!.value : element.type === 'date' ? '2026-11-21' : undefined;
          const interaction = await driver.interact(rendered, index, choice);
          if (element.type === 'button' && element.url) {
            expect(interaction, `${name} #${index}: a link button makes no interaction`).toBeNull();
            continue;
          }
          expect(interaction, `${name} #${index}`).not.toBeNull();
          expect(interaction!.kind).toBe('action');
          if (interaction!.kind !== 'action') continue;
          expect(interaction!.actor.platform).toBe(driver.platform);
          expect(interaction!.id).not.toBe('');
          expect(interaction!.actionId).toBe(element.actionId);
          expect(interaction!.value).toBe(element.value);
          expect(interaction!.selected).toBe(choice);
        }
      });
    }
  });

  describe('forms', () => {
    for (const { name, item } of forms) {
      it(`renders and round-trips ${name}`, async () => {
        const driver = driverOf();
        const rendered = await driver.renderForm(item);
        const values = sampleValues(item);
        const filled = await driver.submitForm(rendered, values);
        expect(filled.kind).toBe('form');
        if (filled.kind !== 'form') return;
        expect(filled.actor.platform).toBe(driver.platform);
        expect(filled.actionId).toBe(item.actionId);
        expect(filled.value).toBe(item.value);
        for (const field of item.fields) expect(filled.fields[field.id], `${name}: ${field.id}`).toBe(values[field.id]);

        // Optional fields left empty come back empty (or absent), never as another field's value.
        const optionalEmpty = Object.fromEntries(Object.entries(values).filter(([id]) => item.fields.find((f) => f.id === id)!.required));
        const partial = await driver.submitForm(rendered, optionalEmpty);
        if (partial.kind !== 'form') throw new Error('expected a form interaction');
        for (const field of item.fields) {
          if (field.required) expect(partial.fields[field.id]).toBe(values[field.id]);
          else if (field.kind !== 'select') expect(partial.fields[field.id] ?? '').toBe('');
        }
      });
    }
  });
}
