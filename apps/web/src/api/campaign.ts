import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignView, ReportStatusView } from '@profmonitor/domain';
import { api, ApiError } from '@/lib/api-client';

// The reporting campaign as every page reads it (the committee's campaign page, the overview's
// progress, a school's start page): the campaigns, one period's, and its reports' states.

/** Every campaign, newest period first, with the counts of the account's own level. */
export const getCampaigns = (signal?: AbortSignal): Promise<CampaignView[]> =>
  api.get<CampaignView[]>('/campaigns', { signal });

export const campaignsQueryOptions = () =>
  queryOptions({
    queryKey: ['campaigns'],
    queryFn: ({ signal }) => getCampaigns(signal),
  });

export const useCampaigns = () => useQuery(campaignsQueryOptions());

/** A period's campaign; null when none has been opened for it (404 campaign_not_found). */
export async function getCampaign(period: string, signal?: AbortSignal): Promise<CampaignView | null> {
  try {
    return await api.get<CampaignView>('/campaign', { params: { period }, signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'campaign_not_found') return null;
    throw error;
  }
}

/** Under the campaigns' key: a change to any campaign asks the list and each period again. */
export const campaignQueryOptions = (period: string) =>
  queryOptions({
    queryKey: ['campaigns', period],
    queryFn: ({ signal }) => getCampaign(period, signal),
  });

export const useCampaign = (period: string) => useQuery(campaignQueryOptions(period));

/** Whose reports: a municipality's or one organization's (a school gets only its own whatever it asks). */
export type ReportsFilter = { municipality?: string; org?: string };

/** The period's reports with their states, sheets, timeliness and the committee's last decision. */
export const getReports = (
  period: string,
  filter: ReportsFilter = {},
  signal?: AbortSignal,
): Promise<ReportStatusView[]> =>
  api.get<ReportStatusView[]>('/campaign/reports', { params: { period, ...filter }, signal });

export const reportsQueryOptions = (period: string, filter: ReportsFilter = {}) =>
  queryOptions({
    queryKey: ['campaign-reports', period, filter],
    queryFn: ({ signal }) => getReports(period, filter, signal),
  });

export const useReports = (period: string, filter: ReportsFilter = {}, options: { enabled?: boolean } = {}) =>
  useQuery({ ...reportsQueryOptions(period, filter), ...options });
