import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PeriodView } from '@profmonitor/domain';
import { usePeriods } from '@/api/periods';
import { useCurrentUser } from '@/api/session';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { MunicipalitySelect } from '@/components/layout/MunicipalitySelect';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { useChosenMunicipality } from '@/hooks/use-level';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';
import { choosesMunicipality, severalMunicipalities } from '@/lib/levels';
import { useCampaign, useCampaigns, useReports } from '@/api/campaign';
import { defaultPeriod, managesCampaign, NO_FILTER, type ReportFilter } from '../model';
import { CampaignOverview, OpenCampaignForm } from './CampaignOverview';
import { ReportsGrid } from './ReportsGrid';
import './campaign.css';

/**
 * The committee's reporting campaign of a period: open it with a deadline, watch its progress,
 * and review each organization's report (accept, return with a comment, accept the clean
 * complete ones at once). Opens on the newest period with an open campaign.
 */
export function CampaignPage() {
  usePageTitle('Сбор отчётов', usePeriodCode());
  const ready = useDefaultCampaignPeriod();
  return (
    <section className="page campaign-page">
      {ready ? <PeriodGate>{(period) => <Campaign period={period} />}</PeriodGate> : <Loading />}
    </section>
  );
}

/**
 * Without a period in the address, puts there the newest one with an open campaign (so that the
 * period chooser in the header says the same); true once the address names the page's period or
 * the campaigns cannot tell (the latest period then, as on every page).
 */
function useDefaultCampaignPeriod(): boolean {
  const [params, setParams] = useSearchParams();
  const requested = params.get('period');
  const periods = usePeriods();
  const campaigns = useCampaigns();
  const chosen = periods.data && campaigns.data ? defaultPeriod(periods.data, campaigns.data) : null;
  useEffect(() => {
    if (!requested && chosen)
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('period', chosen);
          return next;
        },
        { replace: true },
      );
  }, [requested, chosen, setParams]);
  return (
    !!requested || campaigns.isError || periods.isError || (!!periods.data && !!campaigns.data && !chosen)
  );
}

function Campaign({ period }: { period: PeriodView }) {
  const user = useCurrentUser();
  const manages = managesCampaign(user);
  const municipality = useChosenMunicipality();
  const campaign = useCampaign(period.code);
  const reports = useReports(period.code, { municipality });
  const [filter, setFilter] = useState<ReportFilter>(NO_FILTER);

  return (
    <>
      <header className="page__header">
        <div>
          <h1>Сбор отчётов за {period.code}</h1>
          <p className="muted">
            Кто сдал отчёт, кто опоздал и кто ещё не прислал; приём и возврат отчётов на доработку.
          </p>
        </div>
        {choosesMunicipality(user) && <MunicipalitySelect allLabel="Весь регион" />}
      </header>
      {campaign.isPending ? (
        <Loading />
      ) : campaign.isError ? (
        <ErrorMessage
          error={campaign.error}
          what="сведения о сборе отчётов"
          retry={() => void campaign.refetch()}
        />
      ) : campaign.data === null ? (
        <OpenCampaignForm period={period.code} manages={manages} />
      ) : (
        <CampaignOverview campaign={campaign.data} manages={manages} onFilter={setFilter} />
      )}
      {reports.isPending ? (
        <Loading height={400} />
      ) : reports.isError ? (
        <ErrorMessage error={reports.error} what="отчёты организаций" retry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <p className="empty">
          За {period.code} в реестре нет действующих организаций, от которых ждут отчёт.
        </p>
      ) : (
        <ReportsGrid
          period={period.code}
          reports={reports.data}
          filter={filter}
          onFilter={setFilter}
          showMunicipality={severalMunicipalities(user) && !municipality && user.role === 'region'}
        />
      )}
    </>
  );
}
