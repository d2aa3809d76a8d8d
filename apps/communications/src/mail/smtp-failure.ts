/** What went wrong with one SMTP send, for the person's outcome and the outbox. */
export interface SmtpFailure {
  /** true when the same message may go through later (no connection, a 4xx reply, our own credentials refused) */
  retryable: boolean;
  message: string;
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  /** nodemailer's verdict from the reply class: 5xx but 503 */
  permanent?: boolean;
  response?: string;
}

/**
 * Sorts a nodemailer error: a refusal of the message itself (5xx but 503, or an envelope nodemailer
 * will not send) is permanent; everything else — no connection, time-outs, 4xx, a rejected login
 * (that is our configuration, not the recipient) — is transient and worth retrying.
 */
export function smtpFailure(err: unknown): SmtpFailure {
  const e = (err ?? {}) as SmtpError;
  const message = `SMTP: ${e.response ?? e.message ?? String(err)}`;
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return { retryable: true, message };
  const code = e.responseCode;
  const permanent = e.permanent ?? (code !== undefined && code >= 500 && code < 600 && code !== 503);
  const badEnvelope = code === undefined && e.code === 'EENVELOPE';
  return { retryable: !(permanent || badEnvelope), message };
}
