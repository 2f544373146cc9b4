import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSpool, SpoolFolder, SpoolWriter } from './spool';

let parent: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'spool-test-'));
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('SpoolFolder', () => {
  it('makes a private folder named after the process, and removes it on shutdown', async () => {
    const folder = new SpoolFolder(parent);
    const path = await folder.newPath();
    const [name] = readdirSync(parent);
    expect(name).toMatch(new RegExp(`^profmonitor-spool-${process.pid}-`));
    expect(statSync(join(parent, name)).mode & 0o777).toBe(0o700);
    const writer = await SpoolWriter.create(path, 1024 * 1024);
    await writer.add('graduates', { code: 'A1' });
    await writer.flush();
    await writer.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await folder.remove();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('removes what processes that are gone left behind, and nothing else', async () => {
    // A process that has ended: its id is free (or taken by an unrelated process, which is kept).
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    const orphan = join(parent, `profmonitor-spool-${gone}-abc`);
    const running = join(parent, `profmonitor-spool-${process.ppid}-def`);
    const other = join(parent, 'something-else');
    for (const dir of [orphan, running, other]) mkdirSync(dir);
    writeFileSync(join(orphan, 'left.jsonl'), '{}');

    await new SpoolFolder(parent).newPath();

    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});

describe('SpoolWriter', () => {
  it('writes batches that readSpool gives back in order, and refuses a spool over its size', async () => {
    const path = join(parent, 'rows.jsonl');
    const writer = await SpoolWriter.create(path, 200);
    await writer.add('graduates', { code: 'A1' });
    await writer.add('coverage', { grade: 8 });
    await writer.flush();
    const batches = [];
    for await (const batch of readSpool(path)) batches.push(batch);
    expect(batches).toEqual([
      { sheet: 'graduates', rows: [{ code: 'A1' }] },
      { sheet: 'coverage', rows: [{ grade: 8 }] },
    ]);
    await writer.add('coverage', { text: 'я'.repeat(300) });
    await expect(writer.flush()).rejects.toMatchObject({ code: 'too_much_data' });
    await writer.close();
    await expect(SpoolWriter.create(path, 200)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
