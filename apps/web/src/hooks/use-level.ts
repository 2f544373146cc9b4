import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '@/api/session';
import { choosesMunicipality, levelOf, type Level } from '@/lib/levels';
import { useSearchParam } from './use-search-param';

/**
 * The municipality chosen in the address (`?municipality=`) by an account that may choose one
 * (the ministry, an account of the whole region); undefined: the account's own level.
 */
export function useChosenMunicipality(): string | undefined {
  const user = useCurrentUser();
  const [chosen] = useSearchParam('municipality');
  return choosesMunicipality(user) && chosen ? chosen : undefined;
}

/** The level the page shows and how it says so: the municipality chosen, else the account's own. */
export function useLevel(): Level {
  return levelOf(useCurrentUser(), useChosenMunicipality());
}

/**
 * Chooses the municipality the page shows (undefined or '': none named, the whole region); a
 * chosen organization (`?org=`) is let go, as it may be another municipality's.
 */
export function useChooseMunicipality(): (municipality: string | undefined) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (municipality) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (municipality) next.set('municipality', municipality);
        else next.delete('municipality');
        next.delete('org');
        return next;
      }),
    [setParams],
  );
}
