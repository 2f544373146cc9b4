// The shapes the REST API answers with, shared by the API (which returns them) and the web
// app (which reads them): one source of truth, checked by both type checks.
import type { IndicatorId, SheetId } from '../indicators/definitions';
import type { Status, Target } from '../indicators/targets';
import type { ReportState } from '../campaign/campaign';
import type { ProfminimumRow } from '../reports/sheets/profminimum';

export interface PeriodView {
  code: string;
  startsOn: string;
  endsOn: string;
}

export interface OrganizationView {
  code: string;
  name: string;
  /** What charts and narrow tables show; null: none given, show the name. */
  shortName: string | null;
  type: string;
  municipality: string;
  /** First and last period it reports for; null: open. */
  activeFrom: string | null;
  activeTo: string | null;
}

/** The fields of an organization the committee edits (PATCH /api/organizations/:code). */
export interface OrganizationFields {
  name: string;
  shortName: string | null;
  type: string;
  municipality: string;
  activeFrom: string | null;
  activeTo: string | null;
}

/** A change of an organization: the committee's fields, any subset, and the confirmation. */
export type OrganizationChange = Partial<OrganizationFields> & {
  /** Store even though periods with loaded reports change (see PastPeriodChangeView). */
  confirm?: boolean;
};

/** One field's previous and new value in a change of the registry. */
export interface FieldChangeView {
  field: keyof OrganizationFields;
  before: string | null;
  after: string | null;
}

/** One change of an organization (GET /api/organizations/:code/history), newest first. */
export interface OrganizationChangeView {
  at: string;
  /** The login that changed it; `cli`/`demo` for the command line. */
  by: string;
  /** An edit in the interface or a registry upload. */
  source: 'edit' | 'registry';
  changes: FieldChangeView[];
}

/**
 * How a change of the registry changes a period whose reports are already loaded: which
 * organizations it expects to report there, and the completeness of its title sheets
 * (answered with 409 `registry_changes_past` until confirmed).
 */
export interface PastPeriodChangeView {
  period: string;
  expectedBefore: number;
  expectedAfter: number;
  completenessBefore: number | null;
  completenessAfter: number | null;
  /** Codes the period now expects, and codes it no longer expects. */
  added: string[];
  removed: string[];
  /** «2022/2023: ожидается 12 организаций вместо 11 — полнота станет 91,7 % (была 100 %)» */
  message: string;
}

/** An indicator's definition as the UI shows it (GET /api/indicators/definitions). */
export interface IndicatorDefinitionView {
  id: IndicatorId;
  name: string;
  kind: 'ratio' | 'mismatch' | 'timeliness' | 'completeness';
  numeratorText: string;
  denominatorText: string;
  source: string;
  defaultTarget: Target;
}

/** One value with its target and status (GET /api/indicators). `org` is null for the municipality. */
export interface IndicatorValueView {
  id: IndicatorId;
  /** An organization's code; null: a pooled value (a municipality's or the region's). */
  org: string | null;
  /**
   * An organization's municipality, or the pooled value's; null: the region's value (only
   * when the registry holds two or more municipalities).
   */
  municipality: string | null;
  period: string;
  /** Only for completeness. */
  sheet: SheetId | null;
  /** Fraction 0..1, never rounded; null: «нет данных». */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: Target;
  status: Status | null;
  /** The same value in the previous period, and the change (value − previous). */
  previous: number | null;
  change: number | null;
}

export interface ContributorView {
  org: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** The upload the organization's source sheet came from. */
  uploadId: number | null;
  fileName: string | null;
}

export interface AreaGapView {
  area: string;
  name: string;
  graduates: number;
  /** null without labor demand for the period («нет данных», not zero). */
  vacancies: number | null;
  graduatesShare: number | null;
  vacanciesShare: number | null;
  gap: number | null;
  inDemand: boolean;
}

