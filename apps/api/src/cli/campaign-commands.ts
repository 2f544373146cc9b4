import { formatIsoDate } from '@profmonitor/domain';
import type { INestApplicationContext } from '@nestjs/common';
import type { CampaignView, ReportStatusView } from '@profmonitor/domain';
import type { Command } from 'commander';
import { CLI_PRINCIPAL } from '../accounts/principal';
import { CampaignsService } from '../campaign/campaigns.service';
import { ReviewsService } from '../campaign/reviews.service';
import { AppError } from '../common/app-error';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';

/** How main.ts runs a command on the application context. */
type WithApp = <T>(run: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

/** `--period`: the period's code as the API takes it. */
const PERIOD = ['--period <period>', 'учебный год, например 2024/2025'] as const;
const DEADLINE = ['--deadline <date>', 'срок сдачи, ГГГГ-ММ-ДД: загрузка в этот день — в срок'] as const;

/**
 * `campaign open|deadline|close|reopen|status` and `review accept|return`: the committee's
 * campaign from the command line, acting as the committee (CLI_PRINCIPAL). A refusal prints its
 * Russian message and exits non-zero; nothing is changed.
 */
export function addCampaignCommands(program: Command, withApp: WithApp): void {
  const campaign = program
    .command('campaign')
    .description('сбор отчётов за учебный год: срок, ход сбора, закрытие');
  const change = (
    describe: (view: CampaignView) => string,
    run: (s: CampaignsService) => Promise<CampaignView>,
  ) => withApp(async (app) => console.log(describe(await run(app.get(CampaignsService)))));

  campaign
    .command('open')
    .description('объявить сбор отчётов за учебный год со сроком сдачи')
    .requiredOption(...PERIOD)
    .requiredOption(...DEADLINE)
    .action((options: { period: string; deadline: string }) =>
      change(
        (view) =>
          `Сбор отчётов за ${view.period} объявлен: срок — ${formatIsoDate(view.deadline)}. ${progress(view)}`,
        (campaigns) => campaigns.open(options.period, options.deadline, CLI_PRINCIPAL),
      ),
    );

  campaign
    .command('deadline')
    .description('перенести срок сдачи (прежний остаётся в истории)')
    .requiredOption(...PERIOD)
    .requiredOption(...DEADLINE)
    .action((options: { period: string; deadline: string }) =>
      change(
        (view) => {
          const moved = view.history.at(-1)?.previousDeadline;
          return `Срок сдачи отчётов за ${view.period}: ${moved ? `${formatIsoDate(moved)} → ` : ''}${formatIsoDate(view.deadline)}.`;
        },
        (campaigns) => campaigns.update(options.period, { deadline: options.deadline }, CLI_PRINCIPAL),
      ),
    );

  campaign
    .command('close')
    .description('закрыть сбор: загрузки организаций за этот год больше не принимаются')
    .requiredOption(...PERIOD)
    .action((options: { period: string }) =>
      change(
        (view) => `Сбор отчётов за ${view.period} закрыт. ${progress(view)}`,
        (campaigns) => campaigns.update(options.period, { open: false }, CLI_PRINCIPAL),
      ),
    );

  campaign
    .command('reopen')
    .description('открыть закрытый сбор снова')
    .requiredOption(...PERIOD)
    .action((options: { period: string }) =>
      change(
        (view) => `Сбор отчётов за ${view.period} снова открыт: срок — ${formatIsoDate(view.deadline)}.`,
        (campaigns) => campaigns.update(options.period, { open: true }, CLI_PRINCIPAL),
      ),
    );

  campaign
    .command('status')
    .description('состояние отчёта каждой организации: сдан ли, в срок ли, когда загружены листы')
    .requiredOption(...PERIOD)
    .option('--municipality <name>', 'только организации этого муниципалитета')
    .option('--json', 'вывести массив [{org, state, onTime, late, sheets:[{sheet, uploadedAt}], …}]')
    .action((options: { period: string; municipality?: string; json?: boolean }) =>
      withApp(async (app) => {
        const campaigns = app.get(CampaignsService);
        const reports = await campaigns.reports(options.period, CLI_PRINCIPAL, {
          municipality: options.municipality,
        });
        if (options.json) return console.log(JSON.stringify(reports, null, 2));
        const view = await campaigns.get(options.period, CLI_PRINCIPAL).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'campaign_not_found') return null;
          throw error;
        });
        console.log(formatStatus(reports, view, app.get<Settings>(SETTINGS).timeZone));
      }),
    );

  const review = program.command('review').description('проверка отчётов комитетом');
  const decisions = [
    {
      decision: 'accept',
      description: 'принять сданный отчёт: он закрывается для изменений',
      comment: 'комментарий к решению',
      done: () => 'принят',
    },
    {
      decision: 'return',
      description: 'вернуть отчёт организации на исправление с комментарием',
      comment: 'что исправить (обязательно)',
      done: (report: ReportStatusView) => `возвращён с комментарием: ${report.review?.comment}`,
    },
  ] as const;
  for (const { decision, description, comment, done } of decisions) {
    review
      .command(decision)
      .description(description)
      .requiredOption('--org <code>', 'код организации')
      .requiredOption(...PERIOD)
      .option('--comment <text>', comment)
      .action((options: { org: string; period: string; comment?: string }) =>
        withApp(async (app) => {
          const report = await app.get(ReviewsService).decide({ ...options, decision }, CLI_PRINCIPAL);
          console.log(`Отчёт ${report.org} (${report.name}) за ${options.period} ${done(report)}.`);
        }),
      );
  }
}

