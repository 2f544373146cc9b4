/** What an item tooltip is told about the hovered item (one item, or a list of one). */
type TooltipItem = { dataIndex: number };

/**
 * An item tooltip from the rows a series was drawn from: the hovered bar's row in words, or
 * nothing when there is no such row.
 */
export function rowTooltip<Row>(rows: readonly Row[], describe: (row: Row) => string) {
  return (params: TooltipItem | TooltipItem[]): string => {
    const item = Array.isArray(params) ? params[0] : params;
    const row = item ? rows[item.dataIndex] : undefined;
    return row === undefined ? '' : describe(row);
  };
}