/** How a value came about (GET /api/indicators/:id/explanation). */
/** A municipality's part of the region's value: its pooled numerator and denominator. */
export interface MunicipalityPartView {
  municipality: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface ExplanationView extends IndicatorValueView {
  name: string;
  numeratorText: string;
  denominatorText: string;
  /**
   * For a municipality's value: each organization's share; for an organization: itself; for
   * the region's (several municipalities): none — see `municipalities`.
   */
  contributors: ContributorView[];
  /**
   * For the region's value when the registry holds several municipalities: each one's part (its
   * organizations are in its own explanation), so that the answer grows with the municipalities,
   * not with every organization of the region. Otherwise empty.
   */
  municipalities: MunicipalityPartView[];
  /**
   * For an indicator of an optional sheet (Профминимум), of a municipality's value: the
   * organizations the sheet applies to that did not send it — they have no value, not 0.
   */
  notReporting?: { code: string; name: string }[];
  /** For the mismatch index: the per-area table behind it. */
  areas: AreaGapView[] | null;
  /** True when the rows behind the value can be listed (GET /api/indicators/:id/rows). */
  hasRows: boolean;
  /** For timeliness: the deadline of the period's campaign (YYYY-MM-DD); null without a campaign. */
  deadline?: string | null;
  /**
   * For timeliness of a municipality (or of the only one): each active reporting organization's
   * report against the deadline — on time, late or missing, and when it became complete.
   */
  reports?: TimelinessReportView[];
}

/** An organization's report against the campaign's deadline, in the explanation of timeliness. */
export interface TimelinessReportView {
  org: string;
  name: string;
  /** Every required sheet's first accepted version received on or before the deadline. */
  onTime: boolean;
  /** Days late: completed after the deadline, or still incomplete after it; null otherwise. */
  late: number | null;
  /** YYYY-MM-DD the report became complete (its last required sheet's first version); null until then. */
  completedOn: string | null;
}

/** A row behind a value: which graduate, grade or teacher, and what it counted for. */
export interface ExplanationRowView {
  org: string;
  sheet: SheetId;
  excelRow: number;
  uploadId: number;
  fileName: string;
  numerator: number;
  denominator: number;
  /** The row's values, keyed by column header. */
  cells: Record<string, string | number | boolean | null>;
}

/** The rows behind a value (GET /api/indicators/:id/rows): the first `limit` of `total`. */
export interface ExplanationRowsView {
  /** How many rows stand behind the value, shown or not. */
  total: number;
  rows: ExplanationRowView[];
}

export interface CompletenessSheetView {
  sheet: SheetId;
  name: string;
  reported: number;
  expected: number;
  value: number | null;
  missing: { code: string; name: string }[];
}

export interface CompletenessView {
  period: string;
  sheets: CompletenessSheetView[];
}

/** What a file was taken for: a school's report, the labor demand, the registry, or nothing known. */
export type UploadKind = 'school' | 'vacancies' | 'registry' | 'unknown';

/**
 * accepted: every sheet stored; partial: some sheets rejected; rejected: nothing stored;
 * duplicate: the same file as the current data.
 */
export type UploadOutcome = 'accepted' | 'partial' | 'rejected' | 'duplicate';

export interface UploadView {
  id: number;
  fileName: string;
  kind: UploadKind;
  outcome: UploadOutcome;
  organization: string | null;
  period: string | null;
  uploadedBy: string;
  uploadedAt: string;
  /** An archive's original time (`import --received-at`), null: received when uploaded. */
  receivedAt: string | null;
  /** The committee's reason for an upload into an accepted report or a closed campaign. */
  reason: string | null;
  sha256: string;
  size: number;
  errorCount: number;
  warningCount: number;
}

export interface TargetView {
  id: IndicatorId;
  period: string;
  target: Target;
  /** False while the spec's default applies. */
  custom: boolean;
  setBy: string | null;
  setAt: string | null;
}

/** A link of the graduates' destinations diagram: class → destination → territory. */
export interface DestinationLinkView {
  source: string;
  target: string;
  value: number;
}

/** Where an issue sits: a sheet row (1-based, as Excel shows it) and a column header, when known. */
export interface PlacedIssue {
  row: number | null;
  column: string | null;
  message: string;
  /**
   * Says what the upload did (a sheet found unchanged), not a doubt about the data: shown with
   * the warnings, but not one of the report's warnings the committee reviews (campaign page).
   */
  notice?: true;
}

export interface SheetImportResult {
  sheet: string;
  accepted: boolean;
  rows: number;
  errors: PlacedIssue[];
  warnings: PlacedIssue[];
}

/**
 * What became of one file: the shape printed by `cli import --json` and returned by the API.
 * `errors` are the file-level ones (unreadable file, unknown organization, bad period) that
 * reject everything; sheet errors sit with their sheet.
 */
export interface ImportResult {
  file: string;
  /** Every sheet accepted whole, and no file-level error. */
  accepted: boolean;
  kind: Exclude<UploadKind, 'unknown'> | null;
  organization: string | null;
  period: string | null;
  /** For labor demand: Город or Регион, and the as-of date. */
  territory?: string | null;
  asOf?: string | null;
  /**
   * For labor demand of Город when the registry holds several municipalities: whose vacancies
   * (the registry's spelling); null for Регион and with one municipality.
   */
  municipality?: string | null;
  outcome: UploadOutcome;
  uploadId?: number;
  /** For a repeated file: the upload that stored the same data. */
  duplicateOf?: number;
  /**
   * The sender may not upload this file: a workbook of another organization than the school
   * account's own, or a kind of workbook the account does not send; or the report is accepted
   * (`locked`) or the period's campaign closed (`closed`), see campaign.md — for the committee,
   * unless it gives a reason.
   */
  refused?: 'organization' | 'kind' | 'locked' | 'closed';
  errors: { message: string }[];
  warnings: { message: string }[];
  sheets: SheetImportResult[];
}

/** One version of one sheet of an organization's report for a period. */
export interface SheetVersionView {
  /** The version's id, as GET /api/history/compare takes it in `from` and `to`. */
  id: number;
  sheet: string;
  version: number;
  current: boolean;
  rows: number;
  uploadId: number;
  fileName: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A cell as stored: text, number, yes/no, date (`ГГГГ-ММ-ДД`) or empty. */
export type CellValue = string | number | boolean | null;

/** A row of a compared sheet: where it stands in the workbook and its values by column header. */
export interface ComparedRowView {
  /** The row number as Excel shows it. */
  excelRow: number;
  /** The value of the sheet's key column; null where the sheet has none or the cell is empty. */
  key: string | null;
  cells: Record<string, CellValue>;
}

export interface CellChangeView {
  column: string;
  before: CellValue;
  after: CellValue;
}

/** A row found in both versions by its key, with the cells that differ. */
export interface ChangedRowView {
  key: string;
  fromRow: number;
  toRow: number;
  changes: CellChangeView[];
}

/** An indicator of the organization whose value differs between the two versions. */
export interface IndicatorMoveView {
  indicator: string;
  name: string;
  kind: 'ratio' | 'mismatch';
  /** Fractions 0..1 for ratios; null where there is no data. */
  before: number | null;
  after: number | null;
}

/** GET /api/history/compare: what changed from one version of a sheet to another. */
export interface SheetCompareView {
  sheet: string;
  sheetName: string;
  from: { id: number; version: number };
  to: { id: number; version: number };
  /** The header of the column rows are matched by; null: matched by their whole content. */
  keyColumn: string | null;
  /** The sheet's column headers, in the workbook's order. */
  columns: string[];
  added: ComparedRowView[];
  removed: ComparedRowView[];
  changed: ChangedRowView[];
  indicators: IndicatorMoveView[];
}

/**
 * Региональное министерство (every municipality), Комитет (a municipality's, bound to it when
 * the registry holds several), Школа (an operator bound to one organization), Центр занятости
 * (a municipality's, or the region's when unbound).
 */
export const ROLES = ['region', 'committee', 'school', 'employment'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person, as `GET /api/auth/me` and the login answer give it. */
export interface SessionUserView {
  login: string;
  role: Role;
  /** The organization a school account is bound to; null for the other roles. */
  organization: string | null;
  organizationName: string | null;
  /** The municipality the account works for (a school's: its organization's); null: every one. */
  municipality: string | null;
  /**
   * How many municipalities the registry holds: from two on, the region is a level of its own
   * (pooled over every organization) and pages say which level they show; with one, that
   * municipality is the region («по городу»).
   */
  municipalityCount: number;
}

export interface AccountView {
  id: number;
  login: string;
  role: Role;
  organization: string | null;
  /** A committee's or employment center's municipality, a school's organization's; null: every one. */
  municipality: string | null;
  /** Where reminders are e-mailed; null: in the application only. */
  email: string | null;
  active: boolean;
  createdAt: string;
}

/** What the audit log records. */
export type AuditAction =
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'password-change'
  | 'upload'
  | 'registry-import'
  | 'organization-update'
  | 'target-change'
  | 'account-create'
  | 'account-update'
  | 'in-demand-change'
  | 'profession-add'
  | 'campaign-open'
  | 'campaign-deadline'
  | 'campaign-close'
  | 'campaign-reopen'
  | 'review-accept'
  | 'review-return'
  | 'reminder'
  | 'cycle-analysis'
  | 'cycle-recommendation'
  | 'cycle-answer'
  | 'cycle-measure'
  | 'cycle-decision'
  | 'cycle-comment';

export interface AuditEntryView {
  id: number;
  at: string;
  /** The login that acted; null for an anonymous attempt. */
  actor: string | null;
  role: Role | null;
  action: AuditAction;
  /** What it was done to: an upload's file and hash, an indicator and period, an account's login. */
  target: string | null;
  details: Record<string, unknown>;
}

/**
 * Labor demand against graduates' choices for a period and territory (GET /api/demand): the
 * per-area table, the mismatch index, the largest surplus and deficit.
 */
export interface DemandView {
  period: string;
  /** The territory whose vacancies are compared; null when the period has no labor demand. */
  territory: 'Город' | 'Регион' | null;
  /** The as-of date of that labor demand (ДД.ММ.ГГГГ as ISO yyyy-mm-dd); null without one. */
  date: string | null;
  /** One organization's graduates instead of the city's; null for the city. */
  org: string | null;
  /**
   * Whose graduates and in-demand areas, and whose Город vacancies: a municipality of the
   * registry (an organization's own); null: the region's (Регион vacancies, every graduate),
   * only when the registry holds several municipalities. With one, its name (or null without a
   * registry).
   */
  municipality: string | null;
  /** The dissimilarity index; null without graduates' choices or without vacancies. */
  mismatch: number | null;
  /** G: continuing graduates with a territory of Город or Регион and an area. */
  graduates: number;
  /** V: the territory's vacancies; null without labor demand for the period («нет данных»). */
  vacancies: number | null;
  /**
   * Every area on either side: the largest difference of shares first, then more graduates,
   * more vacancies, the lower code.
   */
  areas: AreaGapView[];
  /** The area with the most graduates beyond its share of vacancies, and the one with the least. */
  surplus: AreaGapView | null;
  deficit: AreaGapView | null;
  /** The committee's explicit in-demand list for the period, or null when the 5 % rule applies. */
  inDemandList: string[] | null;
  /** The territories with labor demand in the period for this municipality (Город: its own). */
  territories: ('Город' | 'Регион')[];
  /**
   * Continuing graduates who stay in the city (the `stay_local` indicator of the same graduates:
   * the city's or the organization's); value null: «нет данных».
   */
  stayLocal: RatioView;
}

/** A share with what it is made of; value null when the denominator is 0 or unknown. */
export interface RatioView {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** The mismatch index of one period (GET /api/demand/trend), oldest period first. */
export interface DemandTrendPointView {
  period: string;
  /** The territory compared; null when the period has no labor demand there. */
  territory: 'Город' | 'Регион' | null;
  /** As in DemandView. */
  municipality: string | null;
  date: string | null;
  mismatch: number | null;
  graduates: number;
  vacancies: number | null;
  stayLocal: RatioView;
}

/** One labor-demand workbook of a period: a territory's vacancies as of a date, in force or not. */
export interface LaborDemandVersionView {
  territory: 'Город' | 'Регион';
  /** Whose Город vacancies (the registry's spelling); null for Регион and with one municipality. */
  municipality: string | null;
  date: string;
  version: number;
  current: boolean;
  vacancies: number;
  rows: number;
  uploadId: number;
  fileName: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A line of the committee's profession → area mapping. */
export interface ProfessionMappingView {
  id: number;
  profession: string | null;
  okpdtr: string | null;
  area: string;
  areaName: string;
}

/** A change of a campaign: opened, its deadline moved, closed, reopened. */
export interface CampaignChangeView {
  action: 'open' | 'deadline' | 'close' | 'reopen';
  /** The deadline after the change. */
  deadline: string;
  /** The deadline before a move; null otherwise. */
  previousDeadline: string | null;
  by: string;
  at: string;
}

/** The reporting campaign of a period (GET /api/campaigns/:period), with its progress. */
export interface CampaignView {
  period: string;
  /** YYYY-MM-DD: an upload on this day (in the municipality's time zone) is on time. */
  deadline: string;
  open: boolean;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Today in the municipality's time zone, YYYY-MM-DD. */
  today: string;
  /** Days from today to the deadline: 0 on the deadline day, negative after it. */
  daysLeft: number;
  /** Reports expected: the period's active reporting organizations (of the account's level). */
  expected: number;
  /** How many reports are in each state. */
  counts: Record<ReportState, number>;
  /** Complete on or before the deadline. */
  onTime: number;
  /** Completed after the deadline, or still incomplete after it. */
  late: number;
  /** Opened, deadlines moved, closed: oldest first. */
  history: CampaignChangeView[];
}

/** The committee's last decision on a report. */
export interface ReviewView {
  decision: 'accepted' | 'returned';
  comment: string | null;
  by: string;
  at: string;
}

/** One required sheet of a report. */
export interface ReportSheetView {
  sheet: SheetId;
  name: string;
  /** When the version in force was received; null while the sheet is missing. */
  uploadedAt: string | null;
  /** When the first accepted version was received: what on time is judged by. */
  firstUploadedAt: string | null;
}

/**
 * An organization's report for a period, as the campaign page shows it and `cli campaign
 * status --json` prints it (the CLI's `{org, state, onTime, late, sheets:[{sheet, uploadedAt}]}`
 * are these fields).
 */
export interface ReportStatusView {
  org: string;
  name: string;
  type: string;
  municipality: string;
  state: ReportState;
  /** Every required sheet's first version on or before the deadline (false without a campaign). */
  onTime: boolean;
  /** Days late (see timeliness in libs/domain campaign.ts); null when not late or without a campaign. */
  late: number | null;
  /** YYYY-MM-DD the report became complete; null until it is. */
  completedOn: string | null;
  sheets: ReportSheetView[];
  /** The organization's last upload for the period, with its warnings. */
  lastUpload: {
    id: number;
    fileName: string;
    uploadedAt: string;
    outcome: UploadOutcome;
    warnings: string[];
  } | null;
  review: ReviewView | null;
}

/** A line of a report's history: an upload that stored something, or a committee's decision. */
export interface ReportEventView {
  at: string;
  by: string;
  kind: 'upload' | 'accepted' | 'returned';
  /** The state the report was left in. */
  state: ReportState;
  comment: string | null;
  uploadId: number | null;
  fileName: string | null;
}

/** A reminder the organization's accounts see on their start page until the report is sent. */
export interface NotificationView {
  id: number;
  period: string;
  organization: string;
  reason: 'before-deadline' | 'after-deadline' | 'returned';
  message: string;
  createdAt: string;
}

/** The answer to accepting several reports at once: which were accepted, which refused and why. */
export interface BulkReviewView {
  accepted: string[];
  refused: { org: string; message: string }[];
}

// The management cycle (issue 15, item 3): per period and level (a municipality, or the region
// when the registry has several; null with one) the committee's analysis of each indicator, its
// recommendations to named organizations and their answers, measures and decisions; comments
// pinned to an indicator's value; the effectiveness of a recommendation.

/** The committee's current analysis of an indicator for a period and level. */
export interface CycleAnalysisView {
  period: string;
  municipality: string | null;
  indicator: string;
  text: string;
  writtenBy: string;
  writtenAt: string;
  /** How many versions were written before this one (all kept). */
  earlierVersions: number;
}

/** An addressee of a recommendation and its answer (null until it answers). */
export interface CycleAddresseeView {
  org: string;
  name: string;
  answer: { text: string; answeredBy: string; answeredAt: string } | null;
}

export interface CycleRecommendationView {
  id: number;
  period: string;
  municipality: string | null;
  indicator: string;
  text: string;
  /** YYYY-MM-DD. */
  due: string;
  createdBy: string;
  createdAt: string;
  /** A school sees only its own organization among them. */
  addressees: CycleAddresseeView[];
}

export interface CycleMeasureView {
  id: number;
  period: string;
  municipality: string | null;
  text: string;
  /** YYYY-MM-DD; `until` null for one day. */
  from: string;
  until: string | null;
  responsible: string;
  orgs: string[];
  createdBy: string;
  createdAt: string;
}

export interface CycleDecisionView {
  id: number;
  period: string;
  municipality: string | null;
  text: string;
  /** YYYY-MM-DD. */
  date: string;
  basis: string;
  createdBy: string;
  createdAt: string;
}

/** A comment pinned to an indicator's value: an organization's (`org`) or a pooled level's. */
export interface CycleCommentView {
  id: number;
  period: string;
  indicator: string;
  org: string | null;
  municipality: string | null;
  text: string;
  author: string;
  createdAt: string;
}

/** A pooled value of a group of organizations: Σ numerators / Σ denominators of their stored values. */
export interface CyclePooledView {
  organizations: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** One group's value in the recommendation's period and the next, and the change (value after − before). */
export interface CycleGroupMoveView {
  before: CyclePooledView;
  after: CyclePooledView | null;
  change: number | null;
}

/**
 * How a recommendation's indicator moved from its period to the next in the organizations it
 * addressed against the level's other organizations (GET /api/cycle/recommendations/{id}/effectiveness).
 */
export interface CycleEffectivenessView {
  recommendation: number;
  indicator: string;
  period: string;
  /** null when the next period has no data yet. */
  nextPeriod: string | null;
  addressed: CycleGroupMoveView;
  others: CycleGroupMoveView;
}

/** One grade of a school's `Профминимум` sheet (GET /api/profminimum): the row as sent. */
export type ProfminimumGradeView = ProfminimumRow;

/** A school's career guidance minimum for a period; `grades` is empty when it did not send the sheet. */
export interface ProfminimumSchoolView {
  org: string;
  name: string;
  municipality: string;
  /** Whether the school sent the sheet for the period. */
  reported: boolean;
  grades: ProfminimumGradeView[];
  /** It sent the sheet and teaches every grade at the basic level only. */
  basicOnly: boolean;
}

/** The career guidance minimum of a period, school by school (GET /api/profminimum). */
export interface ProfminimumView {
  period: string;
  schools: ProfminimumSchoolView[];
}
