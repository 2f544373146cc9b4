import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPercent, type DemandView, type DestinationLinkView } from '@profmonitor/domain';
import { binary } from './support/binary';
import { documentLinesOf, readDocx } from './support/docx';
import { startDemo, type DemoApp } from './support/demo-app';
import { HttpTestContext } from './support/http-context';
import { grad, school } from './support/indicator-workbooks';
import { pageText, printToPdf, screenshots } from './support/libreoffice';
import { colourCount, decodePng } from './support/png';
import { writeXlsx } from './support/xlsx';

jest.setTimeout(240_000);

const PERIOD = '2024/2025';
const NBSP = '\u00a0';
/** EMU per CSS pixel (96 per inch): what a .docx measures a picture's extent in. */
const EMU_PER_PIXEL = 9525;
/** The PNGs' pixels per CSS pixel (chart-images.ts PRINT_SCALE): 288 dpi. */
const PRINT_SCALE = 3;

/** A count as the report prints it: Russian grouping with a no-break space. */
const count = (n: number) => new Intl.NumberFormat('ru-RU').format(n);
/** A share as the report prints it: «41,7 %» with a no-break space. */
const share = (value: number | null) => formatPercent(value).replace(' %', `${NBSP}%`);
/** A gap as the report prints it: «+19,0 п.п.», «−26,5 п.п.». */
const points = (gap: number) => {
  const text = Math.abs(gap * 100)
    .toFixed(1)
    .replace('.', ',');
  return `${Number(text.replace(',', '.')) === 0 ? '' : gap > 0 ? '+' : '−'}${text}${NBSP}п.п.`;
};

/** A downloaded .docx, written to `path` and read. */
async function readReport(file: Buffer, path: string) {
  writeFileSync(path, file);
  return readDocx(path);
}

/** The rows of the first table after a heading: its header row and the rows up to «Всего». */
function tableAfter(lines: string[], heading: string): string[][] {
  const from = lines.indexOf(heading);
  expect(from).toBeGreaterThanOrEqual(0);
  const header = lines.findIndex((line, i) => i > from && line.includes(' | '));
  const end = lines.findIndex((line, i) => i > header && line.startsWith('Всего | '));
  return lines.slice(header, end + 1).map((line) => line.split(' | '));
}

/**
 * The analytic report's charts and its sections on graduates and labor demand (issue 15), on
 * the demo municipality loaded by the CLI's own `demo` command: at least five charts as PNG
 * pictures placed with captions, the destinations and demand tables against GET
 * /api/destinations and GET /api/demand of the same period and level, and the report printed
 * by LibreOffice with screenshots in test-output/annual-report/.
 */
