/**
 * What the browser tests of the pane share: the production build served on a local port and one
 * headless Chromium per test file, a page per test whose script errors fail that test, and the
 * preview opened at 320 px. A missing Chromium fails the file; only PERF_SKIP_BROWSER=1 skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../harness/chromium';
import { productionBuild, ROOT } from '../../harness/build';
import { serveDirectory, type StaticServer } from '../../harness/static-server';

export const SKIP = process.env.PERF_SKIP_BROWSER === '1';
if (!existsSync(CHROMIUM) && !SKIP)
  throw new Error(`Chromium not found at ${CHROMIUM} (PERF_SKIP_BROWSER=1 skips)`);

export interface BrowserSession {
  /** The build's folder (for file:// pages) and its server; set once the file's tests start. */
  readonly dir: string;
  readonly server: StaticServer;
  readonly browser: Browser;
  /** Script errors of the current page; a test ending with any fails. */
  readonly errors: string[];
  /** A new page for this test (closed after it), its script errors collected. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** The preview (the pane beside the sheet) at 320 px, with `query` (e.g. "example=…"). */
  openPreview(query: string): Promise<Page>;
}

/** Registers the hooks of a browser test file and gives what its tests use. */
export function browserSession(): BrowserSession {
  let dir = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let current: Page | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    if (SKIP) return;
    dir = (await productionBuild()).dir;
    server = await serveDirectory(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    if (SKIP) return;
    expect(errors).toEqual([]);
    await current?.close();
  });

  const session: BrowserSession = {
    get dir() {
      return dir;
    },
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    errors,
    async newPage(options) {
      errors.length = 0;
      current = await browser!.newPage(options);
      current.on('pageerror', (e) => errors.push(e.message));
      return current;
    },
    async openPreview(query) {
      const page = await session.newPage({ viewport: { width: 1024, height: 800 } });
      await page.goto(`${server!.url}preview.html?width=320&${query}`);
      await page.getByTestId('sheet-preview').waitFor();
      return page;
    },
  };
  return session;
}

/**
 * axe-core's violations in `within` (a selector; the whole page when absent, `main` for the pane
 * in the preview, whose bar around it is a test harness) as it is now ("id: targets"), leaving out only the
 * documented false positive (README, Accessibility): Tabster's focus guards (`<i aria-hidden
 * tabindex=0 data-tabster-dummy>`, Fluent UI's) reported as aria-hidden-focus. Waits for Fluent's
 * fades first: a colour caught mid-fade is no contrast failure.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await page.waitForTimeout(800);
  // Evaluated through the DevTools protocol: the page's CSP rightly forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(`${readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')}; true`);
  const result = (await page.evaluate(async (selector) => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    return a.run(selector === null ? document : { include: [[selector]] }, { resultTypes: ['violations'] });
  }, within ?? null)) as { violations: { id: string; nodes: { target: string[]; html: string }[] }[] };
  const guard = (id: string, html: string) =>
    id === 'aria-hidden-focus' && html.includes('data-tabster-dummy');
  return result.violations.flatMap((v) => {
    const nodes = v.nodes.filter((n) => !guard(v.id, n.html));
    return nodes.length > 0 ? [`${v.id}: ${nodes.map((n) => n.target.join(' ')).join(', ')}`] : [];
  });
}
