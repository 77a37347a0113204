import fc from 'fast-check';

/**
 * Random file trees for the differential test: files in a handful of folders (a package, a scoped
 * package, a nested dependency), with every extension Node treats differently, package.json files
 * with `type`, `main`, `exports` and `imports` (patterns, conditions, arrays, null), and references
 * of both kinds whose specifiers are relative, absolute-looking, percent-encoded, trailing-slashed,
 * bare, self-referencing or `#imports`.
 */
export interface Reference {
  readonly kind: 'require' | 'import';
  readonly specifier: string;
}

export interface Tree {
  /** Path (relative, `/`-separated) → references the file makes. */
  readonly files: ReadonlyMap<string, readonly Reference[]>;
  /** Folder → package.json object. */
  readonly manifests: ReadonlyMap<string, Record<string, unknown>>;
  readonly entry: string;
}

const FOLDERS = ['', '', '', 'lib', 'lib', 'lib/sub', 'node_modules/pkg', 'node_modules/pkg/lib', 'node_modules/@s/p', 'node_modules/pkg/node_modules/dep', 'node_modules/dep'];
const PACKAGE_FOLDERS = ['', 'lib', 'node_modules/pkg', 'node_modules/@s/p', 'node_modules/pkg/node_modules/dep', 'node_modules/dep'];
const BASES = ['a', 'a', 'b', 'index', 'index', 'main', '%61', 'x.y'];
const EXTENSIONS = ['.js', '.js', '.js', '.mjs', '.mjs', '.cjs', '.cjs', '.json', '.ts', '.cts', '.mts', '.tpl', ''];
const CONDITIONS = ['import', 'require', 'node', 'default', 'module-sync', 'node-addons', 'browser', 'types'];

const fileArbitrary = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...BASES), fc.constantFrom(...EXTENSIONS)).map(([folder, base, extension]) => (folder === '' ? '' : `${folder}/`) + base + extension);

const relativeSpecifier = fc
  .tuple(
    fc.constantFrom('./', '../', './lib/', './lib/sub/', '../lib/', './node_modules/pkg/', '../../', './sub/'),
    fc.constantFrom(...BASES, 'lib', 'sub', 'pkg', ''),
    fc.constantFrom(...EXTENSIONS, '/', '.js/'),
    fc.boolean(),
  )
  .map(([prefix, base, extension, encode]) => {
    const name = base + extension;
    // Percent-encode the first letter of the name: ESM decodes it, CommonJS reads it literally.
    const written = encode && /^[a-z]/.test(name) ? `%${name.charCodeAt(0).toString(16)}${name.slice(1)}` : name;
    return prefix + written;
  });

const specifierArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: relativeSpecifier },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', './', '../', './lib', './lib/') },
  { weight: 3, arbitrary: fc.constantFrom('pkg', 'pkg/', 'pkg/lib/a', 'pkg/a.js', 'pkg/x', 'pkg/lib', 'pkg/lib/a.cjs', '@s/p', '@s/p/a', '@s/p/x', 'dep', 'dep/a', 'self', 'self/x', 'self/a', 'self/lib/a.js') },
  { weight: 2, arbitrary: fc.constantFrom('#a', '#lib/a', '#lib/a.js', '#dep', '#x/y', '#') },
);

const referenceArbitrary: fc.Arbitrary<Reference> = fc.record({ kind: fc.constantFrom('require' as const, 'import' as const), specifier: specifierArbitrary });

const targetArbitrary: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  target: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('./a.js', './b.cjs', './a.mjs', './lib/a.js', './lib/*.js', './*.js', './*', './lib/*', './missing.js', './index.js', './a.tpl', './%61.js', './x.y') },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(tie('target'), { maxLength: 2 }) },
    { weight: 2, arbitrary: fc.uniqueArray(fc.tuple(fc.constantFrom(...CONDITIONS), tie('target')), { maxLength: 3, selector: ([key]) => key }).map((pairs) => Object.fromEntries(pairs)) },
  ),
})).target;

const importsTargetArbitrary = fc.oneof(targetArbitrary, fc.constantFrom('pkg', 'pkg/*', 'dep', '@s/p/*', 'fs'));

