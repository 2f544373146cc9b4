import { readFileSync } from 'node:fs';

/**
 * Advance widths of a TrueType font's characters, read from its `cmap` (format 4: the Basic
 * Multilingual Plane, Cyrillic included) and `hmtx` tables. ECharts lays a chart out by measuring
 * its text; without a canvas on the server it guesses Latin widths and takes any other letter as
 * 1 em wide, so Cyrillic names were cut short and labels overlapped. With the widths of the font
 * resvg draws with, the layout on the server is the one the text really takes.
 */
export class FontMetrics {
  private readonly widths = new Map<number, number>();

  private constructor(
    private readonly font: Buffer,
    private readonly unitsPerEm: number,
    private readonly advances: number[],
    private readonly cmap: number,
  ) {}

  static read(file: string): FontMetrics {
    const font = readFileSync(file);
    const tables = new Map<string, number>();
    for (let i = 0, count = font.readUInt16BE(4); i < count; i++) {
      const record = 12 + i * 16;
      tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
    }
    const table = (tag: string) => {
      const offset = tables.get(tag);
      if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
      return offset;
    };
    const unitsPerEm = font.readUInt16BE(table('head') + 18);
    const metrics = font.readUInt16BE(table('hhea') + 34);
    const hmtx = table('hmtx');
    const advances = Array.from({ length: metrics }, (_, i) => font.readUInt16BE(hmtx + i * 4));
    const cmap = table('cmap');
    let subtable: number | null = null;
    for (let i = 0, count = font.readUInt16BE(cmap + 2); i < count; i++) {
      const record = cmap + 4 + i * 8;
      const [platform, encoding] = [font.readUInt16BE(record), font.readUInt16BE(record + 2)];
      const offset = cmap + font.readUInt32BE(record + 4);
      if (platform === 3 && encoding === 1 && font.readUInt16BE(offset) === 4) subtable = offset;
    }
    if (subtable === null) throw new Error(`${file}: no Unicode cmap of format 4`);
    return new FontMetrics(font, unitsPerEm, advances, subtable);
  }

  /** The glyph of a BMP character (0: none). */
  private glyph(code: number): number {
    const { font, cmap } = this;
    const segments = font.readUInt16BE(cmap + 6) / 2;
    const ends = cmap + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let i = 0; i < segments; i++) {
      if (font.readUInt16BE(ends + i * 2) < code) continue;
      const start = font.readUInt16BE(starts + i * 2);
      if (start > code) return 0;
      const delta = font.readInt16BE(deltas + i * 2);
      const range = font.readUInt16BE(ranges + i * 2);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(ranges + i * 2 + range + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  }

  /** A character's advance in ems; characters beyond the BMP count as the missing glyph. */
  private advance(code: number): number {
    let width = this.widths.get(code);
    if (width === undefined) {
      const glyph = code > 0xffff ? 0 : this.glyph(code);
      const units = this.advances[Math.min(glyph, this.advances.length - 1)];
      width = units / this.unitsPerEm;
      this.widths.set(code, width);
    }
    return width;
  }

  /** The width of a line of text at a font size, in the same units as the size. */
  measure(text: string, size: number): number {
    let ems = 0;
    for (const char of text) ems += this.advance(char.codePointAt(0)!);
    return ems * size;
  }
}
