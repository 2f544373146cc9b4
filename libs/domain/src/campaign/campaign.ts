import {
  REQUIRED_SHEET_IDS,
  SHEET_APPLIES_TO,
  type RequiredSheetId,
  type SheetId,
} from '../indicators/definitions';
import type { OrganizationType } from '../reports/sheets/organizations';

// The reporting campaign's rules (spec/campaign.md) as pure functions: an organization's report
// state, on time or late, judged by calendar dates in the municipality's time zone. The API reads
// the facts (versions, uploads, decisions) and asks these; nothing else decides a state.

/** The states of an organization's report for a period, in the order the campaign page lists them. */
export const REPORT_STATES = ['не сдан', 'сдан частично', 'сдан', 'принят', 'возвращён'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** States whose organization is still reminded (a returned report is reminded once, with the comment). */
export const UNSENT_STATES: readonly ReportState[] = ['не сдан', 'сдан частично'];

/** The sheets completeness and timeliness require of an organization of this type, in workbook order. */
export function requiredSheets(type: OrganizationType): RequiredSheetId[] {
  return REQUIRED_SHEET_IDS.filter((sheet) => SHEET_APPLIES_TO[sheet].includes(type));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether the environment knows this IANA time zone (`Europe/Moscow`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: 23:30 UTC is the next day in Moscow. */
export function calendarDate(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Whole days from one calendar date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** The calendar date `days` after (or before, negative) a date. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** A committee's decision on a report. */
export interface ReviewDecision {
  decision: 'accepted' | 'returned';
  /**
   * The newest upload id (of any organization) when it was decided: uploads after it are newer.
   * Ids, not clocks: a correction sent within the same second as the return still counts.
   */
  lastUploadId: number;
}

/** What decides one organization's report state for a period. */
export interface ReportFacts {
  type: OrganizationType;
  /** Its required sheets that have a current accepted version. */
  currentSheets: ReadonlySet<SheetId>;
  /**
   * When each sheet's first accepted version was received (an archive's `--received-at`, else
   * when it was uploaded): what on time is judged by.
   */
  firstReceived: Readonly<Partial<Record<SheetId, Date>>>;
  /** The id of the organization's last upload for the period that stored anything. */
  lastStoredUploadId: number | null;
  /** The committee's latest decision, if any. */
  latestDecision: ReviewDecision | null;
}

/** The state of a report: the committee's decision stands until a newer stored upload follows a return. */
export function reportState(facts: ReportFacts): ReportState {
  const decision = facts.latestDecision;
  if (decision?.decision === 'accepted') return 'принят';
  const corrected =
    decision !== null &&
    facts.lastStoredUploadId !== null &&
    facts.lastStoredUploadId > decision.lastUploadId;
  if (decision?.decision === 'returned' && !corrected) return 'возвращён';
  const required = requiredSheets(facts.type);
  const sent = required.filter((sheet) => facts.currentSheets.has(sheet)).length;
  if (sent === 0) return 'не сдан';
  return sent === required.length ? 'сдан' : 'сдан частично';
}

/** On time or late against a deadline; see timeliness. */
export interface Timeliness {
  /** The date the report became complete: the last of its required sheets' first versions; null until then. */
  completedOn: string | null;
  /** Every required sheet's first accepted version arrived on or before the deadline. */
  onTime: boolean;
  /**
   * Days late: of a report completed after the deadline, how many days after; of one still
   * incomplete once the deadline has passed, how many days so far; otherwise null.
   */
  late: number | null;
}

/**
 * campaign.md's "on time", with the deadline day itself on time. A later replacement does not
 * make an on-time report late: only each sheet's first accepted version counts.
 */
export function timeliness(
  facts: Pick<ReportFacts, 'type' | 'firstReceived'>,
  deadline: string,
  today: string,
  timeZone: string,
): Timeliness {
  const dates = requiredSheets(facts.type).map((sheet) => {
    const received = facts.firstReceived[sheet];
    return received ? calendarDate(received, timeZone) : null;
  });
  const completedOn = dates.includes(null) ? null : (dates as string[]).sort().at(-1)!;
  if (completedOn !== null) {
    const days = daysBetween(deadline, completedOn);
    return { completedOn, onTime: days <= 0, late: days > 0 ? days : null };
  }
  const overdue = daysBetween(deadline, today);
  return { completedOn, onTime: false, late: overdue > 0 ? overdue : null };
}
