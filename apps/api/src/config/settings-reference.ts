import { SETTINGS_TABLE, type Setting } from './settings';

/** The README's configuration table lies between these lines; `npm run docs` rewrites it. */
export const START_MARKER =
  '<!-- settings: generated from apps/api/src/config/settings.ts by `npm run docs` -->';
export const END_MARKER = '<!-- /settings -->';

const HEADER = ['variable', 'default', 'accepts', 'meaning'];

function defaultCell(setting: Setting<unknown>): string {
  const value =
    typeof setting.default === 'function' ? setting.default({ production: false }) : setting.default;
  const shown = setting.defaultDoc ?? (value === undefined ? '—' : `\`${setting.type.format(value)}\``);
  return setting.requiredInProduction ? `${shown}; при NODE_ENV=production обязателен` : shown;
}

/** One row per variable of the settings table, as Prettier aligns a Markdown table. */
export function settingsTable(): string {
  const rows = (Object.values(SETTINGS_TABLE) as Setting<unknown>[]).map((setting) =>
    [`\`${setting.env}\``, defaultCell(setting), setting.type.accepts, setting.description].map((cell) =>
      cell.replaceAll('|', '\\|'),
    ),
  );
  const widths = HEADER.map((title, i) => Math.max(title.length, ...rows.map((row) => [...row[i]].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join(' | ')} |`;
  return [line(HEADER), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The README with its configuration table generated anew; throws when the markers are missing. */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) {
    throw new Error(
      `README.md: the configuration table must stand between ${START_MARKER} and ${END_MARKER}`,
    );
  }
  return `${readme.slice(0, start + START_MARKER.length)}\n\n${settingsTable()}\n\n${readme.slice(end)}`;
}
