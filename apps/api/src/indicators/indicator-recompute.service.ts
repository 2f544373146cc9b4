import { Injectable } from '@nestjs/common';
import {
  dissimilarity,
  indicatorById,
  measureOrganization,
  municipalValues,
  ratioValue,
  type SheetId,
  type IndicatorValue,
  type PeriodContext,
} from '@profmonitor/domain';
import { IsNull, type EntityManager } from 'typeorm';
import { insertInChunks } from '../database/bulk-insert';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PeriodEntity } from '../organizations/period.entity';
import { ChoiceCountEntity, IndicatorValueEntity } from './indicator.entities';
import { IndicatorInputs } from './indicator-inputs';

/**
 * Keeps indicator_values in step with the data, inside the caller's transaction. An accepted
 * school workbook recomputes its organization from its rows and the municipality from the
 * stored organization values (no other organization's rows are read); a new labor demand or
 * registry recomputes whole periods.
 */
@Injectable()
export class IndicatorRecomputeService {
  constructor(private readonly inputs: IndicatorInputs) {}

  /**
   * An organization's accepted workbook: re-measure it from its rows, then move the municipal
   * values by the difference it makes (its old contribution out, its new one in) rather than
   * re-pooling every organization of the period. The first values of a period are pooled whole.
   */
  async organizationChanged(manager: EntityManager, organizationId: number, periodId: number): Promise<void> {
    const period = await manager.findOneByOrFail(PeriodEntity, { id: periodId });
    const context = await this.inputs.context(manager, period);
    const before = await manager.find(IndicatorValueEntity, { where: { periodId, organizationId } });
    const after = await this.measure(manager, organizationId, period, context);
    const municipal = await manager.find(IndicatorValueEntity, {
      where: { periodId, organizationId: IsNull() },
    });
    if (municipal.length === 0) return this.municipal(manager, period, context);

    const key = (v: { indicator: string; sheet: string | null }) => `${v.indicator}|${v.sheet ?? ''}`;
    const oldOf = new Map(before.map((v) => [key(v), v]));
    const newOf = new Map(after.values.map((v) => [key(v), v]));
    const withOrWithout = (row: IndicatorValueEntity, contributes: boolean) => {
      const others = (row.contributors ?? []).filter((code) => code !== after.code);
      row.contributors = contributes ? [...others, after.code].sort() : others;
    };
    for (const row of municipal) {
      const definition = indicatorById(row.indicator)!;
      if (definition.kind === 'ratio') {
        const [was, is] = [oldOf.get(key(row)), newOf.get(key(row))];
        const numerator = (row.numerator ?? 0) - (was?.numerator ?? 0) + (is?.numerator ?? 0);
        const denominator = (row.denominator ?? 0) - (was?.denominator ?? 0) + (is?.denominator ?? 0);
        withOrWithout(row, is !== undefined && is.numerator !== null);
        const pooled = row.contributors!.length > 0;
        row.numerator = pooled ? numerator : null;
        row.denominator = pooled ? denominator : null;
        row.value = pooled ? ratioValue(numerator, denominator) : null;
      } else if (definition.kind === 'mismatch') {
        withOrWithout(row, after.sheets.has('graduates'));
        row.value = context.demand
          ? dissimilarity(await this.pooledChoices(manager, period), context.demand.vacanciesByArea).value
          : null;
      } else {
        withOrWithout(row, after.sheets.has(row.sheet as SheetId));
        row.numerator = row.contributors!.length;
        row.value = ratioValue(row.numerator, row.denominator ?? 0);
      }
      await manager.update(
        IndicatorValueEntity,
        { id: row.id },
        {
          numerator: row.numerator,
          denominator: row.denominator,
          value: row.value,
          contributors: row.contributors,
        },
      );
    }
  }

  /** Everything of a period again: after its labor demand or in-demand list changed. */
  async periodChanged(manager: EntityManager, periodId: number): Promise<void> {
    const period = await manager.findOneByOrFail(PeriodEntity, { id: periodId });
    const context = await this.inputs.context(manager, period);
    const measured = await manager
      .createQueryBuilder(IndicatorValueEntity, 'v')
      .select('DISTINCT v.organizationId', 'id')
      .where('v.periodId = :periodId AND v.organizationId IS NOT NULL', { periodId })
      .getRawMany<{ id: number }>();
    const organizations = await this.inputs.reportingOrganizations(manager, period);
    const ids = new Set([
      ...measured.map((m) => m.id),
      ...organizations.filter((o) => o.sheets.size).map((o) => o.id),
    ]);
    for (const id of ids) await this.measure(manager, id, period, context);
    await this.municipal(manager, period, context);
  }

