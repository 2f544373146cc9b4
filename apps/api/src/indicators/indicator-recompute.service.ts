import { Injectable } from '@nestjs/common';
import {
  measureOrganization,
  movePooled,
  municipalValues,
  type Contribution,
  type IndicatorValue,
  type OrganizationSheets,
  type OrganizationType,
  type PeriodContext,
  type PooledValue,
  type SheetId,
} from '@profmonitor/domain';
import { In, IsNull, Not, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { insertInChunks, upsertInChunks } from '../database/bulk-insert';
import { whereExpectedToReport } from '../organizations/expected-to-report.query';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ChoiceCountEntity, IndicatorValueEntity } from './indicator.entities';
import { IndicatorInputs, type PeriodRef } from './indicator-inputs';

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
 * Keeps indicator_values (and the choice sums behind the mismatch index) in step with the
 * data, inside the caller's transaction. An accepted school workbook re-measures its
 * organization (from the rows the import has just parsed) and moves the municipal values by
 * the difference it makes; no other organization's rows or values are read. A new labor
 * demand or a registry load recomputes whole periods.
 */
@Injectable()
export class IndicatorRecomputeService {
  constructor(private readonly inputs: IndicatorInputs) {}

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
    await this.rewrite(
      manager,
      IndicatorValueEntity,
      [...stored.own, ...(moved ? stored.municipal : [])],
      [
        ...after.values.map((v) => this.row(v, period.id, organization.id)),
        ...(moved?.values ?? []).map((v) => this.row(v, period.id, null)),
      ],
      (v) => `${v.organizationId}|${v.indicator}|${v.sheet}`,
      ['numerator', 'denominator', 'value'],
    );
    await this.rewrite(
      manager,
      ChoiceCountEntity,
      [...stored.ownChoices, ...(moved ? stored.cityChoices : [])],
      [
        ...this.choiceRows(after.choices, period.id, organization.id),
        ...(moved ? this.choiceRows(moved.choices, period.id, null) : []),
      ],
      (c) => `${c.organizationId}|${c.area}`,
      ['graduates'],
    );
    if (!moved) await this.municipal(manager, period, context);
  }

  /**
   * Everything of a period again, after its labor demand or in-demand list changed: every
   * organization with accepted sheets measured from its rows (read sheet by sheet for the whole
   * period), then the municipality pooled.
   */
  async periodChanged(manager: EntityManager, periodId: number): Promise<void> {
    const period = await manager.findOneByOrFail(PeriodEntity, { id: periodId });
    const context = await this.inputs.context(manager, period);
    const sheetsOf = await this.inputs.periodSheets(manager, periodId);
    const organizations = sheetsOf.size
      ? await manager.find(OrganizationEntity, { where: { id: In([...sheetsOf.keys()]) } })
      : [];
    const values: ReturnType<IndicatorRecomputeService['row']>[] = [];
    const choices: ReturnType<IndicatorRecomputeService['choiceRows']> = [];
    for (const organization of organizations) {
      const measured = measureOrganization(
        { code: organization.code, type: organization.type, sheets: sheetsOf.get(organization.id)! },
        context,
      );
      values.push(...measured.values.map((v) => this.row(v, periodId, organization.id)));
      choices.push(...this.choiceRows(measured.choices, periodId, organization.id));
    }
    await manager.delete(IndicatorValueEntity, { periodId, organizationId: Not(IsNull()) });
    await manager.delete(ChoiceCountEntity, { periodId, organizationId: Not(IsNull()) });
    await insertInChunks(manager, IndicatorValueEntity, values);
    await insertInChunks(manager, ChoiceCountEntity, choices);
    await this.municipal(manager, period, context);
  }

  /**
   * The registry changed who reports when, and perhaps what type an organization is: the
   * organizations whose type changed are measured again in every period (the type decides
   * which indicators apply to them), then the municipal values of every period are pooled.
   */
  async registryChanged(manager: EntityManager, retyped: readonly number[] = []): Promise<void> {
    for (const period of await manager.find(PeriodEntity)) {
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

  /**
   * The organization's and the municipality's stored values and choices of the period. Four
   * lookups, each a seek in an index: asked for both at once (organization or null), SQLite
   * walks the whole period.
   */
  private async stored(manager: EntityManager, organization: { id: number; code: string }, periodId: number) {
    const values = async (organizationId: number | null) => {
      const rows = await manager
        .createQueryBuilder(IndicatorValueEntity, 'v')
        .select([
          'v.id AS id',
          'v.indicator AS indicator',
          'v.sheet AS sheet',
          'v.numerator AS numerator',
          'v.denominator AS denominator',
          'v.value AS value',
        ])
        .where({ periodId, organizationId: organizationId ?? IsNull() })
        .orderBy('v.id')
        .getRawMany<PooledValue & { id: number }>();
      const number = (n: number | null) => (n === null ? null : Number(n));
      return rows.map((v) => ({
        ...v,
        periodId,
        organizationId,
        numerator: number(v.numerator),
        denominator: number(v.denominator),
        value: number(v.value),
      }));
    };
    const choices = async (organizationId: number | null) => {
      const rows = await manager
        .createQueryBuilder(ChoiceCountEntity, 'c')
        .select(['c.id AS id', 'c.area AS area', 'c.graduates AS graduates'])
        .where({ periodId, organizationId: organizationId ?? IsNull() })
        .getRawMany<{ id: number; area: string; graduates: number }>();
      return rows.map((c) => ({ ...c, periodId, organizationId, graduates: Number(c.graduates) }));
    };
    return {
      own: (await values(organization.id)).map((v) => ({
        ...v,
        organization: organization.code,
        contributors: [],
      })),
      municipal: await values(null),
      ownChoices: await choices(organization.id),
      cityChoices: await choices(null),
    };
  }

  /**
   * Brings stored rows to `next`, matched by `key`: new rows and changed ones (keeping their
   * ids) in one upsert, rows whose key is gone deleted, unchanged rows left alone.
   */
  private async rewrite<R extends object>(
    manager: EntityManager,
    entity: EntityTarget<ObjectLiteral>,
    stored: readonly (R & { id: number })[],
    next: readonly R[],
    key: (row: R) => string,
    fields: readonly (keyof R & string)[],
  ): Promise<void> {
    const gone = new Map(stored.map((row) => [key(row), row]));
    const write: (R & { id?: number })[] = [];
    for (const row of next) {
      const was = gone.get(key(row));
      gone.delete(key(row));
      if (!was) write.push(row);
      else if (fields.some((field) => was[field] !== row[field])) write.push({ ...row, id: was.id });
    }
    if (gone.size > 0) await manager.delete(entity, { id: In([...gone.values()].map((row) => row.id)) });
    await upsertInChunks<ObjectLiteral>(manager, entity, write, fields);
  }

  private async measure(
    manager: EntityManager,
    organizationId: number,
    period: PeriodEntity,
    context: PeriodContext,
  ): Promise<void> {
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: organizationId });
    const sheets = await this.inputs.sheets(manager, organizationId, period.id);
    const { values, choices } = measureOrganization(
      { code: organization.code, type: organization.type, sheets },
      context,
    );
    await manager.delete(IndicatorValueEntity, { periodId: period.id, organizationId });
    await manager.delete(ChoiceCountEntity, { periodId: period.id, organizationId });
    // An organization that has sent nothing for the period has no values.
    if (Object.keys(sheets).length === 0) return;
    await insertInChunks(
      manager,
      IndicatorValueEntity,
      values.map((v) => this.row(v, period.id, organizationId)),
    );
    await insertInChunks(manager, ChoiceCountEntity, this.choiceRows(choices, period.id, organizationId));
  }

  /** The municipal values and choice sums of a period, pooled from every organization's stored ones. */
  private async municipal(manager: EntityManager, period: PeriodRef, context: PeriodContext) {
    const organizations = await this.inputs.reportingOrganizations(manager, period);
    // Only the organizations the registry counts for the period: one retired after it sent its
    // report keeps its own values (its history) but is no longer part of the municipality.
    // Filtered and summed in the database (the same rule as reportingOrganizations): only the
    // pooled values are read, not every organization's values and choices of the period.
    const organizationValues = await whereExpectedToReport(
      manager
        .createQueryBuilder(IndicatorValueEntity, 'v')
        .innerJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
        .select([
          'v.indicator AS indicator',
          'o.code AS organization',
          'v.numerator AS numerator',
          'v.denominator AS denominator',
        ])
        // Values without a numerator are not pooled (municipalValues leaves them out).
        .where('v.periodId = :periodId AND v.numerator IS NOT NULL', { periodId: period.id }),
      'o',
      period.startYear,
    ).getRawMany<IndicatorValue>();
    const choices = await this.pooledChoices(manager, period);
    const values = municipalValues({ organizations, organizationValues, choices, demand: context.demand });
    await manager.delete(IndicatorValueEntity, { periodId: period.id, organizationId: IsNull() });
    await insertInChunks(
      manager,
      IndicatorValueEntity,
      values.map((v) => this.row(v, period.id, null)),
    );
    await manager.delete(ChoiceCountEntity, { periodId: period.id, organizationId: IsNull() });
    await insertInChunks(manager, ChoiceCountEntity, this.choiceRows(choices, period.id, null));
  }

  /** The active organizations' continuing local graduates by area, summed: the gₐ of the city. */
  private async pooledChoices(manager: EntityManager, period: PeriodRef): Promise<Record<string, number>> {
    const rows = await whereExpectedToReport(
      manager
        .createQueryBuilder(ChoiceCountEntity, 'c')
        .innerJoin(OrganizationEntity, 'o', 'o.id = c.organizationId')
        .select('c.area', 'area')
        .addSelect('SUM(c.graduates)', 'graduates')
        .where('c.periodId = :periodId', { periodId: period.id }),
      'o',
      period.startYear,
    )
      .groupBy('c.area')
      .getRawMany<{ area: string; graduates: number }>();
    return choicesOf(rows.filter((c) => Number(c.graduates) !== 0));
  }

  private row(value: PooledValue, periodId: number, organizationId: number | null) {
    return {
      periodId,
      organizationId,
      indicator: value.indicator,
      sheet: value.sheet,
      numerator: value.numerator,
      denominator: value.denominator,
      value: value.value,
    };
  }

  private choiceRows(
    choices: Readonly<Record<string, number>>,
    periodId: number,
    organizationId: number | null,
  ) {
    return Object.entries(choices).map(([area, graduates]) => ({
      periodId,
      organizationId,
      area,
      graduates,
    }));
  }
}

const choicesOf = (rows: readonly { area: string; graduates: number }[]): Record<string, number> =>
  Object.fromEntries(rows.map((c) => [c.area, Number(c.graduates)]));
