import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import {
  indicatorById,
  PROFMINIMUM_INDICATORS,
  plural,
  type PeriodView,
  type ProfminimumSchoolView,
  type ProfminimumView,
} from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { namesByCode, useOrganizations } from '@/api/organizations';
import { useProfminimum } from '@/api/profminimum';
import { useCurrentUser } from '@/api/session';
import { EChart } from '@/components/echart/EChart';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { IndicatorTile } from '@/components/indicator/IndicatorTile';
import { MunicipalitySelect } from '@/components/layout/MunicipalitySelect';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { NOT_SENT, gradeColumns } from '@/components/profminimum/profminimum';
import { ProfminimumKey, SchoolGradesChart } from '@/components/profminimum/SchoolGrades';
import { DataTable, type Column } from '@/components/table/DataTable';
import { organizationColumn } from '@/components/table/organization-columns';
import { useChosenMunicipality, useLevel } from '@/hooks/use-level';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';
import { usePeriodLink } from '@/hooks/use-search-param';
import { choosesMunicipality, severalMunicipalities, type Level } from '@/lib/levels';
import { indicatorTiles } from '@/lib/tiles';
import {
  heatmapChartHeight,
  heatmapChartOption,
  heatmapRows,
  profminimumBars,
  profminimumChartHeight,
  profminimumChartLabel,
  profminimumChartOption,
} from '@profmonitor/charts';
import {
  basicOnlySchools,
  gradeRows,
  notReported,
  reportedSchools,
  schoolCoverageValues,
  schoolRow,
  type GradeRow,
  type SchoolRow,
} from '../model';
import './profminimum.css';

export const PROFMINIMUM_TITLE = 'Профминимум';

export function ProfminimumPage() {
  usePageTitle(PROFMINIMUM_TITLE, usePeriodCode());
  const user = useCurrentUser();
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>{PROFMINIMUM_TITLE}</h1>
          <p className="muted">
            Профориентационный минимум в 6–11 классах: уровни по параллелям (базовый — от 40 ч в год, основной
            — от 60 ч, продвинутый — от 80 ч), охват и участие в проекте «Билет в будущее». Лист «Профминимум»
            необязателен: у школы, которая его не сдала, значения нет (это не 0).
          </p>
        </div>
        {choosesMunicipality(user) && <MunicipalitySelect allLabel="Весь регион" />}
      </header>
      <PeriodGate>{(period, periods) => <Profminimum period={period} periods={periods} />}</PeriodGate>
    </section>
  );
}

function Profminimum({ period, periods }: { period: PeriodView; periods: PeriodView[] }) {
  const level = useLevel();
  const several = severalMunicipalities(useCurrentUser());
  const municipality = useChosenMunicipality();
  const answer = useProfminimum({ period: period.code, municipality });
  return (
    <>
      <Tiles period={period.code} level={level} />
      {answer.isPending ? (
        <Loading height={420} label="Загрузка профминимума…" />
      ) : answer.isError ? (
        <ErrorMessage error={answer.error} what="профминимум школ" retry={() => void answer.refetch()} />
      ) : answer.data.schools.every((school) => !school.reported) ? (
        <EmptyState>
          <p>
            За {period.code} ни одна школа {level.of} не сдала лист «Профминимум». Он необязателен: школы
            добавляют его в отчёт по шаблону.
          </p>
          <NotReportedList schools={notReported(answer.data)} />
        </EmptyState>
      ) : (
        <Schools view={answer.data} period={period.code} several={several} />
      )}
      <CoverageHeatmap
        period={period.code}
        periods={periods}
        municipality={municipality ?? level.municipality}
      />
    </>
  );
}

/** The three indicators of the level in the period, as the overview shows them. */
function Tiles({ period, level }: { period: string; level: Level }) {
  const values = useIndicatorValues({
    period,
    org: 'municipal',
    municipality: level.municipality ?? undefined,
  });
  if (values.isPending) return <Loading height={180} label="Загрузка показателей…" />;
  if (values.isError)
    return <ErrorMessage error={values.error} what="показатели" retry={() => void values.refetch()} />;
  const tiles = indicatorTiles(values.data, period, PROFMINIMUM_INDICATORS);
  return (
    <section aria-labelledby="profminimum-indicators">
      <h2 id="profminimum-indicators">Показатели {level.by}</h2>
      <div className="tiles">
        {tiles.map((tile) => (
          <IndicatorTile key={tile.id} tile={tile} />
        ))}
      </div>
    </section>
  );
}