  /** The registry changed who reports when: the municipal values (completeness) of every period. */
  async registryChanged(manager: EntityManager): Promise<void> {
    for (const period of await manager.find(PeriodEntity)) {
      await this.municipal(manager, period, await this.inputs.context(manager, period));
    }
  }

  private async measure(
    manager: EntityManager,
    organizationId: number,
    period: PeriodEntity,
    context: PeriodContext,
  ): Promise<{ code: string; values: IndicatorValue[]; sheets: Set<SheetId> }> {
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: organizationId });
    const sheets = await this.inputs.sheets(manager, organizationId, period.id);
    const hasData = Object.keys(sheets).length > 0;
    const { values, choices } = measureOrganization(
      { code: organization.code, type: organization.type, sheets },
      context,
    );
    await manager.delete(IndicatorValueEntity, { periodId: period.id, organizationId });
    await manager.delete(ChoiceCountEntity, { periodId: period.id, organizationId });
    const measured = {
      code: organization.code,
      values: hasData ? values : [],
      sheets: new Set(Object.keys(sheets) as SheetId[]),
    };
    if (!hasData) return measured;
    await insertInChunks(
      manager,
      IndicatorValueEntity,
      values.map((v) => this.row(v, period.id, organizationId)),
    );
    await insertInChunks(
      manager,
      ChoiceCountEntity,
      Object.entries(choices).map(([area, graduates]) => ({
        periodId: period.id,
        organizationId,
        area,
        graduates,
      })),
    );
    return measured;
  }

  private async municipal(manager: EntityManager, period: PeriodEntity, context: PeriodContext) {
    const organizations = await this.inputs.reportingOrganizations(manager, period);
    // Only the organizations the registry counts for the period: one retired after it sent its
    // report keeps its own values (its history) but is no longer part of the municipality.
    // Filtered and summed in the database (the same rule as reportingOrganizations): only the
    // pooled values are read, not every organization's values and choices of the period.
    // Ordered as the (period, indicator, organization) index returns them: the contributors'
    // order.
    const organizationValues = await this.inputs
      .activeReporting(
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
        period,
      )
      .orderBy('v.indicator')
      .addOrderBy('v.organizationId')
      .getRawMany<IndicatorValue>();
    const values = municipalValues({
      organizations,
      organizationValues,
      choices: await this.pooledChoices(manager, period),
      demand: context.demand,
    });
    await manager.delete(IndicatorValueEntity, { periodId: period.id, organizationId: IsNull() });
    await insertInChunks(
      manager,
      IndicatorValueEntity,
      values.map((v) => this.row(v, period.id, null)),
    );
  }

  /** The active organizations' continuing local graduates by area, summed: the gₐ of the city. */
  private async pooledChoices(manager: EntityManager, period: PeriodEntity): Promise<Record<string, number>> {
    const rows = await this.inputs
      .activeReporting(
        manager
          .createQueryBuilder(ChoiceCountEntity, 'c')
          .innerJoin(OrganizationEntity, 'o', 'o.id = c.organizationId')
          .select('c.area', 'area')
          .addSelect('SUM(c.graduates)', 'graduates')
          .where('c.periodId = :periodId', { periodId: period.id }),
        'o',
        period,
      )
      .groupBy('c.area')
      .getRawMany<{ area: string; graduates: number }>();
    return Object.fromEntries(rows.map((c) => [c.area, Number(c.graduates)]));
  }

  private row(value: IndicatorValue, periodId: number, organizationId: number | null) {
    return {
      periodId,
      organizationId,
      indicator: value.indicator,
      sheet: value.sheet,
      numerator: value.numerator,
      denominator: value.denominator,
      value: value.value,
      // Sorted by code, as the incremental path keeps them.
      contributors: organizationId === null ? [...value.contributors].sort() : null,
    };
  }
}
