import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import { RemindersService } from './reminders.service';

/**
 * The server's own reminder runs: every REMINDERS_EVERY_MINUTES (0: none; `cli reminders send`
 * from cron instead), the first one interval after start. Provided by the HTTP application only,
 * not by the CLI's context. A tick while a run is still going is skipped. Running beside a cron
 * job or other instances is safe: each reminder is claimed once in the database.
 */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RemindersScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly reminders: RemindersService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Whether the server runs the reminders itself. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  onApplicationBootstrap(): void {
    const minutes = this.settings.remindersEveryMinutes;
    if (minutes === 0) return;
    this.timer = setInterval(() => void this.tick(), minutes * 60_000);
    // The timer alone does not keep the process alive.
    this.timer.unref();
  }

  /** One run, unless one is going: what the timer calls. */
  tick(): Promise<void> {
    this.running ??= this.reminders
      .run()
      .then((run) => {
        if (run.reminded > 0)
          this.logger.log(
            `Напоминания: ${run.reminded}, писем отправлено: ${run.emailed}, не отправлено: ${run.failed}`,
          );
      })
      .catch((error: unknown) => this.logger.error(`Напоминания не разосланы: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer and lets a run finish while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
