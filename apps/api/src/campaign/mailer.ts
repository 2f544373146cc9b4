import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';

/** A plain-text message to one or more addresses. */
export interface MailMessage {
  to: readonly string[];
  subject: string;
  text: string;
}

const SMTP_OPTIONS: SMTPTransport.Options = {
  // A server that does not answer must not hold the reminders up for minutes.
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 30_000,
  // The text is ours, but nothing in a message may make the server read files or URLs.
  disableFileAccess: true,
  disableUrlAccess: true,
};

/**
 * E-mail through the SMTP server SMTP_URL names (from MAIL_FROM); without SMTP_URL there is none
 * and the reminders stay in the application. One connection per message: reminders are few.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** Whether e-mail can be sent at all. */
  get configured(): boolean {
    return this.settings.smtpUrl !== undefined;
  }

  /** Sends the message; rejects with the SMTP server's (or the network's) error. */
  async send(message: MailMessage): Promise<void> {
    const url = this.settings.smtpUrl;
    if (!url) throw new Error('SMTP_URL не задан');
    // nodemailer (2 MiB of heap) is loaded by the first message, not at boot.
    const { createTransport } = await import('nodemailer');
    this.transport ??= createTransport(url, SMTP_OPTIONS);
    await this.transport.sendMail({
      from: this.settings.mailFrom,
      to: [...message.to],
      subject: message.subject,
      text: message.text,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
