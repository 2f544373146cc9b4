import { Injectable } from '@nestjs/common';
import {
  destinationCounts,
  measureOrganization,
  moveDestinationCounts,
  movePooled,
  municipalValues,
  SHEET_IDS,
  type Contribution,
  type OrganizationSheets,
  type DestinationCount,
  type OrganizationType,
  type PeriodContext,
  type SheetId,
} from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import type { PeriodEntity } from '../organizations/period.entity';
import { IndicatorInputs, type LevelContexts, type PeriodRef } from './indicator-inputs';
import {
  IndicatorValuesRepository,
  municipalityOwner,
  organizationOwner,
  REGION,
  type Measured,
  type Owner,
} from './indicator-values.repository';

/** A sheet an import has just committed as an organization's current version. */
export interface CommittedSheet {
  sheet: SheetId;
  /** It replaced a current version: the organization had the sheet before. */
  replaced: boolean;
  /** Its rows as the import parsed and stored them, when it kept them; otherwise read back. */
  rows?: readonly object[];
}

/** An accepted school or college workbook: whose, for when, and what it committed. */
export interface OrganizationChange {
  organization: { id: number; code: string; type: OrganizationType; municipality: string };
  period: PeriodRef;
  committed: readonly CommittedSheet[];
}

/**
 * Keeps indicator_values (and the choice sums behind the mismatch index, and the graduates'
 * destination counts) in step with the data, inside the caller's transaction, at every level:
 * each organization's, each municipality's pooled ones (when the registry holds several) and
 * the region's. An accepted school workbook re-measures its organization (from the rows the
 * import has just parsed, against its municipality's labor demand) and moves its
 * municipality's and the region's values by the difference it makes; no other organization's
 * rows or values are read. A new labor demand or a registry load recomputes whole periods.
 */
@Injectable()
export class IndicatorRecomputeService {
  constructor(
    private readonly inputs: IndicatorInputs,
    private readonly values: IndicatorValuesRepository,
  ) {}

  /**
   * An organization's accepted workbook: re-measure it, then move the pooled values and choice
   * sums of its levels (its municipality, the region) by its difference (movePooled) rather than
   * re-pooling every organization of the period. The organization is an active reporting one
   * (the import checked it). The first values of a period, and a difference movePooled cannot
   * judge, are pooled whole.
   */
  async organizationChanged(manager: EntityManager, change: OrganizationChange): Promise<void> {
    const { organization, period } = change;
    const levels = await this.inputs.levels(manager, period);
    const { sheets, before: sheetsBefore } = await this.sheetsOf(manager, change);
    const measured = measureOrganization(
      { code: organization.code, type: organization.type, sheets },
      levels.of(organization.municipality),
    );
    const onTime = await this.onTime(manager, change);
    const after: Contribution = {
      ...measured,
      sheets: new Set(Object.keys(sheets) as SheetId[]),
      onTime: onTime.after,
    };
    const destinations = destinationCounts(sheets.graduates ?? []);

    const own = organizationOwner(organization.id);
    const stored = await this.stored(manager, period.id, own);
    const before: Contribution = {
      values: stored.values.map((v) => ({ ...v, organization: organization.code, contributors: [] })),
      choices: choicesOf(stored.choices),
      sheets: sheetsBefore,
      onTime: onTime.before,
    };
    const pooledOwners: { owner: Owner; context: PeriodContext }[] = [
      { owner: REGION, context: levels.region },
      ...(levels.several
        ? [
            {
              owner: municipalityOwner(organization.municipality),
              context: levels.of(organization.municipality),
            },
          ]
        : []),
    ];
    const moved: Measured[] = [];
    const storedPooled = [];
    for (const { owner, context } of pooledOwners) {
      const pooled = await this.stored(manager, period.id, owner);
      const next =
        pooled.values.length > 0
          ? movePooled(
              { values: pooled.values, choices: choicesOf(pooled.choices) },
              organization.type,
              before,
              after,
              context.demand,
            )
          : undefined;
      if (!next) break;
      storedPooled.push(pooled);
      moved.push({
        ...owner,
        ...next,
        destinations: moveDestinationCounts(pooled.destinations, stored.destinations, destinations),
      });
    }
    const movedAll = moved.length === pooledOwners.length;

    // The organization's rows, and its levels' when moved: changed ones updated in place.
    const rewritten = [stored, ...(movedAll ? storedPooled : [])];
    await this.values.rewrite(
      manager,
      period.id,
      {
        values: rewritten.flatMap((r) => r.values),
        choices: rewritten.flatMap((r) => r.choices),
        destinations: rewritten.flatMap((r) => r.destinations),
      },
      [{ ...own, values: after.values, choices: after.choices, destinations }, ...(movedAll ? moved : [])],
    );
    if (!movedAll) await this.pool(manager, period, levels);
  }

