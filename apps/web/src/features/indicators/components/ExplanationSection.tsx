import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ContributorView, ExplanationView, IndicatorDefinition } from '@profmonitor/domain';
import { useOrganizations } from '@/api/organizations';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { AreaGapTable } from '@/components/indicator/AreaGapTable';
import { StatusBadge } from '@/components/indicator/Badges';
import { TableWrap } from '@/components/layout/Table';
import { usePeriodLink, useSearchParam } from '@/hooks/use-search-param';
import { formatNumber } from '@/lib/format';
import { formatValue, scaleOf } from '@/lib/indicators';
import { useExplanation } from '../api/get-explanation';
import { RowsTable } from './RowsTable';

type ExplanationSectionProps = { definition: IndicatorDefinition; period: string };

/** How the value came about, so that anyone can check it: formula, parts, contributors, rows. */
export function ExplanationSection({ definition, period }: ExplanationSectionProps) {
  const selectId = useId();
  const [org, setOrg] = useSearchParam('org');
  const organizations = useOrganizations();
  const explanation = useExplanation({ id: definition.id, period, org });

  return (
    <section className="card" id="explanation" aria-labelledby="explanation-title">
      <header className="section__header">
        <h2 id="explanation-title">Как получено значение</h2>
        <div className="field">
          <label htmlFor={selectId}>Чьё значение</label>
          <select
            id={selectId}
            value={org ?? ''}
            onChange={(event) => setOrg(event.target.value || undefined)}
          >
            <option value="">Город (все организации)</option>
            {organizations.data?.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
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
        <Explanation explanation={explanation.data} definition={definition} period={period} org={org} />
      )}
    </section>
  );
}

type ExplanationProps = {
  explanation: ExplanationView;
  definition: IndicatorDefinition;
  period: string;
  org: string | undefined;
};

function Explanation({ explanation, definition, period, org }: ExplanationProps) {
  const [showRows, setShowRows] = useState(false);
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
      {org === undefined && scale === 'percent' && (
        <p className="muted small">
          Значение по городу — сумма числителей организаций, делённая на сумму их знаменателей (а не среднее
          их процентов).
        </p>
      )}

      {explanation.areas && (
        <AreaGapTable
          areas={[...explanation.areas].sort((a, b) => Math.abs(b.gap ?? 0) - Math.abs(a.gap ?? 0))}
        />
      )}

      {explanation.contributors.length > 0 ? (
        <ContributorsTable contributors={explanation.contributors} scale={scale} explanation={explanation} />
      ) : (
        <EmptyState>
          <p>За {period} нет принятых отчётов, из которых складывается это значение.</p>
        </EmptyState>
      )}

      {explanation.hasRows &&
        (showRows ? (
          <RowsTable target={{ id: definition.id, period, org }} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setShowRows(true)}>
            Показать строки
          </button>
        ))}
    </>
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
  const ratio = scale === 'percent';
  return (
    <TableWrap label="Из чего сложилось значение">
      <table className="table">
        <caption>Организации, чьи отчёты вошли в значение ({contributors.length})</caption>
        <thead>
          <tr>
            <th scope="col">Организация</th>
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
            <th scope="col">Отчёт</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.org}>
              <th scope="row">
                <Link to={linkTo(`/organizations/${encodeURIComponent(c.org)}`)}>{c.name}</Link>
              </th>
              {ratio && (
                <>
                  <td className="num">{c.numerator === null ? '—' : formatNumber(c.numerator)}</td>
                  <td className="num">{c.denominator === null ? '—' : formatNumber(c.denominator)}</td>
                </>
              )}
              <td className="num">{formatValue(c.value, scale)}</td>
              <td>
                {c.uploadId !== null ? (
                  <Link to={`/uploads/${c.uploadId}`} title={`Загрузка № ${c.uploadId}`}>
                    {c.fileName ?? `загрузка № ${c.uploadId}`}
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {ratio &&
          explanation.numerator !== null &&
          explanation.denominator !== null &&
          contributors.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">Итого по городу</th>
                <td className="num">{formatNumber(explanation.numerator)}</td>
                <td className="num">{formatNumber(explanation.denominator)}</td>
                <td className="num">{formatValue(explanation.value, scale)}</td>
                <td />
              </tr>
            </tfoot>
          )}
      </table>
    </TableWrap>
  );
}
