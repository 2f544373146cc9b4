import { destinationCounts, destinationLinks, moveDestinationCounts } from './destinations';

const g = (graduateClass: '9' | '11' | 'СПО', destination: string, territory: string | null = null) =>
  ({ graduateClass, destination, territory }) as Parameters<typeof destinationCounts>[0][number];

describe('destination counts', () => {
  const school = [
    g('11', 'ВУЗ', 'Город'),
    g('9', '10 класс'),
    g('11', 'ВУЗ', 'Город'),
    g('11', 'ВУЗ', 'Регион'),
    g('9', 'СПО', 'Город'),
    g('11', 'Армия'),
  ];

  it('counts graduates by class, destination and territory, ordered by them (no territory first)', () => {
    expect(destinationCounts(school)).toEqual([
      { graduateClass: '11', destination: 'Армия', territory: null, graduates: 1 },
      { graduateClass: '11', destination: 'ВУЗ', territory: 'Город', graduates: 2 },
      { graduateClass: '11', destination: 'ВУЗ', territory: 'Регион', graduates: 1 },
      { graduateClass: '9', destination: '10 класс', territory: null, graduates: 1 },
      { graduateClass: '9', destination: 'СПО', territory: 'Город', graduates: 1 },
    ]);
    expect(destinationCounts([])).toEqual([]);
  });

  it("moves the municipality's counts by one organization's difference, dropping those at 0", () => {
    const other = destinationCounts([g('СПО', 'Работа', 'Город'), g('11', 'Армия')]);
    const before = destinationCounts(school);
    const after = destinationCounts([g('11', 'ВУЗ', 'Город'), g('СПО', 'Работа', 'Город')]);
    const pooled = moveDestinationCounts([], [], [...other, ...before]);
    expect(moveDestinationCounts(pooled, before, after)).toEqual(
      moveDestinationCounts([], [], [...other, ...after]),
    );
    expect(moveDestinationCounts(pooled, before, after)).toEqual([
      { graduateClass: '11', destination: 'Армия', territory: null, graduates: 1 },
      { graduateClass: '11', destination: 'ВУЗ', territory: 'Город', graduates: 1 },
      { graduateClass: 'СПО', destination: 'Работа', territory: 'Город', graduates: 2 },
    ]);
  });

  it('links class → destination and destination → territory, summed over classes', () => {
    expect(destinationLinks(destinationCounts(school))).toEqual([
      { source: 'Выпускники 11 классов', target: 'Армия', value: 1 },
      { source: 'Выпускники 11 классов', target: 'ВУЗ', value: 3 },
      { source: 'ВУЗ', target: 'Город', value: 2 },
      { source: 'ВУЗ', target: 'Регион', value: 1 },
      { source: 'Выпускники 9 классов', target: '10 класс', value: 1 },
      { source: 'Выпускники 9 классов', target: 'СПО', value: 1 },
      { source: 'СПО', target: 'Город', value: 1 },
    ]);
  });
});
