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
}

const MailEnv = z.object({ MAIL_FROM: z.string().min(3).default('Cohort <no-reply@cohort.local>') });

/** Reads `MAIL_FROM` beside the shared SMTP_URL and PUBLIC_URL; a bad value stops the service with its name. */
export function loadMailConfig(service: Pick<ServiceConfig, 'smtpUrl' | 'publicUrl'>, env: NodeJS.ProcessEnv = process.env): MailConfig {
  const parsed = MailEnv.safeParse(env);
  if (!parsed.success) throw new Error(`invalid environment for communications: MAIL_FROM: ${parsed.error.issues[0].message}`);
  return { smtpUrl: service.smtpUrl, from: parsed.data.MAIL_FROM, publicUrl: service.publicUrl.replace(/\/+$/, '') };
}
