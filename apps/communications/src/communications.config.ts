import { z } from 'zod';
import { ServiceConfig } from '@cohort/common';

/** Nest injection token for communications' own MailConfig. */
export const MAIL_CONFIG = Symbol('MAIL_CONFIG');

/** How communications sends e-mail: the SMTP server, the sender and the base of the links it mails. */
export interface MailConfig {
  smtpUrl: string;
  /** the From header of every e-mail (`MAIL_FROM`) */
  from: string;
  /** the public base URL of the console, without a trailing slash */
  publicUrl: string;
  /** e-mails per second this process sends (`COMMS_SEND_RATE`, 0: unlimited); more are deferred */
  sendRate: number;
  /** e-mails sent at once before the rate applies (`COMMS_SEND_BURST`) */
  sendBurst: number;
}

const MailEnv = z.object({
  MAIL_FROM: z.string().min(3).default('Cohort <no-reply@cohort.local>'),
  COMMS_SEND_RATE: z.coerce.number().min(0).default(50),
  COMMS_SEND_BURST: z.coerce.number().int().min(1).optional(),
});

/** Reads `MAIL_FROM`, `COMMS_SEND_RATE` and `COMMS_SEND_BURST` beside the shared SMTP_URL and PUBLIC_URL; a bad value stops the service with its name. */
export function loadMailConfig(service: Pick<ServiceConfig, 'smtpUrl' | 'publicUrl'>, env: NodeJS.ProcessEnv = process.env): MailConfig {
  const parsed = MailEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment for communications: ${issue.path.join('.')}: ${issue.message}`);
  }
  const { MAIL_FROM, COMMS_SEND_RATE, COMMS_SEND_BURST } = parsed.data;
  return {
    smtpUrl: service.smtpUrl,
    from: MAIL_FROM,
    publicUrl: service.publicUrl.replace(/\/+$/, ''),
    sendRate: COMMS_SEND_RATE,
    sendBurst: COMMS_SEND_BURST ?? Math.max(1, Math.ceil(COMMS_SEND_RATE)),
  };
}

/** Nest injection token for communications' JobNoticeConfig. */
export const JOB_NOTICE_CONFIG = Symbol('JOB_NOTICE_CONFIG');

/** Which finished jobs earn their actor a completion notice (in-app and e-mail). */
export interface JobNoticeConfig {
  /** jobs of at least this many people (`COMMS_JOB_NOTICE_MIN`, default 100; 0: every job) */
  minPeople: number;
}

const JobNoticeEnv = z.object({ COMMS_JOB_NOTICE_MIN: z.coerce.number().int().min(0).default(100) });

/** Reads `COMMS_JOB_NOTICE_MIN`; a bad value stops the service with its name. */
export function loadJobNoticeConfig(env: NodeJS.ProcessEnv = process.env): JobNoticeConfig {
  const parsed = JobNoticeEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment for communications: ${issue.path.join('.')}: ${issue.message}`);
  }
  return { minPeople: parsed.data.COMMS_JOB_NOTICE_MIN };
}
