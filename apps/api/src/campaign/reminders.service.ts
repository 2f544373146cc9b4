import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  addDays,
  UNSENT_STATES,
  type NotificationView,
  type ReportState,
  type ReportStatusView,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { SerialQueue } from '../common/serial-queue';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';
import { writeTransaction } from '../database/write-transaction';
import type { PeriodEntity } from '../organizations/period.entity';
import type { CampaignEntity } from './campaign.entities';
import { CampaignsRepository, type ExpectedOrganization } from './campaigns.repository';
import { Mailer } from './mailer';
import { RemindersRepository } from './reminders.repository';
import {
  kindOf,
  reasonOf,
  reminderEmail,
  reminderMessage,
  reminderSubject,
  type ReminderDue,
} from './reminder-text';
import { ReportStatusService } from './report-status.service';

/** What a run did: reminders made, e-mails sent, e-mails that failed. */
export interface ReminderRun {
  reminded: number;
  emailed: number;
  failed: number;
}

/** A reminder the rules ask for: to whom, about what. */
interface Due {
  organization: ExpectedOrganization;
  period: PeriodEntity;
  report: ReportStatusView;
  due: ReminderDue;
  /** The run's date, YYYY-MM-DD in TIME_ZONE: the days left are counted from it. */
  today: string;
}

/** The reminders are written under this name in the audit log. */
const REMINDER_ACTOR = { login: 'system', role: null, ip: null };

/** While a report is in one of these states, its reminders are shown to the organization. */
const SHOWN_STATES: readonly ReportState[] = [...UNSENT_STATES, 'возвращён'];

/**
 * The reminders of campaign.md: N days before the deadline (REMINDER_DAYS_BEFORE) and from the
 * day after it, every organization whose report is not sent or sent in part; a returned report at
 * once, with the committee's comment. Each reminder is claimed by storing its reason (unique per
 * organization and period) before it is e-mailed, so none goes twice whoever runs them (the
 * server's scheduler, `cli reminders send`, several instances) and whatever restarts between;
 * a run that finds nothing due writes nothing. E-mail goes when SMTP_URL is set, to the
 * organization's active school accounts with an address; its failure is stored, never thrown.
 */
@Injectable()
export class RemindersService implements OnModuleDestroy {
  private readonly logger = new Logger(RemindersService.name);
  /** Runs go one at a time in the process (the claims already keep processes apart). */
  private readonly queue = new SerialQueue();
  /** Reminders started in the background (a return), awaited before the application closes. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly reminders: RemindersRepository,
    private readonly status: ReportStatusService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Sends every reminder due at `now` (judged by its date in TIME_ZONE) not sent before. */
  run(now: Date = new Date()): Promise<ReminderRun> {
    return this.queue.run(async () => {
      const run: ReminderRun = { reminded: 0, emailed: 0, failed: 0 };
      for (const campaign of await this.campaigns.campaigns()) {
        if (!campaign.open) continue;
        for (const due of await this.due(campaign.period!, campaign, now)) await this.send(due, run);
      }
      return run;
    });
  }

