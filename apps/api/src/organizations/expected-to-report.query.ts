import { REPORTING_TYPES } from '@profmonitor/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Restricts a query to the organizations (joined under `alias`, an OrganizationEntity) the
 * registry expects to report for the period starting in `startYear`: the SQL of
 * `expectedToReport` in libs/domain (reports/sheets/organizations.ts) — a reporting type, active
 * from «Действует с» to «Действует по», an empty one open. Every query that needs "who reports in
 * a period" uses this, so that the rule is written once per language; test/expected-to-report
 * checks it against the domain function for every combination of open, earlier, equal and later
 * bounds.
 *
 * Periods compare by their start years (integer columns), never by their codes as text.
 * Portable SQL only (IN, IS NULL, <=): it runs unchanged on SQLite and PostgreSQL.
 */
export function whereExpectedToReport<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  startYear: number,
): SelectQueryBuilder<T> {
  // Parameters named after the alias, so that one query can apply the rule to two joins.
  const types = `${alias}ReportingTypes`;
  const year = `${alias}ReportingYear`;
  return query
    .andWhere(`${alias}.type IN (:...${types})`, { [types]: REPORTING_TYPES })
    .andWhere(`(${alias}.activeFromYear IS NULL OR ${alias}.activeFromYear <= :${year})`, {
      [year]: startYear,
    })
    .andWhere(`(${alias}.activeToYear IS NULL OR ${alias}.activeToYear >= :${year})`);
}
