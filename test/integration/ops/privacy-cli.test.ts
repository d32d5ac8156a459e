import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ORG_PATH } from '../../helpers/example-org.js';
import { createCliWorkspace, type CliWorkspace } from '../../helpers/cli.js';

let workspace: CliWorkspace;
beforeAll(async () => {
  workspace = await createCliWorkspace();
  const imported = await workspace.run(['org', 'import', EXAMPLE_ORG_PATH]);
  expect(imported.code, imported.stderr).toBe(0);
}, 90_000);
afterAll(async () => {
  await workspace?.cleanup();
});

describe('rituel privacy (command line)', () => {
  it('exports, refuses to erase without --yes, erases, then refuses an organization file listing the erased person', { timeout: 120_000 }, async () => {
    const out = join(workspace.dir, 'sarah.json');
    const exported = await workspace.run(['privacy', 'export', 'sarah', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { person: { ref: string; email: string } };
    expect(data.person).toMatchObject({ ref: 'sarah' });
    expect(data.person.email).toContain('@');

    const unconfirmed = await workspace.run(['privacy', 'erase', 'sarah']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('--yes');

    const erased = await workspace.run(['privacy', 'erase', 'sarah', '--yes', '--json']);
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ alreadyErased: false, auditMentions: 0 });

    const reimport = await workspace.run(['org', 'import', EXAMPLE_ORG_PATH]);
    expect(reimport.code).toBe(1);
    expect(reimport.stderr).toContain('Personne effacée (RGPD) présente dans le fichier : sarah.');
  });
});
