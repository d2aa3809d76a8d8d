import { getJson } from './system';

/** An e-mail as MailDev's REST API (GET /email) lists it. */
export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  /** a recipient MailDev could not parse has no address */
  to: { address?: string; name?: string }[];
  headers: Record<string, string>;
}

/** Every e-mail the SMTP sink caught whose recipients match. */
export async function caughtMail(match: (address: string) => boolean): Promise<CaughtMail[]> {
  const all = await getJson<CaughtMail[]>(`${process.env.SMTP_WEB_URL ?? 'http://127.0.0.1:1080'}/email`);
  return all.body.filter((m) => m.to.some((t) => t.address !== undefined && match(t.address)));
}

/** Every e-mail the SMTP sink caught for one address. */
export function mailTo(address: string): Promise<CaughtMail[]> {
  return caughtMail((a) => a === address);
}
