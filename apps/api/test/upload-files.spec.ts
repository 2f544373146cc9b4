import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { UploadFolder } from '../src/common/upload-folder';
import { WorkbookIntake } from '../src/common/workbook-intake';
import { ImportService } from '../src/reports/import/import.service';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { TestContext } from './support/test-context';
import { writeXlsx, type SheetsData } from './support/xlsx';

/**
 * Uploaded files on disk (POST /api/uploads, POST /api/registry over real HTTP): they wait in a
 * private folder (0700, files 0600), are gone after every outcome, are never removed while
 * their request still needs them, and are stored under a cleaned name.
 */
jest.setTimeout(30_000);

const ctx = new HttpTestContext();
let school: Awaited<ReturnType<HttpTestContext['signIn']>>;
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
let variant = 0;

const folder = () => ctx.app.get(UploadFolder).path;
const files = () => readdirSync(folder()).sort();
const mode = (path: string) => statSync(path).mode & 0o777;

/** A valid SCH01 report that differs from every earlier one. */
function report(code = 'SCH01'): SheetsData {
  const rows = title(code);
  rows.push(['Контакты', `тел. ${++variant}`]);
  return schoolWorkbook({ Титул: rows });
}

async function file(sheets: SheetsData = report()): Promise<string> {
  const path = ctx.path(`upload-${++variant}.xlsx`);
  await writeXlsx(path, sheets);
  return path;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** Holds the import queue until the returned function is called (at the latest after the test). */
let releaseImports: (() => Promise<void>) | undefined;
function holdImports(): () => Promise<void> {
  let open!: () => void;
  const held = ctx.app.get(WorkbookIntake).run(() => new Promise<void>((resolve) => (open = resolve)));
  releaseImports = () => {
    open();
    return held;
  };
  return releaseImports;
}

beforeAll(async () => {
  // What an earlier server left: a folder others could read, a half-received file, a folder.
  const uploads = join(ctx.dir, 'uploads');
  mkdirSync(uploads);
  chmodSync(uploads, 0o755);
  writeFileSync(join(uploads, '3f1c0d9a-left-by-a-crash'), 'half an upload');
  mkdirSync(join(uploads, 'a-folder-too'));
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  school = await ctx.signIn('school', 'SCH01');
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());
afterEach(async () => {
  jest.restoreAllMocks();
  // A failed test must not leave the queue held for the next ones.
  await releaseImports?.();
  releaseImports = undefined;
});

describe('the upload folder', () => {
  it('is UPLOAD_DIR, made private (0700) and emptied of what an earlier process left, at start', () => {
    expect(folder()).toBe(join(ctx.dir, 'uploads'));
    expect(mode(folder())).toBe(0o700);
    expect(files()).toEqual([]);
  });

  it('holds each file with mode 0600 while it waits for its import; an import never removes another’s file', async () => {
    const release = holdImports();
    const sources = [await file(), await file()];
    const sizes = sources.map((path) => statSync(path).size).sort();
    const sent = sources.map((path) =>
      school
        .post('/api/uploads')
        .attach('file', path)
        .then((response) => response),
    );
    const received = () =>
      files()
        .map((name) => statSync(join(folder(), name)).size)
        .sort();
    await until(() => JSON.stringify(received()) === JSON.stringify(sizes), 'both files received');
    for (const name of files()) expect(mode(join(folder(), name))).toBe(0o600);
    expect(mode(folder())).toBe(0o700);
    // Not an upload of any request: swept by the first import that ends.
    writeFileSync(join(folder(), 'stray'), 'x');

    await release();
    // The second file is waiting for (or in) its import when the first import sweeps the folder.
    const responses = await Promise.all(sent);
    expect(responses.map((r) => [r.status, r.body.outcome])).toEqual([
      [201, 'accepted'],
      [201, 'accepted'],
    ]);
    expect(files()).toEqual([]);
  });
});

describe('the temp file is gone after every outcome', () => {
  it('accepted (201)', async () => {
    await school
      .post('/api/uploads')
      .attach('file', await file())
      .expect(201);
    expect(files()).toEqual([]);
  });

  it('rejected (422): not a workbook', async () => {
    const path = ctx.path('notes.xlsx');
    writeFileSync(path, 'это не книга Excel');
    await school.post('/api/uploads').attach('file', path).expect(422);
    expect(files()).toEqual([]);
  });

  it('refused (403): another school’s report', async () => {
    await school
      .post('/api/uploads')
      .attach('file', await file(report('SCH02')))
      .expect(403);
    expect(files()).toEqual([]);
  });

  it('too large (413): cut off while receiving', async () => {
    const path = ctx.path('huge.xlsx');
    writeFileSync(path, randomBytes(21 * 1024 * 1024));
    await school.post('/api/uploads').attach('file', path).expect(413);
    expect(files()).toEqual([]);
  });

  it('a server error (500) during the import', async () => {
    jest.spyOn(ctx.app.get(ImportService), 'importFile').mockRejectedValueOnce(new Error('disk on fire'));
    const response = await school.post('/api/uploads').attach('file', await file());
    expect(response.status).toBe(500);
    expect(response.body.message).toMatch(/^Внутренняя ошибка сервера/);
    expect(files()).toEqual([]);
  });

  it('the registry (the committee’s), rejected', async () => {
    const path = ctx.path('registry.xlsx');
    await writeXlsx(path, {
      Организации: [
        ['Код', 'Наименование'],
        ['SCH77', null],
      ],
    });
    await committee.post('/api/registry').attach('file', path).expect(422);
    expect(files()).toEqual([]);
  });
});

describe('a client that goes away', () => {
  let cookie: string;
  let port: number;
  beforeAll(async () => {
    const login = await request(ctx.server)
      .post('/api/auth/login')
      .send({ login: 'schoolsch01', password: 'schoolsch01-password' })
      .expect(200);
    cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    await new Promise<void>((resolve) => ctx.server.listen(0, '127.0.0.1', resolve));
    port = (ctx.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => ctx.server.close(() => resolve())));

  /** Starts a multipart upload by hand: the head of the file part is sent, the rest is up to the test. */
  function startUpload(total: number): { request: ClientRequest; tail: string } {
    const boundary = `----profmonitor${randomBytes(8).toString('hex')}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const client = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/uploads',
      headers: {
        cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(Buffer.byteLength(head) + total + Buffer.byteLength(tail)),
      },
    });
    client.on('error', () => undefined); // the test itself breaks the connection
    client.write(head);
    return { request: client, tail };
  }

  it('in the middle of sending: the partial file is removed and nothing is logged', async () => {
    const uploads = await ctx.count('uploads');
    const { request: client } = startUpload(1024 * 1024);
    client.write(randomBytes(256 * 1024));
    await until(
      () => files().length === 1 && statSync(join(folder(), files()[0])).size > 0,
      'the partial file',
    );
    client.destroy();
    await until(() => files().length === 0, 'the partial file to be removed');
    expect(await ctx.count('uploads')).toBe(uploads);
  });

  it('while its file is imported: the import completes and is logged, then the file goes', async () => {
    const uploads = await ctx.count('uploads');
    const release = holdImports();
    const claimed = folderClaimed();
    const body = await readFile(await file());
    const { request: client, tail } = startUpload(body.length);
    client.end(Buffer.concat([body, Buffer.from(tail)]));
    await claimed;
    client.destroy();
    // The server has seen the client go; the file stays, as its import has yet to run.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(files()).toHaveLength(1);

    await release();
    await until(() => files().length === 0, 'the imported file to be removed');
    expect(await ctx.count('uploads')).toBe(uploads + 1);
  });
});

/** Resolves when an import claims its file (the request reached the import). */
function folderClaimed(): Promise<void> {
  const uploadFolder = ctx.app.get(UploadFolder);
  const claim = uploadFolder.claim.bind(uploadFolder);
  return new Promise((resolve) => {
    jest.spyOn(uploadFolder, 'claim').mockImplementation((path) => {
      claim(path);
      resolve();
    });
  });
}

describe('stored file names are cleaned (reports.md, "Files")', () => {
  async function upload(name: string) {
    const { body } = await school
      .post('/api/uploads')
      .attach('file', await file(), name)
      .expect(201);
    const { body: stored } = await school.get(`/api/uploads/${body.uploadId}`).expect(200);
    return { answered: body.file as string, stored: stored.fileName as string };
  }

  it('a 5,000-character name is cut to 255 characters, keeping .xlsx', async () => {
    const { answered, stored } = await upload(`Отчёт ${'я'.repeat(4990)}.xlsx`);
    expect(stored).toBe(`Отчёт ${'я'.repeat(244)}.xlsx`);
    expect(Array.from(stored)).toHaveLength(255);
    expect(answered).toBe(stored);
  });

  it('a right-to-left override (a name that shows as «отчётxslx.exe») is removed', async () => {
    const { stored } = await upload('отчёт\u202eexe.xlsx');
    expect(stored).toBe('отчётexe.xlsx');
    const [audit] = (await committee.get('/api/audit').expect(200)).body;
    expect(audit).toMatchObject({ action: 'upload', target: 'отчётexe.xlsx' });
  });
});

describe('the CLI', () => {
  it('neither checks nor empties the upload folder (a server may be using it)', async () => {
    const cli = new TestContext();
    const shared = join(cli.dir, 'shared-uploads');
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    writeFileSync(join(shared, 'a-server-is-receiving-this'), 'x');
    const before = process.env.UPLOAD_DIR;
    process.env.UPLOAD_DIR = shared;
    try {
      await cli.start();
      expect(readdirSync(shared)).toEqual(['a-server-is-receiving-this']);
      expect(mode(shared)).toBe(0o755);
    } finally {
      process.env.UPLOAD_DIR = before;
      await cli.stop();
    }
  });
});
