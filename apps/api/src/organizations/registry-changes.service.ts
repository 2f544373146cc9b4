import { Injectable } from '@nestjs/common';
import {
  expectedToReport,
  formatPercent,
  municipalValues,
  parsePeriod,
  plural,
  type FieldChangeView,
  type OrganizationChangeView,
  type OrganizationRow,
  type OrganizationType,
  type PastPeriodChangeView,
  type SheetId,
} from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { IndicatorRecomputeService } from '../indicators/indicator-recompute.service';
import type { OrganizationEntity } from './organization.entity';
import { ORGANIZATION_FIELDS, mapOrganization } from './organizations.dto';
import { OrganizationsRepository } from './organizations.repository';

/** A row of the registry sheet (or an edit read as one), as the registry holds it. */
export const stateOfRow = (row: OrganizationRow): OrganizationState => ({
  code: row.code,
  name: row.name,
  shortName: row.shortName,
  type: row.type,
  municipality: row.municipality,
  activeFromYear: row.activeFrom ? parsePeriod(row.activeFrom)!.startYear : null,
  activeToYear: row.activeTo ? parsePeriod(row.activeTo)!.startYear : null,
});

/** An organization as the registry will hold it: its code and the fields the committee sets. */
export interface OrganizationState {
  code: string;
  name: string;
  shortName: string | null;
  type: OrganizationType;
  municipality: string;
  activeFromYear: number | null;
  activeToYear: number | null;
}

/**
 * Every change of the registry, from an upload or an edit, goes through here: it refuses,
 * unless confirmed, a change of who is expected to report in a period whose reports are
 * already loaded (it would rewrite that period's completeness), stores the organizations with
 * the previous values in their history, and recomputes the indicators the change touches.
 */
