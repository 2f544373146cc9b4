import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { indicatorById, sameMunicipality, type OrganizationView, type PeriodView } from '@profmonitor/domain';
import { useCompleteness } from '@/api/completeness';
import { useIndicatorValues } from '@/api/indicator-values';
import { useOrganizations } from '@/api/organizations';
import { useCurrentUser } from '@/api/session';
import { CampaignProgressCard } from '@/components/campaign/CampaignProgressCard';
import { EmptyState, ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { CompletenessTable } from '@/components/indicator/CompletenessTable';
import { PeriodGate } from '@/components/layout/PeriodGate';
import { usePageTitle, usePeriodCode } from '@/hooks/use-page-title';
import { usePeriodLink } from '@/hooks/use-search-param';
import { formatDate } from '@/lib/format';
import { activeIn } from '@/lib/registry';
import { levelRows, organizationRows, organizationsOf, sheetsSent, type LevelRow } from '../model';
import { LevelsTable, useLevelValueLink } from './LevelsTable';

/**
 * A municipality of the region: its organizations side by side, each indicator's value and
 * status, under the municipality's own values and the region's; an organization's name opens
 * its page.
 */
export function MunicipalityPage() {
  const { municipality: named = '' } = useParams();
  const user = useCurrentUser();
  const organizations = useOrganizations();
  const municipality = organizations.data?.find((o) => sameMunicipality(o.municipality, named))?.municipality;
  usePageTitle(municipality ?? named, usePeriodCode());

  if (user.role === 'committee' && user.municipality && !sameMunicipality(user.municipality, named))
    return <NotYours own={user.municipality} />;
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
  if (!municipality) {
    return (
      <section className="page">
        <h1>Муниципалитет не найден</h1>
        <p>
          Муниципалитета «{named}» нет в реестре. Выберите его на странице <Link to="/region">«Регион»</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="page">
      <PeriodGate>
        {(period) => (
          <Municipality
            municipality={municipality}
            organizations={organizationsOf(organizations.data, municipality)}
            period={period}
          />
        )}
      </PeriodGate>
    </section>
  );
}

/** Another municipality's page, for a committee: the server gives none of its figures. */
function NotYours({ own }: { own: string }) {
  return (
    <section className="page">
      <h1>Нет доступа</h1>
      <div className="alert" role="alert">
        <p className="alert__title">Страница другого муниципалитета вам недоступна.</p>
        <p>Комитету доступны организации своего муниципалитета и значения региона для сравнения.</p>
        <Link to={`/region/${encodeURIComponent(own)}`}>{own}</Link>
      </div>
    </section>
  );
}

type MunicipalityProps = { municipality: string; organizations: OrganizationView[]; period: PeriodView };

function Municipality({ municipality, organizations, period }: MunicipalityProps) {
  const linkTo = usePeriodLink();
  const valueLink = useLevelValueLink();
  // The pooled rows come with the region page's answer (cached when one arrives from there).
  const levels = useIndicatorValues({ period: period.code, org: 'municipalities' });
  const values = useIndicatorValues({ period: period.code, municipality });
  const completeness = useCompleteness(period.code, municipality);
  const completenessTarget =
    values.data?.find((v) => v.id === 'completeness' && v.org === null)?.target ??
    indicatorById('completeness')!.defaultTarget;

  const pinned = useMemo(() => {
    const { region, municipalities } = levelRows(levels.data ?? [], period.code);
    const own = municipalities.filter((row) => sameMunicipality(row.municipality, municipality));
    return [...own, ...(region ? [region] : [])];
  }, [levels.data, period.code, municipality]);
  const rows = useMemo(
    () =>
      organizationRows(
        values.data ?? [],
        organizations,
        period.code,
        completeness.data ? sheetsSent(completeness.data, organizations) : new Map(),
        completenessTarget,
      ),
    [values.data, organizations, period.code, completeness.data, completenessTarget],
  );
  const inactive = useMemo(
    () => new Set(organizations.filter((o) => !activeIn(o, period.code)).map((o) => o.code)),
    [organizations, period.code],
  );
  const renderName = useCallback(
    (row: LevelRow) =>
      row.org === null ? (
        row.name
      ) : (
        <>
          <Link to={linkTo(`/organizations/${encodeURIComponent(row.org)}`)}>{row.name}</Link>
          {inactive.has(row.org) && <span className="tag">не отчитывается в {period.code}</span>}
        </>
      ),
    [linkTo, inactive, period.code],
  );
  const types = useMemo(() => new Map(organizations.map((o) => [o.code, o.type])), [organizations]);

  const failed = [levels, values, completeness].find((query) => query.isError);
  return (
    <>
      <header className="page__header">
        <div>
          <p className="eyebrow">
            <Link to={linkTo('/region')}>Регион</Link> · {period.code}
          </p>
          <h1>{municipality}</h1>
          <p className="muted">
            Организации муниципалитета: значения на конец учебного года, {formatDate(period.endsOn)}. Сверху —
            муниципалитет и регион для сравнения.
          </p>
        </div>
      </header>
      <CampaignProgressCard period={period.code} municipality={municipality} />
      {levels.isPending || values.isPending || completeness.isPending ? (
        <Loading height={300} label="Загрузка показателей организаций…" />
      ) : failed ? (
        <ErrorMessage
          error={failed.error!}
          what="показатели организаций"
          retry={() => void failed.refetch()}
        />
      ) : organizations.length === 0 ? (
        <EmptyState />
      ) : (
        <LevelsTable
          label={`Организации: ${municipality}, ${period.code}`}
          fileName={`${municipality} ${period.code}`}
          caption="Полнота отчётности организации — сколько листов отчёта она сдала из ожидаемых от организаций её типа. Значение муниципалитета открывает страницу показателя по его организациям."
          pinned={pinned}
          rows={rows}
          nameHeader="Организация"
          renderName={renderName}
          valueLink={valueLink}
          facet={{
            label: 'Тип организации',
            value: (row) => (row.org ? (types.get(row.org) ?? null) : null),
          }}
          rowProps={(row) => ({ className: row.org && inactive.has(row.org) ? 'row--inactive' : undefined })}
        />
      )}
      {completeness.data && completeness.data.sheets.length > 0 && (
        <section className="card" aria-labelledby="municipality-completeness">
          <h2 id="municipality-completeness">Полнота отчётности по листам</h2>
          <CompletenessTable completeness={completeness.data} target={completenessTarget} />
        </section>
      )}
    </>
  );
}
