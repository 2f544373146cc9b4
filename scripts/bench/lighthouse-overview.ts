/**
 * Benchmark: the committee's first view, the overview, as Lighthouse sees it on a phone
 * (Lighthouse's default mobile profile: a mid-range phone, simulated slow 4G and CPU), and the
 * JavaScript it downloads before it can draw.
 *
 *   node -r ./scripts/register.js scripts/bench/lighthouse-overview.ts            # build, serve, Lighthouse
 *   node -r ./scripts/register.js scripts/bench/lighthouse-overview.ts --no-docs  # print only
 *   node -r ./scripts/register.js scripts/bench/lighthouse-overview.ts --report lhr.json  # also save the report
 *   node -r ./scripts/register.js scripts/bench/lighthouse-overview.ts --budget   # initial JS only (npm test)
 *
 * The full run builds the web app into apps/web/dist (as `npm start` does), starts the demo
 * server on loopback (a fresh SQLite file with the demo municipality), signs in as the
 * committee, runs Lighthouse on /overview with the session cookie, prints the scores and
 * rewrites the `lighthouse-overview` section of docs/benchmarks.md. It exits non-zero when a
 * target is missed. `--budget` builds into a temp folder and checks only the initial JS, from
 * Vite's build manifest: no browser, a few seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDemoServer } from '../../apps/web-e2e/src/support/demo-server';
import { runContext, table, updateDocsSection } from '../support/bench-report';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
const COMMAND = 'node -r ./scripts/register.js scripts/bench/lighthouse-overview.ts';
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The overview's page module: the chunk the router loads for /overview. */
const OVERVIEW_MODULE = 'src/features/overview/components/OverviewPage.tsx';
/** ECharts with its modules: must not be in the overview's first download. */
const ECHARTS_MODULE = 'src/components/echart/echarts-runtime.ts';

/** The targets of the issue. */
const TARGETS = { performance: 90, accessibility: 100, cls: 0.1, initialJsKb: 250 };

const COMMITTEE = { login: 'komitet', password: 'komitet-demo' };

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface InitialJs {
  /** The JS files the overview needs before it can render: the entry, the route and their static imports. */
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  /** True when ECharts is among them. */
  echarts: boolean;
}

function buildWeb(outDir: string): void {
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: WEB,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
}

/**
 * The overview's initial JavaScript, from Vite's manifest: the entry chunk (index.html) and the
 * overview's route chunk, with every chunk they import statically, each counted once. Dynamic
 * imports (other routes, ECharts) are left out: they load later, if at all.
 */
export function initialJs(distDir: string): InitialJs {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  if (!manifest[OVERVIEW_MODULE]) throw new Error(`the build manifest has no chunk for ${OVERVIEW_MODULE}`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(entry);
  visit(OVERVIEW_MODULE);
  const files = [...seen]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(distDir, file))).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const echartsFile = manifest[ECHARTS_MODULE]?.file;
  const echarts =
    seen.has(ECHARTS_MODULE) ||
    [...seen].some((key) => manifest[key].name === 'echarts' || manifest[key].file === echartsFile);
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), echarts };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function budgetProblems(js: InitialJs): string[] {
  const problems: string[] = [];
  if (js.gzipBytes > TARGETS.initialJsKb * 1024)
    problems.push(`initial JS ${kb(js.gzipBytes)} gzip > ${TARGETS.initialJsKb} KB`);
  if (js.echarts) problems.push('ECharts is in the overview’s initial JS');
  return problems;
}

function jsTable(js: InitialJs): string {
  return table(
    ['File', 'gzip'],
    [
      ...js.files.map((f) => [`\`${f.file.replace(/-[\w-]{8}\.js$/, '.js')}\``, kb(f.gzipBytes)]),
      ['**total**', `**${kb(js.gzipBytes)}**`],
    ],
  );
}