@Injectable()
export class RegistryChangesService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly indicators: IndicatorRecomputeService,
  ) {}

  /**
   * Stores `proposed` (new codes are added, known ones updated) in the caller's transaction;
   * throws 409 `registry_changes_past` with the affected periods, storing nothing, when a
   * period with loaded reports would expect other organizations and `confirm` is not set.
   */
  async apply(
    manager: EntityManager,
    proposed: readonly OrganizationState[],
    options: { confirm: boolean; by: string; source: OrganizationChangeView['source'] },
  ): Promise<{ stored: OrganizationEntity[]; pastChanges: PastPeriodChangeView[] }> {
    const existing = await this.organizations.findAll(manager);
    const byCode = new Map(existing.map((o) => [o.code.toUpperCase(), o]));
    const pastChanges = await this.pastChanges(manager, existing, proposed);
    if (pastChanges.length > 0 && !options.confirm) {
      throw new AppError(
        'registry_changes_past',
        [
          'Изменение меняет полноту уже загруженных лет. Проверьте и подтвердите:',
          ...pastChanges.map((c) => c.message),
        ],
        { periods: pastChanges },
      );
    }
    const stored: OrganizationEntity[] = [];
    // Organizations whose type or municipality changed: the type decides which indicators apply
    // to them, the municipality which labor demand they are measured against.
    const remeasure: number[] = [];
    const municipalities = (organizations: readonly { municipality: string }[]) =>
      [...new Set(organizations.map((o) => o.municipality))].sort().join('\n');
    const municipalitiesBefore = municipalities(existing);
    for (const state of proposed) {
      const before = byCode.get(state.code.toUpperCase());
      const changes = before ? changedFields(before, state) : [];
      if (before && changes.length === 0) {
        stored.push(before);
        continue;
      }
      if (before && (before.type !== state.type || before.municipality !== state.municipality))
        remeasure.push(before.id);
      const saved = await this.organizations.save(manager, {
        ...before,
        ...state,
        code: before?.code ?? state.code,
      });
      if (before) {
        await this.organizations.addChange(manager, {
          organizationId: saved.id,
          by: options.by,
          source: options.source,
          changes,
        });
      }
      stored.push(saved);
    }
    const municipalitiesAfter = municipalities(await this.organizations.findAll(manager));
    await this.indicators.registryChanged(manager, remeasure, municipalitiesAfter !== municipalitiesBefore);
    return { stored, pastChanges };
  }

  /**
   * The periods with loaded reports whose expected organizations differ between the registry
   * as it is and as `proposed` would make it, with their title-sheet completeness before and after.
   */
  async pastChanges(
    manager: EntityManager,
    existing: readonly OrganizationEntity[],
    proposed: readonly OrganizationState[],
  ): Promise<PastPeriodChangeView[]> {
    const after = new Map<string, OrganizationState>(existing.map((o) => [o.code.toUpperCase(), o]));
    for (const state of proposed) after.set(state.code.toUpperCase(), state);
    const codeOf = new Map(existing.map((o) => [o.id, o.code.toUpperCase()]));
    const periods = new Map<string, { startYear: number; sheets: Map<string, Set<SheetId>> }>();
    for (const row of await this.organizations.currentSheets(manager)) {
      let period = periods.get(row.period);
      if (!period)
        periods.set(row.period, (period = { startYear: Number(row.startYear), sheets: new Map() }));
      const code = codeOf.get(row.organizationId);
      if (!code) continue;
      period.sheets.set(code, (period.sheets.get(code) ?? new Set()).add(row.sheet));
    }
    const changes: PastPeriodChangeView[] = [];
    for (const [code, { startYear, sheets }] of periods) {
      const expected = (registry: Iterable<OrganizationState>) =>
        [...registry]
          .filter((o) => expectedToReport(o, startYear))
          .map((o) => ({ code: o.code.toUpperCase(), name: o.name, type: o.type }));
      const before = expected(existing);
      const later = expected(after.values());
      const beforeCodes = new Set(before.map((o) => o.code));
      const laterCodes = new Set(later.map((o) => o.code));
      const added = later.filter((o) => !beforeCodes.has(o.code));
      const removed = before.filter((o) => !laterCodes.has(o.code));
      if (added.length === 0 && removed.length === 0) continue;
      const completenessBefore = titleCompleteness(before, sheets);
      const completenessAfter = titleCompleteness(later, sheets);
      const names = (list: typeof added) => list.map((o) => `${o.name} (${o.code})`).join(', ');
      const parts = [
        `${code}: ожидается ${later.length} ${plural(later.length, 'организация', 'организации', 'организаций')} вместо ${before.length} — полнота станет ${formatPercent(completenessAfter)} (была ${formatPercent(completenessBefore)})`,
        added.length ? `добавляются ${names(added)}` : null,
        removed.length ? `перестают учитываться ${names(removed)}` : null,
      ];
      changes.push({
        period: code,
        expectedBefore: before.length,
        expectedAfter: later.length,
        completenessBefore,
        completenessAfter,
        added: added.map((o) => o.code),
        removed: removed.map((o) => o.code),
        message: `${parts.filter(Boolean).join('; ')}.`,
      });
    }
    return changes;
  }
}

/** The completeness of the title sheet (the report itself) as the indicator engine counts it. */
function titleCompleteness(
  expected: readonly { code: string; type: OrganizationType }[],
  sheets: ReadonlyMap<string, ReadonlySet<SheetId>>,
): number | null {
  const values = municipalValues({
    organizations: expected.map((o) => ({ ...o, sheets: sheets.get(o.code) ?? new Set(), onTime: null })),
    organizationValues: [],
    choices: {},
    demand: null,
  });
  return values.find((v) => v.indicator === 'completeness' && v.sheet === 'title')?.value ?? null;
}

function changedFields(before: OrganizationState, after: OrganizationState): FieldChangeView[] {
  const was = mapOrganization(before);
  const now = mapOrganization(after);
  return ORGANIZATION_FIELDS.filter((field) => was[field] !== now[field]).map((field) => ({
    field,
    before: was[field],
    after: now[field],
  }));
}