describe('GET /api/annual-report: charts, destinations and labor demand', () => {
  let demo: DemoApp;
  let file: Buffer;
  let report: Awaited<ReturnType<typeof readReport>>;
  let destinations: DestinationLinkView[];
  let demand: DemandView;

  beforeAll(async () => {
    demo = await startDemo('profmonitor-report-charts-');
    const committee = await demo.http.signIn('committee');
    const response = await committee
      .get('/api/annual-report')
      .query({ period: PERIOD })
      .buffer(true)
      .parse(binary)
      .expect(200);
    file = response.body as Buffer;
    report = await readReport(file, join(demo.dir, 'report.docx'));
    destinations = (await committee.get('/api/destinations').query({ period: PERIOD }).expect(200)).body;
    demand = (await committee.get('/api/demand').query({ period: PERIOD }).expect(200)).body;
  });
  afterAll(() => demo?.stop());

  it('holds at least five charts: PNGs of the size placed, not blank, each captioned «Рисунок N. …» in order', () => {
    const drawings = [...report.xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map(([drawing]) => ({
      extent: /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(drawing)!.slice(1).map(Number),
      embed: /r:embed="([^"]+)"/.exec(drawing)![1],
    }));
    expect(drawings.length).toBeGreaterThanOrEqual(5);
    expect(report.media.size).toBe(drawings.length);
    for (const { extent, embed } of drawings) {
      const name = report.rels.get(embed)!;
      expect(name).toMatch(/^word\/media\/.+\.png$/);
      const png = decodePng(report.media.get(name)!);
      // Drawn 640 CSS pixels wide at three times that, placed across the 17 cm of text (a
      // chart taller than a page shrunk to fit it), its proportions kept.
      const [width, height] = extent.map((emu) => emu / EMU_PER_PIXEL);
      expect(png.width).toBe(640 * PRINT_SCALE);
      expect(width).toBeLessThanOrEqual(640);
      expect(height).toBeLessThanOrEqual(860);
      expect(Math.abs(png.height / png.width - height / width)).toBeLessThan(0.01);
      expect(colourCount(png)).toBeGreaterThan(50);
    }
    // Each picture's paragraph is followed by its caption, numbered through the document.
    const captions = report.lines.filter((line) => /^Рисунок \d+\. /.test(line));
    expect(captions.map((line) => Number(/^Рисунок (\d+)\./.exec(line)![1]))).toEqual(
      drawings.map((_, i) => i + 1),
    );
    const paragraphs = [...report.xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p);
    paragraphs.forEach((paragraph, i) => {
      if (paragraph.includes('<w:drawing>'))
        expect(documentLinesOf(paragraphs[i + 1])[0]).toMatch(/^Рисунок \d+\. /);
    });
    for (const caption of [
      /^Рисунок \d+\. Охват обучающихся 8–11 классов .*: организации за 2024\/2025; пунктир — цель ≥ 80 %$/,
      /^Рисунок \d+\. Охват обучающихся 8–11 классов .*: Северозаводский городской округ по годам/,
      /^Рисунок \d+\. Охват обучающихся 8–11 классов .*: организации по годам/,
      /^Рисунок \d+\. Куда пошли выпускники 2024\/2025: класс → направление → территория$/,
      /^Рисунок \d+\. Расхождение доли выпускников и доли вакансий по областям/,
    ])
      expect(captions.filter((line) => caption.test(line.replace(/\u00a0/g, ' ')))).toHaveLength(1);
  });

  it('«Куда пошли выпускники»: each class’s graduates by destination, counts and shares as GET /api/destinations gives them', () => {
    const table = tableAfter(report.lines, '6. Куда пошли выпускники');
    // The classes in the order the destinations page shows them: by grade, the college last.
    const classes = ['Выпускники 9 классов', 'Выпускники 11 классов', 'Выпускники колледжа (СПО)'].filter(
      (c) => destinations.some((l) => l.source === c),
    );
    expect(classes.length).toBeGreaterThanOrEqual(2);
    const [header, ...rows] = table;
    expect(header).toEqual([
      'Направление',
      ...classes.flatMap((c) => [c.replace('Выпускники ', ''), 'Доля']),
    ]);
    const totals = classes.map((c) =>
      destinations.filter((l) => l.source === c).reduce((sum, l) => sum + l.value, 0),
    );
    const targets = [...new Set(destinations.filter((l) => classes.includes(l.source)).map((l) => l.target))];
    const expected = targets.map((target) => [
      target,
      ...classes.flatMap((c, i) => {
        const n = destinations.find((l) => l.source === c && l.target === target)?.value ?? 0;
        return [count(n), share(n / totals[i])];
      }),
    ]);
    expect(rows.slice(0, -1).sort()).toEqual(expected.sort());
    expect(rows.at(-1)).toEqual(['Всего', ...totals.flatMap((t) => [count(t), `100,0${NBSP}%`])]);
    // The text says the same: «Выпускники 9 классов — 463 человека: …».
    for (const [i, c] of classes.entries())
      expect(report.lines.some((line) => line.startsWith(`${c} — ${count(totals[i])}${NBSP}человек`))).toBe(
        true,
      );
    const inCity = destinations.filter((l) => l.target === 'Город').reduce((sum, l) => sum + l.value, 0);
    const withTerritory = destinations
      .filter((l) => ['Город', 'Регион', 'Другой регион'].includes(l.target))
      .reduce((sum, l) => sum + l.value, 0);
    expect(report.lines).toContain(
      `Из продолжающих обучение или работающих с известной территорией остались в городе ${count(inCity)} (${share(inCity / withTerritory)}).`,
    );
  });

  it('«Потребность рынка труда и выбор выпускников»: every area’s graduates, vacancies, shares and gap as GET /api/demand gives them', () => {
    expect(demand.vacancies).not.toBeNull();
    const [header, ...rows] = tableAfter(report.lines, '7. Потребность рынка труда и выбор выпускников');
    expect(header).toEqual(['Область', 'Выпускники', 'Доля', 'Вакансии', 'Доля', 'Расхождение']);
    expect(rows.slice(0, -1)).toEqual(
      demand.areas.map((area) => [
        area.inDemand ? `${area.name} ★` : area.name,
        count(area.graduates),
        share(area.graduatesShare),
        area.vacancies === null ? '—' : count(area.vacancies),
        share(area.vacanciesShare),
        area.gap === null ? '—' : points(area.gap),
      ]),
    );
    expect(rows.at(-1)).toEqual([
      'Всего',
      count(demand.graduates),
      `100,0${NBSP}%`,
      count(demand.vacancies!),
      `100,0${NBSP}%`,
      '—',
    ]);
    const text = report.lines.join('\n');
    expect(text).toContain(
      `Индекс несоответствия выбора выпускников потребности рынка труда составил ${demand.mismatch!.toFixed(2).replace('.', ',')}`,
    );
    expect(text).toContain(`«${demand.surplus!.name}» (${points(demand.surplus!.gap!)})`);
    expect(text).toContain(`«${demand.deficit!.name}» (${points(demand.deficit!.gap!)})`);
  });

  it('printed by LibreOffice: a sane number of A4 portrait pages, the charts in it; screenshots in test-output/annual-report/', () => {
    const printed = printToPdf(file, 'analiticheskaya-spravka.docx', demo.dir);
    if (!printed) return;
    // Title, summary, a table per indicator, completeness, timeliness, the charts, the two
    // sections and the management cycle: more than ten pages, far fewer than a broken layout.
    expect(printed.pages).toBeGreaterThan(10);
    expect(printed.pages).toBeLessThan(40);
    for (const [width, height] of printed.boxes) expect(height).toBeGreaterThan(width);
    const texts = Array.from({ length: printed.pages }, (_, i) => pageText(printed.path, i + 1));
    if (texts[0] === null) return;
    const withFigures = texts.flatMap((text, i) => (/Рисунок \d+\./.test(text!) ? [i + 1] : []));
    expect(withFigures.length).toBeGreaterThanOrEqual(3);
    expect(texts.join(' ')).toContain('Потребность рынка труда и выбор выпускников');
    // The title page and every page with a chart.
    const shots = screenshots(printed.path, 'annual-report', { pages: [1, ...withFigures] });
    if (shots) expect(shots.length).toBe(1 + withFigures.length);
  });
});

