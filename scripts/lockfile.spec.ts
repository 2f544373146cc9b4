import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Issue 12, finding 16.4: on a fresh machine `npm install` rewrote the committed lockfile with
// 373 lines of other platforms' optional packages (native builds for darwin, win32, musl…),
// because the lockfile had been written on one platform and held only that platform's builds.
// npm locks every optional dependency whatever the platform: a complete lockfile has an entry for
// each, so `npm ci` installs exactly it everywhere and `npm install` has nothing to add.
//
// `resolved` is not required: the lockfile is written with `omit-lockfile-registry-resolved`, so a
// registry package is named by its path and `version` and checked by `integrity`; only packages
// from elsewhere (tarball URLs, workspaces) keep a `resolved`.

type LockEntry = {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  optionalDependencies?: Record<string, string>;
};

type Lockfile = { lockfileVersion: number; packages: Record<string, LockEntry> };

const lockfile = JSON.parse(readFileSync(resolve(__dirname, '../package-lock.json'), 'utf8')) as Lockfile;

/** The entry `dependency` resolves to from the package at `path`, as Node and npm look it up:
 * `<path>/node_modules/<dependency>`, then each enclosing `node_modules`, up to the root's. */
function lookUp(packages: Lockfile['packages'], path: string, dependency: string): string | undefined {
  for (let base = path; ;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${dependency}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

/** «package → optional dependency: what is wrong» for each optional dependency not locked in full. */
function incompleteOptionals(packages: Lockfile['packages']): string[] {
  return Object.entries(packages).flatMap(([path, entry]) =>
    Object.keys(entry.optionalDependencies ?? {}).flatMap((dependency) => {
      const from = `${path || '(root)'} → ${dependency}`;
      const found = lookUp(packages, path, dependency);
      if (found === undefined) return [`${from}: no entry`];
      const locked = packages[found];
      if (locked.link) return [];
      const missing = (['version', 'integrity'] as const).filter((field) => !locked[field]);
      return missing.length ? [`${from}: ${found} has no ${missing.join(', ')}`] : [];
    }),
  );
}

describe('package-lock.json (issue 12, finding 16.4)', () => {
  it('is a lockfile npm 7+ writes, with a packages map', () => {
    expect(lockfile.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(Object.keys(lockfile.packages).length).toBeGreaterThan(1);
  });

  it('looks a dependency up as npm resolves nested node_modules', () => {
    const packages: Lockfile['packages'] = {
      'node_modules/a': {},
      'node_modules/a/node_modules/b': {},
      'node_modules/c': {},
      'node_modules/@s/d': {},
    };
    expect(lookUp(packages, 'node_modules/a/node_modules/b', 'c')).toBe('node_modules/c');
    expect(lookUp(packages, 'node_modules/a', 'b')).toBe('node_modules/a/node_modules/b');
    expect(lookUp(packages, 'node_modules/c', 'b')).toBeUndefined();
    expect(lookUp(packages, 'apps/web', '@s/d')).toBe('node_modules/@s/d');
  });

  it('locks every optional dependency of every package, other platforms’ builds included', () => {
    expect(incompleteOptionals(lockfile.packages)).toEqual([]);
  });
});
