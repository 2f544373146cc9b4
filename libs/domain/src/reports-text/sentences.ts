// The analytic report's sentences: an indicator against its target as a committee writes it
// («Охват … составил 77,8 % при цели 80 %; цель не достигнута; ниже цели 5 из 8 школ: …»).
// Pure text from the values the API gives; Russian typography: a no-break space before % and
// п.п., «ёлочки», the typographic minus.
import type { CycleEffectivenessView } from '../contracts/api';
import { indicatorById } from '../indicators/definitions';
import type { Status, Target } from '../indicators/targets';
import { describeTarget, formatPercent } from '../indicators/targets';
import { plural } from '../text';

export const NBSP = '\u00a0';
const MINUS = '\u2212';
export const NO_DATA_TEXT = 'нет данных';

/** How a value reads: a share (`78,4 %`) or an index (`0,51`, the mismatch index). */
export type ValueScale = 'percent' | 'index';

/** 0.784 → «78,4 %» (no-break space), or «0,51» on the index scale; null → «нет данных». */
export function reportValue(value: number | null, scale: ValueScale): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_TEXT;
  if (scale === 'index') return value.toFixed(2).replace('.', ',');
  return formatPercent(value).replace(' %', `${NBSP}%`);
}

/** The change as printed: 0.062 → «+6,2 п.п.», −0.031 → «−3,1 п.п.», index −0.04 → «−0,04»; null → null. */
export function reportChange(change: number | null, scale: ValueScale): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const digits = scale === 'index' ? 2 : 1;
  const shown = scale === 'index' ? change : change * 100;
  const text = Math.abs(shown).toFixed(digits).replace('.', ',');
  const sign = Number(text.replace(',', '.')) === 0 ? '' : shown > 0 ? '+' : MINUS;
  return scale === 'index' ? `${sign}${text}` : `${sign}${text}${NBSP}п.п.`;
}

/** A threshold as a committee writes it: 0.8 → «80 %», 0.855 → «85,5 %». */
function thresholdText(threshold: number): string {
  return reportValue(threshold, 'percent').replace(`,0${NBSP}%`, `${NBSP}%`);
}

/** The target in a table cell: «≥ 80 %» (a committee's round threshold), else the domain's «рост», «снижение», «—». */
export function reportTarget(target: Target): string {
  return target.kind === 'atLeast' ? `≥${NBSP}${thresholdText(target.threshold)}` : describeTarget(target);
}

/** The status in a table cell: the API's word, «—» for an informational indicator. */
export function reportStatus(status: Status | null): string {
  return status ?? '—';
}

/** An organization as the summary counts it. */
export interface OrganizationStanding {
  name: string;
  status: Status | null;
}

export interface IndicatorSentenceInput {
  /** The indicator's name as the UI shows it («Охват обучающихся 8–11 классов …»). */
  name: string;
  scale: ValueScale;
  value: number | null;
  target: Target;
  status: Status | null;
  /** value − the previous period's value; null when either is missing. */
  change: number | null;
  /** The level's organizations with their own status (empty: none are judged separately). */
  organizations: OrganizationStanding[];
  /** What to call the organizations: «школ» when all are schools, else «организаций». */
  schoolsOnly: boolean;
}

/** «составил» or «составила», agreeing with the name's first word (Охват, Индекс; Доля, Полнота). */
function verbFor(name: string): string {
  const head = name.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return /[аяь]$/.test(head) ? 'составила' : 'составил';
}

function targetClause(target: Target): string | null {
  switch (target.kind) {
    case 'atLeast':
      return `при цели ${thresholdText(target.threshold)}`;
    case 'growth':
      return 'при цели — рост к прошлому году';
    case 'decrease':
      return 'при цели — снижение к прошлому году';
    case 'none':
      return null;
  }
}

function statusClause(status: Status | null, target: Target): string {
  if (status === 'достигнуто') return 'цель достигнута';
  if (status === 'не достигнуто') return 'цель не достигнута';
  if (status === 'нет данных') return 'достижение цели оценить нельзя: нет данных за прошлый год';
  return target.kind === 'none' ? 'показатель информационный, цель не ставится' : '';
}

