import type { ProfminimumSchoolView, ProfminimumView } from '@profmonitor/domain';

// Hand-made schools of 2024/2025 (counts chosen so that every share is checked by hand):
// SCH01 — grades 6 (basic, 40 of 50), 8 (main, 55 of 55), 10 (advanced, 20 of 30): students 135,
//   covered 115 → 85,2 %; above basic 75 → 55,6 %; «Билет в будущее» filled in 8 and 10 only:
//   50 of 85 → 58,8 %.
// SCH07 — grades 9 and 11, both basic: basic only; 45 of 50 → 90,0 %; above basic 0,0 %;
//   «Билет в будущее» blank everywhere → no value.
// SCH03 — did not send the sheet: no value anywhere, never 0.
export const SCH01: ProfminimumSchoolView = {
  org: 'SCH01',
  name: 'МБОУ «Средняя школа № 1»',
  municipality: 'Город',
  reported: true,
  basicOnly: false,
  grades: [
    { grade: 8, students: 55, level: 'Основной', covered: 55, futureTicket: 30, hours: 60 },
    { grade: 6, students: 50, level: 'Базовый', covered: 40, futureTicket: null, hours: 40 },
    { grade: 10, students: 30, level: 'Продвинутый', covered: 20, futureTicket: 20, hours: 80 },
  ],
};

export const SCH07: ProfminimumSchoolView = {
  org: 'SCH07',
  name: 'МБОУ «Средняя школа № 7»',
  municipality: 'Город',
  reported: true,
  basicOnly: true,
  grades: [
    { grade: 11, students: 20, level: 'Базовый', covered: 20, futureTicket: null, hours: 36 },
    { grade: 9, students: 30, level: 'Базовый', covered: 25, futureTicket: null, hours: null },
  ],
};

export const SCH03: ProfminimumSchoolView = {
  org: 'SCH03',
  name: 'МБОУ «Средняя школа № 3»',
  municipality: 'Город',
  reported: false,
  basicOnly: false,
  grades: [],
};

export const PROFMINIMUM: ProfminimumView = { period: '2024/2025', schools: [SCH01, SCH07, SCH03] };
