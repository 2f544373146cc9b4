import type { OrganizationView } from '@profmonitor/domain';
import type { Column } from './columns';
import type { Facet } from './DataTable';

/** The short name (for narrow columns and charts) where the registry gives one. */
const shortNameOf = (o: OrganizationView): string => o.shortName || o.name;

/**
 * A column naming the organization of a row that carries only its code: the full name sorts,
 * filters and exports; a narrow column shows the short name with the full one as its title.
 */
export function organizationColumn<Row>(
  codeOf: (row: Row) => string | null,
  organizations: readonly OrganizationView[] | undefined,
  { narrow = false }: { narrow?: boolean } = {},
): Column<Row> {
  const byCode = new Map((organizations ?? []).map((o) => [o.code, o]));
  const fullName = (row: Row) => {
    const code = codeOf(row);
    return code === null ? null : (byCode.get(code)?.name ?? code);
  };
  return {
    id: 'organization',
    header: 'Организация',
    kind: 'text',
    value: fullName,
    render: (row) => {
      const code = codeOf(row);
      if (code === null) return '—';
      const organization = byCode.get(code);
      return organization ? (narrow ? shortNameOf(organization) : organization.name) : code;
    },
    title: (row) => {
      const code = codeOf(row);
      const organization = code === null ? undefined : byCode.get(code);
      return organization ? `${organization.name} (${organization.code})` : undefined;
    },
  };
}

/** Rows filtered by their organization's type (школа, колледж …). */
export function organizationTypeFacet<Row>(
  codeOf: (row: Row) => string | null,
  organizations: readonly OrganizationView[] | undefined,
): Facet<Row> {
  const types = new Map((organizations ?? []).map((o) => [o.code, o.type]));
  return {
    label: 'Тип организации',
    value: (row) => {
      const code = codeOf(row);
      return code === null ? null : (types.get(code) ?? null);
    },
  };
}
