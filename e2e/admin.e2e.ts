import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, login, newPage, PHONE, pageErrors, screenshot } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

async function row(page: Page, username: string) {
  return page.locator('[data-testid="table-row"]', { has: page.getByText(username, { exact: true }) });
}

async function searchUser(page: Page, q: string) {
  await page.getByTestId('users-filter-q').fill(q);
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}

async function confirm(page: Page) {
  await page.getByTestId('confirm-accept').click();
  await page.getByTestId('confirm-accept').waitFor({ state: 'detached' });
}

describe('users and audit administration', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admin creates, edits, resets, deactivates, reactivates and deletes a user', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      await page.getByTestId('nav-admin-users').click();
      await (await row(page, 'juan001')).waitFor();
      await screenshot(page, 'users-1366');

      // Create
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-username').fill('prueba1');
      await page.getByTestId('user-full-name').fill('Usuario de Prueba');
      await page.getByTestId('user-email').fill('prueba1@example.com');
      await page.getByTestId('user-password').fill('clave-segura-1');
      await page.getByTestId('user-roles').click();
      await page.getByRole('option', { name: 'Vendedor', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('user-save').click();
      await page.getByTestId('user-form').waitFor({ state: 'detached' });
      await searchUser(page, 'prueba1');
      const created = await row(page, 'prueba1');
      await created.waitFor();
      expect(await created.textContent()).toContain('Usuario de Prueba');
      expect(await created.textContent()).toContain('Vendedor');

      // A duplicate username shows the server's message inside the form.
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-username').fill('prueba1');
      await page.getByTestId('user-full-name').fill('Otro');
      await page.getByTestId('user-password').fill('clave-segura-2');
      await page.getByTestId('user-roles').click();
      await page.getByRole('option', { name: 'Cobrador', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('user-save').click();
      const formError = page.getByTestId('user-form-error');
      await formError.waitFor();
      expect(await formError.textContent()).toContain('prueba1');
      await page.keyboard.press('Escape');
      await page.getByTestId('user-form').waitFor({ state: 'detached' });

      // Edit
      await page.getByTestId('user-edit-prueba1').click();
      await page.getByTestId('user-full-name').fill('Usuario Editado');
      await page.getByTestId('user-save').click();
      await page.getByTestId('user-form').waitFor({ state: 'detached' });
      await page.getByText('Usuario Editado').waitFor();

      // Reset password
      await page.getByTestId('user-reset-prueba1').click();
      const reset = page.getByTestId('reset-password-form');
      await reset.locator('input').nth(0).fill('otra-clave-99');
      await reset.locator('input').nth(1).fill('otra-clave-99');
      await reset.getByRole('button', { name: 'Restablecer' }).click();
      await reset.waitFor({ state: 'detached' });

      // Deactivate, then reactivate
      await page.getByTestId('user-deactivate-prueba1').click();
      await confirm(page);
      await page.getByTestId('user-reactivate-prueba1').waitFor();
      expect(await (await row(page, 'prueba1')).textContent()).toContain('Inactivo');
      await page.getByTestId('user-reactivate-prueba1').click();
      await confirm(page);
      await page.getByTestId('user-deactivate-prueba1').waitFor();

      // Delete permanently (never logged in, so allowed)
      await page.getByTestId('user-delete-prueba1').click();
      await confirm(page);
      await page.getByTestId('table-empty').waitFor();

      // The admin cannot deactivate or delete themself.
      await searchUser(page, 'admin');
      expect(await page.getByTestId('user-delete-admin').isDisabled()).toBe(true);
      expect(await page.getByTestId('user-deactivate-admin').isDisabled()).toBe(true);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('deleting a user with history shows the server refusal in the dialog', async () => {
    const seller = await newPage(browser, server.url, PHONE);
    await login(seller.page, 'juan001');
    await seller.context.close();

    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      await page.goto('/admin/users?q=juan001');
      await page.getByTestId('user-delete-juan001').click();
      await page.getByTestId('confirm-accept').click();
      const error = page.getByTestId('confirm-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('historial');
      await page.getByTestId('confirm-cancel').click();
    } finally {
      await context.close();
    }
  });

  it('audit lists changes with filters and an expandable before/after view', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      await page.getByTestId('nav-admin-audit').click();
      await page.getByTestId('table-row').first().waitFor();

      await page.getByLabel('Entidad').fill('user');
      await page.getByLabel('Acción').fill('create');
      await page.getByTestId('audit-apply').click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'create');
      // The previous page stays on screen while the filtered one loads: wait until only creations show.
      const rows = page.getByTestId('table-row');
      await page.waitForFunction(() => {
        const found = [...document.querySelectorAll('[data-testid="table-row"]')];
        return found.length > 0 && found.every((r) => r.textContent?.includes('create'));
      });
      const first = rows.first();
      await first.getByRole('button', { name: 'Ver detalle' }).click();
      await page.getByTestId('audit-diff').waitFor();
      await screenshot(page, 'audit-1366');
    } finally {
      await context.close();
    }
  });

  it('admin screens are usable on a phone', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await login(page, 'admin');
      await page.goto('/admin/users');
      await (await row(page, 'juan001')).waitFor();
      await screenshot(page, 'users-390');
      await page.goto('/admin/audit');
      await page.getByTestId('table-row').first().waitFor();
      await screenshot(page, 'audit-390');
    } finally {
      await context.close();
    }
  });

  it('a user without the permission gets the no-permission page', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await login(page, 'ruta1');
      await page.goto('/admin/users');
      await page.getByTestId('forbidden').waitFor();
      await page.goto('/lottery/sell');
      await page.getByTestId('forbidden').waitFor();
      // A screen the role does have opens (placeholder or real page), without the no-permission page.
      await page.goto('/bakery/documents');
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      expect(await page.getByTestId('forbidden').count()).toBe(0);
      expect(await page.getByTestId('crash').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
