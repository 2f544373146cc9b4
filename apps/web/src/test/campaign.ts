import type { CampaignView, ReportStatusView } from '@profmonitor/domain';

/** The 2024/2025 campaign, open, five days before its deadline (a school sees only its own report counted). */
export function campaignView(partial: Partial<CampaignView> = {}): CampaignView {
  return {
    period: '2024/2025',
    deadline: '2025-06-15',
    open: true,
    openedAt: '2025-05-20T07:00:00.000Z',
    openedBy: 'komitet',
    closedAt: null,
    closedBy: null,
    today: '2025-06-10',
    daysLeft: 5,
    expected: 1,
    counts: { 'не сдан': 0, 'сдан частично': 1, сдан: 0, принят: 0, возвращён: 0 },
    onTime: 0,
    late: 0,
    history: [],
    ...partial,
  };
}

/** SCH01's report for 2024/2025: Охват in, Выпускники missing. */
export function reportView(partial: Partial<ReportStatusView> = {}): ReportStatusView {
  return {
    org: 'SCH01',
    name: 'МБОУ «Средняя школа № 1»',
    type: 'Школа',
    municipality: 'Город',
    state: 'сдан частично',
    onTime: false,
    late: null,
    completedOn: null,
    sheets: [
      {
        sheet: 'coverage',
        name: 'Охват',
        uploadedAt: '2025-06-10T09:00:00.000Z',
        firstUploadedAt: '2025-06-10T09:00:00.000Z',
      },
      { sheet: 'graduates', name: 'Выпускники', uploadedAt: null, firstUploadedAt: null },
    ],
    lastUpload: null,
    review: null,
    ...partial,
  };
}

/** SCH01's report with both sheets in, on time: complete. */
export const completeReport = (partial: Partial<ReportStatusView> = {}): ReportStatusView =>
  reportView({
    state: 'сдан',
    sheets: [
      { sheet: 'coverage', name: 'Охват', uploadedAt: '2025-06-10T09:00:00.000Z', firstUploadedAt: null },
      {
        sheet: 'graduates',
        name: 'Выпускники',
        uploadedAt: '2025-06-11T09:00:00.000Z',
        firstUploadedAt: null,
      },
    ],
    onTime: true,
    completedOn: '2025-06-11',
    ...partial,
  });
