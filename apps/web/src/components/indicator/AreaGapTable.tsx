import { useMemo } from 'react';
import type { AreaGapView, DemandView } from '@profmonitor/domain';
import { DataTable, type Column } from '@/components/table/DataTable';
import { areaMarks, gapSide } from '@/lib/areas';
import { formatIndex, formatNumber } from '@/lib/format';
import { formatChange, formatValue } from '@/lib/indicators';

type AreaGapTableProps = {
  /** In the order to show, the largest gap first. */
  areas: readonly AreaGapView[];
  /** All graduates and vacancies, and the index, for the last row. */
  totals?: Pick<DemandView, 'graduates' | 'vacancies' | 'mismatch'>;
  /** The exported files' name, without extension. */
  fileName?: string;
};

// The result first (the gap and its marks stay in view on a tablet), then the shares and counts behind it.
const COLUMNS: Column<AreaGapView>[] = [
  { id: 'area', header: 'Область', kind: 'text', rowHeader: true, value: (area) => area.name },
  {
    id: 'gap',
    header: 'Расхождение',
    kind: 'percent',
    value: (area) => area.gap,
    render: (area) => formatChange(area.gap, 'percent') ?? 'нет данных',
    cellClass: (area) => `gap gap--${gapSide(area.gap)}`,
  },
  {
    id: 'marks',
    header: 'Отметки',
    kind: 'text',
    value: (area) => areaMarks(area).join(', '),
    render: (area) =>
      areaMarks(area).map((mark) => (
        <span key={mark} className={`tag tag--${mark === 'в дефиците' ? 'deficit' : 'demand'}`}>
          {mark}
        </span>
      )),
  },
  {
    id: 'graduatesShare',
    header: 'Доля выбора',
    kind: 'percent',
    value: (area) => area.graduatesShare,
    render: (area) => formatValue(area.graduatesShare, 'percent'),
  },
  {
    id: 'vacanciesShare',
    header: 'Доля вакансий',
    kind: 'percent',
    value: (area) => area.vacanciesShare,
    render: (area) => formatValue(area.vacanciesShare, 'percent'),
  },
  { id: 'graduates', header: 'Выпускников', kind: 'number', value: (area) => area.graduates },
  { id: 'vacancies', header: 'Вакансий', kind: 'number', value: (area) => area.vacancies },
];

/**
 * The mismatch index's table: each area's gap in percentage points and whether it is short of
 * graduates and in demand, then both shares and the counts behind them.
 */
export function AreaGapTable({ areas, totals, fileName }: AreaGapTableProps) {
  const footer = useMemo(
    () =>
      totals && (
        <tr>
          <th scope="row">Всего</th>
          <td className="num">индекс {formatIndex(totals.mismatch)}</td>
          <td />
          <td />
          <td />
          <td className="num">{formatNumber(totals.graduates)}</td>
          <td className="num">{formatNumber(totals.vacancies)}</td>
        </tr>
      ),
    [totals],
  );
  return (
    <DataTable
      label="Выбор выпускников и вакансии по областям"
      wide
      fileName={fileName}
      caption={
        <>
          Расхождение — доля выбора минус доля вакансий: плюс — выпускников больше, чем нужно рынку, минус —
          меньше. «Нет данных» — вакансии за период не загружены.
        </>
      }
      columns={COLUMNS}
      rows={areas}
      rowKey={(area) => area.area}
      rowProps={(area) => ({ 'data-area': area.area })}
      footer={footer}
    />
  );
}
