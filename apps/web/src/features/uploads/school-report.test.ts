import { describe, expect, it } from 'vitest';
import { dueReports, sheetsOf, uploadLocks } from './school-report';
import { campaignView, reportView } from '@/test/campaign';

describe('a school’s reports due', () => {
  const late = campaignView({ period: '2023/2024', deadline: '2025-06-01', daysLeft: -9 });
  const current = campaignView();
  const closed = campaignView({ period: '2022/2023', open: false, closedAt: null });

  it('lists the open campaigns nearest deadline first, each with the school’s own report', () => {
    const reports = new Map([
      ['2024/2025', [reportView({ org: 'SCH07' }), reportView()]],
      ['2023/2024', []],
    ]);
    const due = dueReports([current, late, closed], reports, 'SCH01');
    expect(due.map(({ campaign, report }) => [campaign.period, report?.org ?? null])).toEqual([
      ['2023/2024', null],
      ['2024/2025', 'SCH01'],
    ]);
  });

  it('names the sheets in and missing', () => {
    expect(sheetsOf(reportView())).toEqual({ sent: ['Охват'], missing: ['Выпускники'] });
  });

  it('locks an accepted report’s period and a closed campaign’s, and nothing else', () => {
    const accepted = reportView({
      state: 'принят',
      review: { decision: 'accepted', comment: null, by: 'komitet', at: '2025-06-13T07:00:00.000Z' },
    });
    const returned = reportView({
      state: 'возвращён',
      review: {
        decision: 'returned',
        comment: 'Нет колледжей',
        by: 'komitet',
        at: '2025-06-13T07:00:00.000Z',
      },
    });
    const locks = uploadLocks(
      [current, late, closed],
      [
        { campaign: current, report: accepted },
        { campaign: late, report: returned },
      ],
    );
    expect(locks.map(({ period, kind }) => [period, kind])).toEqual([
      ['2024/2025', 'locked'],
      ['2022/2023', 'closed'],
    ]);
    expect(locks[1].message).toBe(
      'Сбор отчётов за 2022/2023 учебный год закрыт: файл за этот год не будет загружен. Чтобы внести исправления, обратитесь в комитет.',
    );
  });
});
