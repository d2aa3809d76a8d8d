import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { DATA_DIR, REPO_ROOT } from './paths';
import { assertPortFree, portOpen, startDetached, waitFor } from './processes';

export const SMTP_PORT = Number(process.env.COHORT_SMTP_PORT ?? 1025);
export const SMTP_WEB_PORT = Number(process.env.COHORT_SMTP_WEB_PORT ?? 1080);

/** MailDev: SMTP sink on 1025 with a web inbox (and REST API) on 1080, both on 127.0.0.1. */
export async function startSmtp(): Promise<{ pid: number; url: string; webUrl: string }> {
  await assertPortFree(SMTP_PORT, 'SMTP', 'SMTP_URL to use a running SMTP server');
  await assertPortFree(SMTP_WEB_PORT, 'SMTP web inbox', 'COHORT_SMTP_WEB_PORT');
  const dir = join(DATA_DIR, 'maildev');
  mkdirSync(dir, { recursive: true });
  const pid = startDetached('maildev', process.execPath, [
    join(REPO_ROOT, 'node_modules/maildev/bin/maildev'),
    '--smtp',
    String(SMTP_PORT),
    '--web',
    String(SMTP_WEB_PORT),
    '--ip',
    '127.0.0.1',
    '--mail-directory',
    dir,
  ]);
  await waitFor('maildev', pid, async () => (await portOpen(SMTP_PORT)) && (await portOpen(SMTP_WEB_PORT)), 30_000);
  return { pid, url: `smtp://127.0.0.1:${SMTP_PORT}`, webUrl: `http://127.0.0.1:${SMTP_WEB_PORT}` };
}
