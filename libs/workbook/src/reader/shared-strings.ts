import { SaxesParser } from 'saxes';
import type { Readable } from 'node:stream';
import type { WorkbookLimits } from './limits';
import { workbookError } from './workbook-error';

/**
 * Reads the shared-strings part (`xl/sharedStrings.xml`) into plain strings, the only form the
 * validator needs. ExcelJS builds an object per rich-text run, so a 400 KB file holding
 * millions of empty runs made it run out of memory; here a run adds only its text, and the
 * counts are checked while reading, before anything big exists:
 * strings and runs (each at most `maxSharedStrings`) and characters (`maxSharedTextChars`).
 * Phonetic runs (`<rPh>`, furigana) are not part of the cell's text and are skipped.
 */
export async function readSharedStrings(stream: Readable, limits: WorkbookLimits): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let inText = false;
  let phonetic = 0;
  let pieces: string[] = [];
  let runs = 0;
  let characters = 0;
  let failure: unknown;

  parser.on('opentag', (node) => {
    switch (localName(node.name)) {
      case 'si':
        pieces = [];
        if (strings.length >= limits.maxSharedStrings)
          throw workbookError('too_many_strings', [limits.maxSharedStrings]);
        break;
      case 'r':
        if (++runs > limits.maxSharedStrings)
          throw workbookError('too_many_strings', [limits.maxSharedStrings]);
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        inText = phonetic === 0;
        break;
    }
  });
  parser.on('text', (text) => {
    if (!inText) return;
    characters += text.length;
    if (characters > limits.maxSharedTextChars)
      throw workbookError('too_much_text', [limits.maxSharedTextChars]);
    pieces.push(text);
  });
  parser.on('closetag', (node) => {
    switch (localName(node.name)) {
      case 'si':
        strings.push(pieces.length === 1 ? pieces[0] : pieces.join(''));
        pieces = [];
        break;
      case 'rPh':
        phonetic--;
        break;
      case 't':
        inText = false;
        break;
    }
  });
  parser.on('error', (err) => {
    failure ??= err;
  });

  for await (const chunk of stream) {
    parser.write(chunk as string);
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
  return strings;
}

/** `x:si` → `si`: some writers prefix the spreadsheet namespace. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
