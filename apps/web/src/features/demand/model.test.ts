import { describe, expect, it } from 'vitest';
import { AREAS } from '@profmonitor/domain';
import { demandState, extremeSentences, inDemandChoices, numberedVersions, parseTerritory } from './model';
import { area, demandView, IT, noDemandView } from './test-data';

describe('the largest surplus and deficit in words', () => {
  it('says each in one sentence, with both shares as printed', () => {
    expect(extremeSentences(demandView())).toEqual({
      surplus:
        'Больше всего выпускников сверх потребности — IT и связь: 20,0 % выбора против 1,0 % вакансий.',
      deficit:
        'Сильнее всего не хватает выпускников — Сервис и услуги: 10,0 % выбора против 40,0 % вакансий.',
    });
  });

  it('reads the demo city as the committee would', () => {
    const it_ = area({
      area: '06',
      name: 'IT и связь',
      graduates: 84,
      vacancies: 6,
      graduatesShare: 84 / 422,
      vacanciesShare: 6 / 644,
      gap: 84 / 422 - 6 / 644,
    });
    expect(extremeSentences({ surplus: it_, deficit: null }).surplus).toBe(
      'Больше всего выпускников сверх потребности — IT и связь: 19,9 % выбора против 0,9 % вакансий.',
    );
  });

  it('says nothing without labor demand, and nothing for a gap that prints as zero', () => {
    expect(extremeSentences(noDemandView())).toEqual({ surplus: null, deficit: null });
    const even = { ...IT, gap: 0.0004 };
    expect(extremeSentences({ surplus: even, deficit: null }).surplus).toBeNull();
  });
});

describe('the page', () => {
  it('tells a period without demand from one without graduates', () => {
    expect(demandState(demandView())).toBe('ready');
    expect(demandState(noDemandView())).toBe('noDemand');
    expect(demandState(demandView({ graduates: 0 }))).toBe('noGraduates');
  });

  it('takes only a known territory from the address', () => {
    expect(parseTerritory('Регион')).toBe('Регион');
    expect(parseTerritory('регион')).toBeUndefined();
    expect(parseTerritory(undefined)).toBeUndefined();
  });
});

describe('the in-demand form', () => {
  it('offers every area of the classifier, the largest share of vacancies first, checked by the rule', () => {
    const choices = inDemandChoices(demandView());
    expect(choices).toHaveLength(AREAS.length);
    expect(choices.slice(0, 3).map((c) => [c.area, c.vacanciesShare, c.inDemand])).toEqual([
      ['09', 0.59, false],
      ['33', 0.4, true],
      ['06', 0.01, false],
    ]);
    // An area with no vacancies has a share of zero when the period has demand.
    expect(choices[3]).toMatchObject({ area: '01', vacanciesShare: 0, inDemand: false });
  });

  it('checks the committee’s list when there is one, and shows no share without demand', () => {
    const choices = inDemandChoices(noDemandView({ inDemandList: ['17', '33'] }));
    expect(choices.filter((c) => c.inDemand).map((c) => c.area)).toEqual(['17', '33']);
    expect(choices.every((c) => c.vacanciesShare === null)).toBe(true);
  });
});

describe('numberedVersions', () => {
  const version = (territory: 'Город' | 'Регион', date: string, current: boolean) => ({
    territory,
    date,
    version: 1,
    current,
    vacancies: 10,
    rows: 2,
    uploadId: 1,
    fileName: 'v.xlsx',
    uploadedBy: 'czn',
    uploadedAt: '2024-03-01T10:00:00Z',
  });

  it('numbers the books of each territory in order of their date: 1 the oldest', () => {
    const numbered = numberedVersions([
      version('Город', '2024-03-01', true),
      version('Регион', '2024-02-01', true),
      version('Город', '2023-12-01', false),
    ]);
    expect(numbered.map((v) => `${v.territory} ${v.date} ${v.number}`)).toEqual([
      'Город 2024-03-01 2',
      'Регион 2024-02-01 1',
      'Город 2023-12-01 1',
    ]);
  });
});
