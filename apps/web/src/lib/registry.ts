import {
  activeIn as activeInYear,
  organizationsSheet,
  parsePeriod,
  type FieldChangeView,
  type OrganizationView,
} from '@profmonitor/domain';

/** The registry sheet's header of each organization field: the words the committee knows. */
const FIELD_LABELS = new Map<string, string>(organizationsSheet.columns.map((c) => [c.key, c.header]));

export const organizationFieldLabel = (field: string): string => FIELD_LABELS.get(field) ?? field;

/** A changed field as read: «Действует по: — → 2024/2025» (an empty value is a dash). */
export const formatFieldChange = ({ field, before, after }: FieldChangeView): string =>
  `${organizationFieldLabel(field)}: ${before ?? '—'} → ${after ?? '—'}`;

const startYear = (code: string | null) => (code === null ? null : (parsePeriod(code)?.startYear ?? null));

/** Whether an organization is active in a period: the domain's rule, on the API's period codes. */
export function activeIn(organization: OrganizationView, period: string): boolean {
  const year = startYear(period);
  return (
    year !== null &&
    activeInYear(
      { activeFromYear: startYear(organization.activeFrom), activeToYear: startYear(organization.activeTo) },
      year,
    )
  );
}
