// tki lints itself with its own plugin, from the build output (`npm run build` first; `npm test` does).
import tki from './dist/eslint-plugin-tki/index.js';

export default [
  {
    ignores: ['fixtures/**', 'dist/**', 'node_modules/**', '**/*.d.ts', 'out/**', 'coverage/**', '.tki-cache/**'],
  },
  // The strict config with the project's own policy (allow list, grants with reasons,
  // inspectorFiles = src/**), resolved against this file wherever ESLint runs.
  tki.configure(import.meta.url, { level: 'strict' }),
];
