import { Injectable } from '@nestjs/common';
import {
  destinationCounts,
  measureOrganization,
  moveDestinationCounts,
  movePooled,
  municipalValues,
  type Contribution,
  type OrganizationSheets,
  type OrganizationType,
  type PeriodContext,
  type SheetId,
} from '@profmonitor/domain';
import type { EntityManager } from 'typeorm';
import type { PeriodEntity } from '../organizations/period.entity';
import { IndicatorInputs, type PeriodRef } from './indicator-inputs';
import { IndicatorValuesRepository, type Measured } from './indicator-values.repository';

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
  organization: { id: number; code: string; type: OrganizationType };
  period: PeriodRef;
  committed: readonly CommittedSheet[];
}

const SHEETS: readonly SheetId[] = ['title', 'graduates', 'coverage', 'teachers', 'partners'];

/**
 * Keeps indicator_values (and the choice sums behind the mismatch index, and the graduates'
 * destination counts) in step with the data, inside the caller's transaction. An accepted school workbook re-measures its
 * organization (from the rows the import has just parsed) and moves the municipal values by
 * the difference it makes; no other organization's rows or values are read. A new labor
 * demand or a registry load recomputes whole periods.
 */
@Injectable()
export class IndicatorRecomputeService {
  constructor(
    private readonly inputs: IndicatorInputs,
    private readonly values: IndicatorValuesRepository,
  ) {}

  /**
   * An organization's accepted workbook: re-measure it, then move the municipal values and
   * choice sums by its difference (movePooled) rather than re-pooling every organization of
   * the period. The organization is an active reporting one (the import checked it). The
   * first values of a period, and a difference movePooled cannot judge, are pooled whole.
   */
  async organizationChanged(manager: EntityManager, change: OrganizationChange): Promise<void> {
    const { organization, period } = change;
    const context = await this.inputs.context(manager, period);
    const { sheets, before: sheetsBefore } = await this.sheetsOf(manager, change);
    const measured = measureOrganization(
      { code: organization.code, type: organization.type, sheets },
      context,
    );
    const after: Contribution = { ...measured, sheets: new Set(Object.keys(sheets) as SheetId[]) };
    const destinations = destinationCounts(sheets.graduates ?? []);

    const stored = await this.stored(manager, organization, period.id);
    const moved =
      stored.municipal.length > 0
        ? movePooled(
            { values: stored.municipal, choices: choicesOf(stored.cityChoices) },
            organization.type,
            { values: stored.own, choices: choicesOf(stored.ownChoices), sheets: sheetsBefore },
            after,
            context.demand,
          )
        : undefined;

    // The organization's rows, and the municipality's when moved: changed ones updated in place.
    await this.values.rewrite(
      manager,
      period.id,
      {
        values: [...stored.own, ...(moved ? stored.municipal : [])],
        choices: [...stored.ownChoices, ...(moved ? stored.cityChoices : [])],
        destinations: [...stored.ownDestinations, ...(moved ? stored.cityDestinations : [])],
      },
      [
        { organizationId: organization.id, values: after.values, choices: after.choices, destinations },
        ...(moved
          ? [
              {
                organizationId: null,
                values: moved.values,
                choices: moved.choices,
                destinations: moveDestinationCounts(
                  stored.cityDestinations,
                  stored.ownDestinations,
                  destinations,
                ),
              },
            ]
          : []),
      ],
    );
    if (!moved) await this.municipal(manager, period, context);
  }

  /**
   * Everything of a period again, after its labor demand or in-demand list changed: every
   * organization with accepted sheets measured from its rows (read sheet by sheet for the whole
   * period), then the municipality pooled.
   */
  async periodChanged(manager: EntityManager, periodId: number): Promise<void> {
    const period = await this.inputs.period(manager, periodId);
    const context = await this.inputs.context(manager, period);
    const sheetsOf = await this.inputs.periodSheets(manager, periodId);
    const measured: Measured[] = [];
    for (const organization of await this.inputs.organizations(manager, [...sheetsOf.keys()])) {
      const sheets = sheetsOf.get(organization.id)!;
      const { values, choices } = measureOrganization(
        { code: organization.code, type: organization.type, sheets },
        context,
      );
      const destinations = destinationCounts(sheets.graduates ?? []);
      measured.push({ organizationId: organization.id, values, choices, destinations });
    }
    await this.values.deleteOrganizationValues(manager, periodId);
    await this.values.insert(manager, periodId, measured);
    await this.municipal(manager, period, context);
  }

