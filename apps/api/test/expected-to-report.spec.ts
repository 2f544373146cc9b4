import { expectedToReport, ORGANIZATION_TYPES, periodOf, type RegistryStanding } from '@profmonitor/domain';
import { IndicatorInputs } from '../src/indicators/indicator-inputs';
import { whereExpectedToReport } from '../src/organizations/expected-to-report.query';
import { OrganizationEntity } from '../src/organizations/organization.entity';
import { PeriodsService } from '../src/organizations/periods.service';
import { TestContext } from './support/test-context';

/**
 * The SQL of "who is expected to report in a period" against the domain's `expectedToReport`:
 * every type, with «Действует с» and «Действует по» each empty, earlier than, equal to or later
 * than the period (impossible pairs too: the two must agree on whatever the table holds).
 * Only portable SQL and the entity API here, so that the file runs unchanged on PostgreSQL.
 */
describe('who is expected to report in a period: SQL and domain agree', () => {
  const ctx = new TestContext();
  const PERIOD = 2023;
  const BOUNDS: Record<string, number | null> = {
    empty: null,
    earlier: PERIOD - 1,
    equal: PERIOD,
    later: PERIOD + 1,
  };

  const organizations: (RegistryStanding & { code: string })[] = ORGANIZATION_TYPES.flatMap((type, t) =>
    Object.entries(BOUNDS).flatMap(([fromLabel, activeFromYear]) =>
      Object.entries(BOUNDS).map(([toLabel, activeToYear]) => ({
        code: `T${t}-${fromLabel}-${toLabel}`,
        type,
        activeFromYear,
        activeToYear,
      })),
    ),
  );

  beforeAll(async () => {
    await ctx.start();
    await ctx.db.manager.insert(
      OrganizationEntity,
      organizations.map((o) => ({ ...o, name: `Организация ${o.code}`, municipality: 'Тестовый округ' })),
    );
  });
  afterAll(() => ctx.stop());

  const expectedCodes = (startYear: number) =>
    organizations
      .filter((o) => expectedToReport(o, startYear))
      .map((o) => o.code)
      .sort();

  const selectedCodes = async (startYear: number) => {
    const rows = await whereExpectedToReport(
      ctx.db.manager.createQueryBuilder(OrganizationEntity, 'o').select('o.code', 'code'),
      'o',
      startYear,
    ).getRawMany<{ code: string }>();
    return rows.map((r) => r.code).sort();
  };

  it('selects exactly the organizations the domain expects, in the period and the years around it', async () => {
    for (const startYear of [PERIOD - 2, PERIOD - 1, PERIOD, PERIOD + 1, PERIOD + 2]) {
      expect({ startYear, codes: await selectedCodes(startYear) }).toEqual({
        startYear,
        codes: expectedCodes(startYear),
      });
    }
  });

  it('against the period itself: reporting types only, each bound included, an empty one open', async () => {
    // Written out by hand, so that the comparison above cannot pass with both sides wrong.
    const active = ['empty-empty', 'empty-equal', 'empty-later', 'earlier-empty', 'earlier-equal']
      .concat(['earlier-later', 'equal-empty', 'equal-equal', 'equal-later'])
      .sort();
    const reporting = ['T0', 'T1']; // Школа, Колледж; Дополнительное образование never reports
    expect(await selectedCodes(PERIOD)).toEqual(
      reporting.flatMap((t) => active.map((bounds) => `${t}-${bounds}`)).sort(),
    );
  });

  it('applies twice in one query without its parameters colliding', async () => {
    const rows = await whereExpectedToReport(
      whereExpectedToReport(
        ctx.db.manager
          .createQueryBuilder(OrganizationEntity, 'o')
          .innerJoin(OrganizationEntity, 'other', 'other.id = o.id')
          .select('o.code', 'code'),
        'o',
        PERIOD,
      ),
      'other',
      PERIOD + 1,
    ).getRawMany<{ code: string }>();
    expect(rows.map((r) => r.code).sort()).toEqual(
      organizations
        .filter((o) => expectedToReport(o, PERIOD) && expectedToReport(o, PERIOD + 1))
        .map((o) => o.code)
        .sort(),
    );
  });

  it('is the rule completeness and pooling read organizations by', async () => {
    const manager = ctx.db.manager;
    const period = await ctx.app.get(PeriodsService).ensure(manager, periodOf(PERIOD));
    const reporting = await ctx.app.get(IndicatorInputs).reportingOrganizations(manager, period);
    expect(reporting.map((o) => o.code).sort()).toEqual(expectedCodes(PERIOD));
  });
});
