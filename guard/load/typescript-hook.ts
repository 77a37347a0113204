/**
 * A module resolve hook for the CLI (registered by guard/cli.ts): `typescript`, imported from
 * tki's own modules, resolves to typescript-shim.cjs, which require()s it. Everything else
 * resolves as usual. The shim is CommonJS that the export lexer reads as having no named exports,
 * so the ESM facade is `default` alone, which is the only way tki imports TypeScript.
 */
const SHIM = new URL('./typescript-shim.cjs', import.meta.url).href;
/** tki's own modules: the dist/ folder this file is compiled into (or the package that ships it). */
const OWN = import.meta.url.slice(0, import.meta.url.lastIndexOf('/guard/load/') + 1);

interface ResolveContext {
  readonly parentURL?: string;
}

type NextResolve = (specifier: string, context: ResolveContext) => unknown;

export function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): unknown {
  if (specifier === 'typescript' && context.parentURL !== undefined && context.parentURL.startsWith(OWN) && context.parentURL !== SHIM) {
    return { url: SHIM, format: 'commonjs', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
