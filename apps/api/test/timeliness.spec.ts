import { addDays, calendarDate, daysBetween, type IndicatorValueView } from '@profmonitor/domain';
import { CampaignEntity } from '../src/campaign/campaign.entities';
import { writeTransaction } from '../src/database/write-transaction';
import { IndicatorRecomputeService } from '../src/indicators/indicator-recompute.service';
import { HttpTestContext } from './support/http-context';
import { indicatorReference } from './support/indicator-reference';
import { grad, school } from './support/indicator-workbooks';
import { writeXlsx, type SheetsData } from './support/xlsx';

/*
 * The `timeliness` indicator (indicators.md; campaign.md «On time») through the real HTTP API
 * and database, worked out by hand. Two municipalities; the deadline D of 2024/2025 is
 * 10.06.2025. Every report is an archive imported by the region with the time it was
 * originally received (?receivedAt=, the municipality's time, Moscow):
 *
 * Зима  Z01 complete on D itself, at 23:30          on time (the deadline day counts)
 *       Z02 Титул on D−3, the rest on D+2            late 2 days (complete on D+2)
 *       Z03 complete on D−1, replaced on D+5         on time (a later replacement does not count)
 *       Z04 Титул only                               missing: not on time
 *       → 2/4 = 50 %
 * Саянск S01 (school) complete on D−10               on time
 *       S02 (college: no Охват) complete on D        on time
 *       → 2/2 = 100 %
 * Region (2 + 2)/(4 + 2) = 4/6, not the mean of the municipalities (75 %).
 */
jest.setTimeout(120_000);

const P = '2024/2025';
const EARLIER = '2023/2024';
const D = '2025-06-10';
const ZIMA = 'Зима';
const SAYANSK = 'Саянск';

const REGISTRY: (string | null)[][] = [
  ['Z01', 'Школа № 1 (Зима)', 'Школа', ZIMA, null, null],
  ['Z02', 'Школа № 2 (Зима)', 'Школа', ZIMA, null, null],
  ['Z03', 'Школа № 3 (Зима)', 'Школа', ZIMA, null, null],
  ['Z04', 'Школа № 4 (Зима)', 'Школа', ZIMA, null, null],
  ['S01', 'Школа № 1 (Саянск)', 'Школа', SAYANSK, null, null],
  ['S02', 'Колледж (Саянск)', 'Колледж', SAYANSK, null, null],
];

const ctx = new HttpTestContext();
const { expectAsReference } = indicatorReference(ctx);
let region: Awaited<ReturnType<HttpTestContext['signIn']>>;
let files = 0;

/** Every sheet its type reports (a college sends no Охват); `website` makes two versions differ. */
function complete(code: string, period = P, website = true): SheetsData {
  return school({
    code,
    period,
    website,
    graduates: [grad('9', '10 класс'), grad('11', 'ВУЗ', 'Регион', '06')],
    ...(code === 'S02' ? {} : { coverage: [[9, 20, 10, 2]] }),
    teachers: [[36, '15.03.2024']],
    partners: [['01.09.2023', null]],
  });
}

/** Only the Титул: a report begun, not complete. */
const titleOnly = (code: string, period = P) => school({ code, period, website: true });

/** Imports a workbook as an archive received at `receivedAt` (the municipality's local time). */
async function archive(sheets: SheetsData, receivedAt: string): Promise<void> {
  const path = ctx.path(`archive-${++files}.xlsx`);
  await writeXlsx(path, sheets);
  const { body } = await region.post('/api/uploads').query({ receivedAt }).attach('file', path).expect(201);
  expect(body).toMatchObject({ outcome: 'accepted' });
}

/** The local time `time` on the day `days` after the deadline (before it, negative). */
const at = (days: number, time = '12:00') => `${addDays(D, days)}T${time}`;

/** Timeliness of each level as {level: [numerator, denominator, value]}, with its status. */
async function levels(period = P) {
  const { body } = await region
    .get('/api/indicators')
    .query({ period, org: 'municipalities', indicator: 'timeliness' })
    .expect(200);
  return Object.fromEntries(
    (body as IndicatorValueView[]).map((v) => [
      v.municipality ?? 'регион',
      [v.numerator, v.denominator, v.value, v.status],
    ]),
  );
}

