import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');
const WEB_DIST = join(ROOT, 'apps/web/dist');

export interface DemoServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Runs the CLI on the server's database; its output, or an error with what it printed. */
export type Cli = (...args: string[]) => string;

/**
 * The app as `npm start` runs it, on loopback: a fresh SQLite file in a temp folder with the
 * demo municipality loaded by the CLI, then the API serving the built web app. `prepare` runs
 * between the two, with the CLI on the same database (another municipality, more accounts).
 */
export async function startDemoServer({
  prepare,
}: { prepare?: (cli: Cli) => Promise<void> } = {}): Promise<DemoServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(
      'Нет собранного веб-приложения: выполните `npx nx run web:build` (npm test делает это сам).',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'demo.sqlite')}`,
    PORT: String(port),
    WEB_DIST,
    // The server empties its upload folder at start: one of its own, beside its database.
    UPLOAD_DIR: join(dir, 'uploads'),
  };
  const node = (entry: string, ...args: string[]) =>
    [process.execPath, ['-r', './scripts/register.js', entry, ...args]] as const;

  const demo = spawnSync(...node('apps/api/src/cli/main.ts', 'demo'), { cwd: ROOT, env, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo data not loaded: ${demo.stderr}`);
  await prepare?.((...args) => {
    const run = spawnSync(...node('apps/api/src/cli/main.ts', ...args), { cwd: ROOT, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}${run.stdout}`);
    return run.stdout;
  });

  const api: ChildProcess = spawn(...node('apps/api/src/main.ts'), { cwd: ROOT, env, stdio: 'pipe' });
  let log = '';
  api.stdout?.on('data', (chunk) => (log += chunk));
  api.stderr?.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || api.exitCode !== null) throw new Error(`API did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      api.kill('SIGTERM');
      await new Promise((r) => (api.exitCode !== null ? r(null) : api.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
