import {
  destinationLinks,
  INDICATORS,
  measureOrganization,
  municipalValues,
  type IndicatorValue,
  type OrganizationSheets,
  type SheetId,
} from '@profmonitor/domain';
import { CampaignsRepository } from '../../src/campaign/campaigns.repository';
import { ReportStatusService } from '../../src/campaign/report-status.service';
import { IndicatorInputs } from '../../src/indicators/indicator-inputs';
import { IndicatorsService } from '../../src/indicators/indicators.service';
import { ReportingService } from '../../src/indicators/reporting.service';
import { OrganizationEntity } from '../../src/organizations/organization.entity';
import { PeriodEntity } from '../../src/organizations/period.entity';
import { query } from './sql';
import type { TestContext } from './test-context';

/*
 * The precomputed indicator values against the reference — `computeIndicators` run from scratch
 * on the current rows — for every indicator, organization and the municipality: values,
 * numerators, denominators and contributors (indicators-recompute.spec.ts; also after concurrent
 * uploads to several servers, multi-instance.spec.ts). Likewise the stored destination counts
 * against the graduate rows grouped from scratch, and what `GET /api/destinations` answers.
 */

/** A destination count keyed by its owner: an organization's code, or «город». */
interface OwnedCount {
  owner: string;
  graduateClass: string;
  destination: string;
  territory: string | null;
  graduates: number;
}

const ownedCounts = (rows: OwnedCount[]) =>
  rows
    .map((r) => ({ ...r, graduates: Number(r.graduates) }))
    .sort((a, b) =>
      JSON.stringify([a.owner, a.graduateClass, a.destination, a.territory]).localeCompare(
        JSON.stringify([b.owner, b.graduateClass, b.destination, b.territory]),
      ),
    );

export interface Comparable {
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  contributors: string[];
}

/** An owner's label: an organization's code, or a pooled level's («уровень регион» for the region's). */
const ownerOf = (organization: string | null, municipality: string | null) =>
  organization ?? `уровень ${municipality ?? 'регион'}`;

const keyOf = (indicator: string, owner: string, sheet: string | null) =>
  `${owner} ${indicator}${sheet ? `:${sheet}` : ''}`;

const comparable = (list: Comparable[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));

