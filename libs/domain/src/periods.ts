/**
 * An academic year, the reporting period: `2023/2024` runs from 1 September 2023 to
 * 31 August 2024. Dates are ISO strings (`YYYY-MM-DD`) throughout the domain, so that no
 * time zone ever shifts a day.
 */
export interface Period {
  /** Canonical code, e.g. `2023/2024`. */
  code: string;
  startYear: number;
  /** `YYYY-09-01` */
  startsOn: string;
  /** `YYYY-08-31` of the second year */
  endsOn: string;
}

export function periodOf(startYear: number): Period {
  return {
    code: `${startYear}/${startYear + 1}`,
    startYear,
    startsOn: `${startYear}-09-01`,
    endsOn: `${startYear + 1}-08-31`,
  };
}

/** Accepts `2023/2024`, `2023-2024`, `2023–2024` (and spaces around the separator). */
export function parsePeriod(text: string): Period | null {
  const match = /^\s*(\d{4})\s*[/\-–—]\s*(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [first, second] = [Number(match[1]), Number(match[2])];
  return second === first + 1 ? periodOf(first) : null;
}

/** The period an ISO date falls in. */
export function periodContaining(isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return periodOf(month >= 9 ? year : year - 1);
}

export function previousPeriod(period: Period): Period {
  return periodOf(period.startYear - 1);
}
