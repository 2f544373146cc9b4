import type { CycleEffectivenessView, CycleRecommendationView } from '@profmonitor/domain';
import { HttpTestContext } from './support/http-context';
import { importCoverage, type CoverageByPeriod } from './support/coverage-reports';

jest.setTimeout(120_000);

/*
 * The management cycle in a registry of one municipality: one level (null, the only pooled
 * values), the committee unbound; the effectiveness view compares the addressed school with every
 * other organization (computed by hand below).
 */

const ctx = new HttpTestContext();
const P1 = '2023/2024';
const P2 = '2024/2025';
const REGISTRY: (string | null)[][] = [
  ['A01', 'Школа № 1', 'Школа', 'Город', null, null],
  ['A02', 'Школа № 2', 'Школа', 'Город', null, null],
  ['A03', 'Школа № 3', 'Школа', 'Город', null, null],
];
/** Grade 8's students and covered (coverage_8_11) per school and period; A03 reports only in P2. */
const COVERAGE: CoverageByPeriod = {
  [P1]: { A01: [20, 5], A02: [40, 30] },
  [P2]: { A01: [20, 15], A02: [40, 20], A03: [10, 10] },
};

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  await importCoverage(ctx, COVERAGE);
});
afterAll(() => ctx.stop());

it('the committee’s recommendation is of the only level; its effectiveness against every other organization', async () => {
  const committee = await ctx.signIn('committee');
  const { body } = await committee
    .post('/api/cycle/recommendations')
    .send({
      period: P1,
      indicator: 'coverage_8_11',
      text: 'Охватить 8 классы',
      due: '2024-12-01',
      orgs: ['A01'],
    })
    .expect(201);
  const recommendation = body as CycleRecommendationView;
  expect(recommendation.municipality).toBeNull();
  const view = (
    await committee.get(`/api/cycle/recommendations/${recommendation.id}/effectiveness`).expect(200)
  ).body as CycleEffectivenessView;
  // A01: 5/20 = 0.25 → 15/20 = 0.75. Others: A02 alone in P1, 30/40 = 0.75; A02 and A03 in P2,
  // (20 + 10) / (40 + 10) = 0.6.
  expect(view).toMatchObject({
    nextPeriod: P2,
    addressed: {
      before: { organizations: 1, numerator: 5, denominator: 20, value: 0.25 },
      after: { organizations: 1, numerator: 15, denominator: 20, value: 0.75 },
      change: 0.5,
    },
    others: {
      before: { organizations: 1, numerator: 30, denominator: 40, value: 0.75 },
      after: { organizations: 2, numerator: 30, denominator: 50, value: 0.6 },
    },
  });
  expect(view.others.change).toBeCloseTo(-0.15, 12);
  // The last period has no next one yet.
  const { body: late } = await committee
    .post('/api/cycle/recommendations')
    .send({
      period: P2,
      indicator: 'coverage_8_11',
      text: 'Удержать охват',
      due: '2025-12-01',
      orgs: ['A02'],
    })
    .expect(201);
  const pending = (await committee.get(`/api/cycle/recommendations/${late.id}/effectiveness`).expect(200))
    .body as CycleEffectivenessView;
  expect(pending).toMatchObject({
    nextPeriod: null,
    addressed: { before: { numerator: 20, denominator: 40, value: 0.5 }, after: null, change: null },
    others: { before: { organizations: 2, numerator: 25, denominator: 30 }, after: null, change: null },
  });
});
