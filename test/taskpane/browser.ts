/**
 * What the browser tests of the pane share: the production build served on a local port and one
 * headless Chromium per test file, a page per test whose script errors fail that test, and the
 * preview opened at 320 px. A missing Chromium fails the file; only PERF_SKIP_BROWSER=1 skips.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../harness/chromium';
import { productionBuild } from '../../harness/build';
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
