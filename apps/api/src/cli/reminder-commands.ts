import type { INestApplicationContext } from '@nestjs/common';
import { isCalendarDate } from '@profmonitor/domain';
import { InvalidArgumentError, type Command } from 'commander';
import { RemindersService } from '../campaign/reminders.service';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import { parseDateTime } from '../reports/upload-options';

/** How main.ts runs a command on the application context. */
type WithApp = <T>(run: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

/**
 * `reminders send [--now <ISO>]`: one run of the reminders, for a cron job (instead of, or
 * beside, the server's own timer: each reminder is claimed once in the database). `--now` runs
 * them as of another moment (a date is its noon in TIME_ZONE). Exit code 1 when an e-mail failed
 * (the reminders are stored and shown in the application all the same).
 */
export function addReminderCommands(program: Command, withApp: WithApp): void {
  program
    .command('reminders')
    .description('напоминания организациям о сроке сдачи отчёта')
    .command('send')
    .description('разослать напоминания, которым пора (каждое — один раз); для cron')
    .option(
      '--now <date-time>',
      'как будто сейчас этот момент: ISO 8601, например 2026-06-12 или 2026-06-12T09:00 (время муниципалитета)',
    )
    .action((options: { now?: string }) =>
      withApp(async (app) => {
        const timeZone = app.get<Settings>(SETTINGS).timeZone;
        const now = options.now === undefined ? new Date() : nowOf(options.now, timeZone);
        const run = await app.get(RemindersService).run(now);
        console.log(
          run.reminded === 0
            ? 'Напоминать некому: всё, чему пора, уже отправлено.'
            : `Напоминаний: ${run.reminded}; писем отправлено: ${run.emailed}, не отправлено: ${run.failed}.`,
        );
        if (run.failed > 0) process.exitCode = 1;
      }),
    );
}

function nowOf(text: string, timeZone: string): Date {
  const now = parseDateTime(isCalendarDate(text) ? `${text}T12:00` : text, timeZone);
  if (!now)
    throw new InvalidArgumentError(
      `--now «${text}»: укажите дату или дату и время ISO 8601, например 2026-06-12 или 2026-06-12T09:00.`,
    );
  return now;
}
