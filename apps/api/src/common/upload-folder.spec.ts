import type { HttpAdapterHost } from '@nestjs/core';
import type { Request } from 'express';
import { EventEmitter } from 'node:events';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { preparePrivateFolder, UploadFolder } from './upload-folder';

const mode = (path: string) => statSync(path).mode & 0o777;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'profmonitor-upload-folder-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('preparePrivateFolder', () => {
  it('creates a missing folder, parents included, with mode 0700', async () => {
    const path = join(dir, 'a', 'uploads');
    await preparePrivateFolder(path);
    expect(statSync(path).isDirectory()).toBe(true);
    expect(mode(path)).toBe(0o700);
  });

  it('makes an existing folder private again, keeping what is in it', async () => {
    const path = join(dir, 'uploads');
    mkdirSync(path);
    chmodSync(path, 0o777);
    writeFileSync(join(path, 'kept'), 'x');
    await preparePrivateFolder(path);
    expect(mode(path)).toBe(0o700);
    expect(readdirSync(path)).toEqual(['kept']);
  });

  it('refuses a symbolic link, and leaves its target as it was', async () => {
    const target = join(dir, 'elsewhere');
    mkdirSync(target);
    chmodSync(target, 0o755);
    const link = join(dir, 'uploads');
    symlinkSync(target, link);
    await expect(preparePrivateFolder(link)).rejects.toThrow(
      `Папка для загрузок ${link} — символическая ссылка, а не папка. Укажите в UPLOAD_DIR другую папку.`,
    );
    expect(mode(target)).toBe(0o755);
  });

  it('refuses a file where the folder should be', async () => {
    const path = join(dir, 'uploads');
    writeFileSync(path, 'not a folder');
    await expect(preparePrivateFolder(path)).rejects.toThrow(/uploads — не папка/);
  });

  it('refuses a folder of another user', async () => {
    const path = join(dir, 'uploads');
    mkdirSync(path, { mode: 0o755 });
    const owner = statSync(path).uid;
    // The server "runs" as another uid than the folder's owner.
    jest.spyOn(process, 'getuid').mockReturnValue(owner + 1);
    await expect(preparePrivateFolder(path)).rejects.toThrow(
      `принадлежит другому пользователю (uid ${owner}), а сервер работает от uid ${owner + 1}`,
    );
    expect(mode(path)).toBe(0o755);
  });
});

/** The storage engine driven as multer drives it: a file part's stream and a request with a response. */
function engine() {
  const folder = new UploadFolder({ httpAdapter: undefined } as unknown as HttpAdapterHost, {
    uploadDir: join(dir, 'uploads'),
  });
  const response = new EventEmitter();
  const request = { res: response } as unknown as Request;
  const receive = (stream: PassThrough) => {
    const file = { stream } as unknown as Express.Multer.File;
    const done = new Promise<{ error?: Error | null; info?: Partial<Express.Multer.File> }>((resolve) =>
      folder._handleFile(request, file, (error, info) => resolve({ error, info })),
    );
    return { file, done };
  };
  const remove = (file: Express.Multer.File) =>
    new Promise<Error | null>((resolve) => folder._removeFile(request, file, resolve));
  // The folder is prepared by the first file: until then it has no files.
  const files = () => (existsSync(folder.path) ? readdirSync(folder.path) : []);
  return { folder, response, receive, remove, files };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('UploadFolder as multer’s storage engine', () => {
  it('writes the file under a random name with mode 0600 into a 0700 folder, and says its size', async () => {
    const { folder, receive, files } = engine();
    const stream = new PassThrough();
    const { done } = receive(stream);
    stream.end(Buffer.alloc(1500, 1));
    const { error, info } = await done;
    expect(error).toBeNull();
    expect(info).toMatchObject({ destination: folder.path, size: 1500 });
    expect(info!.filename).toMatch(/^[0-9a-f]{32}$/);
    expect(files()).toEqual([info!.filename]);
    expect(mode(info!.path!)).toBe(0o600);
    expect(mode(folder.path)).toBe(0o700);
  });

  it('removes the partial file when receiving fails', async () => {
    const { receive, files } = engine();
    const stream = new PassThrough();
    const { file, done } = receive(stream);
    stream.write(Buffer.alloc(4096));
    await until(() => existsSync(file.path) && statSync(file.path).size === 4096);
    stream.destroy(new Error('connection reset'));
    expect((await done).error?.message).toBe('connection reset');
    expect(files()).toEqual([]);
  });

  it('removes a file multer drops (over the size limit, an aborted request), even one still being written', async () => {
    const { receive, remove, files } = engine();
    const stream = new PassThrough();
    const { file, done } = receive(stream);
    stream.write(Buffer.alloc(100));
    await until(() => files().length === 1);
    expect(await remove(file)).toBeNull();
    await done;
    expect(files()).toEqual([]);
  });

  it('removes the file when its request ends, unless an import is reading it', async () => {
    const { folder, response, receive, files } = engine();
    const stream = new PassThrough();
    const { done } = receive(stream);
    stream.end('workbook');
    const { info } = await done;
    folder.claim(info!.path!);
    response.emit('close');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(files()).toEqual([info!.filename]);
    await folder.release(info!.path!);
    expect(files()).toEqual([]);

    const second = engine();
    const other = new PassThrough();
    const { done: received } = second.receive(other);
    other.end('workbook');
    await received;
    second.response.emit('close');
    await until(() => second.files().length === 0);
  });

  it('after an import, sweeps whatever no request holds and never a file in flight', async () => {
    const { folder, receive, files } = engine();
    const [first, second] = [new PassThrough(), new PassThrough()];
    const a = receive(first);
    const b = receive(second);
    first.end('one');
    const { info } = await a.done;
    second.write('still coming'); // the second upload is still being received
    writeFileSync(join(folder.path, 'left-behind'), 'x');
    mkdirSync(join(folder.path, 'a-folder'));
    await folder.release(info!.path!);
    expect(files()).toEqual([b.file.path.split('/').pop()]);
    second.end();
    const { info: secondInfo } = await b.done;
    expect(secondInfo!.size).toBe('still coming'.length);
  });

  it('prepares the folder once: emptied of what an earlier process left', async () => {
    const path = join(dir, 'uploads');
    mkdirSync(path, { mode: 0o755 });
    writeFileSync(join(path, 'from-a-crash'), 'x');
    const { folder, files } = engine();
    await folder.prepare();
    expect(files()).toEqual([]);
    expect(mode(path)).toBe(0o700);
  });
});