  /**
   * Everything of a period again, after its labor demand or an in-demand list changed: every
   * organization with accepted sheets measured from its rows (read sheet by sheet for the whole
   * period) against its municipality's demand, then every level pooled.
   */
  async periodChanged(manager: EntityManager, periodId: number): Promise<void> {
    const period = await this.inputs.period(manager, periodId);
    const levels = await this.inputs.levels(manager, period);
    await this.values.deleteOrganizationValues(manager, periodId);
    for await (const sheetsOf of this.inputs.periodSheets(manager, periodId)) {
      const measured: Measured[] = [];
      for (const organization of await this.inputs.organizations(manager, [...sheetsOf.keys()])) {
        const sheets = sheetsOf.get(organization.id)!;
        const { values, choices } = measureOrganization(
          { code: organization.code, type: organization.type, sheets },
          levels.of(organization.municipality),
        );
        const destinations = destinationCounts(sheets.graduates ?? []);
        measured.push({ ...organizationOwner(organization.id), values, choices, destinations });
      }
      await this.values.insert(manager, periodId, measured);
    }
    await this.pool(manager, period, levels);
  }

  /**
   * A period's campaign was opened, its deadline moved, or it was closed or reopened: timeliness
   * is judged against the deadline, so every level of the period is pooled again (the
   * organizations' own values do not depend on it and stay).
   */
  async campaignChanged(manager: EntityManager, periodId: number): Promise<void> {
    const period = await this.inputs.period(manager, periodId);
    await this.pool(manager, period, await this.inputs.levels(manager, period));
  }

  /**
   * The registry changed who reports when, and perhaps what type or municipality an
   * organization has: those organizations are measured again in every period (the type decides
   * which indicators apply to them, the municipality which labor demand), then every level of
   * every period is pooled. When the registry's municipalities themselves changed, whole
   * periods are measured again: each organization's demand may have moved.
   */
  async registryChanged(
    manager: EntityManager,
    changed: readonly number[] = [],
    municipalitiesChanged = false,
  ): Promise<void> {
    for (const period of await this.inputs.periods(manager)) {
      if (municipalitiesChanged) {
        await this.periodChanged(manager, period.id);
        continue;
      }
      const levels = await this.inputs.levels(manager, period);
      for (const id of changed) await this.measure(manager, id, period, levels);
      await this.pool(manager, period, levels);
    }
  }

  /**
   * The organization's current sheets after the import, and which it had before: the committed
   * ones from the rows the import kept (read back only when it did not keep them), the others
   * as stored.
   */
  private async sheetsOf(
    manager: EntityManager,
    { organization, period, committed }: OrganizationChange,
  ): Promise<{ sheets: OrganizationSheets; before: Set<SheetId> }> {
    const sheets: Record<string, unknown> = {};
    const before = new Set<SheetId>();
    for (const { sheet, replaced, rows } of committed) {
      if (replaced) before.add(sheet);
      if (rows) sheets[sheet] = sheet === 'title' ? rows[0] : rows;
    }
    const isCommitted = new Set(committed.map((c) => c.sheet));
    // Optional sheets included: a workbook without its Профминимум keeps the one stored before.
    if (SHEET_IDS.some((sheet) => !(sheet in sheets))) {
      for (const version of await this.inputs.currentVersions(manager, organization.id, period.id)) {
        if (!isCommitted.has(version.sheet)) before.add(version.sheet);
        if (!(version.sheet in sheets)) sheets[version.sheet] = await this.inputs.rowsOf(manager, version);
      }
    }
    return { sheets: sheets as OrganizationSheets, before };
  }

  /**
   * Whether the organization's report was on time for the period's deadline before the import
   * and is after it (null both without a deadline): an import moves timeliness by the difference.
   */
  private async onTime(
    manager: EntityManager,
    { organization, period, committed }: OrganizationChange,
  ): Promise<{ before: boolean | null; after: boolean | null }> {
    const deadline = await this.inputs.deadline(manager, period.id);
    if (deadline === null) return { before: null, after: null };
    const sheets = new Set(committed.map((c) => c.sheet));
    const received = await this.inputs.firstReceived(manager, organization.id, period.id, sheets);
    return {
      before: this.inputs.judge(organization.type, received.before, deadline),
      after: this.inputs.judge(organization.type, received.after, deadline),
    };
  }