  /**
   * Reminds the organization of its returned report now, in the background (the committee's
   * request does not wait for the SMTP server); failures are logged. Called once the return is
   * committed; a run would find it too, this is only sooner.
   */
  remindReturned(organizationCode: string, periodCode: string): void {
    const task = this.queue
      .run(async () => {
        const period = await this.reminders.periodByCode(periodCode);
        if (!period) return;
        const campaign = await this.campaigns.campaignOf(period.id);
        // A closed campaign refuses the organization's upload: a request for one would mislead.
        if (campaign && !campaign.open) return;
        const run: ReminderRun = { reminded: 0, emailed: 0, failed: 0 };
        for (const due of await this.due(period, campaign, new Date(), organizationCode))
          if (due.due.kind === 'returned') await this.send(due, run);
      })
      .catch((error: unknown) => this.logger.error(`Напоминание о возврате не отправлено: ${String(error)}`));
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /**
   * A school account's reminders: its organization's, for the periods whose report is still not
   * sent, sent in part or returned; newest first. Other roles have none.
   */
  async notifications(user: Principal): Promise<NotificationView[]> {
    if (user.role !== 'school' || user.organizationId === null || user.organizationCode === null) return [];
    const shown: PeriodEntity[] = [];
    for (const period of await this.reminders.periodsOf(user.organizationId)) {
      const reports = await this.status.reports(period, user.municipality);
      const report = reports.find((r) => r.org === user.organizationCode);
      if (report && SHOWN_STATES.includes(report.state)) shown.push(period);
    }
    const reminders = await this.reminders.forOrganization(
      user.organizationId,
      shown.map((period) => period.id),
    );
    return reminders.map((reminder) => ({
      id: reminder.id,
      period: reminder.period!.code,
      organization: user.organizationCode!,
      reason: kindOf(reminder.reason),
      message: reminder.message,
      createdAt: reminder.createdAt.toISOString(),
    }));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /**
   * The reminders due for a period's reports (of one organization when given) and not claimed
   * yet. Without a campaign only a returned report is due (there is no deadline to remind of).
   */
  private async due(
    period: PeriodEntity,
    campaign: CampaignEntity | null,
    now: Date,
    organizationCode?: string,
  ): Promise<Due[]> {
    const today = this.status.today(now);
    const organizations = new Map(
      (await this.campaigns.expectedOrganizations(period)).map((o) => [o.code, o]),
    );
    const reports = (await this.status.reports(period, null, { campaign, now })).filter(
      (report) => organizationCode === undefined || report.org === organizationCode.toUpperCase(),
    );
    const claimed = await this.reminders.claimed(period.id);
    const deadline = campaign?.deadline ?? null;
    const result: Due[] = [];
    for (const report of reports) {
      const organization = organizations.get(report.org)!;
      let due: ReminderDue | null = null;
      if (report.state === 'возвращён') {
        const review = await this.campaigns.latestReview(organization.id, period.id);
        if (review?.decision === 'returned') due = { kind: 'returned', reviewId: review.id, deadline };
      } else if (deadline !== null && UNSENT_STATES.includes(report.state)) {
        if (today > deadline) due = { kind: 'after-deadline', deadline };
        else if (today >= addDays(deadline, -this.settings.reminderDaysBefore))
          due = { kind: 'before-deadline', deadline };
      }
      if (due && !claimed.has(`${organization.id} ${reasonOf(due)}`))
        result.push({ organization, period, report, due, today });
    }
    return result;
  }

  /** Claims the reminder (skipped when someone did first), e-mails it, records how that went. */
  private async send({ organization, period, report, due, today }: Due, run: ReminderRun): Promise<void> {
    const reason = reasonOf(due);
    const message = reminderMessage(due, report, period.code, today, this.settings.timeZone);
    const id = await writeTransaction(this.dataSource, (manager) =>
      this.reminders.claim(manager, {
        organizationId: organization.id,
        periodId: period.id,
        reason,
        message,
      }),
    );
    if (id === null) return;
    run.reminded++;
    let emailedTo: string | null = null;
    let emailError: string | null = null;
    const recipients = this.mailer.configured ? await this.reminders.recipients(organization.id) : [];
    if (recipients.length > 0) {
      try {
        await this.mailer.send({
          to: recipients,
          subject: reminderSubject(due, report, period.code),
          text: reminderEmail(message, organization.name),
        });
        emailedTo = recipients.join(', ');
        run.emailed++;
      } catch (error) {
        emailError = error instanceof Error ? error.message : String(error);
        run.failed++;
        this.logger.warn(
          `Напоминание ${organization.code} ${period.code} ${reason} не ушло по почте: ${emailError}`,
        );
      }
    }
    await writeTransaction(this.dataSource, async (manager) => {
      await this.reminders.recordEmail(manager, id, { emailedTo, emailError });
      await this.audit.record(
        {
          actor: REMINDER_ACTOR,
          action: 'reminder',
          target: `${organization.code} ${period.code}`,
          details: { org: organization.code, period: period.code, reason, emailedTo, emailError },
        },
        manager,
      );
    });
  }
}
