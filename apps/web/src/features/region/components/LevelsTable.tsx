import { useCallback, useMemo, type ReactNode } from 'react';
import { Link, type To } from 'react-router-dom';
import { INDICATORS, type IndicatorDefinition, type IndicatorId } from '@profmonitor/domain';
import { useCurrentUser } from '@/api/session';
import { StatusBadge } from '@/components/indicator/Badges';
import { DataTable, type Column, type Facet } from '@/components/table/DataTable';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatTarget, formatValue, scaleOf, statusLabel } from '@/lib/indicators';
import { choosesMunicipality } from '@/lib/levels';
import { SHORT_NAMES, type LevelCell, type LevelRow } from '../model';
import './region.css';

type LevelsTableProps = {
  label: string;
  fileName: string;
  caption: ReactNode;
  /** Above the others whatever the order: the region, the municipality the page is about. */
  pinned: readonly LevelRow[];
  rows: readonly LevelRow[];
  /** The first column's heading: «Муниципалитет», «Организация». */
  nameHeader: string;
  /** A row's name as shown: a link to its page. */
  renderName: (row: LevelRow) => ReactNode;
  facet?: Facet<LevelRow>;
  rowProps?: (row: LevelRow) => { className?: string };
  /** Where a row's value of an indicator opens (that level's indicator page); null: nowhere. */
  valueLink?: (row: LevelRow, id: IndicatorId) => To | null;
};

const valueText = (definition: IndicatorDefinition, cell: LevelCell) =>
  formatValue(cell.value, scaleOf(definition.id));

/**
 * A pooled level's value opens that level's page of the indicator: a municipality's (its
 * organizations), the region's (its municipalities) for whoever may look at the region as a whole.
 */
export function useLevelValueLink(): (row: LevelRow, id: IndicatorId) => To | null {
  const linkTo = usePeriodLink();
  const wholeRegion = choosesMunicipality(useCurrentUser());
  return useCallback(
    (row, id) =>
      row.kind === 'municipality'
        ? linkTo(`/indicators/${id}`, { municipality: row.municipality })
        : row.kind === 'region' && wholeRegion
          ? linkTo(`/indicators/${id}`)
          : null,
    [linkTo, wholeRegion],
  );
}

/**
 * Levels or organizations side by side: one row each, one column per indicator with its value
 * and status, completeness last. Sorted by any column; the files hold each value and, beside it,
 * its status. A dozen indicators are many columns by nature: the table scrolls sideways on a
 * narrow screen, the name staying in place.
 */
export function LevelsTable({
  label,
  fileName,
  caption,
  pinned,
  rows,
  nameHeader,
  renderName,
  facet,
  rowProps,
  valueLink,
}: LevelsTableProps) {
  const { columns, exportColumns } = useMemo(() => {
    const name: Column<LevelRow> = {
      id: 'name',
      header: nameHeader,
      kind: 'text',
      rowHeader: true,
      value: (row) => row.name,
      render: renderName,
    };
    const values = INDICATORS.map((definition): Column<LevelRow> => ({
      id: definition.id,
      header: SHORT_NAMES[definition.id],
      kind: scaleOf(definition.id) === 'percent' ? 'percent' : 'number',
      value: (row) => row.cells[definition.id]?.value ?? null,
      render: (row) => {
        const cell = row.cells[definition.id];
        if (!cell) return <span className="muted small">не относится</span>;
        // No value: its status («нет данных») says so once.
        if (cell.value === null && cell.status !== null) return <StatusBadge status={cell.status} />;
        const link = valueLink?.(row, definition.id);
        const text = valueText(definition, cell);
        return (
          <>
            {/* Spaces between the parts: read as words, not «76,0 %не достигнуто». */}
            {link ? <Link to={link}>{text}</Link> : text}{' '}
            {cell.note && <div className="muted small">{cell.note} </div>}
            {cell.status !== null && <StatusBadge status={cell.status} />}
          </>
        );
      },
      title: (row) => {
        const cell = row.cells[definition.id];
        if (!cell) return `${definition.name}: не относится`;
        return `${definition.name}: ${valueText(definition, cell)}, цель ${formatTarget(cell.target)}`;
      },
    }));
    const statuses = INDICATORS.map((definition): Column<LevelRow> => ({
      id: `${definition.id}-status`,
      header: `${SHORT_NAMES[definition.id]}: статус`,
      kind: 'text',
      value: (row) => {
        const cell = row.cells[definition.id];
        return cell ? statusLabel(cell.status) : null;
      },
    }));
    return {
      columns: [name, ...values],
      exportColumns: [name, ...values.flatMap((column, index) => [column, statuses[index]!])],
    };
  }, [nameHeader, renderName, valueLink]);

  return (
    <div className="levels-table">
      <DataTable
        label={label}
        fileName={fileName}
        caption={caption}
        columns={columns}
        exportColumns={exportColumns}
        pinned={pinned}
        rows={rows}
        rowKey={(row) => row.key}
        rowProps={(row) => ({
          className:
            [pinned.includes(row) ? 'row--pinned' : '', rowProps?.(row).className ?? ''].join(' ').trim() ||
            undefined,
          'data-row': row.key,
        })}
        initialSort={{ column: 'name', direction: 'asc' }}
        facet={facet}
        compact
        wide
      />
    </div>
  );
}
