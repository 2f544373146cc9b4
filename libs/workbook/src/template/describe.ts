import {
  describeCondition,
  type AnyItemsSheet,
  type AnySheet,
  type AnyTableSheet,
  type ColumnSpec,
} from '@profmonitor/domain';

/** A column (or a title item) as the instructions and the docs describe it. */
export interface ColumnDescription {
  /** The header (or item label) without the required mark. */
  header: string;
  /** `Да`, `Нет` or `Да, если …`. */
  required: string;
  /** What the column holds: the value type's description, the hint, uniqueness. */
  values: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyColumn = ColumnSpec<any>;

/** The column specs of a sheet: the items of a title sheet, the columns of a table. */
export function specsOf(sheet: AnySheet): readonly AnyColumn[] {
  return sheet.layout === 'items' ? (sheet as AnyItemsSheet).items : (sheet as AnyTableSheet).columns;
}

/** The header as the template writes it: required columns end with ` *`. */
export function markedHeader(spec: AnyColumn): string {
  return spec.required ? `${spec.header} *` : spec.header;
}

/** Required in words, in the validator's wording: `Да, если «Направление» — СПО, ВУЗ или Работа`. */
export function requiredText(spec: AnyColumn, specs: readonly AnyColumn[]): string {
  if (spec.required) return 'Да';
  if (spec.requiredWhen?.length)
    return `Да, если ${spec.requiredWhen.map((c) => describeCondition(c, specs)).join(' и ')}`;
  if (spec.requiredUnless) return `Да, кроме случая, когда ${spec.requiredUnless}`;
  return 'Нет';
}

export function valuesText(spec: AnyColumn): string {
  const parts = [spec.type.description, spec.hint, spec.unique ? 'значения не повторяются' : undefined];
  return parts.filter(Boolean).join('; ');
}

export function describeColumns(sheet: AnySheet): ColumnDescription[] {
  const specs = specsOf(sheet);
  return specs.map((spec) => ({
    header: spec.header,
    required: requiredText(spec, specs),
    values: valuesText(spec),
  }));
}
