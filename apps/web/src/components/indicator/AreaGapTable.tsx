import type { AreaGapView, DemandView } from '@profmonitor/domain';
import { TableWrap } from '@/components/layout/Table';
import { areaMarks, gapSide } from '@/lib/areas';
import { formatIndex, formatNumber } from '@/lib/format';
import { formatChange, formatValue } from '@/lib/indicators';

type AreaGapTableProps = {
  /** In the order to show, the largest gap first. */
  areas: readonly AreaGapView[];
  /** All graduates and vacancies, and the index, for the last row. */
  totals?: Pick<DemandView, 'graduates' | 'vacancies' | 'mismatch'>;
};

/**
 * The mismatch index's table: each area's graduates and vacancies, both shares, the gap in
 * percentage points, and whether the area is short of graduates and in demand.
 */
export function AreaGapTable({ areas, totals }: AreaGapTableProps) {
  return (
    <TableWrap label="Выбор выпускников и вакансии по областям">
      <table className="table">
        <caption>
          Расхождение — доля выбора минус доля вакансий: плюс — выпускников больше, чем нужно рынку, минус —
          меньше. «Нет данных» — вакансии за период не загружены.
        </caption>
        <thead>
          <tr>
            <th scope="col">Область</th>
            <th scope="col" className="num">
              Выпускников
            </th>
            <th scope="col" className="num">
              Вакансий
            </th>
            <th scope="col" className="num">
              Доля выбора
            </th>
            <th scope="col" className="num">
              Доля вакансий
            </th>
            <th scope="col" className="num">
              Расхождение
            </th>
            <th scope="col">Отметки</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.area} data-area={area.area}>
              <th scope="row">{area.name}</th>
              <td className="num">{formatNumber(area.graduates)}</td>
              <td className="num">{formatNumber(area.vacancies)}</td>
              <td className="num">{formatValue(area.graduatesShare, 'percent')}</td>
              <td className="num">{formatValue(area.vacanciesShare, 'percent')}</td>
              <td className={`num gap gap--${gapSide(area.gap)}`}>
                {formatChange(area.gap, 'percent') ?? 'нет данных'}
              </td>
              <td>
                {areaMarks(area).map((mark) => (
                  <span key={mark} className={`tag tag--${mark === 'в дефиците' ? 'deficit' : 'demand'}`}>
                    {mark}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
        {totals && (
          <tfoot>
            <tr>
              <th scope="row">Всего</th>
              <td className="num">{formatNumber(totals.graduates)}</td>
              <td className="num">{formatNumber(totals.vacancies)}</td>
              <td />
              <td />
              <td className="num">индекс {formatIndex(totals.mismatch)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </TableWrap>
  );
}
