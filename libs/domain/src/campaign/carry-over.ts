import type { Period } from '../periods';
import type { ColumnSpec } from '../reports/schema';
import { partnersSheet, type PartnerRow } from '../reports/sheets/partners';
import type { SchoolTitle } from '../reports/sheets/school-title';
import { teachersSheet, type TeacherRow } from '../reports/sheets/teachers';
import { formatIsoDate } from '../reports/values';

// "Collect once" (issue 14): a school's template for a new period comes filled in with what
// usually does not change, carried over from its last report and marked for review, so that
// the school corrects it instead of typing it again. Which report it comes from is the API's
// to find (the latest earlier one the committee accepted, else the latest earlier one); what is
// carried, and what the school is told about it, is decided here.

/** Title items carried over: the website section and who answers for the report. */
export const CARRIED_TITLE_ITEMS = ['websiteSection', 'websiteUrl', 'responsible', 'contacts'] as const;

/** The sheets whose rows are carried over, besides the title's items. */
export const CARRIED_SHEETS = ['teachers', 'partners'] as const;
export type CarriedSheet = (typeof CARRIED_SHEETS)[number];

/** The report rows are carried from: its period, whether the committee accepted it, its stored rows. */
export interface CarryOverSource {
  period: string;
  accepted: boolean;
  /** Stored rows may hold more fields (ids, Excel rows): only the sheet's columns are carried. */
  title?: SchoolTitle | null;
  teachers?: readonly TeacherRow[];
  partners?: readonly PartnerRow[];
}

/** What a template carries over, in domain form (as the sheet validators return rows). */
export interface CarriedOver {
  from: { period: string; accepted: boolean };
  /** The carried title items that have a value. */
  title: Partial<SchoolTitle>;
  sheets: { teachers: TeacherRow[]; partners: PartnerRow[] };
  /** Sheet id (`title`, `teachers`, `partners`) → the note shown above it; only sheets that carry rows. */
  notes: Partial<Record<'title' | CarriedSheet, string>>;
}

/**
 * An agreement is carried into a period when it is in force on the period's first day,
 * 1 September: open-ended (no «Действует до»), or valid until that day or later. When it was
 * signed does not matter: an agreement of an earlier report is the school's whatever its date.
 */
export function inForceOn(partner: Pick<PartnerRow, 'validUntil'>, isoDate: string): boolean {
  return partner.validUntil === null || partner.validUntil >= isoDate;
}

/** Only the sheet's own fields of a stored row, in column order. */
function columnsOf<Row>(columns: readonly ColumnSpec<Row>[], row: Row): Row {
  return Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])) as Row;
}

/**
 * What the template of `period` carries over from an earlier report: every teacher with their
 * course, the agreements in force on the period's first day, the title's website section and
 * contacts. Null when there is nothing to carry.
 */
export function carryOver(source: CarryOverSource, period: Period): CarriedOver | null {
  const teachers = (source.teachers ?? []).map((row) => columnsOf(teachersSheet.columns, row));
  const partners = (source.partners ?? [])
    .filter((row) => inForceOn(row, period.startsOn))
    .map((row) => columnsOf(partnersSheet.columns, row));
  const title: Partial<SchoolTitle> = {};
  for (const key of CARRIED_TITLE_ITEMS) {
    const value = source.title?.[key];
    if (value !== null && value !== undefined) Object.assign(title, { [key]: value });
  }
  if (teachers.length === 0 && partners.length === 0 && Object.keys(title).length === 0) return null;

  const from = { period: source.period, accepted: source.accepted };
  const startsOn = formatIsoDate(period.startsOn);
  const lead = `Строки перенесены из отчёта за ${from.period} (${from.accepted ? 'принят комитетом' : 'не принят комитетом'}): проверьте и исправьте`;
  const notes: CarriedOver['notes'] = {};
  const carried = [
    teachers.length > 0 ? `«${teachersSheet.name}» (педагогов: ${teachers.length})` : null,
    partners.length > 0
      ? `«${partnersSheet.name}» (договоров, действующих на ${startsOn}: ${partners.length})`
      : null,
  ].filter((part) => part !== null);
  const titlePart = Object.keys(title).length > 0 ? 'выделенные строки этого листа' : null;
  notes.title = `${lead} ${[
    titlePart,
    carried.length > 0 ? `${carried.length > 1 ? 'листы' : 'лист'} ${carried.join(' и ')}` : null,
  ]
    .filter((part) => part !== null)
    .join(', ')}. Остальные листы заполните заново.`;
  if (teachers.length > 0)
    notes.teachers = `${lead} — удалите тех, кто больше не работает, добавьте новых педагогов, обновите курсы повышения квалификации. Перенесённые строки выделены цветом.`;
  if (partners.length > 0)
    notes.partners = `${lead} — перенесены договоры, действующие на ${startsOn} (бессрочные и с «Действует до» не раньше этого дня); удалите расторгнутые, добавьте новые. Перенесённые строки выделены цветом.`;
  return { from, title, sheets: { teachers, partners }, notes };
}
