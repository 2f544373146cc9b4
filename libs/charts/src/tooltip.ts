import type { ECElementEvent } from 'echarts/core';
import type { SafeHtml } from './html';

/** What an item tooltip is told about the hovered item: its index, value, data, name and kind. */
export type TooltipItem = Pick<ECElementEvent, 'dataIndex' | 'value' | 'data' | 'name' | 'dataType'>;

/**
 * The formatter of every chart's item tooltip. ECharts puts what a formatter returns into the
 * page as HTML, so the description must be `html` markup: names in it are escaped.
 */
export function itemTooltip<Item = TooltipItem>(describe: (item: Item) => SafeHtml | null) {
  return (params: Item | Item[]): string => {
    const item = Array.isArray(params) ? params[0] : params;
    return item === undefined ? '' : (describe(item)?.markup ?? '');
  };
}

/**
 * An item tooltip from the rows a series was drawn from: the hovered bar's row in words, or
 * nothing when there is no such row.
 */
export function rowTooltip<Row>(rows: readonly Row[], describe: (row: Row) => SafeHtml) {
  return itemTooltip<Pick<TooltipItem, 'dataIndex'>>(({ dataIndex }) => {
    const row = rows[dataIndex];
    return row === undefined ? null : describe(row);
  });
}
