import type { SheetId } from '../../indicators/definitions';
import { coverageSheet } from './coverage';
import { graduatesSheet } from './graduates';
import { partnersSheet } from './partners';
import { profminimumSheet } from './profminimum';
import { schoolTitleSheet } from './school-title';
import { teachersSheet } from './teachers';

/** The school workbook's sheets by id, named as the workbooks spell them: «Охват», «Выпускники»… */
export const SHEET_NAMES: Record<SheetId, string> = {
  title: schoolTitleSheet.name,
  graduates: graduatesSheet.name,
  coverage: coverageSheet.name,
  teachers: teachersSheet.name,
  partners: partnersSheet.name,
  profminimum: profminimumSheet.name,
};