/**
 * A region of two municipalities without labor demand: the demand section says so in a sentence
 * instead of an empty table and draws no gap chart; the region's charts compare its
 * municipalities, as the dashboard's region page does, a municipality's its organizations.
 *
 * Зима    S01: 9 → 10 класс, 9 → СПО (Город), 11 → ВУЗ (Регион)
 * Саянск  S02: 9 → 10 класс
 */
describe('GET /api/annual-report of a region without labor demand', () => {
  const ctx = new HttpTestContext();
  let region: Awaited<ReturnType<HttpTestContext['signIn']>>;
  let downloads = 0;
  const linesOf = async (query: Record<string, string>) => {
    const response = await region
      .get('/api/annual-report')
      .query(query)
      .buffer(true)
      .parse(binary)
      .expect(200);
    return (await readReport(response.body as Buffer, ctx.path(`report-${++downloads}.docx`))).lines;
  };
  let lines: string[];

  beforeAll(async () => {
    await ctx.start();
    await ctx.loadRegistry([
      ['S01', 'Школа № 1 (Зима)', 'Школа', 'Зима', null, null],
      ['S02', 'Школа № 2 (Саянск)', 'Школа', 'Саянск', null, null],
    ]);
    region = await ctx.signIn('region');
    const upload = async (code: string, graduates: ReturnType<typeof grad>[]) => {
      const path = ctx.path(`${code}.xlsx`);
      await writeXlsx(
        path,
        school({ code, period: PERIOD, website: true, graduates, coverage: [[9, 20, 15, 2]] }),
      );
      await region.post('/api/uploads').attach('file', path).expect(201);
    };
    await upload('S01', [
      grad('9', '10 класс'),
      grad('9', 'СПО', 'Город', '06'),
      grad('11', 'ВУЗ', 'Регион', '06'),
    ]);
    await upload('S02', [grad('9', '10 класс')]);
    const demand: DemandView = (await region.get('/api/demand').query({ period: PERIOD }).expect(200)).body;
    expect(demand.vacancies).toBeNull();
    lines = await linesOf({ period: PERIOD });
  });
  afterAll(() => ctx.stop());

  it('says that no labor demand is uploaded for the period, with no table and no gap chart', () => {
    const from = lines.indexOf('7. Потребность рынка труда и выбор выпускников');
    expect(lines[from + 1]).toBe(
      'Сведения о потребности рынка труда (вакансиях) за 2024/2025 не загружены: выбор выпускников с потребностью не сравнивается.',
    );
    expect(lines[from + 2]).not.toContain(' | ');
    expect(lines.some((line) => line.startsWith('Рисунок') && line.includes('Расхождение'))).toBe(false);
  });

  it('shows the region’s graduates by class and destination, as GET /api/destinations gives them', async () => {
    const links: DestinationLinkView[] = (
      await region.get('/api/destinations').query({ period: PERIOD }).expect(200)
    ).body;
    expect(links).toContainEqual({ source: 'Выпускники 9 классов', target: '10 класс', value: 2 });
    const table = tableAfter(lines, '6. Куда пошли выпускники');
    expect(table[0]).toEqual(['Направление', '9 классов', 'Доля', '11 классов', 'Доля']);
    expect(table).toContainEqual(['10 класс', '2', `66,7${NBSP}%`, '0', `0,0${NBSP}%`]);
    expect(table).toContainEqual(['СПО', '1', `33,3${NBSP}%`, '0', `0,0${NBSP}%`]);
    expect(table).toContainEqual(['ВУЗ', '0', `0,0${NBSP}%`, '1', `100,0${NBSP}%`]);
    expect(table.at(-1)).toEqual(['Всего', '3', `100,0${NBSP}%`, '1', `100,0${NBSP}%`]);
  });

  it('compares the region’s municipalities in its charts, a municipality’s organizations in its own', async () => {
    const captions = (report: string[]) => report.filter((line) => /^Рисунок \d+\. Охват/.test(line));
    expect(captions(lines).some((line) => line.includes(`: муниципалитеты за ${PERIOD}`))).toBe(true);
    expect(captions(lines).some((line) => line.includes(': организации'))).toBe(false);
    const zima = await linesOf({ period: PERIOD, municipality: 'Зима' });
    expect(captions(zima).some((line) => line.includes(`: организации за ${PERIOD}`))).toBe(true);
    expect(captions(zima).some((line) => line.includes(': Зима по годам'))).toBe(true);
  });
});
