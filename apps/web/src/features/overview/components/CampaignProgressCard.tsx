import { useCampaign } from '@/api/campaign';
import { CampaignProgress } from '@/components/campaign/CampaignProgress';
import { ErrorMessage } from '@/components/feedback/Feedback';
import { toQueryString } from '@/lib/api-client';

/**
 * The period's reporting campaign on the overview, with the counts of the account's level (the
 * region's, or the bound committee's municipality); nothing when no campaign was opened for it.
 */
export function CampaignProgressCard({ period }: { period: string }) {
  const campaign = useCampaign(period);
  if (campaign.isPending || campaign.data === null) return null;
  if (campaign.isError)
    return (
      <ErrorMessage error={campaign.error} what="ход сбора отчётов" retry={() => void campaign.refetch()} />
    );
  return (
    <CampaignProgress
      title={`Сбор отчётов за ${period}`}
      campaign={campaign.data}
      tally={campaign.data}
      link={{ pathname: '/campaign', search: toQueryString({ period }) }}
    />
  );
}
