import { Injectable } from '@nestjs/common';
import {
  measureOrganization,
  municipalValues,
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

  async organizationChanged(manager: EntityManager, organizationId: number, periodId: number): Promise<void> {
    const period = await manager.findOneByOrFail(PeriodEntity, { id: periodId });
    const context = await this.inputs.context(manager, period);
    await this.measure(manager, organizationId, period, context);
    await this.municipal(manager, period, context);
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
  ) {
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: organizationId });
    const sheets = await this.inputs.sheets(manager, organizationId, period.id);
    const hasData = Object.keys(sheets).length > 0;
    const { values, choices } = measureOrganization(
      { code: organization.code, type: organization.type, sheets },
      context,
    );
    await manager.delete(IndicatorValueEntity, { periodId: period.id, organizationId });
    await manager.delete(ChoiceCountEntity, { periodId: period.id, organizationId });
    if (!hasData) return;
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
    const choiceRows = await this.inputs
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
    const values = municipalValues({
      organizations,
      organizationValues,
      choices: Object.fromEntries(choiceRows.map((c) => [c.area, Number(c.graduates)])),
      demand: context.demand,
    });
    await manager.delete(IndicatorValueEntity, { periodId: period.id, organizationId: IsNull() });
    await insertInChunks(
      manager,
      IndicatorValueEntity,
      values.map((v) => this.row(v, period.id, null)),
    );
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
      contributors: organizationId === null ? value.contributors : null,
    };
  }
}
