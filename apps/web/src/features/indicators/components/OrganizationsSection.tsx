import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { IndicatorDefinition, IndicatorValueView } from '@profmonitor/domain';
import { useOrganizations } from '@/api/organizations';
import type { Column } from '@/components/table/DataTable';
import { organizationColumn, organizationTypeFacet } from '@/components/table/organization-columns';
import { usePeriodLink, useSearchParam } from '@/hooks/use-search-param';
import type { OrganizationBar } from '@profmonitor/charts';
import { BarsComparison } from './BarsComparison';

type OrganizationsSectionProps = {
  definition: IndicatorDefinition;
  values: IndicatorValueView[];
  period: string;
  names: ReadonlyMap<string, string>;
};

/** Every organization compared in the period, and the ones below the target named first. */
export function OrganizationsSection({ definition, values, period, names }: OrganizationsSectionProps) {
  const linkTo = usePeriodLink();
  const [, setOrg] = useSearchParam('org');
  const organizations = useOrganizations();
  const pageOf = (bar: OrganizationBar) => linkTo(`/organizations/${encodeURIComponent(bar.code)}`);
  const nameColumn = useMemo((): Column<OrganizationBar> => {
    const name = organizationColumn((bar: OrganizationBar) => bar.code, organizations.data, { narrow: true });
    return {
      ...name,
      rowHeader: true,
      render: (bar) => (
        <Link to={linkTo(`/organizations/${encodeURIComponent(bar.code)}`)}>{name.render!(bar)}</Link>
      ),
    };
  }, [organizations.data, linkTo]);

  return (
    <BarsComparison
      definition={definition}
      values={values}
      period={period}
      names={names}
      title="Организации"
      note="Нажмите на столбец, чтобы расшифровать значение организации."
      empty="Ни одна организация не сдала данные для этого показателя"
      whose={{ compared: 'организаций', by: 'организациям' }}
      nameColumn={nameColumn}
      linkOf={pageOf}
      onBar={(bar) => {
        setOrg(bar.code);
        document.getElementById('explanation')?.scrollIntoView({ behavior: 'smooth' });
      }}
      facet={organizationTypeFacet((bar: OrganizationBar) => bar.code, organizations.data)}
      searchText={(bar) => bar.code}
      fileName={`${definition.name} ${period}`}
    />
  );
}
