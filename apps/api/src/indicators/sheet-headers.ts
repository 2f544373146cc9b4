import {
  coverageSheet,
  graduatesSheet,
  partnersSheet,
  schoolTitleSheet,
  teachersSheet,
  type SheetId,
} from '@profmonitor/domain';

const SCHEMAS = {
  title: schoolTitleSheet.items,
  graduates: graduatesSheet.columns,
  coverage: coverageSheet.columns,
  teachers: teachersSheet.columns,
  partners: partnersSheet.columns,
};

/** Column key → header, in schema order: stored rows shown as the person filled them in. */
export function headersOf(sheet: SheetId): [string, string][] {
  return (SCHEMAS[sheet] as readonly { key: string; header: string }[]).map((c) => [c.key, c.header]);
}