/** The comparisons, on the application context `ctx` (started before they are called). */
export function indicatorReference(ctx: TestContext) {
  /**
   * What the API answers for a period: values through IndicatorsService, and the contributors
   * of each municipal value through its explanation (they are derived on read).
   */
  async function stored(periodCode: string): Promise<Comparable[]> {
    const service = ctx.app.get(IndicatorsService);
    const views = await service.values({ period: periodCode });
    const list: Comparable[] = [];
    const contributorsOf = async (
      id: string,
      sheet: string | null,
      municipality: string | null,
    ): Promise<{ org: string }[]> => {
      const explanation = await service.explanation(id, periodCode, {
        sheet: sheet ?? undefined,
        municipality: municipality ?? undefined,
      });
      // The region of several municipalities is explained by theirs: its contributors are theirs.
      const parts: Promise<{ org: string }[]>[] = explanation.municipalities.map((m) =>
        contributorsOf(id, sheet, m.municipality),
      );
      return [...explanation.contributors, ...(await Promise.all(parts)).flat()];
    };
    for (const v of views) {
      const contributors: { org: string }[] =
        v.org === null ? await contributorsOf(v.id, v.sheet, v.municipality) : [];
      list.push({
        key: keyOf(v.id, ownerOf(v.org, v.org === null ? v.municipality : null), v.sheet),
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        contributors: contributors.map((c) => c.org).sort(),
      });
    }
    return comparable(list);
  }

  /**
   * The reference, from the current rows: every organization that has sent something measured
   * against its municipality's context, then each level pooled with municipalValues from scratch
   * over the active reporting organizations — the region's over all of them (labelled with the
   * only municipality when there is one), each municipality's over its own when there are
   * several. An organization the registry no longer counts for the period keeps its own values
   * (its history) but is part of no level.
   */
  async function reference(periodCode: string): Promise<Comparable[]> {
    const manager = ctx.db.manager;
    const inputs = ctx.app.get(IndicatorInputs);
    const period = await manager.findOneByOrFail(PeriodEntity, { code: periodCode });
    const levels = await inputs.levels(manager, period);
    const active = await inputs.reportingOrganizations(manager, period);
    const organizations = await manager.find(OrganizationEntity);
    const measured = new Map<string, ReturnType<typeof measureOrganization>>();
    const sheetsOf = new Map<string, OrganizationSheets>();
    for (const organization of organizations) {
      const sheets = await inputs.sheets(manager, organization.id, period.id);
      sheetsOf.set(organization.code, sheets);
      const { code, type } = organization;
      measured.set(code, measureOrganization({ code, type, sheets }, levels.of(organization.municipality)));
    }
    const hasData = (code: string) => Object.keys(sheetsOf.get(code)!).length > 0;
    // Timeliness: each report as the campaign judges it (its own code path, not the pooling's).
    const campaign = await ctx.app.get(CampaignsRepository).campaignOf(period.id);
    const reports = campaign
      ? await ctx.app.get(ReportStatusService).reports(period, null, { campaign })
      : [];
    const onTimeOf = new Map(reports.map((r) => [r.org, r.onTime]));
    const values: IndicatorValue[] = organizations
      .filter((o) => hasData(o.code))
      .flatMap((o) => measured.get(o.code)!.values);
    const pooled = (municipality: string | null, label: string | null) => {
      const mine = active.filter((o) => municipality === null || o.municipality === municipality);
      const choices: Record<string, number> = {};
      for (const o of mine)
        for (const [area, n] of Object.entries(measured.get(o.code)!.choices))
          choices[area] = (choices[area] ?? 0) + n;
      return municipalValues({
        organizations: mine.map((o) => ({
          code: o.code,
          type: o.type,
          sheets: new Set(Object.keys(sheetsOf.get(o.code)!) as SheetId[]),
          onTime: campaign ? (onTimeOf.get(o.code) ?? false) : null,
        })),
        organizationValues: mine.flatMap((o) => measured.get(o.code)!.values),
        choices,
        demand: (municipality === null ? levels.region : levels.of(municipality)).demand,
      }).map((v) => ({ ...v, label }));
    };
    const levelValues = [
      ...pooled(null, levels.several ? null : (levels.municipalities[0] ?? null)),
      ...(levels.several ? levels.municipalities.flatMap((m) => pooled(m, m)) : []),
    ];
    return comparable([
      ...values.map((v) => ({
        key: keyOf(v.indicator, v.organization!, v.sheet),
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        contributors: [],
      })),
      ...levelValues.map((v) => ({
        key: keyOf(v.indicator, ownerOf(null, v.label), v.sheet),
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        contributors: [...v.contributors].sort(),
      })),
    ]);
  }

  /**
   * The explanations of the municipal values agree with them: the rows behind each ratio add up
   * to its numerator and denominator, and the area table gives the mismatch index.
   */
  async function expectExplained(periodCode: string): Promise<void> {
    const service = ctx.app.get(IndicatorsService);
    for (const definition of INDICATORS) {
      const value = await municipal(periodCode, definition.id);
      if (definition.kind === 'ratio' && definition.rows) {
        // Every row, not the first page of them: they must add up to the whole value.
        const { total, rows } = await service.rows(definition.id, periodCode, {}, Infinity);
        expect(rows).toHaveLength(total);
        const sum = (key: 'numerator' | 'denominator') => rows.reduce((s, r) => s + r[key], 0);
        // No value pooled (nobody measured, or no in-demand areas): no rows either.
        expect({ id: definition.id, numerator: sum('numerator'), denominator: sum('denominator') }).toEqual({
          id: definition.id,
          numerator: value.numerator ?? 0,
          denominator: value.denominator ?? 0,
        });
      }
      if (definition.kind === 'mismatch') {
        const { areas, value: index } = await service.explanation(definition.id, periodCode);
        const d = areas!.every((a) => a.gap !== null)
          ? areas!.reduce((s, a) => s + Math.abs(a.gap!), 0) / 2
          : null;
        if (index === null) expect(d === null || areas!.every((a) => a.vacancies === 0)).toBe(true);
        else expect(d).toBeCloseTo(index, 12);
      }
    }
  }

  /** The destination counts as stored, every owner's, for a period. */
  async function storedDestinations(periodCode: string): Promise<OwnedCount[]> {
    return ownedCounts(
      await query<OwnedCount>(
        ctx.db,
        `SELECT COALESCE(o.code, 'уровень ' || COALESCE(d.municipality, 'регион')) AS owner,
                d.graduate_class AS "graduateClass",
                d.destination AS destination, d.territory AS territory, d.graduates AS graduates
         FROM destination_counts d
         JOIN periods p ON p.id = d.period_id
         LEFT JOIN organizations o ON o.id = d.organization_id
         WHERE p.code = ?`,
        [periodCode],
      ),
    );
  }

  /**
   * The reference: the current graduate rows of the period grouped from scratch, per
   * organization and, for the region, over every organization with a current sheet (what the
   * live query counted before the counts were stored); with several municipalities, for each
   * over its organizations.
   */
  async function referenceDestinations(periodCode: string, owner?: string): Promise<OwnedCount[]> {
    const grouped = (ownerColumn: string, groupBy: string) =>
      query<OwnedCount>(
        ctx.db,
        `SELECT ${ownerColumn} AS owner, g.graduate_class AS "graduateClass", g.destination AS destination,
                g.territory AS territory, COUNT(*) AS graduates
         FROM graduate_rows g
         JOIN report_versions v ON v.id = g.version_id
         JOIN periods p ON p.id = v.period_id
         JOIN organizations o ON o.id = v.organization_id
         WHERE p.code = ? AND v.is_current = TRUE
         GROUP BY ${groupBy}g.graduate_class, g.destination, g.territory
         ORDER BY g.graduate_class, g.destination, g.territory`,
        [periodCode],
      );
    const several = (await ctx.app.get(IndicatorInputs).municipalities()).length > 1;
    const all = [
      ...(await grouped('o.code', 'o.code, ')),
      ...(await grouped(`'уровень регион'`, '')),
      ...(several ? await grouped(`'уровень ' || o.municipality`, 'o.municipality, ') : []),
    ];
    return all.filter((c) => !owner || c.owner === owner);
  }

  /**
   * The stored destination counts equal the reference, and `GET /api/destinations` answers the
   * links of the reference's counts, for the municipality and for every organization.
   */
  async function expectDestinationsAsReference(periodCode: string): Promise<void> {
    expect({ period: periodCode, destinations: await storedDestinations(periodCode) }).toEqual({
      period: periodCode,
      destinations: ownedCounts(await referenceDestinations(periodCode)),
    });
    const reporting = ctx.app.get(ReportingService);
    const links = async (owner: string) =>
      destinationLinks(
        (await referenceDestinations(periodCode, owner)).map((c) => ({
          ...c,
          graduates: Number(c.graduates),
        })),
      );
    expect(await reporting.destinations(periodCode)).toEqual(await links('уровень регион'));
    for (const { code } of await ctx.db.manager.find(OrganizationEntity))
      expect({ code, links: await reporting.destinations(periodCode, code.toLowerCase()) }).toEqual({
        code,
        links: await links(code),
      });
  }

  /** Stored equals the reference for every period there is. */
  async function expectAsReference(): Promise<void> {
    const periods = await ctx.db.manager.find(PeriodEntity, { order: { startYear: 'ASC' } });
    expect(periods.length).toBeGreaterThan(0);
    for (const { code } of periods) {
      const actual = await stored(code);
      expect(actual.length).toBeGreaterThan(0);
      expect({ period: code, values: actual }).toEqual({ period: code, values: await reference(code) });
      await expectExplained(code);
      await expectDestinationsAsReference(code);
    }
  }

  async function municipal(periodCode: string, indicator: string) {
    const [value] = await ctx.app
      .get(IndicatorsService)
      .values({ period: periodCode, org: 'municipal', indicator });
    return value;
  }

  return { stored, reference, expectExplained, expectDestinationsAsReference, expectAsReference, municipal };
}