  /** One owner's stored values, choices and destination counts of the period. */
  private async stored(manager: EntityManager, periodId: number, owner: Owner) {
    return {
      values: await this.values.storedValues(manager, periodId, owner),
      choices: await this.values.storedChoices(manager, periodId, owner),
      destinations: await this.values.storedDestinations(manager, periodId, owner),
    };
  }

  private async measure(
    manager: EntityManager,
    organizationId: number,
    period: PeriodEntity,
    levels: LevelContexts,
  ): Promise<void> {
    const organization = await this.inputs.organization(manager, organizationId);
    const sheets = await this.inputs.sheets(manager, organizationId, period.id);
    const { values, choices } = measureOrganization(
      { code: organization.code, type: organization.type, sheets },
      levels.of(organization.municipality),
    );
    const owner = organizationOwner(organizationId);
    await this.values.deleteValues(manager, period.id, owner);
    // An organization that has sent nothing for the period has no values.
    if (Object.keys(sheets).length === 0) return;
    const destinations = destinationCounts(sheets.graduates ?? []);
    await this.values.insert(manager, period.id, [{ ...owner, values, choices, destinations }]);
  }

  /**
   * Every level's pooled values and choice sums of a period, from the organizations' stored ones
   * (those the registry counts for the period): the region's over every organization, and with
   * several municipalities each one's over its own, against its own labor demand. Destination
   * counts are summed over every organization with a current sheet (the registry aside, as the
   * flow chart has always counted them).
   */
  private async pool(manager: EntityManager, period: PeriodRef, levels: LevelContexts): Promise<void> {
    // Only the organizations the registry counts for the period: one retired after it sent its
    // report keeps its own values (its history) but is no longer part of its municipality.
    const organizations = await this.inputs.reportingOrganizations(manager, period, null, true);
    const organizationValues = await this.values.reportingOrganizationValues(manager, period);
    const choices = (await this.values.choicesByMunicipality(manager, period)).filter(
      (c) => c.graduates !== 0,
    );
    const destinations = await this.values.destinationSums(manager, period.id);
    // Grouped once: a filter per municipality would read every organization for each of them.
    const groups = {
      organizations: groupBy(organizations),
      values: groupBy(organizationValues),
      choices: groupBy(choices),
      destinations: groupBy(destinations),
    };
    const level = (municipality: string | null, context: PeriodContext): Measured => {
      const mine = <T>(all: readonly T[], byMunicipality: Map<string, T[]>): readonly T[] =>
        municipality === null ? all : (byMunicipality.get(municipality) ?? []);
      const levelChoices = sumChoices(mine(choices, groups.choices));
      return {
        organizationId: null,
        municipality,
        values: municipalValues({
          organizations: mine(organizations, groups.organizations),
          organizationValues: mine(organizationValues, groups.values),
          choices: levelChoices,
          demand: context.demand,
        }),
        choices: levelChoices,
        destinations: sumDestinations(mine(destinations, groups.destinations)),
      };
    };
    const pooled = [
      level(null, levels.region),
      ...(levels.several ? levels.municipalities.map((m) => level(m, levels.of(m))) : []),
    ];
    await this.values.deletePooled(manager, period.id);
    await this.values.insert(manager, period.id, pooled);
  }
}

/** Rows by their municipality. */
function groupBy<T extends { municipality: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.municipality);
    if (group) group.push(row);
    else groups.set(row.municipality, [row]);
  }
  return groups;
}

const choicesOf = (rows: readonly { area: string; graduates: number }[]): Record<string, number> =>
  Object.fromEntries(rows.map((c) => [c.area, Number(c.graduates)]));

function sumChoices(rows: readonly { area: string; graduates: number }[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const { area, graduates } of rows) sums[area] = (sums[area] ?? 0) + graduates;
  return sums;
}

/** Destination counts added up over municipalities, in the order the flow chart reads them. */
function sumDestinations(rows: readonly DestinationCount[]): DestinationCount[] {
  const sums = new Map<string, DestinationCount>();
  for (const row of rows) {
    const key = JSON.stringify([row.graduateClass, row.destination, row.territory]);
    const sum = sums.get(key);
    if (sum) sum.graduates += row.graduates;
    else sums.set(key, { ...row, graduates: row.graduates });
  }
  return [...sums.values()].map(({ graduateClass, destination, territory, graduates }) => ({
    graduateClass,
    destination,
    territory,
    graduates,
  }));
}
