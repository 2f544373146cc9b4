import type { CampaignView, ReportStatusView } from '@profmonitor/domain';
import { formatDateTime } from '@/lib/format';

// What a school is told about its reports on its start page (the upload page): what is due and
// by when, and which periods its uploads will be refused for, before it tries.

/** An open campaign and the school's own report for it (null: it is not expected to report). */
export interface DueReport {
  campaign: CampaignView;
  report: ReportStatusView | null;
}

/** The open campaigns, nearest deadline first, each with the school's report. */
export function dueReports(
  campaigns: readonly CampaignView[],
  reports: ReadonlyMap<string, readonly ReportStatusView[]>,
  organization: string | null,
): DueReport[] {
  return campaigns
    .filter((campaign) => campaign.open)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.period.localeCompare(b.period))
    .map((campaign) => {
      const rows = reports.get(campaign.period) ?? [];
      // The API gives a school its own row only; its code is checked all the same.
      const report = rows.find((row) => row.org === organization) ?? null;
      return { campaign, report };
    });
}

/** The required sheets in and missing, by their names. */
export function sheetsOf(report: ReportStatusView): { sent: string[]; missing: string[] } {
  return {
    sent: report.sheets.filter((sheet) => sheet.uploadedAt !== null).map((sheet) => sheet.name),
    missing: report.sheets.filter((sheet) => sheet.uploadedAt === null).map((sheet) => sheet.name),
  };
}

/** A period the school's upload will be refused for, and why, in the words the upload shows. */
export interface UploadLock {
  period: string;
  kind: 'locked' | 'closed';
  message: string;
}

/**
 * The periods a school's upload is refused for (campaign.md): its accepted reports (locked
 * until the committee returns them) and the closed campaigns; said before the school tries.
 */
export function uploadLocks(campaigns: readonly CampaignView[], due: readonly DueReport[]): UploadLock[] {
  const locked = due.flatMap(({ campaign, report }): UploadLock[] =>
    report?.state === 'принят'
      ? [{ period: campaign.period, kind: 'locked', message: acceptedText(campaign.period, report) }]
      : [],
  );
  const closed = campaigns
    .filter((campaign) => !campaign.open)
    .map((campaign): UploadLock => ({
      period: campaign.period,
      kind: 'closed',
      message:
        `Сбор отчётов за ${campaign.period} учебный год закрыт` +
        (campaign.closedAt ? ` ${formatDateTime(campaign.closedAt)}` : '') +
        ': файл за этот год не будет загружен. Чтобы внести исправления, обратитесь в комитет.',
    }));
  return [...locked, ...closed];
}

/** «принят комитетом 20.06.2025, 14:05 (komitet)»: who accepted and when. */
const decidedBy = (report: ReportStatusView): string =>
  report.review ? ` ${formatDateTime(report.review.at)} (${report.review.by})` : '';

/** An accepted report is locked: said with who and when, and how to change it. */
export const acceptedText = (period: string, report: ReportStatusView): string =>
  `Отчёт за ${period} принят комитетом${decidedBy(report)} и закрыт для изменений: файл за этот год ` +
  'не будет загружен. Чтобы что-то исправить, попросите комитет вернуть отчёт.';
