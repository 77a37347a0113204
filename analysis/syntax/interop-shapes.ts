/**
 * The module-interop helpers that compilers emit into CommonJS output, recognized by the digest
 * of their code (interop-fingerprint.ts#shapeDigest) as each tool version emits it, never by name
 * alone. A wrapper hands back a view of the module it is given (its members, and the module as
 * `default`), so `__importStar(require('fs')).readFileSync` is still `fs.readFileSync`. A helper
 * whose code differs in any token is not in this table, and the module passed to it is reached
 * whole, as for any unknown function.
 *
 * `needs` names what the code refers to outside itself: helpers that must be recognized too, or
 * globals that nothing in the file may declare. tests/interop/shapes.test.ts compiles with each
 * tool (pinned devDependencies) and fails when a digest here no longer matches what it emits.
 */
export interface HelperShape {
  /** The name the tool gives the helper (rollup may add `$1` when the name is taken). */
  readonly name: string;
  readonly tool: 'tsc' | 'esbuild' | 'rollup';
  /** The tool versions this shape was taken from, and the range known to emit it. */
  readonly versions: string;
  /** `wrapper`: returns a view of the module passed to it; `support`: only called by wrappers. */
  readonly role: 'wrapper' | 'support';
  readonly needs: readonly string[];
  readonly digest: string;
}

const tsc = (name: string, versions: string, role: HelperShape['role'], needs: readonly string[], digest: string): HelperShape => ({ name, tool: 'tsc', versions, role, needs, digest });
const esbuild = (name: string, role: HelperShape['role'], needs: readonly string[], digest: string): HelperShape => ({ name, tool: 'esbuild', versions: '0.28.2', role, needs, digest });
const rollup = (name: string, needs: readonly string[], digest: string): HelperShape => ({ name, tool: 'rollup', versions: '4.69.3', role: 'wrapper', needs, digest });

export const HELPER_SHAPES: readonly HelperShape[] = [
  // tsc, `module: commonjs` with `esModuleInterop` (guarded as `(this && this.__importStar) || …`).
  tsc('__createBinding', '5.6.3, 6.0.3', 'support', ['Object', 'undefined'], 'de68c68b4ba1c1451aa2d256d2b8e256736bb5cc7079d554dc8ce82a391ae384'),
  tsc('__setModuleDefault', '5.6.3, 6.0.3', 'support', ['Object'], '8b8833adaaf01298d61727e8a1ca6a815e26062361c1a01349a79f05040675af'),
  tsc('__importStar', '6.0.3 (the `ownKeys` form)', 'wrapper', ['Object', '__createBinding', '__setModuleDefault'], '7cd38c5a19d4f9e0958c8a47638f5125628dc4ee1bf84dae59bb05d729414823'),
  tsc('__importStar', '5.6.3 (the `for…in` form)', 'wrapper', ['Object', '__createBinding', '__setModuleDefault'], '8d614055e260e117c5c077f7112862d5398256cc4ccb7345c9292bcc56bbcad1'),
  tsc('__importDefault', '5.6.3, 6.0.3', 'wrapper', [], 'cbbd6d1bec1c7562fe2e07b5f13a8cd943940548b7060c42f0f103de64ad9596'),
  // esbuild `--format=cjs`: `__toESM` and the property helpers it is built from.
  esbuild('__create', 'support', ['Object'], '4ac4b57c55b9904adfbd28dae36df2d62ead5e0db722ea7c76d6bac77c4d61b7'),
  esbuild('__defProp', 'support', ['Object'], '2ef813ca2cb8ba6b3d233a19356b6a2bf6f02b129d6edb50f05925ba191b5bef'),
  esbuild('__getOwnPropDesc', 'support', ['Object'], '0f6ddba700ac3e28f47726753309765b1af43f4c46dfd6ef2b217ece0c2c70c9'),
  esbuild('__getOwnPropNames', 'support', ['Object'], '39bce238c8dfbd63ca83b12281020fc24aca65e16b32c9ef14c2263c45171482'),
  esbuild('__getProtoOf', 'support', ['Object'], '53f59880cb2cc373cfa839ddf4d1f2188edb0fb0b6ceb8fb042eea6cebb5950f'),
  esbuild('__hasOwnProp', 'support', ['Object'], '191f75b36e8db8b34221cb2e8525a9e70fa74dffa048453448ca84a3d77436d7'),
  esbuild('__copyProps', 'support', ['__getOwnPropNames', '__hasOwnProp', '__defProp', '__getOwnPropDesc'], 'bf0708daeeadb20b721e3a73a7cbeb3638e3278a6ae851a41ecde4cf96d3dd32'),
  esbuild('__toESM', 'wrapper', ['__create', '__getProtoOf', '__copyProps', '__defProp'], '18de4dae2551c2611ae11557d7026a915c2fa431eda0f22559a55d339539f056'),
  // rollup `output.format: 'cjs'`, one helper per `output.interop` mode.
  rollup('_interopNamespaceDefault', ['Object'], 'f4ea9c5d7b182cde73ca2f1043871d10bddc041eac9993d8b23541d4be714c0d'),
  rollup('_interopNamespace', ['Object'], '7f480bf659709234cf7801845f16562c3cb9a6ad5c722bef0746925b7fb8e2ca'),
  rollup('_interopNamespaceCompat', ['Object'], 'ebfeea8bc670651af61f577417adb0e42d79644addb2c472f97fb8e134f194de'),
  rollup('_interopNamespaceDefaultOnly', ['Object'], 'f702683a3f85366e85ea84e7fda872a6d665b3f1151eb02162f02fd90134a2e8'),
  rollup('_interopDefault', [], '19e656ee86fc914580cc5c16fe3235910211419ba4b861eac81530a3e3f6d935'),
  rollup('_interopDefaultCompat', [], 'cca6b1dc04b31b862d09227dd10e13908d53853b36448b657cc6519cc22f30db'),
];

/**
 * webpack 5's runtime (`target: 'node'`, not minified): the `__webpack_require__` function in its
 * production and development forms, and the runtime members the default-import getter relies on.
 */
export const WEBPACK_SHAPES = {
  versions: '5.113.0',
  require: ['e325c4f6d5e704ca72de07fd73100b7ab14bf02aaf8ba7c36a3253feeab18831', '53cbccc0ecb3b80869624d911fdd5fd416440062b39d365920ea0df31c2f897b'],
  /** `__webpack_require__.n` (the default-import getter), `.d` and `.o`, which `.n` calls. */
  members: {
    n: '077b52eb0bb45c8af1ee4f58290c6f346ca98ed5bffaa05cc1ebe3c71afafe1f',
    d: 'de7c44207df33e8ad736c447f89799c5c7c96dc18d637680cbc0192e6bb34b52',
    o: 'c9c37d9b46262bd2fbc9d45610cb12c54de8c1cd571991ba32cc9318e0e548b7',
  },
} as const;

/** The tsc helper name without rollup's de-duplication suffix. */
export function helperBaseName(name: string): string {
  return name.replace(/\$\d+$/, '');
}

export const HELPER_NAMES: ReadonlySet<string> = new Set(HELPER_SHAPES.map((shape) => shape.name));

/** tslib's wrappers, trusted by package (its code is not in the file): `tslib_1.__importStar(require('fs'))`. */
export const TSLIB_WRAPPERS: ReadonlySet<string> = new Set(['__importStar', '__importDefault']);
