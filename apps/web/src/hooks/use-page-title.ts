import { useEffect } from 'react';
import { useSelectedPeriod } from './use-selected-period';

const APP = 'ПрофМонитор';

/** A page's browser title from its parts, empty ones left out: «Охват 8–11 · 2024/2025 · ПрофМонитор». */
export const pageTitle = (...parts: (string | null | undefined)[]): string =>
  [...parts.filter((part): part is string => Boolean(part?.trim())), APP].join(' · ');

/**
 * Gives the page its own browser title (page subject · period · ПрофМонитор), so that tabs,
 * history and screen readers tell pages apart; each page component calls it once.
 */
export function usePageTitle(...parts: (string | null | undefined)[]): void {
  const title = pageTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** The code of the period the page shows, for its title; undefined until it is known. */
export function usePeriodCode(): string | undefined {
  const selected = useSelectedPeriod();
  return selected.status === 'ready' ? selected.period.code : undefined;
}
