// How indicator values read (scales, statuses, colours, changes): shared with the API's annual
// report through the chart library, which formats the charts with the same helpers.
export {
  changeDirection,
  changeTone,
  combinedStatus,
  DIRECTION_ARROW,
  formatAxisValue,
  formatChange,
  formatTarget,
  formatValue,
  higherIsBetter,
  pooledCompleteness,
  scaleOf,
  SHEET_NAMES,
  STATUS_COLORS,
  statusLabel,
  statusTone,
  type Direction,
  type PooledCompleteness,
  type Scale,
  type StatusTone,
} from '@profmonitor/charts';
