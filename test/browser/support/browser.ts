import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const LAPTOP = { width: 1280, height: 900 };
export const TABLET = { width: 800, height: 1100 };

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  /** console errors, uncaught page errors and failed requests seen since the last call */
  takeProblems: () => string[];
  close: () => Promise<void>;
}

/**
 * Headless Chromium on a fresh user-data-dir. Fails — never skips — when Chromium is missing: the
 * browser tests are part of `npm test`. Every console error, uncaught exception and failed request of
 * the page is recorded; specs assert there are none.
 */
export async function launchConsoleBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests need it. Install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'cohort-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: LAPTOP,
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // the live stream is closed by the console when a job ends: an abort, not a failure
    if (!/ERR_ABORTED/.test(failure)) problems.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
  });
  return {
    context,
    page,
    takeProblems: () => problems.splice(0),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations of WCAG 2.1 A/AA on the page as it is now: "rule (impact): targets". */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // (expressions as strings: this file is type-checked without the DOM library)
  if (!(await page.evaluate<boolean>(`'axe' in window`))) await page.addScriptTag({ content: AXE_SOURCE() });
  return page.evaluate<string[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
}

/** The element that has the keyboard focus. */
export async function focused(page: Page): Promise<{ id: string; role: string | null; text: string }> {
  return page.evaluate(
    `({ id: document.activeElement.id, role: document.activeElement.getAttribute('role'), text: document.activeElement.textContent })`,
  );
}

/** Whether the page scrolls sideways at its current width (everything should fit; wide tables scroll in their own box). */
export async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`);
}

/**
 * Screenshots of each screen: into docs/screenshots when SCREENSHOTS=docs (how the README's pictures are
 * made), else into .cohort/screenshots so a test run leaves the work tree as it was.
 */
export function screenshotDir(root: string): string {
  const dir = process.env.SCREENSHOTS === 'docs' ? join(root, 'docs', 'screenshots') : join(root, '.cohort', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
