import { INDICATORS, indicatorById, type PeriodView } from '@profmonitor/domain';
import { useCompleteness } from '@/api/completeness';
import { useIndicatorValues } from '@/api/indicator-values';
import { useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { DownloadButton } from '@/components/feedback/DownloadButton';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { CompletenessTable } from '@/components/indicator/CompletenessTable';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { canUse } from '@/lib/access';
import { formatDate } from '@/lib/format';
import { hasNoData, overviewTiles } from '../model';
import { CoverageHeadline } from './CoverageHeadline';
import { IndicatorTile } from './IndicatorTile';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

export function OverviewPage() {
  usePageTitle('Обзор', usePeriodCode());
  return (
    <section className="page">
      <PeriodGate>{(period) => <Overview period={period} />}</PeriodGate>
    </section>
  );
}

function Overview({ period }: { period: PeriodView }) {
  // Who has not reported is the committee's business; the others see the city's figures.
  const user = useCurrentUser();
  return (
    <>
      <header className="page__header">
        <div>
          <h1>Обзор за {period.code} учебный год</h1>
          <p className="muted">Значения по городу на конец учебного года, {formatDate(period.endsOn)}</p>
        </div>
        <DownloadButton path="/export/indicators.xlsx" params={{ period: period.code }}>
          Выгрузить в Excel
        </DownloadButton>
      </header>
      <Tiles period={period.code} />
      {canUse(user, 'completeness') && <Completeness period={period.code} />}
    </>
  );
}

/** The indicator the headline above the tiles speaks of. */
const HEADLINE_INDICATOR = 'coverage_8_11';

function Tiles({ period }: { period: string }) {
  const values = useIndicatorValues({ period, org: 'municipal' });
  // The headline's data (schools' coverage, their names), asked for with the tiles' instead of
  // after them; the block shows once all three are in, so that it does not grow under the reader.
  const coverage = useIndicatorValues({ period, indicator: HEADLINE_INDICATOR });
  const organizations = useOrganizations();
  if (values.isPending || coverage.isPending || organizations.isPending) return <TilesPlaceholder />;
  if (values.isError)
    return <ErrorMessage error={values.error} what="показатели" retry={() => void values.refetch()} />;

  const tiles = overviewTiles(values.data, period);
  if (hasNoData(tiles)) return <EmptyState />;
  const [first] = tiles;
  return (
    <>
      {first.id === HEADLINE_INDICATOR && <CoverageHeadline tile={first} period={period} />}
      <h2>Показатели</h2>
      <div className="tiles">
        {tiles.map((tile) => (
          <IndicatorTile key={tile.id} tile={tile} />
        ))}
      </div>
    </>
  );
}

/**
 * Where the headline and the tiles will be, while they load: a block of the headline's height and
 * one empty tile per indicator in the tiles' grid, so that the page below keeps its place.
 */
function TilesPlaceholder() {
  return (
    <>
      <div className="skeleton overview-placeholder__headline" role="status" aria-live="polite">
        Загрузка показателей…
      </div>
      <div className="tiles" aria-hidden="true">
        {INDICATORS.map((definition) => (
          <div key={definition.id} className="skeleton overview-placeholder__tile" />
        ))}
      </div>
    </>
  );
}

function Completeness({ period }: { period: string }) {
  const completeness = useCompleteness(period);
  // The period's target from the values (same query as the tiles, so no second request).
  const values = useIndicatorValues({ period, org: 'municipal' });
  const target =
    values.data?.find((v) => v.id === 'completeness')?.target ?? indicatorById('completeness')!.defaultTarget;
  return (
    <section className="card" id="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">Полнота отчётности</h2>
      <p className="muted">Какие листы отчёта сданы и какие организации их ещё не прислали.</p>
      {completeness.isPending ? (
        <Loading />
      ) : completeness.isError ? (
        <ErrorMessage
          error={completeness.error}
          what="полноту отчётности"
          retry={() => void completeness.refetch()}
        />
      ) : completeness.data.sheets.length === 0 ? (
        <EmptyState>
          <p>Нет сведений о сданных отчётах за этот период. Загрузите реестр организаций и их отчёты.</p>
        </EmptyState>
      ) : (
        <CompletenessTable completeness={completeness.data} target={target} />
      )}
    </section>
  );
}
