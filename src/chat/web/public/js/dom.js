// DOM helpers. Every text coming from the server or a person is set with textContent or
// createTextNode: nothing is ever parsed as HTML.

/**
 * Creates an element. props: className, text, testid, attrs (set with setAttribute), props
 * (assigned as properties), on (event listeners).
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = String(props.text);
  if (props.testid) node.dataset.testid = props.testid;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  Object.assign(node, props.props ?? {});
  for (const [event, listener] of Object.entries(props.on ?? {})) node.addEventListener(event, listener);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

const BOLD = /\*([^*\n]+)\*/g;

/** The message markup: `*bold*` becomes <strong>, newlines become <br>; everything else is text. */
export function richText(text) {
  const fragment = document.createDocumentFragment();
  String(text ?? '')
    .split('\n')
    .forEach((line, index) => {
      if (index > 0) fragment.append(document.createElement('br'));
      let last = 0;
      for (const match of line.matchAll(BOLD)) {
        if (match.index > last) fragment.append(document.createTextNode(line.slice(last, match.index)));
        const strong = document.createElement('strong');
        strong.textContent = match[1];
        fragment.append(strong);
        last = match.index + match[0].length;
      }
      if (last < line.length) fragment.append(document.createTextNode(line.slice(last)));
    });
  return fragment;
}

/** A random UUID, also where crypto.randomUUID is missing (a page served over plain http to a LAN). */
export function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
