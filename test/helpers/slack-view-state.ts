/**
 * The `state.values` Slack sends with a view_submission: for each input block, its element's
 * value as filled (`values`, by block id). A select left alone keeps its initial option; the other
 * inputs keep their initial value too with `keepInitial`, else they come empty (null).
 */
type Json = Record<string, unknown>;

export function viewStateValues(
  blocks: readonly unknown[],
  values: Readonly<Record<string, string>>,
  options: { keepInitial: boolean },
): Record<string, Record<string, Json>> {
  const state: Record<string, Record<string, Json>> = {};
  for (const block of blocks as Json[]) {
    if (block.type !== 'input') continue;
    const element = block.element as Json;
    const id = String(block.block_id);
    const value = values[id];
    let input: Json;
    if (element.type === 'static_select') {
      const option = value === undefined ? element.initial_option : (element.options as Json[]).find((o) => o.value === value);
      input = { type: 'static_select', selected_option: option ?? null };
    } else if (element.type === 'datepicker') {
      input = { type: 'datepicker', selected_date: value ?? (options.keepInitial ? element.initial_date : undefined) ?? null };
    } else input = { type: 'plain_text_input', value: value ?? (options.keepInitial ? element.initial_value : undefined) ?? null };
    state[id] = { [String(element.action_id)]: input };
  }
  return state;
}
