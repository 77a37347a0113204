/**
 * dependency-cruiser configuration for tki, run in-process by tki-guard over the same files.
 *
 *  - `layers`: hand-written layering rules; each one says why it exists.
 *  - the policy rules are GENERATED from policy/ and tki.policy.json each time this file is
 *    loaded (guard/depcruise/policy-rules.ts), so they cannot drift from the policy. They come
 *    from the build output: run `npm run build` first (tki-guard itself runs from dist/ too).
 */
const { policyRulesFor } = require('./dist/guard/depcruise/project-rules.js');

const layers = [
  {
    name: 'inspector-not-to-harness',
    severity: 'error',
    comment:
      'The inspector (src/) runs alone inside the sandbox: it must never reach the harness that launches engines, probes the host or enforces the build (sandbox/, guard/, analysis/, eslint-plugin-tki/, cli/).',
    from: { path: '^src/' },
    to: { path: '^(sandbox|guard|analysis|eslint-plugin-tki|cli)/' },
  },
  {
    name: 'inspector-fs-only-at-edges',
    severity: 'error',
    comment:
      'SPEC §6 L2: only the two edge modules that declare READ_PACKET_ITEM / WRITE_LOCAL_REPORT touch the filesystem; every other inspector stage is a pure function. tests/guard/depcruise.test.ts keeps this list equal to the modules that declare actions.',
    from: { path: '^src/', pathNot: '^src/io/(packet-reader|report-writer)\\.ts$' },
    to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
  },
  {
    name: 'policy-is-plain-data',
    severity: 'error',
    comment: 'policy/ is the single source of truth that the three enforcers consume; it must not depend on any of them.',
    from: { path: '^policy/' },
    to: { path: '^(src|sandbox|guard|analysis|eslint-plugin-tki|cli|tests|bench)/' },
  },
  {
    name: 'no-circular',
    severity: 'error',
    comment: 'Cycles make load order fragile and the layers above meaningless; witness paths stay readable in a DAG.',
    from: {},
    to: { circular: true },
  },
];

module.exports = {
  forbidden: [...layers, ...policyRulesFor(__dirname)],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(fixtures|dist|node_modules)/' },
    moduleSystems: ['es6', 'cjs'],
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
