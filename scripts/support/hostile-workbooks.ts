/**
 * Workbooks made to hurt a server, built byte by byte: the hostile-file tests
 * (apps/api/test/hostile-files.spec.ts) send each through HTTP, and the memory benchmark
 * (scripts/bench/hostile-files.ts) records the API process's peak memory for each.
 * Every one names a registry school (SCH01 of the test registry by default), so that only the
 * hostile part can be what refuses it.
 */
import { createDeflateRaw } from 'node:zlib';
import {
  buildZip,
  handWrittenWorkbook,
  sharedStringsXml,
  type FixtureEntry,
  type FixtureSheet,
} from '../../libs/workbook/src/reader/test-fixtures';

export interface HostileWorkbook {
  name: string;
  /** What the file does to a reader that is not careful. */
  attack: string;
  build(): Promise<Buffer>;
  /** A parse budget the case needs to show itself within a test's time (the defaults otherwise). */
  budget?: { memoryMiB?: number; timeoutMs?: number };
  /** How the Russian message that refuses it reads. */
  message: RegExp;
  /**
   * How the file fares: refused whole (the default); its `Выпускники` sheet rejected with
   * `message` at its cells while the title is stored; or accepted, the contract ignoring what is
   * harmless, with one warning matching `message`.
   */
  outcome?: 'refused' | 'sheet-rejected' | 'accepted';
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const GRADUATE_HEADERS = ['Код выпускника', 'Класс', 'Направление', 'Осознанный выбор'];

const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;

/** `0 → A`, `16383 → XFD`. */
function letters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function row(r: number, cells: string[]): string {
  return `<row r="${r}">${cells.join('')}</row>`;
}

/** The school's `Титул`: SCH01, 2023/2024, no website section. */
export function titleSheet(code = 'SCH01', period = '2023/2024'): FixtureSheet {
  const items: [string, string][] = [
    ['Показатель', 'Значение'],
    ['Код организации', code],
    ['Учебный год', period],
    ['Раздел о профессиональном самоопределении на сайте', 'Нет'],
  ];
  return {
    name: 'Титул',
    rows: items.map(([a, b], i) => row(i + 1, [inline(`A${i + 1}`, a), inline(`B${i + 1}`, b)])).join(''),
  };
}

/** A `Выпускники` header row, then `count` valid graduates (9th grade, on to 10th). */
function graduateRows(count: number, extraCells: (r: number) => string[] = () => []): string {
  const parts = [
    row(
      1,
      GRADUATE_HEADERS.map((h, i) => inline(`${letters(i)}1`, h)),
    ),
  ];
  for (let r = 2; r <= count + 1; r++) {
    parts.push(
      row(r, [
        inline(`A${r}`, `В-${r}`),
        number(`B${r}`, 9),
        inline(`C${r}`, '10 класс'),
        inline(`D${r}`, 'Да'),
        ...extraCells(r),
      ]),
    );
  }
  return parts.join('');
}

/** `text` repeated `times` times, deflated as a stream: big inside, small outside. */
async function deflateRepeated(
  head: string,
  text: string,
  times: number,
  tail: string,
): Promise<{ deflated: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const block = Buffer.from(text.repeat(Math.max(1, Math.floor(65_536 / text.length))));
  const perBlock = block.length / Buffer.byteLength(text);
  let size = 0;
  const write = (buffer: Buffer) =>
    new Promise<void>((resolve) => {
      size += buffer.length;
      if (deflate.write(buffer)) resolve();
      else deflate.once('drain', () => resolve());
    });
  await write(Buffer.from(head));
  let left = times;
  while (left >= perBlock) {
    await write(block);
    left -= perBlock;
  }
  if (left > 0) await write(Buffer.from(text.repeat(left)));
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { deflated: Buffer.concat(out), size };
}

const workbook = (sheets: FixtureSheet[], options?: Parameters<typeof handWrittenWorkbook>[1]) =>
  buildZip(handWrittenWorkbook(sheets, options));

/** A SCH01 workbook whose `Выпускники` part (with `rows`) is changed by `change`. */
function withGraduatesPart(rows: string, change: (entry: FixtureEntry) => FixtureEntry): Buffer {
  const entries = handWrittenWorkbook([titleSheet(), { name: 'Выпускники', rows }]);
  return buildZip(
    entries.map((entry) => (entry.name === 'xl/worksheets/sheet2.xml' ? change(entry) : entry)),
  );
}

/** The graduates part with a DOCTYPE before its root, and `reference` instead of a graduate's code. */
const withDoctype = (doctype: string, reference: string) =>
  withGraduatesPart(graduateRows(1).replace('В-2', reference), (entry) => ({
    ...entry,
    data: String(entry.data).replace('<worksheet', `<!DOCTYPE worksheet [${doctype}]><worksheet`),
  }));

/** 256 MB of spaces in the graduates part, deflated to ≈250 KB; its header says `declaredSize` (or the truth). */
async function spacesBomb(declaredSize?: number): Promise<Buffer> {
  const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>`;
  const { deflated, size } = await deflateRepeated(head, ' ', 256 * 1024 * 1024, '</sheetData></worksheet>');
  return withGraduatesPart('', (entry) => ({ ...entry, deflated, declaredSize: declaredSize ?? size }));
}

export const HOSTILE_WORKBOOKS: HostileWorkbook[] = [
  {
    name: 'shared-strings bomb',
    attack: '16 million empty rich-text runs in one shared string (≈176 MB of XML in a ≈400 KB file)',
    async build() {
      const { deflated, size } = await deflateRepeated(
        `<sst xmlns="${MAIN_NS}"><si>`,
        '<r><t/></r>',
        16_000_000,
        '</si></sst>',
      );
      return workbook(
        [titleSheet(), { name: 'Выпускники', rows: graduateRows(1, () => [shared('E2', 0)]) }],
        {
          sharedStrings: { data: Buffer.alloc(0), deflated, declaredSize: size },
        },
      );
    },
    message: /больше 2\s000\s000 различных текстов/,
  },
  {
    name: 'long-string amplifier',
    attack: 'one 32,767-character text used by 2,000 rows (≈58 KB file, ≈130 MB if stored)',
    async build() {
      const long = 'Я'.repeat(32_767);
      const rows = graduateRows(2000, (r) => [shared(`E${r}`, 0)]).replace(
        row(
          1,
          GRADUATE_HEADERS.map((h, i) => inline(`${letters(i)}1`, h)),
        ),
        row(
          1,
          [...GRADUATE_HEADERS, 'Организация'].map((h, i) => inline(`${letters(i)}1`, h)),
        ),
      );
      return workbook([titleSheet(), { name: 'Выпускники', rows }], {
        sharedStrings: sharedStringsXml([long]),
      });
    },
    message: /1\s?000/,
    outcome: 'sheet-rejected',
  },
  {
    name: '16,384 columns',
    attack: 'a header in every column Excel has, and values under them',
    async build() {
      const header = [
        ...GRADUATE_HEADERS,
        ...Array.from({ length: 16_384 - GRADUATE_HEADERS.length }, (_, i) => `Столбец ${i + 1}`),
      ];
      const data = (r: number) => [
        inline(`A${r}`, `В-${r}`),
        number(`B${r}`, 9),
        inline(`C${r}`, '10 класс'),
        inline(`D${r}`, 'Да'),
        ...Array.from({ length: 16_384 - 4 }, (_, i) => number(`${letters(i + 4)}${r}`, i)),
      ];
      const rows = [
        row(
          1,
          header.map((h, i) => inline(`${letters(i)}1`, h)),
        ),
        row(2, data(2)),
        row(3, data(3)),
      ].join('');
      return workbook([titleSheet(), { name: 'Выпускники', rows }]);
    },
    message: /не относ/,
    outcome: 'accepted',
  },
  {
    name: 'XML entity expansion',
    attack: 'a billion-laughs DOCTYPE in the sheet part',
    async build() {
      const levels = Array.from({ length: 10 }, (_, i) =>
        i === 0 ? '<!ENTITY l0 "ха-ха">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
      ).join('');
      return withDoctype(levels, '&l9;');
    },
    message: /повреждён/,
  },
  {
    name: 'XML external entity',
    attack: 'an entity that names /etc/passwd',
    async build() {
      return withDoctype('<!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;');
    },
    message: /повреждён/,
  },
  {
    name: 'zip slip names',
    attack: 'parts named ../../../tmp/evil and /etc/cron.d/evil beside a valid workbook',
    async build() {
      const entries: FixtureEntry[] = [
        ...handWrittenWorkbook([titleSheet(), { name: 'Выпускники', rows: graduateRows(1) }]),
        { name: '../../../tmp/profmonitor-evil.txt', data: 'evil' },
        { name: '/etc/cron.d/profmonitor-evil', data: 'evil' },
      ];
      return buildZip(entries);
    },
    message: /повреждён/,
  },
  {
    name: 'thousands of entries',
    attack: '5,000 tiny parts',
    async build() {
      const entries: FixtureEntry[] = [
        ...handWrittenWorkbook([titleSheet(), { name: 'Выпускники', rows: graduateRows(1) }]),
        ...Array.from({ length: 5000 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x' })),
      ];
      return buildZip(entries);
    },
    message: /слишком много внутренних частей/,
  },
  {
    name: 'honest decompression bomb',
    attack: 'a sheet part that says, truly, it unpacks to 256 MB (≈250 KB file)',
    async build() {
      return spacesBomb();
    },
    message: /слишком велика после распаковки/,
  },
  {
    name: 'lying decompression bomb',
    attack: 'a sheet part that says it unpacks to 200 bytes and unpacks to 256 MB',
    async build() {
      return spacesBomb(200);
    },
    message: /повреждён|слишком велика/,
  },
  {
    name: 'over the time budget',
    attack: '60,000 valid rows, parsed under a 300 ms budget',
    budget: { timeoutMs: 300 },
    async build() {
      return workbook([titleSheet(), { name: 'Выпускники', rows: graduateRows(60_000) }]);
    },
    message: /не удалось прочитать за 0,3 с/,
  },
  {
    name: 'over the memory budget',
    attack: '1.5 million distinct texts (within the limits), parsed under a 48 MiB heap',
    budget: { memoryMiB: 48 },
    async build() {
      const { deflated, size } = await deflateRepeated(
        `<sst xmlns="${MAIN_NS}">`,
        '<si><t>Текст номер N</t></si>',
        1_500_000,
        '</sst>',
      );
      return workbook([titleSheet(), { name: 'Выпускники', rows: graduateRows(1) }], {
        sharedStrings: { data: Buffer.alloc(0), deflated, declaredSize: size },
      });
    },
    message: /больше 48 МБ памяти/,
  },
];
