import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatLayoutError, layoutPackage } from './layout.js';
import { PACKAGES } from './packages.js';

/**
 * `npm run pack [-- --out DIR] [--no-tarball]`: lays out each package under DIR (default
 * `.tki-cache/packages/`) from dist/, then `npm pack`s it there. Prints one tarball path a line.
 */
const root = resolve(import.meta.dirname, '../../..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? (args[outIndex + 1] ?? '') : join(root, '.tki-cache/packages'));
mkdirSync(out, { recursive: true });
let failed = false;
for (const spec of PACKAGES) {
  const laid = layoutPackage(root, spec, out);
  if (!laid.ok) {
    process.stderr.write(`${formatLayoutError(laid.error)}\n`);
    failed = true;
    continue;
  }
  if (args.includes('--no-tarball')) {
    process.stdout.write(`${laid.directory}\n`);
    continue;
  }
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: laid.directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Array<{ filename: string }>;
  process.stdout.write(`${join(out, packed[0]?.filename ?? '')}\n`);
}
process.exitCode = failed ? 1 : 0;
