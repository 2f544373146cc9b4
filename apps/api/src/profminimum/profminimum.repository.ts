import { Injectable } from '@nestjs/common';
import { OPTIONAL_SHEETS, type ProfminimumRow } from '@profmonitor/domain';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { PeriodRef } from '../indicators/indicator-inputs';
import { whereExpectedToReport } from '../organizations/expected-to-report.query';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { ProfminimumRowEntity } from '../reports/entities/sheet-rows.entity';

/** An organization the `Профминимум` sheet applies to, active in the period. */
export interface ProfminimumSchool {
  id: number;
  code: string;
  name: string;
  municipality: string;
  /** Its current accepted `Профминимум` version of the period; null when it has not sent the sheet. */
  versionId: number | null;
}

/** A stored `Профминимум` row and the version it belongs to. */
export type StoredProfminimumRow = ProfminimumRow & { versionId: number };

/** Which schools a read covers: a municipality's (null: every one), or one organization's. */
export interface ProfminimumScope {
  municipality: string | null;
  organizationId?: number;
}

/** The `Профминимум` sheets of a period as stored: the schools and the rows of their current versions. */
@Injectable()
export class ProfminimumRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active schools of the scope, each with its current `Профминимум` version (one query). */
  async schools(period: PeriodRef, scope: ProfminimumScope): Promise<ProfminimumSchool[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .leftJoin(
        ReportVersionEntity,
        'v',
        'v.organizationId = o.id AND v.periodId = :periodId AND v.isCurrent = :current AND v.sheet = :sheet',
        { periodId: period.id, current: true, sheet: 'profminimum' },
      )
      .select([
        'o.id AS id',
        'o.code AS code',
        'o.name AS name',
        'o.municipality AS municipality',
        'v.id AS "versionId"',
      ])
      .where('o.type IN (:...sheetTypes)', { sheetTypes: OPTIONAL_SHEETS.profminimum });
    const rows = await whereExpectedToReport(this.scoped(query, scope), 'o', period.startYear)
      .orderBy('o.code')
      .getRawMany<ProfminimumSchool>();
    return rows.map((row) => ({ ...row, versionId: row.versionId ?? null }));
  }

  /**
   * The rows of the scope's current `Профминимум` versions of the period, by version and grade:
   * one query however many schools (their versions joined, not read one by one).
   */
  async rows(period: PeriodRef, scope: ProfminimumScope): Promise<StoredProfminimumRow[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(ProfminimumRowEntity, 'r')
      .innerJoin(ReportVersionEntity, 'v', 'v.id = r.versionId')
      .innerJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
      .select([
        'r.versionId AS "versionId"',
        'r.grade AS grade',
        'r.students AS students',
        'r.level AS level',
        'r.covered AS covered',
        'r.futureTicket AS "futureTicket"',
        'r.hours AS hours',
      ])
      .where('v.periodId = :periodId AND v.isCurrent = :current AND v.sheet = :sheet', {
        periodId: period.id,
        current: true,
        sheet: 'profminimum',
      });
    const rows = await this.scoped(query, scope)
      .orderBy('r.versionId')
      .addOrderBy('r.grade')
      .getRawMany<StoredProfminimumRow>();
    // PostgreSQL's driver may hand integers back as text: the contract's numbers are numbers.
    const count = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return rows.map((row) => ({
      versionId: Number(row.versionId),
      grade: Number(row.grade),
      students: Number(row.students),
      level: row.level,
      covered: Number(row.covered),
      futureTicket: count(row.futureTicket),
      hours: count(row.hours),
    }));
  }

  private scoped<T extends object>(query: SelectQueryBuilder<T>, scope: ProfminimumScope) {
    if (scope.organizationId !== undefined)
      return query.andWhere('o.id = :organizationId', { organizationId: scope.organizationId });
    if (scope.municipality !== null)
      return query.andWhere('o.municipality = :municipality', { municipality: scope.municipality });
    return query;
  }
}
