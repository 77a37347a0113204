// Lists the files of node_modules/<pkg> that `require(pkg)` and `import(pkg)` load on this Node, one per
// line, relative to the package directory: the `entries` of fixtures/precision/packages/<pkg>.json.
// Run from the repository root: `node scripts/precision-loaded.mjs debug`.
// CommonJS loads are read from require.cache; ES module loads from a resolve hook, because the ESM
// loader keeps no cache a script can read. Lazy requires (inside functions) are not run here: the guard
// follows them from these entries, as it follows every reference.
import { realpathSync } from 'node:fs';
import { register, createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';

const [pkg] = process.argv.slice(2);
if (pkg === undefined) {
  console.error('usage: node scripts/precision-loaded.mjs <package>');
  process.exit(2);
}
const resolved = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => resolved.add(url));
port1.unref();
// The hook runs on the loader thread; it reports every URL the ESM loader resolves.
const hook = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }
`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });

const requireHere = createRequire(path.join(process.cwd(), 'precision-loaded.cjs'));
// tki-allow-next-line no-dynamic-code -- loading the package named on the command line is what this script records
try { requireHere(pkg); } catch (error) { console.error('require failed:', error.code ?? error.message); }
// tki-allow-next-line no-dynamic-code -- the same package through the ESM loader (its import condition)
try { await import(pkg); } catch (error) { console.error('import failed:', error.code ?? error.message); }
// Messages from the loader thread arrive asynchronously.
await new Promise((resolve) => setTimeout(resolve, 200));

const files = new Set(Object.keys(requireHere.cache));
for (const url of resolved) if (url.startsWith('file:')) files.add(new URL(url).pathname);
const packageDir = realpathSync(path.resolve('node_modules', pkg));
for (const file of [...files].sort()) if (file.startsWith(`${packageDir}/`)) console.log(path.relative(packageDir, file));
