import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorValueView,
  type OrganizationView,
  type PeriodView,
  type SessionUserView,
  type Target,
} from '@profmonitor/domain';
import { useIndicatorValues } from '@/api/indicator-values';
import { useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { EChart } from '@/components/echart/EChart';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { ChangeBadge, StatusBadge } from '@/components/indicator/Badges';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { TableWrap } from '@/components/layout/Table';
import { SchoolProfminimum } from '@/components/profminimum/SchoolGrades';
import { UploadsTable } from '@/components/uploads/UploadsTable';
import { usePeriodLink } from '@/hooks/use-search-param';
import { canUse, seesOrganization } from '@/lib/access';
import { levelOf, severalMunicipalities } from '@/lib/levels';
import { formatDate, formatNumber } from '@/lib/format';
import { formatTarget, formatValue, scaleOf, type Scale } from '@/lib/indicators';
import { sparklineOption, sparklineValues } from '@/components/echart/sparkline-chart';
import { activeIn } from '../model';
import { OrganizationEditor } from './OrganizationEditor';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';

export function OrganizationPage() {
  const { code = '' } = useParams();
  const organizations = useOrganizations();
  const user = useCurrentUser();
  usePageTitle(organizations.data?.find((o) => o.code === code)?.name ?? code, usePeriodCode());

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
  const organization = organizations.data.find((o) => o.code === code);
  if (!organization) {
    return (
      <section className="page">
        <h1>Организация не найдена</h1>
        <p>
          Организации с кодом «{code}» нет в реестре. Выберите её из{' '}
          <Link to="/organizations">списка организаций</Link>.
        </p>
      </section>
    );
  }
  if (!seesOrganization(user, code)) return <NotYours user={user} />;
  return (
    <section className="page">
      <PeriodGate>
        {(period, periods) => <Organization organization={organization} period={period} periods={periods} />}
      </PeriodGate>
    </section>
  );
}

/** Another organization's page: the server refuses its figures, so none are asked for. */
function NotYours({ user }: { user: SessionUserView }) {
  const level = levelOf(user);
  return (
    <section className="page">
      <div className="alert" role="alert">
        <p className="alert__title">Страница другой организации вам недоступна.</p>
        <p>
          {user.role === 'school'
            ? `Образовательной организации доступны её собственные показатели и показатели ${level.of}.`
            : `Показатели отдельных организаций доступны только комитету образования; вам — показатели ${level.of}.`}
        </p>
        {user.organization ? (
          <Link to={`/organizations/${encodeURIComponent(user.organization)}`}>Моя организация</Link>
        ) : (
          <Link to="/overview">Показатели {level.of}</Link>
        )}
      </div>
    </section>
  );
}

type OrganizationProps = { organization: OrganizationView; period: PeriodView; periods: PeriodView[] };

function Organization({ organization, period, periods }: OrganizationProps) {
  const linkTo = usePeriodLink();
  const user = useCurrentUser();
  const own = useIndicatorValues({ org: organization.code });
  // Compared with its own municipality's values (the ministry's own level is the region).
  const municipal = useIndicatorValues({
    period: period.code,
    org: 'municipal',
    municipality: organization.municipality,
  });
  const periodCodes = useMemo(() => periods.map((p) => p.code), [periods]);

  return (
    <>
      <header className="page__header">
        <div>
          <p className="eyebrow">
            {canUse(user, 'region') && (
              <>
                <Link to={linkTo(`/region/${encodeURIComponent(organization.municipality)}`)}>
                  {organization.municipality}
                </Link>{' '}
                ·{' '}
              </>
            )}
            {canUse(user, 'organizations') && (
              <>
                <Link to={linkTo('/organizations')}>Организации</Link> ·{' '}
              </>
            )}
            {organization.type} · код {organization.code}
          </p>
          <h1>{organization.name}</h1>
          <p className="muted small">
            Показатели за {period.code}, на {formatDate(period.endsOn)}.{' '}
            {canUse(user, 'destinations') && (
              <Link to={linkTo('/destinations', { org: organization.code })}>Куда пошли выпускники →</Link>
            )}
          </p>
        </div>
      </header>
      {!activeIn(organization, period.code) && (
        <p className="notice">Организация не отчитывается в периоде {period.code} (по реестру).</p>
      )}
      <section className="card" aria-labelledby="org-indicators">
        <h2 id="org-indicators">Показатели</h2>
        {own.isPending ? (
          <Loading height={300} />
        ) : own.isError ? (
          <ErrorMessage error={own.error} what="показатели организации" retry={() => void own.refetch()} />
        ) : (
          <IndicatorsTable
            organization={organization}
            values={own.data}
            municipal={municipal.data ?? []}
            period={period.code}
            periods={periodCodes}
          />
        )}
      </section>
      <SchoolProfminimum organization={organization} period={period.code} />
      <section className="card" aria-labelledby="org-uploads">
        <h2 id="org-uploads">Загруженные отчёты за {period.code}</h2>
        <UploadsTable
          org={organization.code}
          period={period.code}
          empty={`За ${period.code} организация не загрузила ни одного файла.`}
        />
      </section>
      <OrganizationEditor organization={organization} periods={periods} />
    </>
  );
}

type IndicatorsTableProps = {
  organization: OrganizationView;
  values: IndicatorValueView[];
  municipal: IndicatorValueView[];
  period: string;
  periods: string[];
};

function IndicatorsTable({ organization, values, municipal, period, periods }: IndicatorsTableProps) {
  const linkTo = usePeriodLink();
  // Compared with its municipality: «город» while it is the only one.
  const several = severalMunicipalities(useCurrentUser());
  const compared = several ? 'муниципалитет' : 'город';
  // Per indicator, its values aligned with the periods; memoised so the sparklines redraw only on new data.
  const trends = useMemo(
    () =>
      new Map(
        INDICATORS.map((d) => [
          d.id,
          sparklineValues(
            values.filter((v) => v.id === d.id),
            periods,
          ),
        ]),
      ),
    [values, periods],
  );
  // Indicators it has values for in any period: coverage does not apply to a college, for one.
  const rows = INDICATORS.filter((d) => values.some((v) => v.id === d.id));
  if (rows.length === 0) return <EmptyState />;
  const current = values.filter((v) => v.period === period);
  if (current.length === 0) {
    return (
      <EmptyState>
        <p>
          Нет данных за {period}: организация ещё не прислала отчёт или он не принят. Проверьте загрузки ниже
          и попросите организацию загрузить отчёт.
        </p>
      </EmptyState>
    );
  }
  return (
    <TableWrap label={`Показатели: ${organization.name}`}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Показатель</th>
            <th scope="col" className="num">
              Значение
            </th>
            <th scope="col">Цель и статус</th>
            <th scope="col">К прошлому году</th>
            <th scope="col">По годам</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((definition) => {
            const scale = scaleOf(definition.id);
            const value = current.find((v) => v.id === definition.id);
            const city = municipal.find((v) => v.id === definition.id && v.org === null && v.sheet === null);
            const target = value?.target ?? definition.defaultTarget;
            const reading = organizationReading(definition, organization, value);
            return (
              <tr key={definition.id}>
                <th scope="row">
                  <Link
                    to={linkTo(`/indicators/${definition.id}`, {
                      org: organization.code,
                      // Its municipality's page of the indicator, its own value explained there.
                      municipality: several ? organization.municipality : undefined,
                    })}
                  >
                    {definition.name}
                  </Link>
                </th>
                <td className="num">
                  {reading === 'none' ? (
                    <span className="muted">не относится</span>
                  ) : reading === 'yesno' ? (
                    <strong>{value!.value === 1 ? 'да' : 'нет'}</strong>
                  ) : (
                    <>
                      <strong>{formatValue(value?.value ?? null, scale)}</strong>
                      {value?.numerator != null && value.denominator != null && (
                        <div className="muted small">
                          {formatNumber(value.numerator)} из {formatNumber(value.denominator)}
                        </div>
                      )}
                    </>
                  )}
                  {city && reading !== 'none' && (
                    <div
                      className="muted small"
                      title={`${organization.municipality}: ${formatValue(city.value, scale)}`}
                    >
                      {compared}: {formatValue(city.value, scale)}
                    </div>
                  )}
                </td>
                <td>
                  {formatTarget(target)}
                  {reading !== 'none' && (
                    <div>
                      <StatusBadge
                        status={value ? value.status : target.kind === 'none' ? null : 'нет данных'}
                      />
                    </div>
                  )}
                </td>
                <td>
                  <ChangeBadge change={value?.change ?? null} scale={scale} target={target} />
                </td>
                <td>
                  <Sparkline
                    name={definition.name}
                    periods={periods}
                    values={trends.get(definition.id) ?? []}
                    scale={scale}
                    target={target}
                    selected={period}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * How one organization's value reads: «не относится» when the indicator is not for its type or
 * counts no one there (0 of 0: SPO employment at a school without SPO graduates); «да»/«нет»
 * when the indicator counts organizations (a website section, agreements), so that one
 * organization is 1 of 1 or 0 of 1; else a share.
 */
function organizationReading(
  definition: IndicatorDefinition,
  organization: OrganizationView,
  value: IndicatorValueView | undefined,
): 'none' | 'yesno' | 'share' {
  if ('appliesTo' in definition && !(definition.appliesTo as readonly string[]).includes(organization.type))
    return 'none';
  if (value?.denominator === 0) return 'none';
  if (
    value?.denominator === 1 &&
    value.value !== null &&
    definition.denominatorText.startsWith('организации')
  )
    return 'yesno';
  return 'share';
}

type SparklineProps = {
  name: string;
  periods: string[];
  values: (number | null)[];
  scale: Scale;
  target: Target;
  selected: string;
};

function Sparkline({ name, periods, values, scale, target, selected }: SparklineProps) {
  const option = useMemo(
    () => sparklineOption({ periods, values, scale, target, selected }),
    [periods, values, scale, target, selected],
  );
  return (
    <div className="sparkline">
      <EChart
        option={option}
        height={40}
        ariaLabel={`${name} по годам: ${values.map((v, i) => `${periods[i]} — ${formatValue(v, scale)}`).join('; ')}`}
      />
    </div>
  );
}
