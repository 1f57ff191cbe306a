import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigure {
  files: number;
  gzipBytes: number;
}

/** JavaScript the browser must fetch before the first screen: the entry script and its preloads. */
export function initialJavaScript(distDir = join('web', 'dist')): BundleFigure {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  let gzipBytes = 0;
  for (const source of sources)
    gzipBytes += gzipSync(readFileSync(join(distDir, source.replace(/^\//, '')))).length;
  return { files: sources.length, gzipBytes };
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * JavaScript the browser fetches to show one route on a first visit: the entry and its static
 * imports, then the lazily loaded chunks of `sources` (manifest keys such as
 * `src/modules/lottery/sell/SellPage.tsx`) and their static imports, each file counted once.
 * Dynamic imports inside them (dialogs, the camera scanner) load later and are not counted.
 * Needs `build.manifest` (dist/.vite/manifest.json).
 */
export function routeJavaScript(sources: readonly string[], distDir = join('web', 'dist')): BundleFigure {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  for (const source of sources) {
    if (!manifest[source]) throw new Error(`${source} is not in the Vite manifest`);
    visit(source);
  }
  let gzipBytes = 0;
  for (const file of files) gzipBytes += gzipSync(readFileSync(join(distDir, file))).length;
  return { files: files.size, gzipBytes };
}

/** The seller screen (/lottery/sell): entry, the authenticated layout and the POS page. */
export const SELL_ROUTE_SOURCES = ['src/app/Layout.tsx', 'src/modules/lottery/sell/SellPage.tsx'] as const;
