import { useCallback, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { PeriodView } from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { useCurrentUser } from '@/api/session';
import { CampaignProgressCard } from '@/components/campaign/CampaignProgressCard';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatDate } from '@/lib/format';
import { levelRows, type LevelRow } from '../model';
import { LevelsTable, useLevelValueLink } from './LevelsTable';

/**
 * The region's overview: the region's values on top, then one row per municipality, each
 * indicator's value and status side by side; a municipality's name opens its organizations.
 * A committee sees its own municipality and the region (the API gives it no other).
 */
export function RegionPage() {
  usePageTitle('Регион', usePeriodCode());
  return (
    <section className="page">
      <PeriodGate>{(period) => <Region period={period} />}</PeriodGate>
    </section>
  );
}

function Region({ period }: { period: PeriodView }) {
  const user = useCurrentUser();
  const linkTo = usePeriodLink();
  const valueLink = useLevelValueLink();
  const values = useIndicatorValues({ period: period.code, org: 'municipalities' });
  const levels = useMemo(() => levelRows(values.data ?? [], period.code), [values.data, period.code]);
  const renderName = useCallback(
    (row: LevelRow) =>
      row.municipality === null ? (
        row.name
      ) : (
        <Link to={linkTo(`/region/${encodeURIComponent(row.municipality)}`)}>{row.name}</Link>
      ),
    [linkTo],
  );

  return (
    <>
      <header className="page__header">
        <div>
          <h1>Регион: муниципалитеты за {period.code} учебный год</h1>
          <p className="muted">
            Значения на конец учебного года, {formatDate(period.endsOn)}.{' '}
            {user.municipality
              ? `Ваш муниципалитет — ${user.municipality} — рядом с регионом.`
              : 'Муниципалитет открывает его организации.'}
          </p>
        </div>
      </header>
      {/* The ministry's campaign of the whole region; a committee has its own on its overview. */}
      {user.role === 'region' && <CampaignProgressCard period={period.code} />}
      {values.isPending ? (
        <Loading height={300} label="Загрузка показателей муниципалитетов…" />
      ) : values.isError ? (
        <ErrorMessage
          error={values.error}
          what="показатели муниципалитетов"
          retry={() => void values.refetch()}
        />
      ) : levels.municipalities.length === 0 ? (
        <EmptyState />
      ) : (
        <LevelsTable
          label={`Муниципалитеты за ${period.code}`}
          fileName={`Муниципалитеты ${period.code}`}
          caption={
            <>
              {levels.region
                ? 'Регион — все организации региона вместе, а не среднее муниципалитетов. '
                : 'В реестре один муниципалитет: его значения и есть значения региона. '}
              Полнота отчётности — доля сданных листов отчётов из ожидаемых. Значение открывает страницу
              показателя по муниципалитету.
            </>
          }
          pinned={levels.region ? [levels.region] : []}
          rows={levels.municipalities}
          nameHeader="Муниципалитет"
          renderName={renderName}
          valueLink={valueLink}
        />
      )}
    </>
  );
}
