import { useId } from 'react';
import { useOrganizations } from '@/api/organizations';
import { useSearchParam } from '@/hooks/use-search-param';
import { organizationsOf } from '@/lib/levels';

/** Organizations of additional education have no graduates: nothing to show for them. */
const NO_GRADUATES = 'Дополнительное образование';

type OrganizationSelectProps = {
  label?: string;
  /** The empty choice: every organization (the city). */
  allLabel: string;
  /** Only organizations with graduates (schools and colleges). */
  withGraduates?: boolean;
  /** Label and list on one line. */
  inline?: boolean;
  /** Only this municipality's organizations (the one a page shows). */
  municipality?: string;
};

/** The committee picks one organization, or all of them; the choice lives in the address (`?org=`). */
export function OrganizationSelect({
  label = 'Организация',
  allLabel,
  withGraduates = false,
  inline = false,
  municipality,
}: OrganizationSelectProps) {
  const id = useId();
  const [org, setOrg] = useSearchParam('org');
  const organizations = useOrganizations();
  const all = organizations.data ?? [];
  const sorted = (municipality === undefined ? all : organizationsOf(all, municipality))
    .filter((o) => !withGraduates || o.type !== NO_GRADUATES)
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <div className={inline ? 'field field--inline organization-select' : 'field organization-select'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={org ?? ''} onChange={(event) => setOrg(event.target.value || undefined)}>
        <option value="">{allLabel}</option>
        {org && !sorted.some((o) => o.code === org) && <option value={org}>{org}</option>}
        {sorted.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
