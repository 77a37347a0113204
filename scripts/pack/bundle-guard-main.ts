import { packageRoot } from '../../sandbox/runtime/package-root.js';
import { bundleGuard } from './bundle-guard.js';

/** `npm run build`, after tsc: the tki-guard bin's bundle (bundle-guard.ts). */
await bundleGuard(packageRoot());