/** «ниже цели 5 из 8 школ: А, Б» — who of the level's judged organizations missed the target. */
function laggingClause(input: IndicatorSentenceInput): string | null {
  const judged = input.organizations.filter((o) => o.status === 'достигнуто' || o.status === 'не достигнуто');
  if (judged.length === 0) return null;
  const noun = input.schoolsOnly
    ? plural(judged.length, 'школы', 'школ', 'школ')
    : plural(judged.length, 'организации', 'организаций', 'организаций');
  const lagging = input.organizations.filter((o) => o.status === 'не достигнуто');
  const below =
    input.target.kind === 'growth'
      ? 'без роста'
      : input.target.kind === 'decrease'
        ? 'без снижения'
        : 'ниже цели';
  if (lagging.length === 0) return `${below} — ни одной из ${judged.length} ${noun}`;
  return `${below} ${lagging.length} из ${judged.length} ${noun}: ${lagging.map((o) => o.name).join(', ')}`;
}

/**
 * One indicator of the level against its target, as one sentence: the value and the target,
 * whether it is met, the change from last year in п.п., the organizations below the target.
 */
export function indicatorSentence(input: IndicatorSentenceInput): string {
  if (input.value === null || !Number.isFinite(input.value)) {
    return `${input.name}: ${NO_DATA_TEXT} за период.`;
  }
  // A name with a participial clause («Доля педагогов, прошедших …») closes it with a comma.
  const subject = input.name.includes(', ') ? `${input.name},` : input.name;
  const head = [`${subject} ${verbFor(input.name)} ${reportValue(input.value, input.scale)}`];
  const target = targetClause(input.target);
  if (target) head.push(target);
  const clauses = [head.join(' ')];
  const status = statusClause(input.status, input.target);
  if (status) clauses.push(status);
  const change = reportChange(input.change, input.scale);
  clauses.push(change === null ? 'сравнить с прошлым годом нельзя: нет данных' : `за год ${change}`);
  const lagging = laggingClause(input);
  if (lagging) clauses.push(lagging);
  const text = clauses.join('; ');
  // «п.п.» at the end already closes the sentence.
  return text.endsWith('.') ? text : `${text}.`;
}

/** An indicator's scale: the mismatch index reads as an index, every other as a share. */
export function indicatorScale(id: string): ValueScale {
  return indicatorById(id)?.kind === 'mismatch' ? 'index' : 'percent';
}

/** «выросло на 6,2 п.п.», «снизилось на 1,0 п.п.», «не изменилось»; null without a change. */
function moveWords(change: number | null, scale: ValueScale): string | null {
  const text = reportChange(change, scale);
  if (text === null) return null;
  const amount = text.replace(/^[+\u2212]/, '');
  if (!/[1-9]/.test(amount)) return 'не изменилось';
  return `${change! > 0 ? 'выросло' : 'снизилось'} на ${amount}`;
}

/**
 * A recommendation's effectiveness (the management cycle's «анализ эффективности») in one line
 * a committee reads: «В организациях, получивших рекомендацию, значение выросло на 6,2 п.п.,
 * в остальных — на 1,0 п.п.», or why it cannot be said. The dashboard and the report say it alike.
 */
export function effectivenessHeadline(view: CycleEffectivenessView): string {
  if (view.nextPeriod === null)
    return `Данных за период после ${view.period} ещё нет: эффективность рекомендации оценить нельзя.`;
  const scale = indicatorScale(view.indicator);
  const addressed = moveWords(view.addressed.change, scale);
  const others = moveWords(view.others.change, scale);
  const first = `В организациях, получивших рекомендацию, значение ${addressed ?? 'сравнить нельзя: нет данных'}`;
  if (others === null) return `${first}; у остальных организаций данных нет.`;
  const second =
    addressed !== null && others !== 'не изменилось' && others.split(' ')[0] === addressed.split(' ')[0]
      ? // «выросло на 6,2 п.п., в остальных — на 1,0 п.п.»: the verb said once.
        others.replace(/^\S+ /, '')
      : others;
  // «п.п.» at the end already closes the sentence.
  const text = `${first}, в остальных — ${second}`;
  return text.endsWith('.') ? text : `${text}.`;
}
