import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkReviewView, CampaignView, ReportStatusView } from '@profmonitor/domain';
import { campaignsQueryOptions, reportsQueryOptions } from '@/api/campaign';
import { api } from '@/lib/api-client';
import { REPORT_HISTORY_KEY } from './get-report-history';

// The committee's actions on a campaign and its reports. Each changes counts, states and
// histories at once, so every campaign, every period's reports and every report's history are
// asked for again after it (the overview's progress and a school's start page read them too).

export type OpenCampaign = { period: string; deadline: string };

/** Moves the deadline, closes (`open: false`) or reopens (`open: true`) a period's campaign. */
export type CampaignChange = { deadline: string } | { open: boolean };

export type Review = {
  org: string;
  period: string;
  decision: 'accept' | 'return';
  comment?: string;
};

export type BulkReview = { period: string; orgs: string[] };

export const openCampaign = (body: OpenCampaign): Promise<CampaignView> =>
  api.post<CampaignView>('/campaign', body);

export const changeCampaign = ({ period, change }: { period: string; change: CampaignChange }) =>
  api.patch<CampaignView>('/campaign', change, { params: { period } });

export const reviewReport = (review: Review): Promise<ReportStatusView> =>
  api.post<ReportStatusView>('/reviews', review);

export const reviewReports = (bulk: BulkReview): Promise<BulkReviewView> =>
  api.post<BulkReviewView>('/reviews/bulk', bulk);

function useCampaignMutation<Variables, Answer>(mutationFn: (variables: Variables) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [
          campaignsQueryOptions().queryKey,
          reportsQueryOptions('').queryKey.slice(0, 1),
          [REPORT_HISTORY_KEY],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useOpenCampaign = () => useCampaignMutation(openCampaign);
export const useChangeCampaign = () => useCampaignMutation(changeCampaign);
export const useReviewReport = () => useCampaignMutation(reviewReport);
export const useReviewReports = () => useCampaignMutation(reviewReports);