/** The campaign's progress in a line: counts by state, on time and late. */
function progress(view: CampaignView): string {
  const states = Object.entries(view.counts)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${state} — ${count}`)
    .join(', ');
  return `Ожидается отчётов: ${view.expected}${states ? ` (${states})` : ''}; в срок — ${view.onTime}, с опозданием — ${view.late}.`;
}

const daysLeft = (days: number) =>
  days > 0 ? `осталось дней: ${days}` : days === 0 ? 'сегодня последний день' : `прошло дней: ${-days}`;

/** When a sheet was received, in the municipality's time zone: 30.09.2025, 14:05. */
const when = (iso: string | null, timeZone: string) =>
  iso
    ? new Intl.DateTimeFormat('ru-RU', {
        timeZone,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    : '—';

function timelinessOf(report: ReportStatusView, view: CampaignView | null): string {
  if (!view) return '';
  if (report.late !== null) return `опоздание ${report.late} дн.`;
  return report.onTime ? 'в срок' : '';
}

/** The reports as a table: a line per organization, then its sheets indented. */
export function formatStatus(
  reports: ReportStatusView[],
  view: CampaignView | null,
  timeZone: string,
): string {
  const head = view
    ? `Сбор отчётов за ${view.period}: срок — ${formatIsoDate(view.deadline)} (${daysLeft(view.daysLeft)}), ${view.open ? 'открыт' : 'закрыт'}. ${progress(view)}`
    : 'Сбор отчётов за этот год не объявлен: состояния отчётов без срока сдачи.';
  const lines = [
    head,
    '',
    `${'Код'.padEnd(10)} ${'Состояние'.padEnd(14)} ${'Своевременность'.padEnd(18)} Организация`,
  ];
  for (const report of reports) {
    lines.push(
      `${report.org.padEnd(10)} ${report.state.padEnd(14)} ${timelinessOf(report, view).padEnd(18)} ${report.name}`,
    );
    for (const sheet of report.sheets)
      lines.push(`${' '.repeat(12)}${sheet.name.padEnd(14)} ${when(sheet.uploadedAt, timeZone)}`);
    if (report.review?.comment) lines.push(`${' '.repeat(12)}комментарий комитета: ${report.review.comment}`);
  }
  if (reports.length === 0) lines.push('Организаций, которые должны отчитаться за этот год, в реестре нет.');
  return lines.join('\n');
}
