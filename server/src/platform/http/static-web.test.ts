import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let app: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'matriz-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Matriz</title>');
  writeFileSync(join(webDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  const big = `console.log("${'x'.repeat(4000)}")`;
  writeFileSync(join(webDir, 'assets', 'big-5e6f.js'), big);
  writeFileSync(join(webDir, 'assets', 'big-5e6f.js.br'), brotliCompressSync(big));
  app = await createTestApp('sqlite', { demo: 'none', env: { MATRIZ_WEB_DIR: webDir } });
});
afterAll(() => app.close());

it('sirve los recursos con caché larga y la página sin caché', async () => {
  const asset = await app.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
  expect(asset.statusCode).toBe(200);
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  const page = await app.app.inject({ method: 'GET', url: '/lottery/sell' });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('<title>Matriz</title>');
  expect(page.headers['cache-control']).toBe('no-cache');
});

it('un recurso que falta da 404, no la página', async () => {
  const missing = await app.app.inject({ method: 'GET', url: '/assets/viejo-9z.js' });
  expect(missing.statusCode).toBe(404);
});

it('un archivo nuevo tras reconstruir se sirve sin reiniciar', async () => {
  writeFileSync(join(webDir, 'assets', 'nuevo-3c4d.js'), 'console.log(2)');
  const fresh = await app.app.inject({ method: 'GET', url: '/assets/nuevo-3c4d.js' });
  expect(fresh.statusCode).toBe(200);
  expect(fresh.body).toBe('console.log(2)');
});

it('un teléfono que acepta Brotli recibe la copia comprimida del build; otro navegador, el archivo tal cual', async () => {
  const compressed = await app.app.inject({
    method: 'GET',
    url: '/assets/big-5e6f.js',
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  expect(compressed.statusCode).toBe(200);
  expect(compressed.headers['content-encoding']).toBe('br');
  expect(compressed.rawPayload.length).toBeLessThan(200);
  expect(brotliDecompressSync(compressed.rawPayload).toString()).toMatch(/^console\.log\("x+"\)$/);
  const plain = await app.app.inject({ method: 'GET', url: '/assets/big-5e6f.js' });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.length).toBeGreaterThan(4000);
});

it('la página no pide pasar a HTTPS: en la red local se sirve por HTTP y los recursos deben cargar', async () => {
  const page = await app.app.inject({ method: 'GET', url: '/' });
  const policy = String(page.headers['content-security-policy']);
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toContain('upgrade-insecure-requests');
});
