import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IndicatorId, IndicatorValueView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** Which values: omit period for all periods, org for the pooled levels and every organization. */
export type IndicatorValuesFilter = {
  period?: string;
  /**
   * An organization's code; 'municipal': one pooled level (the `municipality`, else the
   * account's own); 'municipalities': every pooled level (the region and each municipality).
   */
  org?: string;
  /** With 'municipal': that municipality's values; without org: its organizations' and its own. */
  municipality?: string;
  indicator?: IndicatorId;
};

export const getIndicatorValues = (
  filter: IndicatorValuesFilter,
  signal?: AbortSignal,
): Promise<IndicatorValueView[]> => api.get<IndicatorValueView[]>('/indicators', { params: filter, signal });

export const indicatorValuesQueryOptions = (filter: IndicatorValuesFilter) =>
  queryOptions({
    queryKey: ['indicator-values', filter],
    queryFn: ({ signal }) => getIndicatorValues(filter, signal),
  });

/** `enabled: false`: not asked for (a comparison the page does not show). */
export const useIndicatorValues = (filter: IndicatorValuesFilter, { enabled = true } = {}) =>
  useQuery({ ...indicatorValuesQueryOptions(filter), enabled });
