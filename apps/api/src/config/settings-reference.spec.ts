import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SETTINGS_TABLE } from './settings';
import { END_MARKER, START_MARKER, withSettingsTable } from './settings-reference';

const README = resolve(__dirname, '../../../../README.md');

describe('the README’s configuration table', () => {
  const readme = readFileSync(README, 'utf8');

  it('is generated from the current settings table (run `npm run docs` after changing one)', () => {
    expect(readme).toBe(withSettingsTable(readme));
  });

  it('documents every variable of the table, each once, and no other', () => {
    const section = readme.slice(readme.indexOf(START_MARKER), readme.indexOf(END_MARKER));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]);
    expect(documented).toEqual(Object.values(SETTINGS_TABLE).map((setting) => setting.env));
  });
});
