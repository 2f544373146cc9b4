import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IndicatorId, IndicatorValueView } from '@profmonitor/domain';
import { api } from '@/lib/api-client';

/** Which values: omit period for all periods, org for the municipality and every organization. */
export type IndicatorValuesFilter = {
  period?: string;
  /** An organization's code, or 'municipal' for the city's values only. */
  org?: string;
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

export const useIndicatorValues = (filter: IndicatorValuesFilter) =>
  useQuery(indicatorValuesQueryOptions(filter));
