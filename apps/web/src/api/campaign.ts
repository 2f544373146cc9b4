import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignView, ReportStatusView } from '@profmonitor/domain';
import { api, ApiError } from '@/lib/api-client';

// The reporting campaign as every page reads it (the committee's campaign page, the overview's
// progress, a school's start page): the campaigns, one period's, and its reports' states.

/**
 * A report's state changes by another person's hand (the committee accepts or returns it, the
 * organization sends it): asked again whenever a page showing it opens and when the person comes
 * back to the tab. The app's default (fresh for a minute, no refetch on focus) showed a school
 * coming back to its start page «сдан» and no lock after the committee had accepted its report.
 */
export const LIVE_QUERY = { staleTime: 0, refetchOnWindowFocus: true } as const;

/** Every campaign, newest period first, with the counts of the account's own level. */
export const getCampaigns = (signal?: AbortSignal): Promise<CampaignView[]> =>
  api.get<CampaignView[]>('/campaigns', { signal });

export const campaignsQueryOptions = () =>
  queryOptions({
    queryKey: ['campaigns'],
    queryFn: ({ signal }) => getCampaigns(signal),
    ...LIVE_QUERY,
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
    ...LIVE_QUERY,
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
    ...LIVE_QUERY,
  });

export const useReports = (period: string, filter: ReportsFilter = {}, options: { enabled?: boolean } = {}) =>
  useQuery({ ...reportsQueryOptions(period, filter), ...options });