/** Signs in through the API and returns the `Cookie` header of the session. */
async function sessionCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(COMMITTEE),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  if (cookies.length === 0) throw new Error('sign-in set no cookie');
  return cookies.join('; ');
}

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  /** Accessibility audits that failed: id and title. */
  failedA11y: string[];
}

async function runLighthouse(url: string, cookie: string, reportPath?: string): Promise<LighthouseFigures> {
  const lighthouse = (await import('lighthouse')).default;
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // Lighthouse's defaults: mobile form factor and simulated throttling.
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie },
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    if (reportPath) writeFileSync(reportPath, JSON.stringify(result.lhr, null, 2));
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    const failedA11y = (categories.accessibility.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
      .map((ref) => `${ref.id}: ${audits[ref.id].title}`);
    return {
      performance: Math.round((categories.performance.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
      lcpMs: numeric('largest-contentful-paint'),
      cls: numeric('cumulative-layout-shift'),
      tbtMs: numeric('total-blocking-time'),
      fcpMs: numeric('first-contentful-paint'),
      failedA11y,
    };
  } finally {
    chrome.kill();
  }
}

async function budgetOnly(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'profmonitor-web-'));
  try {
    buildWeb(outDir);
    const js = initialJs(outDir);
    const problems = budgetProblems(js);
    console.log(
      `Overview initial JS: ${kb(js.gzipBytes)} gzip in ${js.files.length} files (budget ${TARGETS.initialJsKb} KB), ECharts ${js.echarts ? 'included' : 'not included'}`,
    );
    if (problems.length > 0) {
      console.error(`FAILED: ${problems.join('; ')}\n${jsTable(js)}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function fullRun(writeDocs: boolean, reportPath?: string): Promise<void> {
  if (!existsSync(CHROME))
    throw new Error(`no Chromium at ${CHROME}: apt-get install chromium, or set CHROME_PATH`);
  const dist = join(WEB, 'dist');
  buildWeb(dist);
  const js = initialJs(dist);
  const server = await startDemoServer();
  let figures: LighthouseFigures;
  try {
    figures = await runLighthouse(`${server.url}/overview`, await sessionCookie(server.url), reportPath);
  } finally {
    await server.stop();
  }
  const problems = budgetProblems(js);
  if (figures.performance < TARGETS.performance)
    problems.push(`performance ${figures.performance} < ${TARGETS.performance}`);
  if (figures.accessibility < TARGETS.accessibility)
    problems.push(
      `accessibility ${figures.accessibility} < ${TARGETS.accessibility}: ${figures.failedA11y.join('; ')}`,
    );
  if (!(figures.cls < TARGETS.cls)) problems.push(`CLS ${figures.cls.toFixed(3)} ≥ ${TARGETS.cls}`);

  const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
  const markdown = [
    runContext(['lighthouse', 'vite', 'echarts'], COMMAND),
    `- Browser: ${spawnSync(CHROME, ['--version'], { encoding: 'utf8' }).stdout.trim()}, headless`,
    '',
    table(
      ['Performance', 'Accessibility', 'FCP', 'LCP', 'CLS', 'TBT', 'Initial JS (gzip)'],
      [
        [
          String(figures.performance),
          String(figures.accessibility),
          seconds(figures.fcpMs),
          seconds(figures.lcpMs),
          figures.cls.toFixed(3).replace('.', ','),
          `${Math.round(figures.tbtMs)} ms`,
          kb(js.gzipBytes),
        ],
      ],
    ),
    '',
    'The initial JS, file by file:',
    '',
    jsTable(js),
  ].join('\n');
  console.log(markdown);
  if (problems.length > 0) {
    console.error(`\nFAILED: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
  if (writeDocs) await updateDocsSection('lighthouse-overview', markdown);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const report = args.indexOf('--report');
  if (args.includes('--budget')) await budgetOnly();
  else await fullRun(!args.includes('--no-docs'), report >= 0 ? resolve(args[report + 1]) : undefined);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
