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
