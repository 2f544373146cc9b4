import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { IndicatorValueEntity } from '../indicators/indicator.entities';
import { OrganizationEntity } from '../organizations/organization.entity';
import {
  CycleAddresseeEntity,
  CycleAnalysisEntity,
  CycleCommentEntity,
  CycleDecisionEntity,
  CycleMeasureEntity,
  CycleMeasureOrganizationEntity,
  CycleRecommendationEntity,
} from './cycle.entities';

/** A level's rows of a period: the municipality's, or null for the region's. */
const levelWhere = (periodId: number, municipality: string | null) => ({
  periodId,
  municipality: municipality ?? IsNull(),
});

/** An organization's stored value of an indicator: its numerator and denominator. */
export interface OrganizationRatio {
  organizationId: number;
  numerator: number;
  denominator: number;
}

/** The management cycle's rows: plain reads; writes go through the caller's transaction. */
@Injectable()
export class CycleRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Every version of the level's analyses of a period, oldest first. */
  analyses(
    periodId: number,
    municipality: string | null,
    indicator?: string,
  ): Promise<CycleAnalysisEntity[]> {
    return this.manager.find(CycleAnalysisEntity, {
      where: { ...levelWhere(periodId, municipality), ...(indicator ? { indicator } : {}) },
      order: { id: 'ASC' },
    });
  }

  /** Recommendations, newest first: of a level and period, or (organizationId) those addressed to it. */
  async recommendations(filter: {
    periodId?: number;
    municipality?: string | null;
    organizationId?: number;
    id?: number;
  }): Promise<CycleRecommendationEntity[]> {
    const query = this.manager
      .createQueryBuilder(CycleRecommendationEntity, 'r')
      .innerJoinAndSelect('r.period', 'p')
      .orderBy('r.id', 'DESC');
    if (filter.id !== undefined) query.andWhere('r.id = :id', { id: filter.id });
    if (filter.periodId !== undefined)
      query.andWhere('r.period_id = :periodId', { periodId: filter.periodId });
    if (filter.municipality !== undefined)
      query.andWhere(filter.municipality === null ? 'r.municipality IS NULL' : 'r.municipality = :m', {
        m: filter.municipality,
      });
    if (filter.organizationId !== undefined)
      query.andWhere(
        'EXISTS (SELECT 1 FROM cycle_addressees a WHERE a.recommendation_id = r.id AND a.organization_id = :org)',
        { org: filter.organizationId },
      );
    return query.getMany();
  }

  /** The addressees of some recommendations with their organizations, by code. */
  addressees(recommendationIds: number[]): Promise<CycleAddresseeEntity[]> {
    if (recommendationIds.length === 0) return Promise.resolve([]);
    return this.manager.find(CycleAddresseeEntity, {
      where: { recommendationId: In(recommendationIds) },
      relations: { organization: true },
      order: { id: 'ASC' },
    });
  }

  measures(periodId: number, municipality: string | null): Promise<CycleMeasureEntity[]> {
    return this.manager.find(CycleMeasureEntity, {
      where: levelWhere(periodId, municipality),
      relations: { period: true },
      order: { fromOn: 'ASC', id: 'ASC' },
    });
  }

  measureOrganizations(measureIds: number[]): Promise<CycleMeasureOrganizationEntity[]> {
    if (measureIds.length === 0) return Promise.resolve([]);
    return this.manager.find(CycleMeasureOrganizationEntity, {
      where: { measureId: In(measureIds) },
      relations: { organization: true },
      order: { id: 'ASC' },
    });
  }

  decisions(periodId: number, municipality: string | null): Promise<CycleDecisionEntity[]> {
    return this.manager.find(CycleDecisionEntity, {
      where: levelWhere(periodId, municipality),
      relations: { period: true },
      order: { decidedOn: 'ASC', id: 'ASC' },
    });
  }

  /** A period's comments (of one indicator, if named), oldest first, with their organizations. */
  comments(periodId: number, indicator?: string): Promise<CycleCommentEntity[]> {
    return this.manager.find(CycleCommentEntity, {
      where: { periodId, ...(indicator ? { indicator } : {}) },
      relations: { organization: true, period: true },
      order: { id: 'ASC' },
    });
  }

  /** Organizations by code (any case), in the registry's spelling. */
  async organizationsByCode(codes: readonly string[]): Promise<Map<string, OrganizationEntity>> {
    const upper = [...new Set(codes.map((c) => c.toUpperCase()))];
    const rows = await this.manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('UPPER(o.code) IN (:...upper)', { upper })
      .getMany();
    return new Map(rows.map((o) => [o.code.toUpperCase(), o]));
  }

  /** The organizations of a municipality (null: every one). */
  organizationsOf(municipality: string | null): Promise<OrganizationEntity[]> {
    return this.manager.find(OrganizationEntity, municipality === null ? {} : { where: { municipality } });
  }

  /** Every organization's stored value of an indicator for a period that has both of its counts. */
  async organizationRatios(periodId: number, indicator: string): Promise<OrganizationRatio[]> {
    const rows = await this.manager.find(IndicatorValueEntity, {
      where: {
        periodId,
        indicator,
        organizationId: Not(IsNull()),
        sheet: IsNull(),
        numerator: Not(IsNull()),
        denominator: Not(IsNull()),
      },
    });
    return rows.map((row) => ({
      organizationId: row.organizationId!,
      numerator: Number(row.numerator),
      denominator: Number(row.denominator),
    }));
  }
}
