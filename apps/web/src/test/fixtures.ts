import type {
  ImportResult,
  IndicatorValueView,
  OrganizationView,
  PeriodView,
  SessionUserView,
} from '@profmonitor/domain';

export const PERIODS: PeriodView[] = [
  { code: '2023/2024', startsOn: '2023-09-01', endsOn: '2024-08-31' },
  { code: '2024/2025', startsOn: '2024-09-01', endsOn: '2025-08-31' },
];

export const ORGANIZATIONS: OrganizationView[] = [
  {
    code: 'SCH01',
    name: 'МБОУ «Средняя школа № 1»',
    shortName: 'Школа № 1',
    type: 'Школа',
    municipality: 'Город',
    activeFrom: null,
    activeTo: null,
  },
  {
    code: 'SCH07',
    name: 'МБОУ «Средняя школа № 7»',
    shortName: null,
    type: 'Школа',
    municipality: 'Город',
    activeFrom: null,
    activeTo: null,
  },
];

/** An indicator value with defaults: the municipality's coverage in 2024/2025, no data. */
export function valueView(partial: Partial<IndicatorValueView>): IndicatorValueView {
  return {
    id: 'coverage_8_11',
    org: null,
    municipality: null,
    period: '2024/2025',
    sheet: null,
    value: null,
    numerator: null,
    denominator: null,
    target: { kind: 'atLeast', threshold: 0.8 },
    status: 'нет данных',
    previous: null,
    change: null,
    ...partial,
  };
}

export const COMMITTEE: SessionUserView = {
  login: 'komitet',
  role: 'committee',
  organization: null,
  organizationName: null,
  municipality: null,
  municipalityCount: 1,
};

export const REGION: SessionUserView = {
  login: 'minobr',
  role: 'region',
  organization: null,
  organizationName: null,
  municipality: null,
  municipalityCount: 1,
};

export const SCHOOL: SessionUserView = {
  login: 'sch01',
  role: 'school',
  organization: 'SCH01',
  organizationName: 'МБОУ «Средняя школа № 1»',
  municipality: 'Город',
  municipalityCount: 1,
};

/** A school report with one sheet rejected for a bad value and one accepted with a warning. */
export function importResult(partial: Partial<ImportResult> = {}): ImportResult {
  return {
    file: 'SCH01.xlsx',
    accepted: false,
    kind: 'school',
    organization: 'SCH01',
    period: '2024/2025',
    outcome: 'partial',
    uploadId: 41,
    errors: [],
    warnings: [],
    sheets: [
      {
        sheet: 'Выпускники',
        accepted: false,
        rows: 52,
        errors: [
          {
            row: 7,
            column: 'Направление',
            message: '«Космос» — такого значения нет. Допустимо: 10 класс, СПО, ВУЗ, Работа, Армия…',
          },
        ],
        warnings: [],
      },
      {
        sheet: 'Охват',
        accepted: true,
        rows: 4,
        errors: [],
        warnings: [{ row: 3, column: 'Охвачено', message: 'Охвачено больше половины класса за один день.' }],
      },
    ],
    ...partial,
  };
}
