import { useMemo, type ReactNode } from 'react';
import type { OrganizationView, PeriodView } from '@profmonitor/domain';
import { useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { MunicipalitySelect } from '@/components/layout/MunicipalitySelect';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { useChosenMunicipality } from '@/hooks/use-level';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';
import { choosesMunicipality, levelOf, organizationsOf, type Level } from '@/lib/levels';
import { activeIn } from '../model';
import { AnalysisSection } from './AnalysisSection';
import { DecisionsSection } from './DecisionsSection';
import { EffectivenessSection } from './EffectivenessSection';
import { MeasuresSection } from './MeasuresSection';
import { RecommendationsSection } from './RecommendationsSection';
import '@/components/cycle/cycle.css';
import './cycle.css';

/**
 * The committee's management cycle of a period and level (a municipality, or the region with
 * several): the indicators with its analysis, recommendations to named organizations and their
 * answers, measures, decisions, and how earlier recommendations worked.
 */
export function CyclePage() {
  usePageTitle('Управленческий цикл', usePeriodCode());
  return (
    <section className="page cycle-page">
      <PeriodGate>{(period, periods) => <Cycle period={period} periods={periods} />}</PeriodGate>
    </section>
  );
}

function Cycle({ period, periods }: { period: PeriodView; periods: PeriodView[] }) {
  const user = useCurrentUser();
  const municipality = useChosenMunicipality();
  const level = levelOf(user, municipality);
  const query = { period: period.code, municipality };
  const codes = useMemo(() => periods.map((p) => p.code), [periods]);
  return (
    <>
      <header className="page__header">
        <div>
          <h1>Управленческий цикл за {period.code}</h1>
          <p className="muted">
            Анализ показателей {level.of}, адресные рекомендации и ответы организаций, мероприятия, решения и
            их эффективность.
          </p>
        </div>
        {choosesMunicipality(user) && <MunicipalitySelect allLabel="Весь регион" />}
      </header>
      <AnalysisSection query={query} level={level} />
      <LevelOrganizations period={period.code} level={level}>
        {(organizations) => (
          <>
            <RecommendationsSection query={query} organizations={organizations} />
            <MeasuresSection query={query} organizations={organizations} />
          </>
        )}
      </LevelOrganizations>
      <DecisionsSection query={query} />
      <EffectivenessSection period={period.code} periods={codes} municipality={municipality} />
    </>
  );
}

/** The organizations a recommendation or measure may name: the level's, reporting in the period. */
function LevelOrganizations({
  period,
  level,
  children,
}: {
  period: string;
  level: Level;
  children: (organizations: OrganizationView[]) => ReactNode;
}) {
  const organizations = useOrganizations();
  const shown = useMemo(() => {
    const all = organizations.data ?? [];
    const ofLevel = level.kind === 'municipality' ? organizationsOf(all, level.municipality!) : all;
    return ofLevel.filter((o) => activeIn(o, period));
  }, [organizations.data, level, period]);
  if (organizations.isPending) return <Loading height={200} />;
  if (organizations.isError)
    return (
      <ErrorMessage
        error={organizations.error}
        what="список организаций"
        retry={() => void organizations.refetch()}
      />
    );
  return children(shown);
}
