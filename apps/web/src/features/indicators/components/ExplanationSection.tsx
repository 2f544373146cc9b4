import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  isOptionalSheet,
  type ContributorView,
  type ExplanationView,
  type IndicatorDefinition,
  type TimelinessReportView,
} from '@profmonitor/domain';
import { useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { AreaGapTable } from '@/components/indicator/AreaGapTable';
import { StatusBadge } from '@/components/indicator/Badges';
import { TableWrap } from '@/components/layout/Table';
import { usePeriodLink, useSearchParam } from '@/hooks/use-search-param';
import { formatDate, formatNumber } from '@/lib/format';
import { useChosenMunicipality, useLevel } from '@/hooks/use-level';
import { formatValue, scaleOf, SHEET_NAMES } from '@/lib/indicators';
import { levelOfValue, organizationsOf } from '@/lib/levels';
import { useExplanation } from '../api/get-explanation';
import { RowsTable } from './RowsTable';

type ExplanationSectionProps = { definition: IndicatorDefinition; period: string };

/** How the value came about, so that anyone can check it: formula, parts, contributors, rows. */
export function ExplanationSection({ definition, period }: ExplanationSectionProps) {
  const selectId = useId();
  const [org, setOrg] = useSearchParam('org');
  // The level's value, and its organizations to pick from (the region's are in its municipalities').
  const municipality = useChosenMunicipality();
  const level = useLevel();
  const organizations = useOrganizations();
  const choices = useMemo(() => {
    const all = organizations.data ?? [];
    if (level.kind === 'city') return all;
    if (level.kind === 'municipality') return organizationsOf(all, level.municipality!);
    return all.filter((o) => o.code === org);
  }, [organizations.data, level.kind, level.municipality, org]);
  // Timeliness is explained for a level only (an organization in the address is not asked for).
  const whose = definition.kind === 'timeliness' ? undefined : org;
  const explanation = useExplanation({ id: definition.id, period, org: whose, municipality });

  return (
    <section className="card" id="explanation" aria-labelledby="explanation-title">
      <header className="section__header">
        <h2 id="explanation-title">Как получено значение</h2>
        {/* Timeliness has no value of one organization: its reports are listed below instead. */}
        {definition.kind !== 'timeliness' && (
          <div className="field">
            <label htmlFor={selectId}>Чьё значение</label>
            <select
              id={selectId}
              value={org ?? ''}
              onChange={(event) => setOrg(event.target.value || undefined)}
            >
              <option value="">
                {level.kind === 'municipality'
                  ? `Муниципалитет «${level.municipality}»`
                  : level.kind === 'region'
                    ? level.name
                    : 'Все организации'}
              </option>
              {choices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      {explanation.isPending ? (
        <Loading />
      ) : explanation.isError ? (
        <ErrorMessage
          error={explanation.error}
          what="расшифровку значения"
          retry={() => void explanation.refetch()}
        />
      ) : (
        <Explanation
          explanation={explanation.data}
          definition={definition}
          period={period}
          org={whose}
          municipality={municipality}
        />
      )}
    </section>
  );
}

type ExplanationProps = {
  explanation: ExplanationView;
  definition: IndicatorDefinition;
  period: string;
  org: string | undefined;
  municipality: string | undefined;
};

function Explanation({ explanation, definition, period, org, municipality }: ExplanationProps) {
  const [showRows, setShowRows] = useState(false);
  const whose = levelOfValue(useCurrentUser(), explanation.municipality);
  const scale = scaleOf(definition.id);
  const { numerator, denominator } = explanation;
  return (
    <>
      <dl className="facts formula">
        <dt>Числитель</dt>
        <dd>
          {explanation.numeratorText}
          {numerator !== null && <strong> = {formatNumber(numerator)}</strong>}
        </dd>
        {explanation.denominatorText !== '—' && (
          <>
            <dt>Знаменатель</dt>
            <dd>
              {explanation.denominatorText}
              {denominator !== null && <strong> = {formatNumber(denominator)}</strong>}
            </dd>
          </>
        )}
        <dt>Значение</dt>
        <dd>
          {numerator !== null && denominator !== null && (
            <>
              {formatNumber(numerator)} / {formatNumber(denominator)} ={' '}
            </>
          )}
          <strong>{formatValue(explanation.value, scale)}</strong> <StatusBadge status={explanation.status} />
        </dd>
      </dl>
      {explanation.deadline && (
        <p className="muted small">
          Срок сдачи отчётов — {formatDate(explanation.deadline)}: вовремя сдан отчёт, все обязательные листы
          которого впервые приняты не позднее этого дня.
        </p>
      )}
      {org === undefined && scale === 'percent' && definition.kind !== 'timeliness' && (
        <p className="muted small">
          Значение {whose.of} — сумма числителей{' '}
          {explanation.municipalities.length > 0 ? 'муниципалитетов' : 'организаций'}, делённая на сумму их
          знаменателей (а не среднее их процентов).
        </p>
      )}

      {explanation.areas && (
        <AreaGapTable
          areas={[...explanation.areas].sort((a, b) => Math.abs(b.gap ?? 0) - Math.abs(a.gap ?? 0))}
        />
      )}

      {explanation.municipalities.length > 0 ? (
        <MunicipalityPartsTable explanation={explanation} scale={scale} />
      ) : explanation.reports && explanation.deadline ? (
        <ReportsTable reports={explanation.reports} deadline={explanation.deadline} />
      ) : definition.kind === 'timeliness' ? (
        <EmptyState>
          <p>За {period} сбор отчётов не объявлен: без срока своевременность не считается.</p>
        </EmptyState>
      ) : explanation.contributors.length > 0 ? (
        <ContributorsTable contributors={explanation.contributors} scale={scale} explanation={explanation} />
      ) : (
        <EmptyState>
          <p>За {period} нет принятых отчётов, из которых складывается это значение.</p>
        </EmptyState>
      )}

      {explanation.notReporting && explanation.notReporting.length > 0 && (
        <NotReporting organizations={explanation.notReporting} sheet={optionalSheetName(definition)} />
      )}

      {explanation.hasRows &&
        (showRows ? (
          <RowsTable target={{ id: definition.id, period, org, municipality }} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setShowRows(true)}>
            Показать строки
          </button>
        ))}
    </>
  );
}

/** The optional sheet an indicator is counted from (Профминимум), by its workbook name. */
const optionalSheetName = (definition: IndicatorDefinition): string => {
  const sheet = 'sheets' in definition ? definition.sheets.find(isOptionalSheet) : undefined;
  return sheet ? SHEET_NAMES[sheet] : 'Профминимум';
};

/**
 * The organizations that did not send the optional sheet an indicator is counted from: they
 * have no value (not 0) and are left out of the pooled one, so they are named.
 */
function NotReporting({
  organizations,
  sheet,
}: {
  organizations: { code: string; name: string }[];
  sheet: string;
}) {
  const linkTo = usePeriodLink();
  const sorted = [...organizations].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <p className="notice">
      Не сдали лист «{sheet}» (нет значения, не 0):{' '}
      {sorted.map((o, index) => (
        <span key={o.code}>
          {index > 0 && ', '}
          <Link to={linkTo(`/organizations/${encodeURIComponent(o.code)}`)}>{o.name}</Link>
        </span>
      ))}
      .
    </p>
  );
}

function ContributorsTable({
  contributors,
  scale,
  explanation,
}: {
  contributors: ContributorView[];
  scale: ReturnType<typeof scaleOf>;
  explanation: ExplanationView;
}) {
  const linkTo = usePeriodLink();
  const sorted = [...contributors].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <PartsTable
      label="Из чего сложилось значение"
      caption={`Организации, чьи отчёты вошли в значение (${contributors.length})`}
      partHeader="Организация"
      extraHeader="Отчёт"
      scale={scale}
      total={contributors.length > 1 ? { label: 'Итого', explanation } : null}
      parts={sorted.map((c) => ({
        key: c.org,
        ...c,
        head: <Link to={linkTo(`/organizations/${encodeURIComponent(c.org)}`)}>{c.name}</Link>,
        extra:
          c.uploadId !== null ? (
            <Link to={`/uploads/${c.uploadId}`} title={`Загрузка № ${c.uploadId}`}>
              {c.fileName ?? `загрузка № ${c.uploadId}`}
            </Link>
          ) : (
            <span className="muted">—</span>
          ),
      }))}
    />
  );
}

/** How a report stands against the deadline: «вовремя», «опоздание 2 дн.», or not due yet. */
function lateness(report: TimelinessReportView): string {
  if (report.onTime) return 'вовремя';
  if (report.late !== null) return `опоздание ${formatNumber(report.late)} дн.`;
  return 'срок ещё не наступил';
}

/**
 * Timeliness explained: each organization's report against the deadline, the late and missing
 * first (the longest late at the top), then those on time.
 */
function ReportsTable({ reports, deadline }: { reports: TimelinessReportView[]; deadline: string }) {
  const linkTo = usePeriodLink();
  const sorted = [...reports].sort(
    (a, b) =>
      Number(a.onTime) - Number(b.onTime) ||
      (b.late ?? 0) - (a.late ?? 0) ||
      a.name.localeCompare(b.name, 'ru'),
  );
  const onTime = reports.filter((r) => r.onTime).length;
  return (
    <TableWrap label="Отчёты организаций к сроку">
      <table className="table">
        <caption>
          Отчёты к сроку {formatDate(deadline)}: вовремя {formatNumber(onTime)} из{' '}
          {formatNumber(reports.length)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Организация</th>
            <th scope="col">Сдан</th>
            <th scope="col">Вовремя / опоздание</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((report) => (
            <tr key={report.org}>
              <th scope="row">
                <Link to={linkTo(`/organizations/${encodeURIComponent(report.org)}`)}>{report.name}</Link>
              </th>
              <td>
                {report.completedOn ? (
                  formatDate(report.completedOn)
                ) : (
                  <span className="muted">не сдан полностью</span>
                )}
              </td>
              <td>{report.onTime ? lateness(report) : <strong>{lateness(report)}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * The region's value of several municipalities, by municipality: each one's pooled part, and
 * its own explanation (its organizations) one click away.
 */
function MunicipalityPartsTable({
  explanation,
  scale,
}: {
  explanation: ExplanationView;
  scale: ReturnType<typeof scaleOf>;
}) {
  const [params] = useSearchParams();
  const explanationOf = (municipality: string) => {
    const next = new URLSearchParams(params);
    next.set('municipality', municipality);
    next.delete('org');
    return { search: `?${next}`, hash: '#explanation' };
  };
  const parts = explanation.municipalities;
  return (
    <PartsTable
      label="Из чего сложилось значение региона"
      caption={`Муниципалитеты, из которых сложилось значение региона (${parts.length})`}
      partHeader="Муниципалитет"
      scale={scale}
      total={{ label: 'Регион', explanation }}
      parts={parts.map((part) => ({
        key: part.municipality,
        ...part,
        head: <Link to={explanationOf(part.municipality)}>{part.municipality}</Link>,
      }))}
    />
  );
}

/** A value's parts side by side (numerator and denominator for a ratio), with the total below. */
function PartsTable({
  label,
  caption,
  partHeader,
  extraHeader,
  scale,
  parts,
  total,
}: {
  label: string;
  caption: string;
  partHeader: string;
  /** A last column (the report a part came from). */
  extraHeader?: string;
  scale: ReturnType<typeof scaleOf>;
  parts: {
    key: string;
    head: ReactNode;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    extra?: ReactNode;
  }[];
  total: { label: string; explanation: ExplanationView } | null;
}) {
  const ratio = scale === 'percent';
  const count = (n: number | null) => (n === null ? '—' : formatNumber(n));
  const sum = total?.explanation;
  return (
    <TableWrap label={label}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{partHeader}</th>
            {ratio && (
              <>
                <th scope="col" className="num">
                  Числитель
                </th>
                <th scope="col" className="num">
                  Знаменатель
                </th>
              </>
            )}
            <th scope="col" className="num">
              Значение
            </th>
            {extraHeader && <th scope="col">{extraHeader}</th>}
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => (
            <tr key={part.key}>
              <th scope="row">{part.head}</th>
              {ratio && (
                <>
                  <td className="num">{count(part.numerator)}</td>
                  <td className="num">{count(part.denominator)}</td>
                </>
              )}
              <td className="num">{formatValue(part.value, scale)}</td>
              {extraHeader && <td>{part.extra}</td>}
            </tr>
          ))}
        </tbody>
        {ratio && sum && sum.numerator !== null && sum.denominator !== null && (
          <tfoot>
            <tr>
              <th scope="row">{total.label}</th>
              <td className="num">{formatNumber(sum.numerator)}</td>
              <td className="num">{formatNumber(sum.denominator)}</td>
              <td className="num">{formatValue(sum.value, scale)}</td>
              {extraHeader && <td />}
            </tr>
          </tfoot>
        )}
      </table>
    </TableWrap>
  );
}
