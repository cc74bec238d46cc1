import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json is), found from this file whether run from src/ or dist/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('chronik: package root not found');
    dir = up;
  }
}

export const packageRoot = findRoot();
/** Resources shipped with the package: migrations, knowledge base, models, sample corpus. */
export const paths = {
  migrations: join(packageRoot, 'src', 'store', 'migrations'),
  kb: join(packageRoot, 'kb'),
  models: join(packageRoot, 'models'),
  examples: join(packageRoot, 'examples'),
  rules: join(packageRoot, 'src', 'analyze', 'rules'),
} as const;
