import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface Viewport {
  width: number;
  height: number;
  /** Phone: touch, mobile viewport meta honoured. */
  mobile: boolean;
}

export const PHONE: Viewport = { width: 390, height: 844, mobile: true };
export const DESKTOP: Viewport = { width: 1366, height: 768, mobile: false };
export const VIEWPORTS = [PHONE, DESKTOP] as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies, no storage) at the given size, pointed at the server. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport: Viewport,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
    deviceScaleFactor: 1,
    locale: 'es-DO',
    timezoneId: 'America/Santo_Domingo',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  (page as Page & { jsErrors?: string[] }).jsErrors = errors;
  return { context, page };
}

/** Uncaught errors seen by the page (kept on the page by newPage). */
export function pageErrors(page: Page): string[] {
  return (page as Page & { jsErrors?: string[] }).jsErrors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Logs in through the form and waits for the home page. */
export async function login(page: Page, username: string, password = 'demo1234'): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('welcome-card').waitFor();
}

/** Whether the element is rendered and inside the viewport (a collapsed phone navbar is off-screen). */
export async function isOnScreen(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 1 && box.width > 0 && box.height > 0;
}

/** On a phone the navigation sits behind the burger: open it and wait until it has slid in. */
export async function openNavigation(page: Page): Promise<void> {
  const burger = page.getByTestId('menu-burger');
  if ((await burger.isVisible()) && (await burger.getAttribute('aria-expanded')) !== 'true')
    await burger.click();
  const home = page.getByTestId('nav-home');
  const deadline = Date.now() + 5_000;
  while (!(await isOnScreen(home))) {
    if (Date.now() > deadline) throw new Error('the navigation did not open');
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(250); // let the slide transition finish before screenshots
}

/** Keys (`nav-<key>`) of the navigation links rendered for the current user. */
export async function navKeys(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="nav-"]')
    .evaluateAll((elements) => elements.map((el) => (el as HTMLElement).dataset.testid ?? ''));
  return ids.map((id) => id.replace(/^nav-/, '')).sort();
}

/** Logs out through the header button and its confirmation dialog. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout-button').click();
  await page.getByTestId('confirm-accept').click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-form').waitFor();
}

/** A JSON call from inside a signed-in page (same origin, its session cookie), as another screen would make it. */
export async function apiCall(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}
