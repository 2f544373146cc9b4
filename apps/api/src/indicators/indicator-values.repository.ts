import { Injectable } from '@nestjs/common';
import type { DestinationCount, IndicatorValue, PooledValue } from '@profmonitor/domain';
import {
  DataSource,
  In,
  IsNull,
  Not,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import { insertInChunks, upsertInChunks } from '../database/bulk-insert';
import { whereExpectedToReport } from '../organizations/expected-to-report.query';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { PeriodRef } from './indicator-inputs';
import { ChoiceCountEntity, DestinationCountEntity, IndicatorValueEntity } from './indicator.entities';

/**
 * Whose precomputed rows: an organization's (its id; municipality null), a municipality's
 * pooled ones (organization null, its name) or the region's (both null; with one municipality
 * in the registry, the only pooled rows).
 */
export interface Owner {
  organizationId: number | null;
  municipality: string | null;
}

/** The region's pooled rows (with one municipality, the only pooled rows). */
export const REGION: Owner = { organizationId: null, municipality: null };

/** An organization's rows. */
export const organizationOwner = (organizationId: number): Owner => ({ organizationId, municipality: null });

/** A municipality's pooled rows. */
export const municipalityOwner = (municipality: string): Owner => ({ organizationId: null, municipality });

const ownerWhere = ({ organizationId, municipality }: Owner) => ({
  organizationId: organizationId ?? IsNull(),
  municipality: municipality ?? IsNull(),
});

/** What one owner (an organization, a municipality or the region) has measured for a period. */
export interface Measured extends Owner {
  values: readonly PooledValue[];
  /** Local choices by area (gₐ). */
  choices: Readonly<Record<string, number>>;
  /** Graduates by class, destination and territory (the flow chart's counts). */
  destinations: readonly DestinationCount[];
}

/** A stored value row of indicator_values, numbers read as numbers. */
export interface StoredValueRow extends PooledValue, Owner {
  id: number;
  periodId: number;
}

/** A stored row of choice_counts. */
export interface StoredChoiceRow extends Owner {
  id: number;
  periodId: number;
  area: string;
  graduates: number;
}

/** A stored row of destination_counts. */
export interface StoredDestinationRow extends DestinationCount, Owner {
  id: number;
  periodId: number;
}

type ValueRow = Omit<StoredValueRow, 'id'>;
type ChoiceRow = Omit<StoredChoiceRow, 'id'>;
type DestinationRow = Omit<StoredDestinationRow, 'id'>;

/** Stored values, choice sums and destination counts of some owners, as rewrite takes them. */
export interface StoredRows {
  values: readonly StoredValueRow[];
  choices: readonly StoredChoiceRow[];
  destinations: readonly StoredDestinationRow[];
}

/**
 * The precomputed indicator values, choice sums and destination counts (indicator_values,
 * choice_counts, destination_counts): what the
 * recomputation reads back, pools and writes. Writes take the caller's transaction's manager;
 * reads made outside one default to the DataSource's.
 */
@Injectable()
export class IndicatorValuesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One owner's stored values of a period, oldest first. Asked for one owner at a time: each is
   * a seek in an index, where "organization or null" makes SQLite walk the whole period.
   */
  async storedValues(manager: EntityManager, periodId: number, owner: Owner): Promise<StoredValueRow[]> {
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
      .where({ periodId, ...ownerWhere(owner) })
      .orderBy('v.id')
      .getRawMany<PooledValue & { id: number }>();
    return rows.map((v) => ({
      ...v,
      periodId,
      ...owner,
      numerator: numberOrNull(v.numerator),
      denominator: numberOrNull(v.denominator),
      value: numberOrNull(v.value),
    }));
  }

  /** One owner's stored choice sums of a period, by area. */
  async storedChoices(manager: EntityManager, periodId: number, owner: Owner): Promise<StoredChoiceRow[]> {
    const rows = await manager
      .createQueryBuilder(ChoiceCountEntity, 'c')
      .select(['c.id AS id', 'c.area AS area', 'c.graduates AS graduates'])
      .where({ periodId, ...ownerWhere(owner) })
      .getRawMany<{ id: number; area: string; graduates: number }>();
    return rows.map((c) => ({ ...c, periodId, ...owner, graduates: Number(c.graduates) }));
  }

  /**
   * One owner's stored destination counts of a period, ordered by class, destination and
   * territory (none first; on PostgreSQL too, as SQLite orders them).
   */
  async storedDestinations(
    manager: EntityManager,
    periodId: number,
    owner: Owner,
  ): Promise<StoredDestinationRow[]> {
    const rows = await destinationsQuery(manager)
      .where({ periodId, ...ownerWhere(owner) })
      .getRawMany<StoredDestinationRow>();
    return rows.map((d) => ({ ...d, periodId, ...owner, graduates: Number(d.graduates) }));
  }

  /**
   * The destination counts `GET /api/destinations` shows: a pooled level's (the region's by
   * default), or those of the organization with this code (any case; none when there is no such
   * organization).
   */
  async destinations(
    periodId: number,
    organizationCode?: string,
    pooled: Owner = REGION,
  ): Promise<DestinationCount[]> {
    const query = destinationsQuery(this.dataSource.manager).where('d.periodId = :periodId', { periodId });
    if (!organizationCode) query.andWhere(ownerWhere(pooled));
    else {
      // The organization first, then its counts through the (period, organization) index: joined,
      // the case-blind code match made the answer grow with the organizations (13 ms at 5,000).
      const organization = await this.dataSource.manager
        .createQueryBuilder(OrganizationEntity, 'o')
        .select('o.id', 'id')
        .where('UPPER(o.code) = UPPER(:code)', { code: organizationCode })
        .getRawOne<{ id: number }>();
      if (!organization) return [];
      query.andWhere('d.organizationId = :organizationId', { organizationId: organization.id });
    }
    const rows = await query.getRawMany<DestinationCount>();
    return rows.map(({ graduateClass, destination, territory, graduates }) => ({
      graduateClass,
      destination,
      territory,
      graduates: Number(graduates),
    }));
  }

  /**
   * Every organization's destination counts of a period summed by municipality: over every
   * organization with a current `Выпускники` sheet (what the flow chart has always counted,
   * registry or not). The region's are their sum.
   */
  async destinationSums(
    manager: EntityManager,
    periodId: number,
  ): Promise<(DestinationCount & { municipality: string })[]> {
    const rows = await manager
      .createQueryBuilder(DestinationCountEntity, 'd')
      .innerJoin(OrganizationEntity, 'o', 'o.id = d.organizationId')
      .select([
        'o.municipality AS municipality',
        'd.graduateClass AS "graduateClass"',
        'd.destination AS destination',
        'd.territory AS territory',
      ])
      .addSelect('SUM(d.graduates)', 'graduates')
      .where('d.periodId = :periodId', { periodId })
      .groupBy('o.municipality')
      .addGroupBy('d.graduateClass')
      .addGroupBy('d.destination')
      .addGroupBy('d.territory')
      .getRawMany<DestinationCount & { municipality: string }>();
    return rows.map((d) => ({ ...d, graduates: Number(d.graduates) })).filter((d) => d.graduates !== 0);
  }

  /** One stored value of an owner (the region's by default), as stored. */
  storedValue(
    periodId: number,
    owner: Owner,
    indicator: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IndicatorValueEntity | null> {
    return manager.findOne(IndicatorValueEntity, { where: { periodId, indicator, ...ownerWhere(owner) } });
  }

  /**
   * The values with a numerator (the only ones pooled) of the organizations the registry counts
   * for the period: filtered in the database (the rule of reportingOrganizations), so that only
   * these are read, not every organization's values of the period.
   */
  reportingOrganizationValues(
    manager: EntityManager,
    period: PeriodRef,
  ): Promise<(IndicatorValue & { municipality: string })[]> {
    return whereExpectedToReport(
      manager
        .createQueryBuilder(IndicatorValueEntity, 'v')
        .innerJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
        .select([
          'v.indicator AS indicator',
          'o.code AS organization',
          'o.municipality AS municipality',
          'v.numerator AS numerator',
          'v.denominator AS denominator',
        ])
        .where('v.periodId = :periodId AND v.numerator IS NOT NULL', { periodId: period.id }),
      'o',
      period.startYear,
    ).getRawMany<IndicatorValue & { municipality: string }>();
  }

  /**
   * Continuing local graduates by area (gₐ) summed in the database: of one organization, or
   * (organizationId undefined) of the organizations the registry counts for the period (of one
   * municipality, when given). Areas summing to 0 included.
   */
  async choicesByArea(
    period: PeriodRef,
    organizationId?: number,
    manager: EntityManager = this.dataSource.manager,
    municipality?: string,
  ): Promise<{ area: string; graduates: number }[]> {
    const rows = await this.choicesQuery(manager, period, organizationId, municipality)
      .groupBy('c.area')
      .getRawMany<{ area: string; graduates: number }>();
    return rows.map((c) => ({ area: c.area, graduates: Number(c.graduates) }));
  }

  /** choicesByArea of the organizations the registry counts for the period, by municipality. */
  async choicesByMunicipality(
    manager: EntityManager,
    period: PeriodRef,
  ): Promise<{ municipality: string; area: string; graduates: number }[]> {
    const rows = await this.choicesQuery(manager, period)
      .addSelect('o.municipality', 'municipality')
      .groupBy('o.municipality')
      .addGroupBy('c.area')
      .getRawMany<{ municipality: string; area: string; graduates: number }>();
    return rows.map((c) => ({ ...c, graduates: Number(c.graduates) }));
  }

  private choicesQuery(
    manager: EntityManager,
    period: PeriodRef,
    organizationId?: number,
    municipality?: string,
  ) {
    const query = manager
      .createQueryBuilder(ChoiceCountEntity, 'c')
      .innerJoin(OrganizationEntity, 'o', 'o.id = c.organizationId')
      .select('c.area', 'area')
      .addSelect('SUM(c.graduates)', 'graduates')
      .where('c.periodId = :periodId', { periodId: period.id });
    if (organizationId !== undefined) return query.andWhere('o.id = :organizationId', { organizationId });
    if (municipality !== undefined) query.andWhere('o.municipality = :municipality', { municipality });
    return whereExpectedToReport(query, 'o', period.startYear);
  }

  /** Adds the values, choice sums and destination counts measured for a period (the owners' old ones deleted first). */
  async insert(manager: EntityManager, periodId: number, measured: readonly Measured[]): Promise<void> {
    await insertInChunks(
      manager,
      IndicatorValueEntity,
      measured.flatMap((m) => valueRows(m, periodId)),
    );
    await insertInChunks(
      manager,
      ChoiceCountEntity,
      measured.flatMap((m) => choiceRows(m, periodId)),
    );
    await insertInChunks(
      manager,
      DestinationCountEntity,
      measured.flatMap((m) => destinationRows(m, periodId)),
    );
  }

  /** Deletes one owner's values, choice sums and destination counts of a period. */
  async deleteValues(manager: EntityManager, periodId: number, owner: Owner): Promise<void> {
    for (const entity of PRECOMPUTED) await manager.delete(entity, { periodId, ...ownerWhere(owner) });
  }

  /** Deletes every pooled row of a period (every municipality's and the region's); the organizations' stay. */
  async deletePooled(manager: EntityManager, periodId: number): Promise<void> {
    for (const entity of PRECOMPUTED) await manager.delete(entity, { periodId, organizationId: IsNull() });
  }

  /** Deletes every organization's values, choice sums and destination counts of a period; the municipality's stay. */
  async deleteOrganizationValues(manager: EntityManager, periodId: number): Promise<void> {
    for (const entity of PRECOMPUTED)
      await manager.delete(entity, { periodId, organizationId: Not(IsNull()) });
  }

  /**
   * Brings the stored rows of some owners to what they now measure, matched by owner, indicator
   * and sheet (choices: owner and area): new and changed rows in one upsert (changed ones keep
   * their ids), rows no longer measured deleted, unchanged ones left alone.
   */
  async rewrite(
    manager: EntityManager,
    periodId: number,
    stored: StoredRows,
    next: readonly Measured[],
  ): Promise<void> {
    await rewriteRows(
      manager,
      IndicatorValueEntity,
      stored.values,
      next.flatMap((m) => valueRows(m, periodId)),
      (v) => `${v.organizationId}|${v.municipality}|${v.indicator}|${v.sheet}`,
      ['numerator', 'denominator', 'value'],
    );
    await rewriteRows(
      manager,
      ChoiceCountEntity,
      stored.choices,
      next.flatMap((m) => choiceRows(m, periodId)),
      (c) => `${c.organizationId}|${c.municipality}|${c.area}`,
      ['graduates'],
    );
    await rewriteRows(
      manager,
      DestinationCountEntity,
      stored.destinations,
      next.flatMap((m) => destinationRows(m, periodId)),
      (d) => JSON.stringify([d.organizationId, d.municipality, d.graduateClass, d.destination, d.territory]),
      ['graduates'],
    );
  }
}

/** Destination counts with their ids, in the order the flow chart reads them. */
function destinationsQuery(manager: EntityManager) {
  return manager
    .createQueryBuilder(DestinationCountEntity, 'd')
    .select([
      'd.id AS id',
      'd.graduateClass AS "graduateClass"',
      'd.destination AS destination',
      'd.territory AS territory',
      'd.graduates AS graduates',
    ])
    .orderBy('d.graduateClass')
    .addOrderBy('d.destination')
    .addOrderBy('d.territory', 'ASC', 'NULLS FIRST');
}

async function rewriteRows<R extends object>(
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

const PRECOMPUTED = [IndicatorValueEntity, ChoiceCountEntity, DestinationCountEntity];

function valueRows({ organizationId, municipality, values }: Measured, periodId: number): ValueRow[] {
  return values.map((value) => ({
    periodId,
    organizationId,
    municipality,
    indicator: value.indicator,
    sheet: value.sheet,
    numerator: value.numerator,
    denominator: value.denominator,
    value: value.value,
  }));
}

function choiceRows({ organizationId, municipality, choices }: Measured, periodId: number): ChoiceRow[] {
  return Object.entries(choices).map(([area, graduates]) => ({
    periodId,
    organizationId,
    municipality,
    area,
    graduates,
  }));
}

function destinationRows(
  { organizationId, municipality, destinations }: Measured,
  periodId: number,
): DestinationRow[] {
  return destinations.map(({ graduateClass, destination, territory, graduates }) => ({
    periodId,
    organizationId,
    municipality,
    graduateClass,
    destination,
    territory,
    graduates,
  }));
}

const numberOrNull = (n: number | null) => (n === null ? null : Number(n));