const exportsArbitrary = fc.oneof(
  targetArbitrary,
  fc.uniqueArray(fc.tuple(fc.constantFrom('.', './x', './a', './lib/*', './*', './lib/*.js', './a.js', './lib/a'), targetArbitrary), { minLength: 1, maxLength: 4, selector: ([key]) => key }).map((pairs) => Object.fromEntries(pairs)),
);

const importsArbitrary = fc.uniqueArray(fc.tuple(fc.constantFrom('#a', '#lib/*', '#*', '#dep', '#x/*', '#lib/a.js'), importsTargetArbitrary), { minLength: 1, maxLength: 4, selector: ([key]) => key }).map((pairs) => Object.fromEntries(pairs));

const manifestArbitrary = fc.record(
  {
    type: fc.constantFrom('module', 'commonjs'),
    main: fc.constantFrom('a', './a.js', 'lib', 'lib/', './main', 'index.cjs', 'missing', 'a.tpl', '%61.js'),
    exports: exportsArbitrary,
    imports: importsArbitrary,
  },
  { requiredKeys: [] },
);

/** How a reference names an existing file: as written, without extension, by folder, encoded, by package. */
type Spelling = 'exact' | 'no-extension' | 'js-extension' | 'folder' | 'folder-slash' | 'encoded' | 'package';
const SPELLINGS: readonly Spelling[] = ['exact', 'exact', 'no-extension', 'no-extension', 'js-extension', 'folder', 'folder-slash', 'encoded', 'package'];

function posixRelative(from: string, to: string): string {
  const fromParts = from === '' ? [] : from.split('/');
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common += 1;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** A specifier, written in `importer`, that names `target` in the given spelling. */
function spell(importer: string, target: string, spelling: Spelling): string {
  const folder = importer.includes('/') ? importer.slice(0, importer.lastIndexOf('/')) : '';
  const relative = posixRelative(folder, target);
  const withoutExtension = relative.replace(/(\/[^/]+?)\.[a-z]+$/, '$1');
  switch (spelling) {
    case 'exact':
      return relative;
    case 'no-extension':
      return withoutExtension;
    case 'js-extension':
      return `${withoutExtension}.js`;
    case 'folder':
      return relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) || '.' : '.';
    case 'folder-slash':
      return `${relative.slice(0, relative.lastIndexOf('/') + 1)}`;
    case 'encoded':
      return relative.replace(/\/([a-z])([^/]*)$/, (_whole, first: string, rest: string) => `/%${first.charCodeAt(0).toString(16)}${rest}`);
    case 'package': {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)(.*)$/.exec(target);
      return match === null ? relative : `${match[1]}${(match[2] as string).replace(/\.[a-z]+$/, '')}`;
    }
  }
}

function referencesFor(importer: string, files: readonly string[]): fc.Arbitrary<Reference[]> {
  const derived = fc.tuple(fc.constantFrom(...files), fc.constantFrom(...SPELLINGS), fc.constantFrom('require' as const, 'import' as const)).map(([target, spelling, kind]): Reference => ({ kind, specifier: spell(importer, target, spelling) }));
  return fc.array(fc.oneof({ weight: 4, arbitrary: derived }, { weight: 1, arbitrary: referenceArbitrary }), { maxLength: importer.startsWith('entry') ? 12 : 3, minLength: importer.startsWith('entry') ? 6 : 0 });
}

export const treeArbitrary: fc.Arbitrary<Tree> = fc
  .record({
    paths: fc.uniqueArray(fileArbitrary, { minLength: 3, maxLength: 16 }),
    manifests: fc.uniqueArray(fc.tuple(fc.constantFrom(...PACKAGE_FOLDERS), manifestArbitrary), { maxLength: 4, selector: ([folder]) => folder }),
    entry: fc.constantFrom('entry.js', 'entry.cjs', 'entry.mjs'),
  })
  .chain(({ paths, manifests, entry }) => {
    const all = [...paths.filter((file) => file !== entry), entry];
    return fc.tuple(...all.map((importer) => (importer.endsWith('.json') ? fc.constant([] as Reference[]) : referencesFor(importer, all)))).map((references) => {
      const named = manifests.map(([folder, manifest]): [string, Record<string, unknown>] => {
        const name = folder === '' ? 'self' : folder.replace(/^.*node_modules\//, '');
        return [folder, { name, ...manifest }];
      });
      return { files: new Map(all.map((file, index) => [file, references[index] ?? []] as const)), manifests: new Map(named), entry };
    });
  });
