// `npm ci` in the clone ends here (prepare): link the root package's own bins into
// node_modules/.bin, as npm does for a dependency's. Without them, `npx tki` in a clone does not
// find a local `tki`, installs the clone into npx's cache and rebuilds the whole project first.
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const binDirectory = path.join(root, 'node_modules', '.bin');
mkdirSync(binDirectory, { recursive: true });
for (const [name, target] of Object.entries(manifest.bin ?? {})) {
  const link = path.join(binDirectory, name);
  rmSync(link, { force: true });
  symlinkSync(path.relative(binDirectory, path.join(root, target)), link);
  chmodSync(path.join(root, target), 0o755);
}
