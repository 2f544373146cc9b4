import { cleanFileName, MAX_FILE_NAME_LENGTH, UNNAMED_FILE } from './file-name';

const length = (text: string) => Array.from(text).length;

describe('cleanFileName', () => {
  it('keeps an ordinary name as it is, Cyrillic, spaces and punctuation included', () => {
    expect(cleanFileName('Отчёт школы № 1 (2024–2025).xlsx')).toBe('Отчёт школы № 1 (2024–2025).xlsx');
  });

  it('removes C0 and C1 control characters and DEL; tabs and line breaks become spaces', () => {
    expect(cleanFileName('от\u0000чёт\u0007\u001b[31m.xlsx')).toBe('отчёт[31m.xlsx');
    expect(cleanFileName('отчёт\u0080\u009b\u007f.xlsx')).toBe('отчёт.xlsx');
    expect(cleanFileName('отчёт\r\nшколы\tSCH01.xlsx')).toBe('отчёт школы SCH01.xlsx');
    expect(cleanFileName('отчёт\u0085школы.xlsx')).toBe('отчёт школы.xlsx');
  });

  it('removes bidirectional overrides, embeddings, isolates and direction marks', () => {
    // Shown by a browser as «отчётexe.xlsx»: the override reverses what follows it.
    expect(cleanFileName('отчёт\u202exslx.exe')).toBe('отчётxslx.exe');
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const mark of [...bidi, '\u200e', '\u200f', '\u061c'])
      expect(cleanFileName(`a${mark}b.xlsx`)).toBe('ab.xlsx');
    // Right-to-left text itself is kept: only the formatting characters go.
    expect(cleanFileName('تقرير.xlsx')).toBe('تقرير.xlsx');
  });

  it('trims surrounding spaces', () => {
    expect(cleanFileName('  отчёт.xlsx \n')).toBe('отчёт.xlsx');
  });

  it('an empty name, or one of nothing but removed characters, becomes «без имени.xlsx»', () => {
    for (const name of ['', '   ', '\u202e\u0000\u2066', '\r\n'])
      expect(cleanFileName(name)).toBe(UNNAMED_FILE);
    expect(UNNAMED_FILE).toBe('без имени.xlsx');
  });

  it('cuts a long name to 255 characters, keeping its extension', () => {
    const cut = cleanFileName(`${'я'.repeat(5000)}.xlsx`);
    expect(length(cut)).toBe(MAX_FILE_NAME_LENGTH);
    expect(cut).toBe(`${'я'.repeat(250)}.xlsx`);
    expect(cleanFileName('я'.repeat(255))).toBe('я'.repeat(255));
    expect(cleanFileName('я'.repeat(256))).toBe('я'.repeat(255));
  });

  it('counts characters, not UTF-16 units: an emoji is never cut in half', () => {
    const cut = cleanFileName(`${'📊'.repeat(300)}.ods`);
    expect(length(cut)).toBe(MAX_FILE_NAME_LENGTH);
    expect(cut).toBe(`${'📊'.repeat(251)}.ods`);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('cleans before cutting, so that removed characters do not count', () => {
    const name = `${'\u202e'.repeat(100)}${'a'.repeat(250)}.xlsx`;
    expect(cleanFileName(name)).toBe(`${'a'.repeat(250)}.xlsx`);
  });
});