function NotReportedList({ schools }: { schools: ProfminimumSchoolView[] }) {
  const linkTo = usePeriodLink();
  if (schools.length === 0) return null;
  return (
    <p className="notice">
      {NOT_SENT[0].toUpperCase() + NOT_SENT.slice(1)} ({schools.length}):{' '}
      {schools.map((school, index) => (
        <span key={school.org}>
          {index > 0 && ', '}
          <Link to={linkTo(`/organizations/${encodeURIComponent(school.org)}`)}>{school.name}</Link>
        </span>
      ))}
      .
    </p>
  );
}

function Schools({ view, period, several }: { view: ProfminimumView; period: string; several: boolean }) {
  const linkTo = usePeriodLink();
  const organizations = useOrganizations();
  const short = useMemo(() => namesByCode(organizations.data).short, [organizations.data]);
  const reported = useMemo(() => reportedSchools(view), [view]);
  const missing = useMemo(() => notReported(view), [view]);
  const basic = useMemo(() => basicOnlySchools(view), [view]);
  const rows = useMemo(() => view.schools.map((school) => schoolRow(school, period)), [view, period]);
  const grades = useMemo(() => gradeRows(view), [view]);
  const summary = useMemo(() => profminimumChartOption({ schools: reported, by: 'school' }), [reported]);
  const summaryBars = useMemo(() => profminimumBars(reported, 'school'), [reported]);

  const nameColumn: Column<{ org: string; name: string }> = {
    id: 'name',
    header: 'Школа',
    kind: 'text',
    value: (row) => row.name,
    // The short name on screen (a tablet keeps the figures in view), the full one in its title and files.
    render: (row) => (
      <Link to={linkTo(`/organizations/${encodeURIComponent(row.org)}`)}>
        {short.get(row.org) ?? row.name}
      </Link>
    ),
    title: (row) => row.name,
    rowHeader: true,
  };
  const municipalityColumn: Column<{ municipality: string }>[] = several
    ? [{ id: 'municipality', header: 'Муниципалитет', kind: 'text', value: (row) => row.municipality }]
    : [];
  const share = (
    id: string,
    header: string,
    of: (row: SchoolRow) => SchoolRow['coverage'],
  ): Column<SchoolRow> => ({
    id,
    header,
    kind: 'percent',
    value: (row) => of(row)?.value ?? null,
  });
  const schoolColumns: Column<SchoolRow>[] = [
    nameColumn,
    ...municipalityColumn,
    {
      id: 'sent',
      header: 'Лист',
      kind: 'text',
      value: (row) => (row.reported ? 'сдан' : NOT_SENT),
      cellClass: (row) => (row.reported ? undefined : 'muted'),
    },
    { id: 'students', header: 'Обучающихся 6–11', kind: 'number', value: (row) => row.students },
    share('coverage', 'Охват', (row) => row.coverage),
    share('aboveBasic', 'Выше базового', (row) => row.aboveBasic),
    share('futureTicket', '«Билет в будущее»', (row) => row.futureTicket),
  ];
  // The levels by grade read in the charts above; in the files, a column of their own.
  const schoolExportColumns: Column<SchoolRow>[] = [
    ...schoolColumns,
    { id: 'levels', header: 'Уровни по классам', kind: 'text', value: (row) => row.levels },
  ];
  const gradeTableColumns: Column<GradeRow>[] = [
    // The registry's short name keeps the grades in view on a tablet; the full one sorts and exports.
    {
      ...organizationColumn<GradeRow>((row) => row.org, organizations.data, { narrow: true }),
      header: 'Школа',
    },
    ...municipalityColumn,
    ...gradeColumns.map((column) => ({ ...column, rowHeader: false })),
  ];

  return (
    <>
      <figure className="card">
        <figcaption>
          <h2>Уровни профминимума по школам</h2>
          <span className="muted">
            Обучающиеся 6–11 классов по уровню своей параллели и не охваченные; сдали лист {reported.length}{' '}
            {plural(reported.length, 'школа', 'школы', 'школ')} из {view.schools.length}.
          </span>
        </figcaption>
        <EChart
          option={summary}
          height={profminimumChartHeight(summaryBars.length)}
          ariaLabel={profminimumChartLabel(summaryBars)}
        />
        <NotReportedList schools={missing} />
      </figure>

      <section className="card" aria-labelledby="profminimum-grades">
        <h2 id="profminimum-grades">Уровни по классам в каждой школе</h2>
        <ProfminimumKey />
        <ul className="profminimum-grid">
          {reported.map((school) => (
            <li key={school.org} className="profminimum-grid__item">
              <h3>
                <Link to={linkTo(`/organizations/${encodeURIComponent(school.org)}`)}>{school.name}</Link>
              </h3>
              <SchoolGradesChart school={school} height={200} legend={false} />
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="profminimum-basic">
        <h2 id="profminimum-basic">Школы, где все классы на базовом уровне</h2>
        {basic.length === 0 ? (
          <p className="muted">
            Таких школ нет: в каждой сдавшей лист школе есть классы выше базового уровня.
          </p>
        ) : (
          <DataTable
            label="Школы только с базовым уровнем"
            fileName={`Профминимум только базовый ${period}`}
            caption={`${basic.length} ${plural(basic.length, 'школа', 'школы', 'школ')}: базового уровня (40 ч в год) скоро будет недостаточно`}
            columns={schoolColumns.filter((column) =>
              ['name', 'municipality', 'students', 'coverage'].includes(column.id),
            )}
            rows={rows.filter((row) => row.basicOnly)}
            rowKey={(row) => row.org}
            initialSort={{ column: 'name', direction: 'asc' }}
            search={basic.length > 10}
            compact
          />
        )}
      </section>

      <section className="card" aria-labelledby="profminimum-schools">
        <h2 id="profminimum-schools">Школы</h2>
        <DataTable
          label="Профминимум по школам"
          fileName={`Профминимум по школам ${period}`}
          caption={`Значения школ за ${period}; у школы без листа «Профминимум» значений нет`}
          columns={schoolColumns}
          exportColumns={schoolExportColumns}
          rows={rows}
          rowKey={(row) => row.org}
          initialSort={{ column: 'coverage', direction: 'desc' }}
          wide
        />
      </section>

      <section className="card" aria-labelledby="profminimum-rows">
        <h2 id="profminimum-rows">Классы</h2>
        <DataTable
          label="Профминимум по классам"
          fileName={`Профминимум по классам ${period}`}
          caption={`Строки листа «Профминимум» школ за ${period}`}
          columns={gradeTableColumns}
          rows={grades}
          rowKey={(row) => `${row.org}:${row.grade}`}
          wide
          compact
        />
      </section>
    </>
  );
}

/** Schools × periods: each school's coverage by the minimum, year by year. */
function CoverageHeatmap({
  period,
  periods,
  municipality,
}: {
  period: string;
  periods: PeriodView[];
  municipality: string | null | undefined;
}) {
  const values = useIndicatorValues({
    indicator: 'profminimum_coverage',
    municipality: municipality ?? undefined,
  });
  const organizations = useOrganizations();
  const names = useMemo(() => namesByCode(organizations.data), [organizations.data]);
  const codes = useMemo(() => periods.map((p) => p.code), [periods]);
  const definition = indicatorById('profminimum_coverage')!;
  const schools = useMemo(() => schoolCoverageValues(values.data ?? []), [values.data]);
  const target = schools.find((v) => v.period === period)?.target ?? definition.defaultTarget;
  const rows = useMemo(
    () => heatmapRows(schools, codes, period, names, target),
    [schools, codes, period, names, target],
  );
  const option = useMemo(
    () => heatmapChartOption({ periods: codes, rows, target, scale: 'percent' }),
    [codes, rows, target],
  );
  return (
    <figure className="card">
      <figcaption>
        <h2>Охват профминимумом по годам</h2>
        <span className="muted">
          Школы × периоды; порядок строк — по значению за {period}; пустая клетка — лист не сдан (нет
          значения).
        </span>
      </figcaption>
      {values.isPending ? (
        <Loading height={240} />
      ) : values.isError ? (
        <ErrorMessage error={values.error} what="охват по годам" retry={() => void values.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>
          <p>Ни за один период нет значений охвата профминимумом.</p>
        </EmptyState>
      ) : (
        <EChart
          option={option}
          height={heatmapChartHeight(rows.length)}
          ariaLabel={`Тепловая карта охвата профминимумом: ${rows.length} ${plural(rows.length, 'школа', 'школы', 'школ')} × ${codes.length} ${plural(codes.length, 'период', 'периода', 'периодов')}`}
        />
      )}
    </figure>
  );
}
