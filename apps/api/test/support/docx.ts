// A .docx as its reader sees it: the text of its paragraphs and table rows, and its pictures.
import { unzipEntries } from '../../../../libs/workbook/src/reader/test-fixtures';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** The text of the <w:t> runs in a part of document.xml. */
const runsText = (part: string) =>
  [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map(([, text]) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ENTITIES[name]))
    .join('');

/**
 * The text as a reader sees it: a line per paragraph and per table row (the row's cells joined
 * by « | »), empty paragraphs left out.
 */
export const documentLinesOf = (xml: string): string[] =>
  [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>|<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([part]) =>
      part.startsWith('<w:tr')
        ? [...part.matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map(([cell]) => runsText(cell)).join(' | ')
        : runsText(part),
    )
    .filter((line) => line !== '');

export interface Docx {
  /** word/document.xml. */
  xml: string;
  lines: string[];
  /** The document's relationships: id → part (a picture's `word/media/…`). */
  rels: Map<string, string>;
  /** The pictures: part name → bytes. */
  media: Map<string, Buffer>;
}

/** Reads a .docx file: its text lines, document.xml, relationships and pictures. */
export async function readDocx(path: string): Promise<Docx> {
  const entries = await unzipEntries(path);
  const part = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
  const xml = part('word/document.xml');
  return {
    xml,
    lines: documentLinesOf(xml),
    rels: new Map(
      [...part('word/_rels/document.xml.rels').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(
        ([, id, target]) => [id, `word/${target}`],
      ),
    ),
    media: new Map(entries.filter((e) => e.name.startsWith('word/media/')).map((e) => [e.name, e.data])),
  };
}
