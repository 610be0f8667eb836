// Every command the extension declares (and does not hide) can be found in the command palette.

import * as assert from 'node:assert/strict';
import { session } from './session';
import { closeQuickInput, findInPalette, paletteCommands, searchPalette } from './workbenchPage';

suite('command palette', () => {
  test('typing "Hybrid" lists the extension\'s commands', async () => {
    const s = session();
    const expected = paletteCommands(s.packageJson);
    assert.ok(expected.length > 0, 'package.json declares no palette commands');
    try {
      await findInPalette(s.page, expected[0].label, 60_000);
      const rows = await searchPalette(s.page, 'Hybrid');
      assert.ok(rows.some((r) => r.includes(expected[0].label)), `"${expected[0].label}" not among: ${rows.join(' | ')}`);
    } finally {
      await closeQuickInput(s.page);
    }
  });

  test('each declared command is found by its full title', async () => {
    const s = session();
    const missing: string[] = [];
    try {
      for (const { label } of paletteCommands(s.packageJson)) {
        const rows = await findInPalette(s.page, label, 5_000);
        if (!rows.some((r) => r.includes(label))) missing.push(label);
      }
    } finally {
      await closeQuickInput(s.page);
    }
    assert.deepEqual(missing, [], `not in the palette: ${missing.join(', ')}`);
  });
});
