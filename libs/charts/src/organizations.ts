import type { OrganizationView } from '@profmonitor/domain';

/**
 * Full names by code (tooltips, headings, tables) and, in `short`, the registry's short names
 * (`Краткое наименование`) that chart axes show.
 */
export type OrganizationNames = ReadonlyMap<string, string> & {
  readonly short?: ReadonlyMap<string, string>;
};

/** Organization names by code, for tables and charts that get codes from the API. */
export function namesByCode(
  organizations: readonly Pick<OrganizationView, 'code' | 'name' | 'shortName'>[] | undefined,
): Map<string, string> & { short: Map<string, string> } {
  const list = organizations ?? [];
  return Object.assign(new Map(list.map((o) => [o.code, o.name])), {
    short: new Map(list.flatMap((o) => (o.shortName ? [[o.code, o.shortName] as const] : []))),
  });
}

/** Longest full name an axis shows whole; longer ones are cut at a word. */
const AXIS_NAME_LENGTH = 32;

/** What a chart axis shows for an organization: its short name, else its name cut sensibly. */
export function axisLabel(names: OrganizationNames, code: string): string {
  const short = names.short?.get(code);
  if (short) return short;
  const name = names.get(code) ?? code;
  if (name.length <= AXIS_NAME_LENGTH) return name;
  const cut = name.slice(0, AXIS_NAME_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > AXIS_NAME_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:«(-]+$/u, '')}…`;
}
