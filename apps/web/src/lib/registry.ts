import { organizationsSheet, type FieldChangeView } from '@profmonitor/domain';

/** The registry sheet's header of each organization field: the words the committee knows. */
const FIELD_LABELS = new Map<string, string>(organizationsSheet.columns.map((c) => [c.key, c.header]));

export const organizationFieldLabel = (field: string): string => FIELD_LABELS.get(field) ?? field;

/** A changed field as read: «Действует по: — → 2024/2025» (an empty value is a dash). */
export const formatFieldChange = ({ field, before, after }: FieldChangeView): string =>
  `${organizationFieldLabel(field)}: ${before ?? '—'} → ${after ?? '—'}`;
