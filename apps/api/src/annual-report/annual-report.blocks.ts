import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import {
  NO_DATA_TEXT,
  reportChange,
  reportStatus,
  reportTarget,
  reportValue,
  type IndicatorValueView,
  type ValueScale,
} from '@profmonitor/domain';
import type { AnnualReportContent } from './annual-report.service';

// The analytic report's building blocks, shared by its section builders.

/** One part of the document: its paragraphs and tables from the content (see SECTIONS). */
export type SectionBuilder = (content: AnnualReportContent) => FileChild[];

/** A4 portrait with 2 cm margins: 21 cm − 4 cm of text, in twentieths of a point. */
export const TEXT_WIDTH = Math.round(((21 - 4) / 2.54) * 1440);

export const heading = (text: string, pageBreakBefore = false) =>
  new Paragraph({ text, heading: HeadingLevel.HEADING_1, pageBreakBefore });

export const subheading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });

/** Body text as Russian official papers set it: justified, a 1.25 cm first-line indent, 6 pt after. */
export const paragraph = (text: string) =>
  new Paragraph({
    text,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 709 },
    spacing: { after: 120 },
  });

/** How a table's cells look beyond their text. */
export interface TableStyle {
  /** A cell's text colour (hex without #), by row (0: the first row after the header) and column. */
  color?: (row: number, column: number) => string | undefined;
  /** The last row (a total) in bold. */
  boldLast?: boolean;
}

/** A table filling the text width, its first row a header repeated on every page. */
export function table(header: string[], rows: string[][], widths: number[], style: TableStyle = {}): Table {
  const total = widths.reduce((sum, w) => sum + w, 0);
  const columnWidths = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const row = (cells: string[], isHeader: boolean, index = -1) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: columnWidths[i], type: WidthType.DXA },
            // A cell's lines (addressees with their answers) as paragraphs of their own.
            children: text.split('\n').map(
              (line) =>
                new Paragraph({
                  alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
                  children: [
                    new TextRun({
                      text: line,
                      bold: isHeader || (style.boldLast === true && index === rows.length - 1),
                      color: isHeader ? undefined : style.color?.(index, i),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [row(header, true), ...rows.map((cells, index) => row(cells, false, index))],
  });
}

/** A value's cells: value, target, status, change from last year. */
export const valueCells = (value: IndicatorValueView | null, scale: ValueScale) =>
  value
    ? [
        reportValue(value.value, scale),
        reportTarget(value.target),
        reportStatus(value.status),
        reportChange(value.change, scale) ?? '—',
      ]
    : [NO_DATA_TEXT, '—', '—', '—'];
