import { DESTINATIONS, TERRITORIES, type DestinationLinkView } from '@profmonitor/domain';
import type { ChartOption } from './chart-option';
import { html } from './html';
import { itemTooltip } from './tooltip';
import { formatNumber } from './format';

/** The columns of the diagram: where graduates come from, what they do, where. */
export const LAYERS = ['Класс', 'Направление', 'Территория'] as const;

export interface SankeyNode {
  /** Unique across columns: «СПО» is both a class (college graduates) and a destination. */
  name: string;
  label: string;
  depth: number;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
}

const territories = new Set<string>(TERRITORIES);
const nodeName = (depth: number, label: string) => `${depth}:${label}`;
/** The label of a node name `1:СПО` → «СПО». */
export const labelOf = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Destinations as in the template, territories from the nearest; an unknown label goes last. */
const ORDER: readonly (readonly string[])[] = [[], DESTINATIONS, TERRITORIES];

/** Classes by their grade («9 класс», «Выпускники 11 классов»), college graduates after them. */
function rank(node: SankeyNode): number {
  if (node.depth === 0) return Number(/\d+/.exec(node.label)?.[0] ?? 100);
  const index = ORDER[node.depth].indexOf(node.label);
  return index < 0 ? ORDER[node.depth].length : index;
}

/**
 * Nodes and links of the diagram from the API's links. A link into a territory leaves a
 * destination (column 2 → 3); any other link leaves a class (column 1 → 2). Names are made
 * unique per column, so that «СПО» the class and «СПО» the destination are two nodes and the
 * diagram has no cycle (ECharts refuses one). Empty links are dropped.
 */
export function sankeyData(links: readonly DestinationLinkView[]): {
  nodes: SankeyNode[];
  links: SankeyLink[];
} {
  const nodes = new Map<string, SankeyNode>();
  const add = (depth: number, label: string) => {
    const name = nodeName(depth, label);
    if (!nodes.has(name)) nodes.set(name, { name, label, depth });
    return name;
  };
  const out: SankeyLink[] = [];
  for (const link of links) {
    if (!(link.value > 0)) continue;
    const fromDestination = territories.has(link.target);
    const source = add(fromDestination ? 1 : 0, link.source);
    const target = add(fromDestination ? 2 : 1, link.target);
    out.push({ source, target, value: link.value });
  }
  const sorted = [...nodes.values()].sort(
    (a, b) => a.depth - b.depth || rank(a) - rank(b) || a.label.localeCompare(b.label, 'ru'),
  );
  return { nodes: sorted, links: out };
}

/** How many graduates the diagram shows: the sum of the links out of the first column. */
export const graduatesTotal = (data: { nodes: SankeyNode[]; links: SankeyLink[] }): number =>
  data.links.filter((link) => link.source.startsWith('0:')).reduce((sum, link) => sum + link.value, 0);

/**
 * Fixed colours per column, picked by the node's place in its column's fixed order (grade,
 * template order of destinations, territories from the nearest): a node keeps its colour
 * whichever other nodes a view shows.
 */
const PALETTES: readonly (readonly string[])[] = [
  ['#1d4f91', '#2f6fbf', '#5b8fd1', '#8fb3e3', '#40577a'],
  ['#2e7d32', '#c77700', '#6a3d9a', '#00838f', '#ad1457', '#5d6d1e', '#8d6e63', '#546e7a', '#9e9d24'],
  ['#00695c', '#26a69a', '#80cbc4', '#b0bec5'],
];

export function nodeColor(node: SankeyNode): string {
  const palette = PALETTES[node.depth];
  // Classes rank by grade (9, 11; college graduates 100): their order, not the number, picks.
  const index = node.depth === 0 ? [9, 11, 100].indexOf(rank(node)) : rank(node);
  return palette[(index < 0 ? palette.length - 1 : index) % palette.length];
}

/** Graduates through a node: what flows in, or out for the first column. */
function nodeCounts(data: { links: SankeyLink[] }): Map<string, number> {
  const into = new Map<string, number>();
  const out = new Map<string, number>();
  for (const link of data.links) {
    into.set(link.target, (into.get(link.target) ?? 0) + link.value);
    out.set(link.source, (out.get(link.source) ?? 0) + link.value);
  }
  const counts = new Map(out);
  for (const [name, value] of into) counts.set(name, Math.max(value, out.get(name) ?? 0));
  return counts;
}

export function sankeyChartOption(links: readonly DestinationLinkView[]): ChartOption {
  const data = sankeyData(links);
  const counts = nodeCounts(data);
  return {
    // Redrawn on every filter change: an animated flow only delays reading it.
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: itemTooltip((item) => {
        const value = typeof item.value === 'number' ? formatNumber(item.value) : '';
        if (item.dataType === 'edge') {
          const link = item.data as SankeyLink;
          return html`${labelOf(link.source)} → ${labelOf(link.target)}: <b>${value}</b>`;
        }
        return html`${labelOf(item.name)}: <b>${value}</b>`;
      }),
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        // Room for the territories' labels with their counts («Другой регион — 1 234»).
        right: 150,
        top: 24,
        bottom: 8,
        nodeGap: 12,
        // Keep the nodes in the order given (classes 9, 11, СПО…), not ECharts' own.
        layoutIterations: 0,
        emphasis: { focus: 'adjacency' },
        data: data.nodes.map((node) => ({
          name: node.name,
          depth: node.depth,
          itemStyle: { color: nodeColor(node) },
        })),
        links: data.links,
        label: {
          formatter: (params) => `${labelOf(params.name)} — ${formatNumber(counts.get(params.name) ?? 0)}`,
        },
        lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
      },
    ],
  };
}
