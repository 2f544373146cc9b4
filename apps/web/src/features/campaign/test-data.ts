import type { CampaignView, ReportSheetView, ReportStatusView, SheetId } from '@profmonitor/domain';
import { campaignView, reportView } from '@/test/campaign';

// A campaign five days past its deadline (10.06.2025) and its reports, one of each kind the page
// tells apart: complete and clean, complete with a warning and late, missing, partial, accepted,
// returned, and a college (no Охват).

export const PERIOD = '2024/2025';

const SHEET_NAMES: Record<SheetId, string> = {
  title: 'Титул',
  graduates: 'Выпускники',
  coverage: 'Охват',
  teachers: 'Педагоги',
  partners: 'Партнёры',
  profminimum: 'Профминимум',
};

const SCHOOL_SHEETS: SheetId[] = ['title', 'graduates', 'coverage', 'teachers', 'partners'];
const COLLEGE_SHEETS: SheetId[] = ['title', 'graduates', 'teachers', 'partners'];

/** Sheets received at a moment; those not listed in `sent` are missing. */
function sheets(required: SheetId[], at: string | null, sent: SheetId[] = required): ReportSheetView[] {
  return required.map((sheet) => ({
    sheet,
    name: SHEET_NAMES[sheet],
    uploadedAt: at && sent.includes(sheet) ? at : null,
    firstUploadedAt: at && sent.includes(sheet) ? at : null,
  }));
}

/** A school's complete report sent on 05.06.2025, on time, nothing to say. */
export function report(
  partial: Partial<ReportStatusView> & Pick<ReportStatusView, 'org' | 'name'>,
): ReportStatusView {
  return reportView({
    state: 'сдан',
    onTime: true,
    completedOn: '2025-06-05',
    sheets: sheets(SCHOOL_SHEETS, '2025-06-05T09:00:00.000Z'),
    lastUpload: {
      id: 10,
      fileName: `${partial.org}.xlsx`,
      uploadedAt: '2025-06-05T09:00:00.000Z',
      outcome: 'accepted',
      warnings: [],
    },
    ...partial,
  });
}

export const REPORTS: ReportStatusView[] = [
  report({ org: 'SCH01', name: 'МБОУ «Средняя школа № 1»' }),
  report({
    org: 'SCH02',
    name: 'МБОУ «Средняя школа № 2»',
    onTime: false,
    late: 2,
    completedOn: '2025-06-12',
    sheets: sheets(SCHOOL_SHEETS, '2025-06-12T09:00:00.000Z'),
    lastUpload: {
      id: 12,
      fileName: 'SCH02.xlsx',
      uploadedAt: '2025-06-12T09:00:00.000Z',
      outcome: 'accepted',
      warnings: ['«Охват», строка 3: Охвачено больше половины класса за один день.'],
    },
  }),
  report({
    org: 'SCH03',
    name: 'МБОУ «Средняя школа № 3»',
    state: 'не сдан',
    onTime: false,
    late: 5,
    completedOn: null,
    sheets: sheets(SCHOOL_SHEETS, null),
    lastUpload: null,
  }),
  report({
    org: 'SCH04',
    name: 'МБОУ «Средняя школа № 4»',
    state: 'сдан частично',
    onTime: false,
    late: 5,
    completedOn: null,
    sheets: sheets(SCHOOL_SHEETS, '2025-06-09T09:00:00.000Z', ['title', 'graduates']),
    lastUpload: {
      id: 13,
      fileName: 'SCH04.xlsx',
      uploadedAt: '2025-06-09T09:00:00.000Z',
      outcome: 'partial',
      warnings: [],
    },
  }),
  report({
    org: 'SCH05',
    name: 'МБОУ «Средняя школа № 5»',
    state: 'принят',
    review: { decision: 'accepted', comment: null, by: 'komitet', at: '2025-06-11T10:00:00.000Z' },
  }),
  report({
    org: 'SCH06',
    name: 'МБОУ «Средняя школа № 6»',
    state: 'возвращён',
    review: {
      decision: 'returned',
      comment: 'В «Выпускниках» нет 9 классов.',
      by: 'komitet',
      at: '2025-06-11T11:00:00.000Z',
    },
  }),
  report({
    org: 'COL01',
    name: 'ГБПОУ «Городской колледж»',
    type: 'Колледж',
    sheets: sheets(COLLEGE_SHEETS, '2025-06-08T09:00:00.000Z'),
    lastUpload: {
      id: 14,
      fileName: 'COL01.xlsx',
      uploadedAt: '2025-06-08T09:00:00.000Z',
      outcome: 'accepted',
      warnings: [],
    },
  }),
];

export const CAMPAIGN: CampaignView = campaignView({
  period: PERIOD,
  deadline: '2025-06-10',
  openedAt: '2025-05-01T08:00:00.000Z',
  today: '2025-06-15',
  daysLeft: -5,
  expected: 7,
  counts: { 'не сдан': 1, 'сдан частично': 1, сдан: 3, принят: 1, возвращён: 1 },
  onTime: 4,
  late: 3,
  history: [
    {
      action: 'open',
      deadline: '2025-06-01',
      previousDeadline: null,
      by: 'komitet',
      at: '2025-05-01T08:00:00.000Z',
    },
    {
      action: 'deadline',
      deadline: '2025-06-10',
      previousDeadline: '2025-06-01',
      by: 'komitet',
      at: '2025-05-30T08:00:00.000Z',
    },
  ],
});