async function moveDeadline(deadline: string) {
  const { body } = await region.patch('/api/campaign').query({ period: P }).send({ deadline }).expect(200);
  expect(body).toMatchObject({ period: P, deadline });
}

const explanation = (query: Record<string, string>) =>
  region.get('/api/indicators/timeliness/explanation').query({ period: P, ...query });

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  region = await ctx.signIn('region');
});
afterAll(() => ctx.stop());

describe('timeliness', () => {
  it('has no value («нет данных») for a period without a campaign, at every level', async () => {
    await archive(complete('Z01', EARLIER), '2024-06-01T10:00');
    expect(await levels(EARLIER)).toEqual({
      регион: [null, null, null, 'нет данных'],
      [ZIMA]: [null, null, null, 'нет данных'],
      [SAYANSK]: [null, null, null, 'нет данных'],
    });
    const { body } = await explanation({ period: EARLIER, municipality: ZIMA }).expect(200);
    expect(body).toMatchObject({ value: null, deadline: null, reports: [], contributors: [] });
  });

  it('is judged from the moment the campaign opens: nobody complete yet is 0 of every organization', async () => {
    await archive(titleOnly('Z04'), at(-2));
    await region.post('/api/campaign').send({ period: P, deadline: D }).expect(201);
    expect(await levels()).toEqual({
      регион: [0, 6, 0, 'не достигнуто'],
      [ZIMA]: [0, 4, 0, 'не достигнуто'],
      [SAYANSK]: [0, 2, 0, 'не достигнуто'],
    });
  });

  it('moves with each import: on the deadline day on time, after it late, a replacement changes nothing', async () => {
    const pooledIds = () =>
      ctx.rows(
        "SELECT id FROM indicator_values WHERE indicator = 'timeliness' AND organization_id IS NULL ORDER BY id",
      );
    const ids = await pooledIds();
    await archive(complete('Z03'), at(-1));
    // Moved by the school's difference (rows updated in place), not pooled again from every organization.
    expect(await pooledIds()).toEqual(ids);
    expect((await levels())[ZIMA]).toEqual([1, 4, 0.25, 'не достигнуто']);
    await archive(complete('Z01'), at(0, '23:30'));
    await archive(titleOnly('Z02'), at(-3));
    expect((await levels())[ZIMA]).toEqual([2, 4, 0.5, 'не достигнуто']);
    await archive(complete('Z02'), at(2, '10:00'));
    await archive(complete('Z03', P, false), at(5));
    await archive(complete('S01'), at(-10));
    await archive(complete('S02'), at(0, '08:00'));
    expect(await levels()).toEqual({
      регион: [4, 6, 4 / 6, 'не достигнуто'],
      [ZIMA]: [2, 4, 0.5, 'не достигнуто'],
      [SAYANSK]: [2, 2, 1, 'достигнуто'],
    });
    await expectAsReference();
  });

  it('explains a municipality: who was on time, who was late or missing, and when each report became complete', async () => {
    const { body } = await explanation({ municipality: ZIMA }).expect(200);
    const today = calendarDate(new Date(), 'Europe/Moscow');
    expect(body).toMatchObject({
      id: 'timeliness',
      name: 'Своевременность отчётности',
      municipality: ZIMA,
      numerator: 2,
      denominator: 4,
      value: 0.5,
      deadline: D,
      reports: [
        { org: 'Z01', name: 'Школа № 1 (Зима)', onTime: true, late: null, completedOn: D },
        { org: 'Z02', name: 'Школа № 2 (Зима)', onTime: false, late: 2, completedOn: addDays(D, 2) },
        { org: 'Z03', name: 'Школа № 3 (Зима)', onTime: true, late: null, completedOn: addDays(D, -1) },
        // Still incomplete: late by the days since the deadline.
        {
          org: 'Z04',
          name: 'Школа № 4 (Зима)',
          onTime: false,
          late: daysBetween(D, today),
          completedOn: null,
        },
      ],
    });
    expect(body.contributors.map((c: { org: string }) => c.org)).toEqual(['Z01', 'Z03']);
  });

  it('shows a school its own report only, beside its municipality’s value', async () => {
    const school = await ctx.signIn('school', 'Z02');
    const { body } = await school
      .get('/api/indicators/timeliness/explanation')
      .query({ period: P })
      .expect(200);
    expect(body).toMatchObject({ municipality: ZIMA, numerator: 2, denominator: 4, deadline: D });
    expect(body.reports).toEqual([
      { org: 'Z02', name: 'Школа № 2 (Зима)', onTime: false, late: 2, completedOn: addDays(D, 2) },
    ]);
    expect(body.contributors).toEqual([]);
  });

  it('explains the region by its municipalities', async () => {
    const { body } = await explanation({}).expect(200);
    expect(body).toMatchObject({
      municipality: null,
      numerator: 4,
      denominator: 6,
      deadline: D,
      reports: [],
      municipalities: [
        { municipality: ZIMA, numerator: 2, denominator: 4, value: 0.5 },
        { municipality: SAYANSK, numerator: 2, denominator: 2, value: 1 },
      ],
    });
  });

  it('has no value of one organization, nor rows behind it, and says so in Russian', async () => {
    const { body } = await explanation({ org: 'Z01' }).expect(404);
    expect(body).toMatchObject({
      code: 'indicator_value_not_found',
      message:
        '«Своевременность отчётности» считается для муниципалитета и региона, а не для одной организации: вовремя ли сдан её отчёт, видно на странице кампании.',
    });
    const { body: rows } = await region
      .get('/api/indicators/timeliness/rows')
      .query({ period: P, municipality: ZIMA })
      .expect(404);
    expect(rows.message).toBe(
      'У показателя «Своевременность отчётности» нет строк, из которых он складывается.',
    );
    const { body: own } = await region.get('/api/indicators').query({ period: P, org: 'Z01' }).expect(200);
    expect((own as IndicatorValueView[]).some((v) => v.id === 'timeliness')).toBe(false);
  });

  it('is judged again when the deadline moves', async () => {
    // Two days later: Z02, complete on D+2, is on time now.
    await moveDeadline(addDays(D, 2));
    expect(await levels()).toEqual({
      регион: [5, 6, 5 / 6, 'не достигнуто'],
      [ZIMA]: [3, 4, 0.75, 'не достигнуто'],
      [SAYANSK]: [2, 2, 1, 'достигнуто'],
    });
    // A day earlier than D: Z01 and S02, complete on D, are late by a day; Z03 (D−1) and S01 stay.
    await moveDeadline(addDays(D, -1));
    expect(await levels()).toEqual({
      регион: [2, 6, 2 / 6, 'не достигнуто'],
      [ZIMA]: [1, 4, 0.25, 'не достигнуто'],
      [SAYANSK]: [1, 2, 0.5, 'не достигнуто'],
    });
    const { body } = await explanation({ municipality: SAYANSK }).expect(200);
    expect(body.reports).toEqual([
      { org: 'S01', name: 'Школа № 1 (Саянск)', onTime: true, late: null, completedOn: addDays(D, -10) },
      { org: 'S02', name: 'Колледж (Саянск)', onTime: false, late: 1, completedOn: D },
    ]);
    await expectAsReference();
  });

  it('campaignChanged pools the period again without measuring its organizations', async () => {
    const campaigns = ctx.db.getRepository(CampaignEntity);
    const campaign = await campaigns.findOneOrFail({ where: {} });
    await campaigns.update({ id: campaign.id }, { deadline: D });
    const before = await ctx.rows(
      'SELECT * FROM indicator_values WHERE organization_id IS NOT NULL ORDER BY id',
    );
    await writeTransaction(ctx.db, (manager) =>
      ctx.app.get(IndicatorRecomputeService).campaignChanged(manager, campaign.periodId),
    );
    expect(await levels()).toEqual({
      регион: [4, 6, 4 / 6, 'не достигнуто'],
      [ZIMA]: [2, 4, 0.5, 'не достигнуто'],
      [SAYANSK]: [2, 2, 1, 'достигнуто'],
    });
    // The organizations' own values are not rewritten (same rows, same ids).
    expect(
      await ctx.rows('SELECT * FROM indicator_values WHERE organization_id IS NOT NULL ORDER BY id'),
    ).toEqual(before);
    await expectAsReference();
  });
});
