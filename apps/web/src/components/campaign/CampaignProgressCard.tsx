import { useCampaign, useReports } from '@/api/campaign';
import { ErrorMessage } from '@/components/feedback/Feedback';
import { toQueryString } from '@/lib/api-client';
import { tallyOf } from '@/lib/campaign-progress';
import { CampaignProgress } from './CampaignProgress';

type CampaignProgressCardProps = {
  period: string;
  /** A municipality's reports (its page in the region); else the campaign's counts of the account's level. */
  municipality?: string;
};

/**
 * The period's reporting campaign at a level: the account's own (the overview: the region, or the
 * bound committee's municipality) or a municipality's, tallied from its reports. Nothing when no
 * campaign was opened for the period.
 */
export function CampaignProgressCard({ period, municipality }: CampaignProgressCardProps) {
  const campaign = useCampaign(period);
  const reports = useReports(
    period,
    { municipality },
    { enabled: municipality !== undefined && !!campaign.data },
  );
  const failed = campaign.isError ? campaign : reports.isError ? reports : null;
  if (failed)
    return (
      <ErrorMessage error={failed.error!} what="ход сбора отчётов" retry={() => void failed.refetch()} />
    );
  const { data } = campaign;
  // No campaign for the period (or not read yet), or the municipality's reports not read yet.
  if (!data || (municipality !== undefined && !reports.data)) return null;
  return (
    <CampaignProgress
      title={municipality ? `Сбор отчётов за ${period}: ${municipality}` : `Сбор отчётов за ${period}`}
      campaign={data}
      tally={reports.data ? tallyOf(reports.data) : data}
      link={{ pathname: '/campaign', search: toQueryString({ period, municipality }) }}
    />
  );
}
