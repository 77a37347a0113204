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
const esbuild = (name: string, role: HelperShape['role'], needs: readonly string[], digest: string): HelperShape => ({ name, tool: 'esbuild', versions: '0.28.2 (0.24.2 emits the same: fixtures/evasions/red-team-3)', role, needs, digest });
const rollup = (name: string, needs: readonly string[], digest: string): HelperShape => ({ name, tool: 'rollup', versions: '4.69.3', role: 'wrapper', needs, digest });

/** A namespace wrapper recognized by what it does (interop-structure.ts), whatever its text. */
export const copiedNamespace = (name: string): HelperShape => ({ name, tool: 'rollup', versions: 'any: recognized by what it does', role: 'wrapper', needs: ['Object'], digest: '' });

export const HELPER_SHAPES: readonly HelperShape[] = [
  // tsc, `module: commonjs` with `esModuleInterop` (guarded as `(this && this.__importStar) || …`).
  tsc('__createBinding', '5.6.3, 6.0.3', 'support', ['Object', 'undefined'], '1765729e3818ed218f8f891ee9ec8c6613260f718e1c76ad9bf4f28d879bf97d'),
  tsc('__setModuleDefault', '5.6.3, 6.0.3', 'support', ['Object'], 'eec9171349c4424e9ec95b4fe6352449e69eb5e0181283602b1d8be57560576f'),
  tsc('__importStar', '6.0.3 (the `ownKeys` form)', 'wrapper', ['Object', '__createBinding', '__setModuleDefault'], '8404d6b63281dd371b26ab73f2ec82f6e332a7da6dbadc4767066e420a128e3b'),
  tsc('__importStar', '5.6.3 (the `for…in` form)', 'wrapper', ['Object', '__createBinding', '__setModuleDefault'], '0445f3faa2f6f654ef51d432a360f911c4ad251be5712ab0b46ac2f5b765f59b'),
  tsc('__importDefault', '5.6.3, 6.0.3', 'wrapper', [], '83b039c09c650c0c68bd6e3b9e595e618d3a4967b2cbf25cdd1e986536b046c0'),
  // esbuild `--format=cjs`: `__toESM` and the property helpers it is built from.
  esbuild('__create', 'support', ['Object'], '9eb4568c9a54e1653c9ebd8f83a7387bb017bef8c8c1b030da4cf569b093070f'),
  esbuild('__defProp', 'support', ['Object'], '4e40e9660661f1d9f31f1ec3722d892f5991041b52475179d87794f653f20b29'),
  esbuild('__getOwnPropDesc', 'support', ['Object'], 'df21785e812c03c82e97c5be1178883a074be2a0e7f021fa8fedf426fe991593'),
  esbuild('__getOwnPropNames', 'support', ['Object'], 'ffc871d4e8c2166f5f087a55e798a03680bd3c629b7e6a5851f0e16f979a7f8f'),
  esbuild('__getProtoOf', 'support', ['Object'], 'ead88bfe6ff02535040421cee3a7974d6d3a3d54a2b54169911e1ae213a61614'),
  esbuild('__hasOwnProp', 'support', ['Object'], 'd2621a9099210035223e173a3e07c3314cb91203e459a654f5c5014a1d93a934'),
  esbuild('__copyProps', 'support', ['__getOwnPropNames', '__hasOwnProp', '__defProp', '__getOwnPropDesc'], 'c2fb2309b94a43794e9f109afe0f8b4d069a9040754f70141a58c784b6a3aa2c'),
  esbuild('__toESM', 'wrapper', ['__create', '__getProtoOf', '__copyProps', '__defProp'], 'ed9706dd09695347d0294689b87c9c9fc561f597cbc4e7b2d76585092cef8f08'),
  // rollup `output.format: 'cjs'`, one helper per `output.interop` mode.
  rollup('_interopNamespaceDefault', ['Object'], '5aa0feba914cdfedc6dafbe623d1cd7f9e804025e46fe6b12056cd5f90d106e2'),
  rollup('_interopNamespace', ['Object'], '0f1e9061deea2e35d75f855b703cfad87302541e73d4a1f03a11af0b344d9857'),
  rollup('_interopNamespaceCompat', ['Object'], 'ccb609aeccd1cb4ce97b98aeefc027029279773107486ed5906d4b60685f1236'),
  rollup('_interopNamespaceDefaultOnly', ['Object'], '8cecdcad4f80d8ce5054134b6424f023f48371c34d4c0a4c9b9448ac5ee29208'),
  rollup('_interopDefault', [], 'd2a5336f3bba094783c083d18ca93d4866d2ba59326f8b313a46b57738bd9639'),
  rollup('_interopDefaultCompat', [], '741c8ff871f10183ae08aa6675e861018ec91c1ee47a7335fc683432d8d09c9d'),
];

/**
 * webpack 5's runtime (`target: 'node'`, not minified): the `__webpack_require__` function in its
 * production and development forms, and the runtime members the default-import getter relies on.
 */
export const WEBPACK_SHAPES = {
  versions: '5.113.0',
  require: ['72ba22764966d1dad046ce60ce07805e613f357f70fe93eba5a073f30aa0fd52', '5716ebbf99dc4ef0f03fa399278d3bbbc3b6deaf347c8a7608b60c116f9b34f3'],
  /** `__webpack_require__.n` (the default-import getter), `.d` and `.o`, which `.n` calls. */
  members: {
    n: '8be1d827969a298a973d72a2e9cc5e1229b0c56661f345f1acad911386160975',
    d: '0fb62ea7da4a26ed655e75f9c03b359851f6ea8b8b04645c71b903c091e26f39',
    o: '507514742194615fd419e3564037a5cac02985ef46e1343080b9a0cf11fb97d9',
  },
} as const;

/** The tsc helper name without rollup's de-duplication suffix. */
export function helperBaseName(name: string): string {
  return name.replace(/\$\d+$/, '');
}

export const HELPER_NAMES: ReadonlySet<string> = new Set(HELPER_SHAPES.map((shape) => shape.name));

/** tslib's wrappers, trusted by package (its code is not in the file): `tslib_1.__importStar(require('fs'))`. */
export const TSLIB_WRAPPERS: ReadonlySet<string> = new Set(['__importStar', '__importDefault']);
