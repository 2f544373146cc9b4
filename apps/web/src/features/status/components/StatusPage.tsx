import { useMemo } from 'react';
import { EChart } from '@/components/echart/EChart';
import { formatNumber } from '@/lib/format';
import { useHealth, type Health } from '../api/get-health';
import { useIndicatorValues } from '@/api/indicator-values';
import { periodsChartLabel, periodsChartOption } from '@profmonitor/charts';
import { usePageTitle } from '@/hooks/use-page-title';

export function StatusPage() {
  usePageTitle('Состояние системы');
  return (
    <section className="page">
      <h1>Состояние системы</h1>
      <HealthReport />
    </section>
  );
}

function HealthReport() {
  const { data, isPending, isError } = useHealth();

  if (isPending) {
    return (
      <p className="muted" role="status">
        Загрузка…
      </p>
    );
  }
  if (isError) {
    return (
      <p className="alert" role="alert">
        Не удалось связаться с сервером. Проверьте, что API запущен, и обновите страницу.
      </p>
    );
  }
  return (
    <>
      <HealthSummary health={data} />
      {data.periods.length > 0 && <PeriodsChart periods={data.periods} />}
    </>
  );
}

function HealthSummary({ health }: { health: Health }) {
  return (
    <div className="card">
      <p className="status-ok">Система работает</p>
      <dl className="facts">
        <dt>Организаций</dt>
        <dd>{formatNumber(health.organizations)}</dd>
        <dt>Отчётные периоды</dt>
        <dd>{health.periods.length > 0 ? health.periods.join(', ') : 'пока нет'}</dd>
        <dt>Версия</dt>
        <dd>{health.version}</dd>
      </dl>
    </div>
  );
}

/** What has been loaded: the city's reporting completeness per sheet, period by period. */
function PeriodsChart({ periods }: { periods: string[] }) {
  const values = useIndicatorValues({ org: 'municipal', indicator: 'completeness' });
  const option = useMemo(() => periodsChartOption(periods, values.data ?? []), [periods, values.data]);
  if (!values.data) return null;
  return (
    <figure className="card">
      <figcaption>Полнота отчётности по периодам: доля организаций, приславших каждый лист</figcaption>
      <EChart option={option} height={240} ariaLabel={periodsChartLabel(periods, values.data)} />
    </figure>
  );
}