  /**
   * The registry changed who reports when, and perhaps what type an organization is: the
   * organizations whose type changed are measured again in every period (the type decides
   * which indicators apply to them), then the municipal values of every period are pooled.
   */
  async registryChanged(manager: EntityManager, retyped: readonly number[] = []): Promise<void> {
    for (const period of await this.inputs.periods(manager)) {
      const context = await this.inputs.context(manager, period);
      for (const id of retyped) await this.measure(manager, id, period, context);
      await this.municipal(manager, period, context);
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
    if (SHEETS.some((sheet) => !(sheet in sheets))) {
      for (const version of await this.inputs.currentVersions(manager, organization.id, period.id)) {
        if (!isCommitted.has(version.sheet)) before.add(version.sheet);
        if (!(version.sheet in sheets)) sheets[version.sheet] = await this.inputs.rowsOf(manager, version);
      }
    }
    return { sheets: sheets as OrganizationSheets, before };
  }

  /** The organization's and the municipality's stored values, choices and destination counts of the period. */
  private async stored(manager: EntityManager, organization: { id: number; code: string }, periodId: number) {
    return {
      own: (await this.values.storedValues(manager, periodId, organization.id)).map((v) => ({
        ...v,
        organization: organization.code,
        contributors: [],
      })),
      municipal: await this.values.storedValues(manager, periodId, null),
      ownChoices: await this.values.storedChoices(manager, periodId, organization.id),
      cityChoices: await this.values.storedChoices(manager, periodId, null),
      ownDestinations: await this.values.storedDestinations(manager, periodId, organization.id),
      cityDestinations: await this.values.storedDestinations(manager, periodId, null),
    };
  }

  private async measure(
    manager: EntityManager,
    organizationId: number,
    period: PeriodEntity,
    context: PeriodContext,
  ): Promise<void> {
    const organization = await this.inputs.organization(manager, organizationId);
    const sheets = await this.inputs.sheets(manager, organizationId, period.id);
    const { values, choices } = measureOrganization(
      { code: organization.code, type: organization.type, sheets },
      context,
    );
    await this.values.deleteValues(manager, period.id, organizationId);
    // An organization that has sent nothing for the period has no values.
    if (Object.keys(sheets).length === 0) return;
    const destinations = destinationCounts(sheets.graduates ?? []);
    await this.values.insert(manager, period.id, [{ organizationId, values, choices, destinations }]);
  }

  /**
   * The municipal values and choice sums of a period, pooled from every organization's stored
   * ones; its destination counts summed over every organization (the registry aside, as the
   * flow chart has always counted them).
   */
  private async municipal(manager: EntityManager, period: PeriodRef, context: PeriodContext) {
    const organizations = await this.inputs.reportingOrganizations(manager, period);
    // Only the organizations the registry counts for the period: one retired after it sent its
    // report keeps its own values (its history) but is no longer part of the municipality.
    const organizationValues = await this.values.reportingOrganizationValues(manager, period);
    const choices = choicesOf(
      (await this.values.choicesByArea(period, undefined, manager)).filter((c) => c.graduates !== 0),
    );
    const values = municipalValues({ organizations, organizationValues, choices, demand: context.demand });
    const destinations = await this.values.destinationSums(manager, period.id);
    await this.values.deleteValues(manager, period.id, null);
    await this.values.insert(manager, period.id, [{ organizationId: null, values, choices, destinations }]);
  }
}

const choicesOf = (rows: readonly { area: string; graduates: number }[]): Record<string, number> =>
  Object.fromEntries(rows.map((c) => [c.area, Number(c.graduates)]));
