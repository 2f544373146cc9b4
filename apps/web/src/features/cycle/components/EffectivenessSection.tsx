import { useId, useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { CycleRecommendationView, IndicatorId } from '@profmonitor/domain';
import { effectivenessQueryOptions, useEffectiveness, useRecommendations } from '@/api/cycle';
import { EChart } from '@/components/echart/EChart';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable, type Column } from '@/components/table/DataTable';
import { formatDate } from '@/lib/format';
import { effectivenessChartLabel, effectivenessChartOption } from '../charts/effectiveness-chart';
import {
  earlierRecommendations,
  effectivenessColumns,
  effectivenessHeadline,
  effectivenessRows,
  effectivenessSummaryColumns,
  indicatorName,
  type EffectivenessSummaryRow,
} from '../model';
import { actionColumn } from './action-column';

type SectionProps = { period: string; periods: readonly string[]; municipality?: string };

/** «2023/2024 · Охват … · до 01.03.2025 · Провести …»: a recommendation as the chooser lists it. */
const optionText = (r: CycleRecommendationView) =>
  `${r.period} · ${indicatorName(r.indicator)} · срок ${formatDate(r.due)} · ${r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text}`;

/**
 * For a recommendation of an earlier period: how its indicator moved to the next period in the
 * organizations it addressed (pooled) against the others, as the API computes it.
 */
export function EffectivenessSection({ period, periods, municipality }: SectionProps) {
  const selectId = useId();
  const recommendations = useRecommendations({ municipality });
  const earlier = useMemo(
    () => earlierRecommendations(recommendations.data ?? [], periods, period),
    [recommendations.data, periods, period],
  );
  const [picked, setPicked] = useState<number | null>(null);
  const chosen = earlier.find((r) => r.id === picked) ?? earlier[0];
  return (
    <section className="card" aria-labelledby="cycle-effectiveness-title">
      <h2 id="cycle-effectiveness-title">Эффективность рекомендаций</h2>
      {recommendations.isPending ? (
        <Loading height={120} />
      ) : recommendations.isError ? (
        <ErrorMessage
          error={recommendations.error}
          what="рекомендации прошлых периодов"
          retry={() => void recommendations.refetch()}
        />
      ) : !chosen ? (
        <p className="muted">
          Рекомендаций прошлых периодов нет: эффективность оценивается по рекомендациям периодов до {period}.
        </p>
      ) : (
        <>
          <EffectivenessSummary recommendations={earlier} onOpen={setPicked} />
          <div className="field">
            <label htmlFor={selectId}>Рекомендация</label>
            <select id={selectId} value={chosen.id} onChange={(e) => setPicked(Number(e.target.value))}>
              {earlier.map((r) => (
                <option key={r.id} value={r.id}>
                  {optionText(r)}
                </option>
              ))}
            </select>
          </div>
          <Effectiveness recommendation={chosen} />
        </>
      )}
    </section>
  );
}

function Effectiveness({ recommendation }: { recommendation: CycleRecommendationView }) {
  const effectiveness = useEffectiveness(recommendation.id);
  if (effectiveness.isPending) return <Loading height={240} />;
  if (effectiveness.isError)
    return (
      <ErrorMessage
        error={effectiveness.error}
        what="эффективность рекомендации"
        retry={() => void effectiveness.refetch()}
      />
    );
  const view = effectiveness.data;
  const name = indicatorName(view.indicator as IndicatorId);
  return (
    <div className="cycle-effectiveness" data-recommendation={view.recommendation}>
      <p className="cycle-effectiveness__headline" role="status">
        {effectivenessHeadline(view)}
      </p>
      <p className="muted small">
        {name}: значение по организациям группы вместе (сумма числителей к сумме знаменателей). Адресаты:{' '}
        {recommendation.addressees.map((a) => a.name).join(', ')}.
      </p>
      <DataTable
        label="Эффективность рекомендации"
        fileName={`Эффективность рекомендации ${view.recommendation}`}
        columns={effectivenessColumns(view)}
        rows={effectivenessRows(view)}
        rowKey={(r) => r.group}
        search={false}
        compact
      />
      {view.nextPeriod !== null && (
        <EChart
          option={effectivenessChartOption(view)}
          height={260}
          ariaLabel={effectivenessChartLabel(view)}
        />
      )}
    </div>
  );
}

/** Every earlier recommendation in one table: how its addressees moved against the others. */
function EffectivenessSummary({
  recommendations,
  onOpen,
}: {
  recommendations: CycleRecommendationView[];
  onOpen: (id: number) => void;
}) {
  const views = useQueries({ queries: recommendations.map((r) => effectivenessQueryOptions(r.id)) });
  const rows: EffectivenessSummaryRow[] = recommendations.map((recommendation, i) => ({
    recommendation,
    view: views[i]?.data ?? null,
    failed: views[i]?.isError ?? false,
  }));
  const columns = useMemo(
    (): Column<EffectivenessSummaryRow>[] => [
      // The indicator under the text rather than a column of its own: the table fits a tablet.
      ...effectivenessSummaryColumns
        .filter((column) => column.id !== 'indicator')
        .map((column) =>
          column.id === 'text'
            ? {
                ...column,
                render: (r: EffectivenessSummaryRow) => (
                  <>
                    {r.recommendation.text}
                    <span className="muted small cycle-summary__indicator">
                      {indicatorName(r.recommendation.indicator)}
                    </span>
                  </>
                ),
              }
            : column,
        ),
      actionColumn<EffectivenessSummaryRow>({
        id: 'open',
        header: 'Подробно',
        text: () => 'Открыть',
        label: (r) => `Подробно: ${r.recommendation.text}`,
        onClick: (r) => onOpen(r.recommendation.id),
      }),
    ],
    [onOpen],
  );
  return (
    <DataTable
      label="Рекомендации прошлых периодов"
      fileName="Эффективность рекомендаций"
      columns={columns}
      exportColumns={effectivenessSummaryColumns}
      rows={rows}
      rowKey={(r) => String(r.recommendation.id)}
      rowProps={(r) => ({ 'data-recommendation': String(r.recommendation.id) })}
      search={rows.length > 5}
    />
  );
}
