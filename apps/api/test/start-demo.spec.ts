import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(120_000);

const withoutForceColor = ({ FORCE_COLOR: _, ...env }: NodeJS.ProcessEnv) => env;

/** The repository root: `npm start` runs scripts/start-demo.js from there. */
const ROOT = resolve(__dirname, '../../..');

/**
 * What a person sees after `npm start`: the demo accounts and the address, last, with no wall
 * of Nest's module and route lines above them; Ctrl+C (SIGINT) stops the demo.
 */
it('npm start ends its output with the demo accounts and the address, and stops on Ctrl+C', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-start-'));
  const demo = spawn(process.execPath, ['scripts/start-demo.js'], {
    cwd: ROOT,
    env: {
      // Without FORCE_COLOR (Nx sets it), which would make Node warn that NO_COLOR is ignored.
      ...withoutForceColor(process.env),
      DATABASE_URL: `sqlite:${join(dir, 'demo.sqlite')}`,
      // Any free port: the line it prints names the one it got.
      PORT: '0',
      UPLOAD_DIR: join(dir, 'uploads'),
      ARCHIVE_DIR: join(dir, 'archive'),
      WEB_DIST: join(dir, 'no-web-app'),
      // A terminal's colours must not be needed to read the lines (the test reads plain text).
      NO_COLOR: '1',
    },
    stdio: 'pipe',
    // Its own process group, so that a failed test can end the server it started too.
    detached: true,
  });
  let output = '';
  demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => demo.once('exit', (code) => done(code)));
  try {
    const deadline = Date.now() + 100_000;
    let port: string | undefined;
    while (!(port = /http:\/\/localhost:(\d+)\//.exec(output)?.[1])) {
      if (Date.now() > deadline || demo.exitCode !== null)
        throw new Error(`the demo did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Anything the server would print right after listening has had its chance.
    await new Promise((r) => setTimeout(r, 500));
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).ok).toBe(true);

    const lines = output.trimEnd().split('\n');
    expect(output).not.toMatch(
      /Mapped \{|RoutesResolver|InstanceLoader|Nest application successfully started/,
    );
    // Above the accounts, only what the demo loaded (a failure shows every line printed).
    expect(lines.slice(0, -5)).toEqual(['Демо-данные: реестр и 36 из 36 отчётов загружены.']);
    expect(lines.slice(-5)).toEqual([
      'Демо-входы (логин / пароль):',
      expect.stringMatching(/^\s+комитет\s+komitet \/ komitet-demo$/),
      expect.stringMatching(/^\s+школа SCH01\s+sch01 \/ sch01-demo$/),
      expect.stringMatching(/^\s+центр занятости\s+czn \/ czn-demo$/),
      `ПрофМонитор работает: http://localhost:${port}/ (API: /api, документация: /api/docs). Остановить: Ctrl+C.`,
    ]);

    demo.kill('SIGINT');
    await expect(exited).resolves.toBe(0);
  } finally {
    if (demo.exitCode === null) process.kill(-demo.pid!, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
