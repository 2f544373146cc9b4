import type { AreaGapView, DemandView } from '@profmonitor/domain';

// A small city's demand for the tests: hand-made shares, so that every number is checkable.

export function area(partial: Partial<AreaGapView> & Pick<AreaGapView, 'area' | 'name'>): AreaGapView {
  return {
    graduates: 0,
    vacancies: 0,
    graduatesShare: 0,
    vacanciesShare: 0,
    gap: 0,
    inDemand: false,
    ...partial,
  };
}

/** 100 graduates, 200 vacancies: IT chosen by 20 against 2 vacancies, services by 10 against 80. */
export const IT = area({
  area: '06',
  name: 'IT и связь',
  graduates: 20,
  vacancies: 2,
  graduatesShare: 0.2,
  vacanciesShare: 0.01,
  gap: 0.19,
});
export const SERVICE = area({
  area: '33',
  name: 'Сервис и услуги',
  graduates: 10,
  vacancies: 80,
  graduatesShare: 0.1,
  vacanciesShare: 0.4,
  gap: -0.3,
  inDemand: true,
});
export const LAW = area({
  area: '09',
  name: 'Юриспруденция',
  graduates: 70,
  vacancies: 118,
  graduatesShare: 0.7,
  vacanciesShare: 0.59,
  gap: 0.11,
});

export function demandView(partial: Partial<DemandView> = {}): DemandView {
  return {
    period: '2024/2025',
    territory: 'Город',
    date: '2025-03-01',
    org: null,
    mismatch: 0.3,
    graduates: 100,
    vacancies: 200,
    areas: [SERVICE, IT, LAW],
    surplus: IT,
    deficit: SERVICE,
    inDemandList: null,
    territories: ['Город', 'Регион'],
    ...partial,
  } as DemandView;
}

/** The same graduates in a period without any labor demand: «нет данных», not zero. */
export function noDemandView(partial: Partial<DemandView> = {}): DemandView {
  const blank = { vacancies: null, vacanciesShare: null, gap: null };
  return demandView({
    territory: null,
    date: null,
    mismatch: null,
    vacancies: null,
    areas: [
      { ...LAW, ...blank },
      { ...IT, ...blank },
      { ...SERVICE, ...blank, inDemand: false },
    ],
    surplus: null,
    deficit: null,
    territories: [],
    ...partial,
  });
}
