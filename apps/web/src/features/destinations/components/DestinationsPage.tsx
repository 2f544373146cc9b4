import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { DestinationLinkView, PeriodView } from '@profmonitor/domain';
import { useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { EChart } from '@/components/echart/EChart';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { OrganizationSelect } from '@/components/layout/OrganizationSelect';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { TableWrap } from '@/components/layout/Table';
import { usePeriodLink, useSearchParam } from '@/hooks/use-search-param';
import { formatNumber } from '@/lib/format';
import { levelOf } from '@/lib/levels';
import { useDestinations } from '../api/get-destinations';
import { graduatesTotal, labelOf, LAYERS, sankeyChartOption, sankeyData } from '@profmonitor/charts';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

export function DestinationsPage() {
  usePageTitle('Куда пошли выпускники', usePeriodCode());
  return (
    <section className="page">
      <h1>Куда пошли выпускники</h1>
      <PeriodGate>{(period) => <Destinations period={period} />}</PeriodGate>
    </section>
  );
}

function Destinations({ period }: { period: PeriodView }) {
  const linkTo = usePeriodLink();
  const [org] = useSearchParam('org');
  const organizations = useOrganizations();
  const destinations = useDestinations({ period: period.code, org });
  // The account's own level: the city, its municipality, or the region.
  const level = levelOf(useCurrentUser());
  const name = org ? (organizations.data?.find((o) => o.code === org)?.name ?? org) : level.name;

  return (
    <>
      <div className="toolbar">
        <OrganizationSelect allLabel={`Все организации ${level.of}`} withGraduates />
        {org && <Link to={linkTo(`/organizations/${encodeURIComponent(org)}`)}>Страница организации →</Link>}
      </div>
      <figure className="card">
        <figcaption>
          <h2>
            {name}, выпуск {period.code}
          </h2>
          <span className="muted">
            {LAYERS.join(' → ')}. Назначение — на 1 сентября после выпуска; территория — для продолжающих
            обучение или работающих.
          </span>
        </figcaption>
        {destinations.isPending ? (
          <Loading height={420} />
        ) : destinations.isError ? (
          <ErrorMessage
            error={destinations.error}
            what="данные о выпускниках"
            retry={() => void destinations.refetch()}
          />
        ) : destinations.data.every((link) => !(link.value > 0)) ? (
          <EmptyState>
            <p>
              Нет данных о выпускниках за этот период. Загрузите отчёты с листом «Выпускники» или выберите
              другой период{org ? ' или другую организацию' : ''}.
            </p>
          </EmptyState>
        ) : (
          <Diagram links={destinations.data} />
        )}
      </figure>
    </>
  );
}

function Diagram({ links }: { links: DestinationLinkView[] }) {
  const option = useMemo(() => sankeyChartOption(links), [links]);
  const data = useMemo(() => sankeyData(links), [links]);
  const total = graduatesTotal(data);
  return (
    <>
      <p>
        Выпускников: <strong>{formatNumber(total)}</strong>
      </p>
      <EChart
        option={option}
        height={Math.max(360, data.nodes.filter((n) => n.depth === 1).length * 56)}
        ariaLabel={`Диаграмма потоков выпускников: ${data.links
          .map((l) => `${labelOf(l.source)} → ${labelOf(l.target)}: ${l.value}`)
          .join('; ')}`}
      />
      <details>
        <summary>Таблица данных</summary>
        <TableWrap label="Потоки выпускников">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Откуда</th>
                <th scope="col">Куда</th>
                <th scope="col" className="num">
                  Выпускников
                </th>
              </tr>
            </thead>
            <tbody>
              {data.links.map((link) => (
                <tr key={`${link.source}>${link.target}`}>
                  <td>{labelOf(link.source)}</td>
                  <td>{labelOf(link.target)}</td>
                  <td className="num">{formatNumber(link.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </>
  );
}
