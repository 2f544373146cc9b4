import type { CycleAnalysisView, CycleEffectivenessView, CycleRecommendationView } from '@profmonitor/domain';

// The management cycle's answers as the API gives them, for the page's and the model's tests.

export const PERIOD = '2024/2025';
export const EARLIER = '2023/2024';

export const ANALYSIS: CycleAnalysisView = {
  period: PERIOD,
  municipality: null,
  indicator: 'coverage_8_11',
  text: 'Охват вырос, но три школы ниже цели.',
  writtenBy: 'komitet',
  writtenAt: '2025-06-10T09:00:00.000Z',
  earlierVersions: 1,
};

/** Addressed to SCH01 (answered) and SCH07 (not), due 01.03.2024: SCH07 is overdue. */
export const RECOMMENDATION: CycleRecommendationView = {
  id: 7,
  period: EARLIER,
  municipality: null,
  indicator: 'coverage_8_11',
  text: 'Провести профпробы для 8–9 классов.',
  due: '2024-03-01',
  createdBy: 'komitet',
  createdAt: '2024-01-15T09:00:00.000Z',
  addressees: [
    {
      org: 'SCH01',
      name: 'Школа № 1',
      answer: {
        text: 'Провели профпробы в феврале.',
        answeredBy: 'sch01',
        answeredAt: '2024-02-20T10:00:00.000Z',
      },
    },
    { org: 'SCH07', name: 'МБОУ «Средняя школа № 7»', answer: null },
  ],
};

/** Addressed 60,0 % → 72,0 % (+12,0 п.п.), the others 70,0 % → 71,0 % (+1,0 п.п.). */
export const EFFECTIVENESS: CycleEffectivenessView = {
  recommendation: 7,
  indicator: 'coverage_8_11',
  period: EARLIER,
  nextPeriod: PERIOD,
  addressed: {
    before: { organizations: 2, numerator: 60, denominator: 100, value: 0.6 },
    after: { organizations: 2, numerator: 72, denominator: 100, value: 0.72 },
    change: 0.72 - 0.6,
  },
  others: {
    before: { organizations: 6, numerator: 140, denominator: 200, value: 0.7 },
    after: { organizations: 6, numerator: 142, denominator: 200, value: 0.71 },
    change: 0.71 - 0.7,
  },
};
