import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  DESKTOP,
  isOnScreen,
  launchBrowser,
  login,
  newPage,
  PHONE,
  pageErrors,
  screenshot,
} from './support/browser.ts';
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

  it('switching a bet type off asks first and says what stops; cancelling changes nothing', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    const paleActive = async () =>
      (
        (await (await page.request.get('/api/v1/lottery/bet-types')).json()) as {
          bet_types: { code: string; active: boolean }[];
        }
      ).bet_types.find((b) => b.code === 'PALE')!.active;
    try {
      await login(page, 'admin');
      await page.goto('/lottery/catalog?tab=bet-types');
      const toggle = page.locator('label', { has: page.getByTestId('bet-type-active-PALE') }).first();
      await toggle.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('ningún punto de venta vende');
      await page.getByTestId('confirm-cancel').click();
      await page.getByTestId('confirm-accept').waitFor({ state: 'detached' });
      expect(await paleActive()).toBe(true);

      await toggle.click();
      await confirm(page);
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="bet-type-active-PALE"]')
          ?.closest('label')
          ?.textContent?.includes('Inactivo'),
      );
      expect(await paleActive()).toBe(false);
      await toggle.click();
      await confirm(page);
      expect(await paleActive()).toBe(true);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a limit rule of max 0 or for the whole network asks first and says what it stops', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    const ruleCount = async () =>
      ((await (await page.request.get('/api/v1/lottery/limits')).json()) as { items: unknown[] }).items
        .length;
    try {
      await login(page, 'admin');
      await page.goto('/lottery/limits');
      const save = page.getByTestId('rule-save');
      await save.waitFor();
      // No default maximum: the form cannot create a rule that refuses everything by accident.
      expect(await save.isDisabled()).toBe(true);
      const before = await ruleCount();
      await page.getByTestId('rule-max').fill('0');
      await save.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const text = await dialog.textContent();
      expect(text).toContain('Con máximo 0 se rechazarán las jugadas DIRECTO de cada número');
      expect(text).toContain('todas las bancas de la red');
      await screenshot(page, 'limits-confirm-1366');
      await page.getByTestId('confirm-cancel').click();
      await page.getByTestId('confirm-accept').waitFor({ state: 'detached' });
      expect(await ruleCount()).toBe(before);

      await page.getByTestId('rule-number').fill('23');
      await page.getByTestId('rule-max').fill('500');
      await save.click();
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('las jugadas DIRECTO al 23');
      await confirm(page);
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="limit-rules"] [data-testid="table-row"]').length > n,
        before,
      );
      expect(await ruleCount()).toBe(before + 1);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a supervisor sets limits only for a zone or banca of theirs; blocks are for the admin', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'supervisor1');
      await page.goto('/lottery/limits');
      const save = page.getByTestId('rule-save');
      await save.waitFor();
      await page.getByTestId('rule-max').fill('100');
      expect(await save.isDisabled()).toBe(true);
      await page.getByTestId('rule-zone').click();
      expect(await page.getByRole('option', { name: 'ZONA NORTE' }).count()).toBe(0);
      await page.getByRole('option', { name: 'GRUPO GILBERTO TL' }).click();
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/lottery/limits') && r.request().method() === 'POST',
      );
      await save.click();
      expect((await created).status()).toBe(201);
      await page.getByTestId('tab-blocks').click();
      await page.getByTestId('limits-admin-only').waitFor();
      expect(await page.getByTestId('block-submit').count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the schedule dialog warns what saving does to draws already generated', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      await page.goto('/lottery/draws?tab=lotteries');
      await page.getByTestId('schedule-REAL').click();
      const warning = page.getByTestId('schedule-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('los que no tienen ventas se eliminan');
      await page.getByTestId('schedule-save').click();
      await warning.waitFor({ state: 'detached' });
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at 1366 px the bancas and lotteries tables keep every row action on screen', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      await page.goto('/lottery/network?tab=bancas');
      for (const id of ['banca-edit-010', 'deactivate-010', 'delete-010']) {
        await page.getByTestId(id).waitFor();
        expect(await isOnScreen(page.getByTestId(id)), id).toBe(true);
      }
      await screenshot(page, 'bancas-1366');
      await page.goto('/lottery/draws?tab=lotteries');
      for (const id of ['lottery-edit-REAL', 'schedule-REAL', 'deactivate-REAL', 'delete-REAL']) {
        await page.getByTestId(id).waitFor();
        expect(await isOnScreen(page.getByTestId(id)), id).toBe(true);
      }
      await screenshot(page, 'lotteries-1366');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a lottery with sales keeps its format and time zone: the form shows why', async () => {
    const seller = await newPage(browser, server.url, PHONE);
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(seller.page, 'juan001');
      const sold = await apiCall(seller.page, 'POST', '/lottery/tickets', { entry: 'LOTEKA|23|10' });
      expect(sold.status, JSON.stringify(sold.json)).toBe(201);

      await login(page, 'admin');
      await page.goto('/lottery/draws?tab=lotteries');
      await page.getByTestId('lottery-edit-LOTEKA').click();
      await page.getByTestId('lottery-time-zone').fill('America/New_York');
      await page.getByTestId('lottery-save').click();
      const error = page.getByTestId('lottery-error');
      await error.waitFor();
      expect(await error.textContent()).toContain(
        'La lotería «LOTEKA» tiene ventas en 1 sorteo(s) sin liquidar',
      );
      await page.keyboard.press('Escape');
      await page.getByTestId('lottery-form').waitFor({ state: 'detached' });
      const loteka = await apiCall(page, 'GET', '/lottery/lotteries?q=LOTEKA');
      expect(loteka.json.items[0].time_zone).toBe('America/Santo_Domingo');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await seller.context.close();
      await context.close();
    }
  });

  it('deactivating a zone says how many active bancas stop selling', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      await page.goto('/lottery/network?tab=zones');
      const zones = await apiCall(page, 'GET', '/lottery/zones');
      const zone = zones.json.items.find((z: { code: string }) => z.code === 'GIL');
      expect(zone.active_banca_count).toBeGreaterThan(1);
      await page.getByTestId('deactivate-GIL').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(
        `Sus ${zone.active_banca_count} bancas activas dejan de vender desde ahora`,
      );
      await page.getByTestId('confirm-cancel').click();
      await page.getByTestId('confirm-accept').waitFor({ state: 'detached' });
      expect((await apiCall(page, 'GET', `/lottery/zones/${zone.id}`)).json.zone.active).toBe(true);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a banca saved by someone else meanwhile is not overwritten; a new banca starts from the operator's footer", async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    try {
      await login(page, 'admin');
      await page.goto('/lottery/network?tab=bancas');
      await page.getByTestId('banca-edit-011').click();
      await page.getByTestId('banca-form').waitFor();
      // Another supervisor saves the same banca while this form is open.
      const banca = (await apiCall(page, 'GET', '/lottery/bancas?q=011')).json.items[0];
      const other = await apiCall(page, 'PATCH', `/lottery/bancas/${banca.id}`, {
        owner_name: 'OTRO DUEÑO',
        version: banca.version,
      });
      expect(other.status, JSON.stringify(other.json)).toBe(200);

      await page.getByTestId('banca-name').fill('LA CENTRAL ONCE');
      await page.getByTestId('banca-save').click();
      const error = page.getByTestId('banca-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Recargue');
      const kept = (await apiCall(page, 'GET', `/lottery/bancas/${banca.id}`)).json.banca;
      expect(kept).toMatchObject({ name: banca.name, owner_name: 'OTRO DUEÑO' });

      await page.getByTestId('banca-reload').click();
      await error.waitFor({ state: 'detached' });
      expect(await page.getByTestId('banca-owner').inputValue()).toBe('OTRO DUEÑO');
      await page.getByTestId('banca-name').fill('LA CENTRAL ONCE');
      await page.getByTestId('banca-save').click();
      await page.getByTestId('banca-form').waitFor({ state: 'detached' });
      expect((await apiCall(page, 'GET', `/lottery/bancas/${banca.id}`)).json.banca).toMatchObject({
        name: 'LA CENTRAL ONCE',
        owner_name: 'OTRO DUEÑO',
      });

      const settings = (await apiCall(page, 'GET', '/lottery/settings')).json.settings;
      await page.getByTestId('banca-create').click();
      await page.getByTestId('banca-form').waitFor();
      for (const [index, line] of (settings.footer_lines as string[]).entries())
        expect(await page.getByTestId(`banca-footer-${index + 1}`).inputValue()).toBe(line);
      expect(settings.footer_lines[0]).not.toBe('');
      await page.keyboard.press('Escape');
      expect(pageErrors(page)).toEqual([]);
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
