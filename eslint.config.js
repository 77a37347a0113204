// tki lints itself with its own plugin, from the build output (`npm run build` first; `npm test` does).
import tseslint from 'typescript-eslint';
import tki from './dist/eslint-plugin-tki/index.js';

export default [
  {
    ignores: ['fixtures/**', 'dist/**', 'eslint-plugin-tki/dist/**', 'node_modules/**', '**/*.d.ts', 'out/**', 'coverage/**', '.tki-cache/**'],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    ...tki.configs.strict,
    // The project's own policy: allow list, grants with reasons, inspectorFiles = src/**.
    settings: { tki: { policyFile: 'tki.policy.json' } },
  },
];
