// Renders the two Teams icons from their SVG sources (run after editing an SVG, commit the PNGs):
//   node manifests/teams/make-icons.mjs
// color.png 192×192 (full colour), outline.png 32×32 (white on a transparent background).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const dir = join(import.meta.dirname, 'icons');
for (const [name, size] of [['color', 192], ['outline', 32]]) {
  const svg = readFileSync(join(dir, `${name}.svg`), 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
  writeFileSync(join(dir, `${name}.png`), png);
  console.log(`${name}.png ${size}×${size} (${png.length} bytes)`);
}
