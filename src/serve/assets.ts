import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { packageRoot } from '../paths.js';

/**
 * Static assets, all served from this process (no CDN; the machines have no internet): our own
 * CSS/JS from src/serve/assets, and vis-timeline's standalone build straight from node_modules.
 */
const require = createRequire(import.meta.url);
const visDir = dirname(require.resolve('vis-timeline/package.json'));
const ownDir = join(packageRoot, 'src', 'serve', 'assets');

const FILES: Record<string, [path: string, type: string]> = {
  'app.css': [join(ownDir, 'app.css'), 'text/css; charset=utf-8'],
  'timeline.js': [join(ownDir, 'timeline.js'), 'text/javascript; charset=utf-8'],
  'favicon.svg': [join(ownDir, 'favicon.svg'), 'image/svg+xml'],
  'vendor/vis-timeline.js': [join(visDir, 'standalone', 'umd', 'vis-timeline-graph2d.min.js'), 'text/javascript; charset=utf-8'],
  'vendor/vis-timeline.css': [join(visDir, 'styles', 'vis-timeline-graph2d.min.css'), 'text/css; charset=utf-8'],
};

const cache = new Map<string, Buffer>();

export function mountAssets(app: Hono): void {
  app.get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301));
  app.get('/assets/*', (c) => {
    const name = c.req.path.slice('/assets/'.length);
    const entry = FILES[name];
    if (!entry) return c.text('not found', 404);
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(entry[0]);
      // Our own files may change during development; vendor files never do.
      if (name.startsWith('vendor/')) cache.set(name, body);
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': entry[1],
      'cache-control': name.startsWith('vendor/') ? 'public, max-age=86400' : 'no-cache',
    });
  });
}
