import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import type { Locator, Page } from 'playwright-core';
import { signToken } from '@cohort/auth';
import { eventually, uniqueTenant } from '@cohort/testing';
import { JobEventsConsumer } from '../../apps/gateway/src/jobs/events/job-events.consumer';
import { mailTo } from '../support/maildev';
import { CohortSystem, getJson, startSystem } from '../support/system';
import {
  accessibilityViolations,
  ConsoleBrowser,
  focused,
  LAPTOP,
  launchConsoleBrowser,
  overflowsSideways,
  screenshotDir,
  TABLET,
} from './support/browser';
import { ensureConsoleBuilt, REPO_ROOT } from './support/console-build';
import { addFireSafetyCourse, ALREADY_WARDENS, ConsoleTenant, LEARNERS, NEW_STARTERS, seedConsoleTenant, WARDENS } from './support/tenant';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Doc = Json & { _id: string };

/**
 * The admin console in headless Chromium against the real system (identity, orchestrator, gateway,
 * membership, learning and communications on the real broker and store). Each test drives the console
 * as an administrator would and then checks the stores; every page must be free of console errors and
 * of WCAG 2.1 AA violations that axe-core can find.
 */
describe('admin console in a real browser', () => {
  const tenant = uniqueTenant('console');
  let system: CohortSystem;
  const participants: INestApplication[] = [];
  let browser: ConsoleBrowser;
  let page: Page;
  let base: string;
  let t: ConsoleTenant;
  let shots: string;

  const people = () => system.db('identity').collection<Doc>('people');
  const membership = (userId: string) =>
    system
      .db('membership')
      .collection<Doc>('memberships')
      .findOne({ _id: `${tenant}:${userId}` });
  const learner = (userId: string) =>
    system
      .db('learning')
      .collection<Doc>('learners')
      .findOne({ _id: `${tenant}:${userId}` });

  const see = async (locator: Locator, timeout?: number) => {
    await locator.first().waitFor({ state: 'visible', timeout });
    return locator.first();
  };
  const shoot = async (name: string) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const accessible = async () => expect(await accessibilityViolations(page)).toEqual([]);
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

  async function signInWithToken(token: string): Promise<void> {
    await page.goto(`${base}/`);
    await page.getByLabel('Bearer token').fill(token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function filterPeople(fields: { label?: string; role?: string; search?: string; language?: string }): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Reset' }).click();
    if (fields.search) await page.getByLabel('Search').fill(fields.search);
    if (fields.role) await page.getByLabel('Role').selectOption(fields.role);
    if (fields.label) await page.getByLabel('Label', { exact: true }).fill(fields.label);
    if (fields.language) await page.getByLabel('Language').selectOption(fields.language);
    await page.getByRole('button', { name: 'Apply filters' }).click();
  }

  async function chooseAction(title: string): Promise<void> {
    await page.getByRole('button', { name: /Batch actions/ }).click();
    await page.getByRole('menuitem', { name: title }).click();
    await see(page.getByRole('heading', { level: 1, name: title }));
  }

  /** Confirms the preview and waits on the job page until the job's end is announced. */
  async function runAndFinish(button: string | RegExp, ending: string | RegExp): Promise<string> {
    const before = page.url();
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL((url) => url.href !== before && /\/jobs\/[^/]+$/.test(url.pathname));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    // the job has ended (the API says so: the page may also show an earlier job's end, e.g. the undone one) …
    await eventually(
      async () =>
        ['completed', 'failed', 'cancelled'].includes(((await api(`/v1/batch-jobs/${encodeURIComponent(id)}`)).body as { status: string }).status),
      90_000,
      `job ${id} to end`,
    );
    // … and the page shows its end
    await see(status(ending), 90_000);
    return id;
  }

  const api = (path: string, token = t.ownerToken) => getJson<Json>(`${base}${path}`, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    ensureConsoleBuilt();
    browser = await launchConsoleBrowser();
    page = browser.page;
    shots = screenshotDir(REPO_ROOT);
    system = await startSystem({
      gateway: true,
      env: {
        ORCH_PROGRESS_MS: '300',
        ORCH_RETRY_BASE_MS: '200',
        // small chunks one at a time: the change-language job moves in visible steps
        ORCH_CHUNK_SIZE: '5',
        ORCH_WINDOW: '1',
        APPROVAL_THRESHOLD: '50',
        CONSOLE_DEV_SIGNIN: '1',
        CONSOLE_DEV_TENANT: tenant,
      },
    });
    for (const service of ['membership', 'learning', 'communications'] as const) participants.push(await system.startParticipant(service));
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    t = await seedConsoleTenant(system, tenant);
    await eventually(async () => system.gateway!.get(JobEventsConsumer).running, 30_000, 'the gateway to follow job events');
  }, 240_000);

  afterEach(() => {
    // no console error, uncaught exception or failed request on any page of the test
    expect(browser?.takeProblems() ?? []).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    for (const app of participants) await app.close();
    await system?.stop();
  });

  it('filter learners → select all across pages → change language → 100% → every person succeeded → the directory shows the new language', async () => {
    await signInWithToken(t.ownerToken);
    await see(page.getByRole('heading', { level: 1, name: 'People' }));
    await filterPeople({ role: 'Learner' });
    await see(page.getByText(`${LEARNERS} people match role Learner`));

    // keyboard: Tab to the header checkbox and tick the page with Space
    const pageBox = page.getByLabel('Select all people on this page');
    await pageBox.focus();
    await page.keyboard.press('Space');
    await see(page.getByText('25 people selected'));
    await see(status('All 25 people on this page are selected.'));
    await shoot('people-selection');
    await page.getByRole('button', { name: `Select all ${LEARNERS} people matching this filter` }).click();
    await see(page.getByText(`${LEARNERS} people selected`));
    await see(status(`All ${LEARNERS} people matching role Learner are selected`));
    await page.getByRole('navigation', { name: 'People pages' }).getByRole('button', { name: 'Next →' }).click();
    await see(page.getByText(`26–50 of ${LEARNERS}`));
    await see(page.getByText(`learner-26@${tenant}.test`));
    expect(await pageBox.isChecked()).toBe(true); // page 2 is in the selection too
    await accessible();

    // the batch actions menu opens with the keyboard and lists only what an Owner may run
    await page.getByRole('button', { name: /Batch actions/ }).focus();
    await page.keyboard.press('ArrowDown');
    const items = page.getByRole('menuitem');
    await see(items);
    expect((await focused(page)).role).toBe('menuitem');
    expect(await items.count()).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    expect((await focused(page)).text).toContain('Batch actions');

    // a destructive job over the approval threshold asks to type the count (previewed, not run)
    await chooseAction('Deactivate');
    await page.getByRole('button', { name: 'Preview' }).click();
    // one truthful sentence on undo: the run page and the preview's warning say the same
    const undoNotice = 'Deactivate can be undone afterwards, except the open tasks and upcoming event enrolments it removed';
    await see(page.locator('.notice-warning').filter({ hasText: undoNotice }));
    await see(page.getByRole('alert').filter({ hasText: undoNotice }));
    const typed = page.getByLabel(`Type ${LEARNERS} to confirm this destructive job`);
    const runDeactivate = page.getByRole('button', { name: `Run deactivate for ${LEARNERS} people` });
    expect(await runDeactivate.isDisabled()).toBe(true);
    await typed.fill(String(LEARNERS - 1));
    expect(await runDeactivate.isDisabled()).toBe(true);
    await typed.fill(String(LEARNERS));
    expect(await runDeactivate.isEnabled()).toBe(true);
    await shoot('preview-destructive');
    await page.getByRole('button', { name: 'Change settings' }).click();
    await page.getByRole('link', { name: 'Cancel' }).click();
    await see(page.getByText(`${LEARNERS} people selected`));
    expect(await people().countDocuments({ tenantId: tenant, status: 'deactivated' })).toBe(0);

    await chooseAction('Change language');
    await see(page.getByText(`${LEARNERS} people selected — everyone matching role Learner`));
    await page.getByRole('button', { name: 'Preview' }).click();
    await see(page.getByText('Choose a language.')); // the form says what is missing before asking the server
    await page.getByLabel('Language').selectOption('nl');
    await shoot('action-form');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await see(preview.getByText('Will change'));
    expect((await focused(page)).id).toBe('preview-heading');
    expect(await preview.locator('dl.counts').innerText()).toMatch(new RegExp(`Selected\\s+${LEARNERS}\\s+Will change\\s+${LEARNERS}`));
    await see(preview.getByRole('cell', { name: '→ nl' }));
    await accessible();

    await page.getByRole('button', { name: `Run change language for ${LEARNERS} people` }).click();
    await page.waitForURL(/\/jobs\/[^/]+$/);
    const bar = await see(page.getByRole('progressbar'));
    // a picture of the job under way, if the machine is slow enough to catch it (the job is small)
    await eventually(async () => Number(await bar.getAttribute('aria-valuenow')) > 0, 30_000, 'progress to start');
    await shoot('progress');
    await see(status(`Completed: ${LEARNERS} succeeded`), 90_000);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await see(page.getByText('Every person succeeded.'));
    await page.getByRole('radio', { name: `Succeeded (${LEARNERS})` }).check();
    // results name people (name and e-mail from identity), not bare ids
    const first = await people().findOne({ _id: `${tenant}:learner-01` });
    await see(page.getByRole('cell', { name: `${first!.name} ${first!.email}`, exact: true }));
    await accessible();

    // the store and the directory
    const learners = await people().find({ tenantId: tenant, role: 'Learner' }).toArray();
    expect(learners).toHaveLength(LEARNERS);
    expect(learners.every((p) => p.language === 'nl')).toBe(true);
    expect((await people().findOne({ _id: `${tenant}:owner` }))?.language).toBe('en');
    await filterPeople({ language: 'nl' });
    await see(page.getByText(`${LEARNERS} people match language nl`));
    expect(await page.locator('td.col-language').allInnerTexts()).toEqual(Array(25).fill('nl'));

    // tablet width: nothing scrolls sideways, the table scrolls in its own box
    await page.setViewportSize(TABLET);
    expect(await overflowsSideways(page)).toBe(false);
    await shoot('people-tablet');
    await page.setViewportSize(LAPTOP);

    // undo: every learner gets their own language back
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page
      .getByRole('row', { name: /Change language/ })
      .getByRole('link')
      .click();
    // the undo previews first: who gets what back, said in one warning, then runs exactly those people
    await page.getByRole('button', { name: 'Undo this job' }).click();
    await see(page.getByRole('heading', { name: 'Preview' }));
    await see(page.getByRole('alert').filter({ hasText: 'This undoes the change language job: each person it changed gets their prior value back' }));
    await see(
      page
        .getByRole('table')
        .filter({ hasText: 'before → after' })
        .getByRole('row', { name: /nl\s*→ (en|de)/ })
        .first(),
    );
    await runAndFinish(`Undo for ${LEARNERS} people`, `Completed: ${LEARNERS} succeeded`);
    await see(page.getByRole('link', { name: 'an earlier job' }));
    const restored = await people().find({ tenantId: tenant, role: 'Learner' }).sort({ userId: 1 }).toArray();
    expect(restored.map((p) => p.language)).toEqual(t.learnerIds.map((_, i) => (i % 4 === 3 ? 'de' : 'en')));
  }, 180_000);

  it('add to a group with auto-enrolment → the warning is shown in preview → enrolments exist after', async () => {
    await filterPeople({ label: 'new-starter' });
    await see(page.getByText(`${NEW_STARTERS} people match label new-starter`));
    const names = await page.locator('td.col-name .person-name').allInnerTexts();
    expect(names).toHaveLength(NEW_STARTERS);
    const tick = async () => {
      for (const name of names) await page.getByLabel(`Select ${name}`, { exact: true }).check();
      await see(page.getByText(`${NEW_STARTERS} people selected`));
    };
    await tick();
    // another filter: the ticked rows stay selected, and the page says so, with a way to clear them
    await filterPeople({ label: 'fire-warden' });
    await see(page.getByText(`${WARDENS} people match label fire-warden`));
    const elsewhere = await see(status(`${NEW_STARTERS} people selected under another filter stay selected, though not necessarily shown here.`));
    await elsewhere.getByRole('button', { name: `Clear those ${NEW_STARTERS}` }).click();
    await see(page.getByText(`${WARDENS} people match label fire-warden`));
    await see(page.getByText('0 people selected'));
    expect(await page.getByText(/selected under another filter/).count()).toBe(0);
    await filterPeople({ label: 'new-starter' });
    await see(page.getByText(`${NEW_STARTERS} people match label new-starter`));
    await see(page.getByText('0 people selected'));
    await tick();

    await chooseAction('Add to teams or groups');
    const onboarding = page.getByRole('checkbox', { name: /Onboarding 2027/ });
    await see(page.getByText('auto-enrols in Welcome to the company, Workplace safety basics'));
    await onboarding.check();
    await page.getByRole('button', { name: 'Preview' }).click();
    const warning = await see(page.getByRole('alert').filter({ hasText: 'Warnings' }));
    expect(await warning.innerText()).toContain(`${NEW_STARTERS} people will be enrolled in 2 courses`);
    await shoot('preview-warning');
    await accessible();

    await runAndFinish(`Run add to teams or groups for ${NEW_STARTERS} people`, `Completed: ${NEW_STARTERS} succeeded`);
    for (const userId of t.newStarterIds) {
      expect((await membership(userId))?.groupIds).toEqual(['onboarding']);
      const courses = ((await learner(userId))?.enrolments ?? []).map((e: Json) => e.courseId).sort();
      expect(courses).toEqual(['course-safety', 'course-welcome']);
    }
  }, 120_000);

  it('a job with skips and failures → reasons grouped → CSV → retry the failed', async () => {
    await filterPeople({ label: 'fire-warden' });
    await see(page.getByText(`${WARDENS} people match label fire-warden`));
    await page.getByLabel('Select all people on this page').check();
    await see(page.getByText(`${WARDENS} people selected`));
    expect(await page.getByRole('button', { name: /Select all .* matching this filter/ }).count()).toBe(0); // one page is everyone

    await chooseAction('Add to teams or groups');
    await page.getByRole('checkbox', { name: /Fire wardens/ }).check();
    await page.getByRole('button', { name: 'Preview' }).click();
    const skips = await see(page.getByRole('table', { name: 'Skipped, by reason' }));
    expect(await skips.innerText()).toMatch(new RegExp(`MEMBERSHIP.ALREADY_MEMBER.*\\s${ALREADY_WARDENS}$`, 'm'));

    const failing = WARDENS - ALREADY_WARDENS;
    const jobId = await runAndFinish(`Run add to teams or groups for ${WARDENS} people`, `Completed: ${ALREADY_WARDENS} skipped, ${failing} failed`);
    const failures = await see(page.getByRole('table', { name: 'Failures by reason' }));
    expect(await failures.innerText()).toMatch(new RegExp(`LEARNING.COURSE_NOT_FOUND.*\\s${failing}\\s`, 'm'));
    const skipped = await see(page.getByRole('table', { name: 'Skipped, by reason' }));
    expect(await skipped.innerText()).toContain('MEMBERSHIP.ALREADY_MEMBER');
    await page.getByRole('radio', { name: `Failed (${failing})` }).check();
    await eventually(async () => (await page.locator('table.items tbody tr').count()) === failing, 10_000, 'only the failed people listed');
    expect(await page.locator('table.items tbody').innerText()).not.toContain('ALREADY_MEMBER');
    await shoot('results-grouped-failures');
    await accessible();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(WARDENS + 1);
    expect(csv.filter((line) => line.includes('LEARNING.COURSE_NOT_FOUND'))).toHaveLength(failing);

    // the administrator fixes the cause (the course now exists), then retries only the failed people
    await addFireSafetyCourse(system, tenant);
    const retryId = await runAndFinish(`Retry ${failing} failed people`, `Completed: ${failing} succeeded`);
    expect(retryId).not.toBe(jobId);
    await see(page.getByRole('link', { name: 'an earlier job' }));
    for (const userId of t.wardenIds.slice(ALREADY_WARDENS)) {
      expect((await membership(userId))?.groupIds).toEqual(['fire-wardens']);
      expect(((await learner(userId))?.enrolments ?? []).map((e: Json) => e.courseId)).toEqual(['course-fire-safety']);
    }
    const retry = await api(`/v1/batch-jobs/${encodeURIComponent(retryId)}`);
    expect(retry.body).toMatchObject({ retryOf: jobId, total: failing, counts: { succeeded: failing, failed: 0 } });
  }, 120_000);

  it('invite people from an uploaded CSV: rows checked, previewed, invited', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: 'Invite people from a file' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Invite users' }));
    const csv = [
      'email,name,role,language',
      `nina@${tenant}.test,Nina Nieuw,Learner,nl`,
      `omar@${tenant}.test,Omar Oud,HR,en`,
      'not-an-address,Bad Row,,',
    ].join('\n');
    await page.getByLabel('People to invite (CSV or XLSX)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const summary = await see(status('3 rows: 2 usable, 1 with problems'));
    expect(await summary.innerText()).toContain('Row 4, email');
    await page.getByRole('button', { name: 'Preview' }).click();
    await see(page.getByRole('table', { name: 'Will fail, by reason' }).getByText('IDENTITY.INVALID_ROW'));
    await runAndFinish('Run invite users for 3 people', 'Completed: 2 succeeded, 1 failed');
    const invited = await people().find({ tenantId: tenant, status: 'invited' }).sort({ email: 1 }).toArray();
    expect(invited.map((p) => [p.email, p.name, p.role, p.language])).toEqual([
      [`nina@${tenant}.test`, 'Nina Nieuw', 'Learner', 'nl'],
      [`omar@${tenant}.test`, 'Omar Oud', 'HR', 'en'],
    ]);

    // Nina opens the link of her invitation e-mail (`/console/#/invitation/<token>`) and accepts it
    const mail = await eventually(async () => (await mailTo(`nina@${tenant}.test`))[0], 30_000, 'the invitation e-mail');
    const link = /\/console\/#\/invitation\/[^\s"'<>)\]]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(`${base}${link}`);
    await see(page.getByRole('heading', { level: 1, name: 'Accept your invitation' }));
    await page.getByLabel('Password (optional)').fill('a long enough password');
    await page.getByLabel('The same password again').fill('a long enough password');
    await shoot('accept-invitation');
    await accessible();
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await see(status('Welcome! Your account is active.'));
    expect((await people().findOne({ tenantId: tenant, email: `nina@${tenant}.test` }))?.status).toBe('active');
    await page.goto(`${base}/people`);
  }, 120_000);

  it('a Learner sees no batch actions at all; their inbox shows the message sent to them', async () => {
    // the Owner writes to Lena, with the composer's preview of the message
    await filterPeople({ search: t.lena.name });
    await page.getByLabel(`Select ${t.lena.name}`, { exact: true }).check();
    await chooseAction('Send notification');
    await page.getByLabel('Subject').fill('Welcome to Cohort');
    await page.getByLabel('Message').fill('Your first course is waiting for you.\nSee you soon!');
    await see(page.getByRole('region', { name: 'How it will look in the inbox' }).getByText('Welcome to Cohort'));
    await shoot('message-composer');
    await page.getByRole('button', { name: 'Preview' }).click();
    await runAndFinish('Run send notification for 1 person', 'Completed: 1 succeeded');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    const jobs = await see(page.getByRole('table', { name: 'Jobs, newest first' }));
    await see(jobs.getByRole('cell', { name: 'Send notification' }));
    // change language and its undo, add to group, add to group and its retry, invite, notify
    expect(await jobs.locator('tbody tr').count()).toBe(7);
    expect(await jobs.innerText()).toMatch(/Add to teams or groups\s*retry/);
    expect(await jobs.innerText()).toMatch(/Change language\s*undo/);
    await shoot('jobs-history');
    await accessible();

    // development sign-in as Lena, a Learner
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dev = await see(page.getByRole('region', { name: 'Development sign-in' }));
    expect(await dev.getByLabel('Tenant').inputValue()).toBe(tenant);
    await see(dev.getByRole('button', { name: new RegExp(`Sign in as ${t.lena.name}`) }));
    await shoot('sign-in');
    await accessible();
    await dev.getByRole('button', { name: new RegExp(`Sign in as ${t.lena.name}`) }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Inbox' }));
    await see(page.getByRole('heading', { name: /Welcome to Cohort/ }));
    await see(status('1 unread notification.'));
    expect(await page.getByRole('button', { name: /Batch actions/ }).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim())).toEqual(['My learning', expect.stringMatching(/^Inbox/)]);
    await shoot('inbox');
    await accessible();
    await page.getByRole('button', { name: 'Mark “Welcome to Cohort” as read' }).click();
    await see(status('Nothing unread.'));
    await page.goto(`${base}/people`);
    await see(page.getByRole('heading', { level: 1, name: 'Page not found' }));
    expect(await page.getByRole('button', { name: /Batch actions/ }).count()).toBe(0);

    // and the API agrees: no actions, and the message read
    const lena = signToken({ sub: t.lena.userId, tid: tenant, role: 'Learner', email: `${t.lena.userId}@${tenant}.test` });
    expect((await api('/v1/actions', lena)).body).toEqual([]);
    const inbox = await api('/v1/me/notifications', lena);
    expect(inbox.body).toMatchObject({ unread: 0, items: [{ subject: 'Welcome to Cohort', readAt: expect.any(String) }] });
  }, 120_000);
});
