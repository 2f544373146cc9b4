import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { PeriodView } from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { useOrganizations } from '@/api/organizations';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { StatusBadge } from '@/components/indicator/Badges';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { TableWrap } from '@/components/layout/Table';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatValue } from '@/lib/indicators';
import { activeIn, scoresByOrganization } from '../model';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

export function OrganizationsListPage() {
  usePageTitle('Организации', usePeriodCode());
  return (
    <section className="page">
      <h1>Организации</h1>
      <PeriodGate>{(period) => <OrganizationsTable period={period} />}</PeriodGate>
    </section>
  );
}

function OrganizationsTable({ period }: { period: PeriodView }) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const linkTo = usePeriodLink();
  const organizations = useOrganizations();
  const values = useIndicatorValues({ period: period.code });
  const scores = useMemo(
    () => scoresByOrganization(values.data ?? [], period.code),
    [values.data, period.code],
  );

  if (organizations.isPending) return <Loading height={400} />;
  if (organizations.isError) {
    return (
      <ErrorMessage
        error={organizations.error}
        what="список организаций"
        retry={() => void organizations.refetch()}
      />
    );
  }
  if (organizations.data.length === 0) {
    return (
      <EmptyState>
        <p>Организаций пока нет. Загрузите реестр организаций.</p>
      </EmptyState>
    );
  }
  const needle = search.trim().toLowerCase();
  const shown = organizations.data
    .filter((o) => !needle || o.name.toLowerCase().includes(needle) || o.code.toLowerCase().includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));

  return (
    <>
      <div className="field field--inline">
        <label htmlFor={searchId}>Найти</label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder="Название или код"
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {values.isError && (
        <ErrorMessage
          error={values.error}
          what="показатели организаций"
          retry={() => void values.refetch()}
        />
      )}
      <TableWrap label="Организации">
        <table className="table">
          <caption>
            Организации за {period.code}: охват 8–11 классов и число целей, достигнутых и не достигнутых
          </caption>
          <thead>
            <tr>
              <th scope="col">Организация</th>
              <th scope="col">Тип</th>
              <th scope="col" className="num">
                Охват 8–11
              </th>
              <th scope="col" className="num">
                Целей достигнуто
              </th>
              <th scope="col" className="num">
                Не достигнуто
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => {
              const score = scores.get(o.code);
              const active = activeIn(o, period.code);
              return (
                <tr key={o.code} className={active ? undefined : 'row--inactive'}>
                  <th scope="row">
                    <Link to={linkTo(`/organizations/${encodeURIComponent(o.code)}`)}>{o.name}</Link>
                    {!active && <span className="tag">не отчитывается в {period.code}</span>}
                  </th>
                  <td>{o.type}</td>
                  <td className="num">
                    {score?.coverage ? (
                      <>
                        {formatValue(score.coverage.value, 'percent')}{' '}
                        <StatusBadge status={score.coverage.status} />
                      </>
                    ) : values.isPending ? (
                      '…'
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="num">{score ? score.met : values.isPending ? '…' : '—'}</td>
                  <td className={score && score.missed > 0 ? 'num text-fail' : 'num'}>
                    {score ? score.missed : values.isPending ? '…' : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {shown.length === 0 && <p className="muted">Ничего не найдено по запросу «{search}».</p>}
    </>
  );
}
