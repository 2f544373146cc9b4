import { useMemo } from 'react';
import { INDICATORS, indicatorById, type PeriodView } from '@profmonitor/domain';
import { useCompleteness } from '@/api/completeness';
import { useIndicatorValues } from '@/api/indicator-values';
import { useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { CampaignProgressCard } from '@/components/campaign/CampaignProgressCard';
import { DownloadButton } from '@/components/feedback/DownloadButton';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { CompletenessTable } from '@/components/indicator/CompletenessTable';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { canUse } from '@/lib/access';
import { formatDate } from '@/lib/format';
import { isOfLevel, levelOf, REGION_LEVEL, type Level } from '@/lib/levels';
import { hasNoData, overviewTiles, type Tile } from '../model';
import { CoverageHeadline, HEADLINE_INDICATOR, headlineFilter } from './CoverageHeadline';
import { IndicatorTile } from '@/components/indicator/IndicatorTile';
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
  // The account's own level: its municipality, or the region for the ministry.
  const level = levelOf(user);
  return (
    <>
      <header className="page__header">
        <div>
          <h1>Обзор за {period.code} учебный год</h1>
          <p className="muted">
            Значения {level.by} на конец учебного года, {formatDate(period.endsOn)}
          </p>
        </div>
        <div className="toolbar">
          {/* The committee's analytic report (.docx): its level is the account's own. */}
          {canUse(user, 'cycle') && (
            <DownloadButton path="/annual-report" params={{ period: period.code }}>
              Аналитическая справка (Word)
            </DownloadButton>
          )}
          <DownloadButton path="/export/indicators.xlsx" params={{ period: period.code }}>
            Выгрузить в Excel
          </DownloadButton>
        </div>
      </header>
      {canUse(user, 'completeness') && <CampaignProgressCard period={period.code} />}
      <Tiles period={period.code} level={level} />
      {canUse(user, 'completeness') && <Completeness period={period.code} />}
    </>
  );
}

function Tiles({ period, level }: { period: string; level: Level }) {
  const values = useIndicatorValues({ period, org: 'municipal' });
  // The headline's data (schools' coverage, their names), asked for with the tiles' instead of
  // after them; the block shows once all three are in, so that it does not grow under the reader.
  const coverage = useIndicatorValues(headlineFilter(period, level));
  const organizations = useOrganizations();
  // A municipality of several is compared with the region: its answer holds both (and no other).
  const compared = level.kind === 'municipality';
  const levels = useIndicatorValues({ period, org: 'municipalities' }, { enabled: compared });
  const regionTiles = useMemo(
    () =>
      compared && levels.data
        ? overviewTiles(
            levels.data.filter((v) => isOfLevel(REGION_LEVEL, v)),
            period,
          )
        : null,
    [compared, levels.data, period],
  );
  if (values.isPending || coverage.isPending || organizations.isPending || (compared && levels.isPending))
    return <TilesPlaceholder />;
  if (values.isError)
    return <ErrorMessage error={values.error} what="показатели" retry={() => void values.refetch()} />;

  const tiles = overviewTiles(values.data, period);
  if (hasNoData(tiles)) return <EmptyState />;
  const [first] = tiles;
  const regionOf = (tile: Tile) => regionTiles?.find((t) => t.id === tile.id);
  return (
    <>
      {first.id === HEADLINE_INDICATOR && (
        <CoverageHeadline tile={first} period={period} level={level} region={regionOf(first)} />
      )}
      <h2>Показатели</h2>
      <div className="tiles">
        {tiles.map((tile) => {
          const region = regionOf(tile);
          return (
            <IndicatorTile
              key={tile.id}
              tile={tile}
              comparison={region && { name: REGION_LEVEL.name, tile: region }}
            />
          );
        })}
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
