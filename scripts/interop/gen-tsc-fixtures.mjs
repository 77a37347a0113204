// Writes fixtures/interop/tsc-<version>/: the fixture libraries compiled to CommonJS by an older
// TypeScript, whose helpers (`__importStar` before 5.7) differ from the pinned compiler's. Its
// output never changes, so it is committed rather than installed: a second `typescript` in
// node_modules would take over `node_modules/.bin/tsc`. To regenerate (or add a version):
//   npm install --no-save typescript-old@npm:typescript@5.6.3
//   node scripts/interop/gen-tsc-fixtures.mjs typescript-old
//   npm ci
// tests/interop/compile.ts reads these files as the `tsc <version>` builds.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const packageName = process.argv[2];
if (packageName === undefined) {
  process.stderr.write('usage: node scripts/interop/gen-tsc-fixtures.mjs <installed typescript package name>\n');
  process.exit(2);
}
// tki-allow-next-line no-dynamic-code UNANALYZED -- the TypeScript to compile with is named on the command line
const ts = createRequire(path.join(root, 'package.json'))(packageName);
const variants = { esModuleInterop: { esModuleInterop: true }, 'no-esModuleInterop': { esModuleInterop: false }, importHelpers: { esModuleInterop: true, importHelpers: true } };
const sourceDirectory = path.join(root, 'fixtures/interop/esm');
for (const [variant, options] of Object.entries(variants)) {
  const outDirectory = path.join(root, `fixtures/interop/tsc-${ts.version}`, variant);
  mkdirSync(outDirectory, { recursive: true });
  for (const file of readdirSync(sourceDirectory).filter((name) => name.endsWith('.js'))) {
    const library = file.slice(0, -3);
    const { outputText } = ts.transpileModule(readFileSync(path.join(sourceDirectory, file), 'utf8'), {
      fileName: `${library}.ts`,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, ...options },
    });
    writeFileSync(path.join(outDirectory, `${library}.cjs`), outputText);
  }
}
process.stdout.write(`wrote fixtures/interop/tsc-${ts.version}/\n`);
