import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';

// Issue 12, finding 16.1: the README linked the specification as ../shared/spec/…, a path that
// exists on the author's machine and nowhere in a clone. Every relative link of the README and
// docs/ must name a file the repository tracks, and the specification is the repository's docs/.

const ROOT = resolve(__dirname, '../..');

/** What a clone has: the files git tracks (a link to a file only on this disk is broken there). */
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);
const trackedSet = new Set(tracked);
const trackedDirectories = new Set(tracked.flatMap((file) => ancestors(file)));

function ancestors(file: string): string[] {
  const parts = file.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

const documents = [
  'README.md',
  ...tracked.filter((file) => file.startsWith('docs/') && file.endsWith('.md')),
];

/** Where the specification lives outside this repository, and the names of its files. */
const SPEC_NAMES = /(^|\/)(spec|shared)\/|(^|\/)(reports|indicators|campaign)\.md$|(^|\/)areas\.csv$/;

type Link = { document: string; line: number; target: string };

/** Markdown links and images `[text](target "title")`, reference definitions `[id]: target`,
 * and HTML `src`/`href`, outside code blocks and inline code. */
function linksOf(document: string, markdown: string): Link[] {
  const withoutCode = markdown
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
  const patterns = [
    /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g,
    /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm,
    /<(?:img|a|source)\b[^>]*?\s(?:src|href)\s*=\s*["']([^"']+)["']/gi,
  ];
  return patterns.flatMap((pattern) =>
    [...withoutCode.matchAll(pattern)].map((match) => ({
      document,
      line: withoutCode.slice(0, match.index).split('\n').length,
      target: match[1],
    })),
  );
}

/** A relative link's file, repository-relative with `/`; null for web links and `#anchors`. */
function fileOf({ document, target }: Link): string | null {
  if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#')) return null;
  const path = decodeURI(target.replace(/[?#].*$/, ''));
  const absolute = path.startsWith('/') ? resolve(ROOT, `.${path}`) : resolve(ROOT, dirname(document), path);
  return relative(ROOT, absolute).split(sep).join(posix.sep);
}

const links = documents.flatMap((document) =>
  linksOf(document, readFileSync(resolve(ROOT, document), 'utf8'))
    .map((link) => ({ ...link, file: fileOf(link) }))
    .filter((link): link is Link & { file: string } => link.file !== null),
);

const where = ({ document, line, target }: Link) => `${document}:${line} → ${target}`;

describe('links of README.md and docs/**/*.md (issue 12, finding 16.1)', () => {
  it('finds the README’s links to the docs', () => {
    expect(links.map((link) => link.file)).toEqual(
      expect.arrayContaining(['docs/reports-reference.md', 'docs/indicators.md']),
    );
  });

  it('reads markdown links, images, reference definitions and HTML, not code', () => {
    const found = linksOf(
      'docs/x.md',
      '[a](b.md#c) ![i](img/p.png "t")\n[ref]: ../r.md\n<img src="s.png">\n`[no](code.md)`\n```\n[no](block.md)\n```\n',
    );
    expect(found.map(({ target, line }) => [target, line])).toEqual([
      ['b.md#c', 1],
      ['img/p.png', 1],
      ['../r.md', 2],
      ['s.png', 3],
    ]);
  });

  it('no relative link leaves the repository', () => {
    const outside = links.filter((link) => link.file === '..' || link.file.startsWith('../'));
    expect(outside.map(where)).toEqual([]);
  });

  it('every relative link names a file or folder the repository tracks', () => {
    const missing = links.filter(
      (link) => link.file !== '' && !trackedSet.has(link.file) && !trackedDirectories.has(link.file),
    );
    expect(missing.map(where)).toEqual([]);
  });

  it('links to the specification point into the repository’s own docs/', () => {
    const elsewhere = links.filter((link) => SPEC_NAMES.test(link.target) && !link.file.startsWith('docs/'));
    expect(elsewhere.map(where)).toEqual([]);
  });
});
