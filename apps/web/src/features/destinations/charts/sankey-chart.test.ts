import { describe, expect, it } from 'vitest';
import type { DestinationLinkView } from '@profmonitor/domain';
import { HOSTILE_NAME, HOSTILE_NAME_ESCAPED } from '@/test/hostile-name';
import { graduatesTotal, labelOf, sankeyChartOption, sankeyData } from '@profmonitor/charts';

const links: DestinationLinkView[] = [
  { source: 'СПО', target: 'Работа', value: 30 },
  { source: '11 класс', target: 'Армия', value: 3 },
  { source: '9 класс', target: 'СПО', value: 40 },
  { source: '9 класс', target: '10 класс', value: 50 },
  { source: '11 класс', target: 'ВУЗ', value: 20 },
  { source: 'СПО', target: 'Город', value: 25 },
  { source: 'Работа', target: 'Город', value: 20 },
  { source: 'Работа', target: 'Регион', value: 10 },
  { source: 'ВУЗ', target: 'Другой регион', value: 20 },
  { source: '11 класс', target: 'Армия', value: 0 },
];

describe('sankey of destinations', () => {
  const data = sankeyData(links);

  it('puts classes, destinations and territories in three columns, in their natural order', () => {
    expect(data.nodes.map((node) => `${node.depth} ${node.label}`)).toEqual([
      '0 9 класс',
      '0 11 класс',
      '0 СПО',
      '1 10 класс',
      '1 СПО',
      '1 ВУЗ',
      '1 Работа',
      '1 Армия',
      '2 Город',
      '2 Регион',
      '2 Другой регион',
    ]);
  });

  it('keeps «СПО» the class apart from «СПО» the destination, so there is no cycle', () => {
    expect(data.links).toContainEqual({ source: '0:9 класс', target: '1:СПО', value: 40 });
    expect(data.links).toContainEqual({ source: '1:СПО', target: '2:Город', value: 25 });
    expect(data.links).toContainEqual({ source: '0:СПО', target: '1:Работа', value: 30 });
    expect(data.links.every((link) => Number(link.source[0]) < Number(link.target[0]))).toBe(true);
  });

  it('drops empty links and counts the graduates leaving the first column', () => {
    expect(data.links.some((link) => link.value === 0)).toBe(false);
    expect(graduatesTotal(data)).toBe(143);
  });

  it('orders classes by grade whatever the API calls them', () => {
    const named = sankeyData([
      { source: 'Выпускники колледжа (СПО)', target: 'Работа', value: 1 },
      { source: 'Выпускники 11 классов', target: 'ВУЗ', value: 1 },
      { source: 'Выпускники 9 классов', target: '10 класс', value: 1 },
    ]);
    expect(named.nodes.filter((n) => n.depth === 0).map((n) => n.label)).toEqual([
      'Выпускники 9 классов',
      'Выпускники 11 классов',
      'Выпускники колледжа (СПО)',
    ]);
  });

  it('shows the plain labels', () => {
    expect(labelOf('1:Не учится и не работает')).toBe('Не учится и не работает');
    const [series] = sankeyChartOption(links).series as {
      type: string;
      data: { name: string; depth: number }[];
    }[];
    expect(series.type).toBe('sankey');
    expect(series.data[0]).toMatchObject({ name: '0:9 класс', depth: 0 });
  });

  it('writes the labels of the hovered node or link in its tooltip as text, never as markup', () => {
    const option = sankeyChartOption([{ source: HOSTILE_NAME, target: 'Работа', value: 1200 }]);
    const formatter = (option.tooltip as { formatter: (params: object) => string }).formatter;
    expect(formatter({ dataType: 'node', name: `0:${HOSTILE_NAME}`, value: 1200 })).toBe(
      `${HOSTILE_NAME_ESCAPED}: <b>1\u00a0200</b>`,
    );
    expect(
      formatter({
        dataType: 'edge',
        data: { source: `0:${HOSTILE_NAME}`, target: '1:Работа', value: 1200 },
        value: 1200,
      }),
    ).toBe(`${HOSTILE_NAME_ESCAPED} → Работа: <b>1\u00a0200</b>`);
  });

  describe('stable and readable', () => {
    type Node = { name: string; itemStyle: { color: string } };
    type Option = {
      animation: boolean;
      series: { data: Node[]; label: { formatter: (params: { name: string }) => string } }[];
    };
    const build = (input: DestinationLinkView[]) => sankeyChartOption(input) as unknown as Option;
    const colorOf = (option: Option, name: string) =>
      option.series[0].data.find((n) => n.name === name)!.itemStyle.color;

    it('does not animate', () => {
      expect(build(links).animation).toBe(false);
    });

    it('gives a node the same colour in every view, whatever else is shown', () => {
      const full = build(links);
      const part = build(links.filter((link) => link.source !== '9 класс' && link.target !== 'Город'));
      for (const name of ['0:11 класс', '1:ВУЗ', '1:Работа', '2:Регион', '2:Другой регион'])
        expect(colorOf(part, name)).toBe(colorOf(full, name));
      expect(colorOf(full, '1:ВУЗ')).not.toBe(colorOf(full, '1:Работа'));
    });

    it('labels each node with its count of graduates', () => {
      const { formatter } = build(links).series[0].label;
      expect(formatter({ name: '0:9 класс' })).toBe('9 класс — 90');
      expect(formatter({ name: '1:Работа' })).toBe('Работа — 30');
      expect(formatter({ name: '2:Город' })).toBe('Город — 45');
    });
  });
});
