import { useCallback } from 'react';
import { useSearchParams, type To } from 'react-router-dom';
import { toQueryString, type QueryParams } from '@/lib/api-client';

/**
 * One search parameter as state: the page's period and organization live in the address,
 * so a view can be shared by its link. Setting undefined removes it; the others stay.
 */
export function useSearchParam(name: string): [string | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | undefined) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      }),
    [name, setParams],
  );
  return [params.get(name) ?? undefined, set];
}

/** Links that keep the selected period: `linkTo('/organizations/SCH01')` → `…?period=2023%2F2024`. */
export function usePeriodLink(): (pathname: string, extra?: QueryParams) => To {
  const [params] = useSearchParams();
  const period = params.get('period');
  return useCallback(
    (pathname: string, extra: QueryParams = {}) => ({
      pathname,
      search: toQueryString({ period, ...extra }),
    }),
    [period],
  );
}
