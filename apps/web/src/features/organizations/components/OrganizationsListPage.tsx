import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { OrganizationView, PeriodView } from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { useOrganizations } from '@/api/organizations';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { StatusBadge } from '@/components/indicator/Badges';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { DataTable, type Column } from '@/components/table/DataTable';
import { useCurrentUser } from '@/api/session';
import { MunicipalitySelect } from '@/components/layout/MunicipalitySelect';
import { usePeriodLink, useSearchParam } from '@/hooks/use-search-param';
import { choosesMunicipality, municipalitiesOf, organizationsOf } from '@/lib/levels';
import { formatValue } from '@/lib/indicators';
import { activeIn, scoresByOrganization, type OrganizationScore } from '../model';
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

/** The choice of every municipality at once, in the address (`?municipality=*`). */
const EVERY_MUNICIPALITY = '*';
/** Rows shown at once of every municipality's organizations; the files hold all. */
const SHOWN_OF_EVERY = 200;

function OrganizationsTable({ period }: { period: PeriodView }) {
  const linkTo = usePeriodLink();
  const organizations = useOrganizations();
  // The ministry of several municipalities sees one at a time (the first unless it picks one, or
  // all of them): a region's 1,500 organizations are no list to read, nor their values to load.
  const picks = choosesMunicipality(useCurrentUser());
  const [picked] = useSearchParam('municipality');
  const municipality = picks
    ? (picked ?? municipalitiesOf(organizations.data)[0] ?? EVERY_MUNICIPALITY)
    : EVERY_MUNICIPALITY;
  const every = municipality === EVERY_MUNICIPALITY;
  const values = useIndicatorValues(every ? { period: period.code } : { period: period.code, municipality }, {
    enabled: !picks || picked !== undefined || organizations.isSuccess,
  });
  const shown = useMemo(
    () => (every ? (organizations.data ?? []) : organizationsOf(organizations.data ?? [], municipality)),
    [every, organizations.data, municipality],
  );
  const scores = useMemo(
    () => scoresByOrganization(values.data ?? [], period.code),
    [values.data, period.code],
  );
  const columns = useMemo((): Column<OrganizationView>[] => {
    /** What a score cell shows before the values come, for a school that sent nothing, and so on. */
    const scoreCell = (o: OrganizationView, shown: (score: OrganizationScore) => ReactNode): ReactNode => {
      const score = scores.get(o.code);
      if (score) return shown(score);
      if (values.isPending) return '…';
      return null;
    };
    return [
      {
        id: 'name',
        header: 'Организация',
        kind: 'text',
        rowHeader: true,
        value: (o) => o.name,
        render: (o) => (
          <>
            <Link to={linkTo(`/organizations/${encodeURIComponent(o.code)}`)}>{o.name}</Link>
            {picks && every && <div className="muted small"> {o.municipality}</div>}
            {!activeIn(o, period.code) ? (
              <span className="tag">не отчитывается в {period.code}</span>
            ) : (
              // Retired (or closing): its last year in the registry.
              o.activeTo !== null && <span className="tag">отчитывается по {o.activeTo}</span>
            )}
          </>
        ),
      },
      { id: 'type', header: 'Тип', kind: 'text', value: (o) => o.type },
      {
        id: 'coverage',
        header: 'Охват 8–11',
        kind: 'percent',
        value: (o) => scores.get(o.code)?.coverage?.value ?? null,
        render: (o) =>
          scoreCell(o, (score) =>
            score.coverage ? (
              <>
                {formatValue(score.coverage.value, 'percent')} <StatusBadge status={score.coverage.status} />
              </>
            ) : (
              <span className="muted">не считается</span>
            ),
          ) ??
          (activeIn(o, period.code) && !values.isError ? (
            <span className="text-fail">отчёт не сдан</span>
          ) : null),
      },
      {
        id: 'met',
        header: 'Целей достигнуто',
        kind: 'number',
        value: (o) => scores.get(o.code)?.met ?? null,
        render: (o) => scoreCell(o, (score) => score.met),
      },
      {
        id: 'missed',
        header: 'Не достигнуто',
        kind: 'number',
        value: (o) => scores.get(o.code)?.missed ?? null,
        render: (o) => scoreCell(o, (score) => score.missed),
        cellClass: (o) => ((scores.get(o.code)?.missed ?? 0) > 0 ? 'text-fail' : undefined),
      },
    ];
  }, [scores, values.isPending, values.isError, linkTo, period.code, picks, every]);

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

  return (
    <>
      {picks && (
        <div className="toolbar">
          <MunicipalitySelect
            allLabel="Все муниципалитеты"
            allValue={EVERY_MUNICIPALITY}
            value={municipality}
          />
        </div>
      )}
      {values.isError && (
        <ErrorMessage
          error={values.error}
          what="показатели организаций"
          retry={() => void values.refetch()}
        />
      )}
      <DataTable
        label="Организации"
        fileName={every ? `Организации ${period.code}` : `Организации ${municipality} ${period.code}`}
        caption={`Организации за ${period.code}: охват 8–11 классов и число целей, достигнутых и не достигнутых. «Отчёт не сдан» — организация не прислала за период ни одного листа.`}
        columns={columns}
        rows={shown}
        limit={picks && every ? SHOWN_OF_EVERY : undefined}
        rowKey={(o) => o.code}
        rowProps={(o) => ({
          className: activeIn(o, period.code) ? undefined : 'row--inactive',
          'data-org': o.code,
        })}
        initialSort={{ column: 'name', direction: 'asc' }}
        facet={{ label: 'Тип организации', value: (o) => o.type }}
        searchText={(o) => o.code}
      />
    </>
  );
}
