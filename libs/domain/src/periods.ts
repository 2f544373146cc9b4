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

/**
 * Words that may surround an academic year: `уч. год`, `учебный год`, `учебного года`, `г.`, `гг.`.
 * Matched as whole words, so that nothing else around the years is accepted.
 */
const PERIOD_WORDS = /(?<!\p{L})(?:учебн(?:ый|ого)\s+года?|уч\.?\s*г(?:ода?|\.)?|года?|гг?\.?)(?!\p{L})/gu;
const YEARS = /^(\d{4})\s*[/\-\u2010-\u2015\u2212]\s*(\d{4}|\d{2})$/;

/**
 * Reads an academic year: `2023/2024`, `2023-2024`, `2023–2024`, `2023/24`, `2023-24`, with or
 * without words such as `уч. год`, `учебный год`, `г.` around it; the two years must follow each
 * other. Null for anything else.
 */
export function parsePeriod(text: string): Period | null {
  const cleaned = text
    .replace(/[\u200b-\u200f\u2060\u00ad\ufeff]/g, '')
    .toLowerCase()
    .replace(PERIOD_WORDS, ' ')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
  const match = YEARS.exec(cleaned);
  if (!match) return null;
  const first = Number(match[1]);
  let second = Number(match[2]);
  if (match[2].length === 2) {
    // `2023/24`: the second year in the first one's century, or the next (`2099/00`).
    second += first - (first % 100);
    if (second <= first) second += 100;
  }
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
