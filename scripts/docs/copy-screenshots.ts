// Copies the browser suite's screenshots that the README shows (those a person judges: layout
// at tablet width, charts) from test-output/e2e/ into docs/screenshots/.
// Run the browser suite first: `npx nx run web-e2e:test && npm run screenshots`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const FROM = join(ROOT, 'test-output/e2e');
const TO = join(ROOT, 'docs/screenshots');

/** The README's «Screenshots» section, in its order: file saved by the suite → name in docs/. */
export const SCREENSHOTS: readonly { file: string; as: string; caption: string }[] = [
  { file: '1-overview.png', as: 'overview.png', caption: 'Обзор, the committee (1280 px)' },
  { file: '4-overview-tablet.png', as: 'overview-tablet.png', caption: 'Обзор at tablet width' },
  {
    file: '2-indicator-coverage.png',
    as: 'indicator.png',
    caption: 'An indicator: trend, organizations, heatmap, explanation',
  },
  {
    file: '3-organization.png',
    as: 'organization.png',
    caption: 'An organization: «да»/«нет», «не относится»',
  },
  {
    file: 'school-1-overview.png',
    as: 'school-overview.png',
    caption: 'A school’s Обзор: its own coverage in the banner',
  },
  {
    file: '5-destinations.png',
    as: 'destinations.png',
    caption: 'Where graduates went: fixed colours, counts on the nodes',
  },
  {
    file: '10-demand-city.png',
    as: 'demand.png',
    caption: 'Labor demand: shares compared, books numbered per territory',
  },
  {
    file: 'tables-organizations-by-coverage.png',
    as: 'organizations-table.png',
    caption: 'Organizations sorted by coverage, with filters and exports',
  },
  {
    file: 'every-page-committee-потребность-в-кадрах-768.png',
    as: 'demand-tablet.png',
    caption: 'Labor demand at 768 px',
  },
  {
    file: '15-tooltip-bars.png',
    as: 'tooltip.png',
    caption: 'A name with markup shown as text in a tooltip',
  },
];

if (require.main === module) {
  mkdirSync(TO, { recursive: true });
  const missing = SCREENSHOTS.filter(({ file }) => !existsSync(join(FROM, file)));
  if (missing.length > 0) {
    console.error(`Нет снимков: ${missing.map((m) => m.file).join(', ')}. Сначала: npx nx run web-e2e:test`);
    process.exit(1);
  }
  for (const { file, as } of SCREENSHOTS) copyFileSync(join(FROM, file), join(TO, as));
  console.log(`Скопировано снимков: ${SCREENSHOTS.length} → docs/screenshots/`);
}
