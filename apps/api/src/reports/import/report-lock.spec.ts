import { reportLock, type ReportLockFacts } from './report-lock';
import type { UploadMeta } from './upload-log';

const report = { organization: 'SCH001', period: '2024/2025' };
const accepted: ReportLockFacts['review'] = {
  decision: 'accepted',
  reviewer: 'komitet',
  decidedAt: new Date('2026-12-03T09:00:00Z'),
};
const closed: ReportLockFacts['campaign'] = {
  open: false,
  closedAt: new Date('2026-12-20T22:00:00Z'),
  closedBy: 'komitet',
};
const school: Pick<UploadMeta, 'sender'> = { sender: { accountId: 5, role: 'school', ip: null } };
const committee: Pick<UploadMeta, 'sender'> = { sender: { accountId: 2, role: 'committee', ip: null } };
const lock = (meta: Pick<UploadMeta, 'sender' | 'reason'>, facts: ReportLockFacts) =>
  reportLock(meta, report, facts, 'Europe/Moscow');

describe('reportLock', () => {
  it('an accepted report: the organization is told who accepted it, when, and to ask for a return', () => {
    expect(lock(school, { review: accepted, campaign: null })).toEqual({
      refused: 'locked',
      message:
        'Отчёт «SCH001» за 2024/2025 принят комитетом 03.12.2026 (принял(а) komitet). Загрузка не сохранена: чтобы внести исправления, попросите комитет вернуть отчёт.',
    });
  });

  it('the date is the municipality’s: 21:30 UTC on 3 December is 4 December in Moscow', () => {
    const late = { ...accepted!, decidedAt: new Date('2026-12-03T21:30:00Z') };
    expect(lock(school, { review: late, campaign: null })?.message).toMatch(
      / принят комитетом 04\.12\.2026 /,
    );
    expect(reportLock(school, report, { review: late, campaign: null }, 'UTC')?.message).toMatch(
      / принят комитетом 03\.12\.2026 /,
    );
  });

  it('a closed campaign: the date in the municipality’s calendar, and whom to ask', () => {
    expect(lock(school, { review: null, campaign: closed })).toEqual({
      refused: 'closed',
      message:
        'Сбор отчётов за 2024/2025 учебный год закрыт 21.12.2026 (закрыл(а) komitet). Загрузка не сохранена: чтобы внести исправления, обратитесь в комитет.',
    });
  });

  it('both: the acceptance is said, it names the decision', () => {
    expect(lock(school, { review: accepted, campaign: closed })?.refused).toBe('locked');
  });

  it('the committee, the region and the command line (no account) pass with a reason only', () => {
    for (const meta of [committee, { sender: { accountId: 1, role: 'region' as const, ip: null } }, {}]) {
      expect(lock(meta, { review: accepted, campaign: closed })?.message).toContain(
        'укажите причину загрузки',
      );
      expect(
        lock({ ...meta, reason: 'письмо школы' }, { review: accepted, campaign: closed }),
      ).toBeUndefined();
    }
  });

  it("an organization's reason opens nothing", () => {
    expect(lock({ ...school, reason: 'исправили' }, { review: accepted, campaign: null })?.refused).toBe(
      'locked',
    );
  });

  it('a returned report, an open campaign, no campaign: nothing is locked', () => {
    const returned = { ...accepted!, decision: 'returned' as const };
    expect(lock(school, { review: returned, campaign: { ...closed!, open: true } })).toBeUndefined();
    expect(lock(school, { review: null, campaign: null })).toBeUndefined();
  });

  it('a campaign closed with no date or name recorded still says it is closed', () => {
    expect(
      lock(school, { review: null, campaign: { open: false, closedAt: null, closedBy: null } })?.message,
    ).toBe(
      'Сбор отчётов за 2024/2025 учебный год закрыт. Загрузка не сохранена: чтобы внести исправления, обратитесь в комитет.',
    );
  });
});
