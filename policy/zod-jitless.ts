import { z } from 'zod';

/**
 * zod compiles schemas with `new Function` unless told not to, and tki forbids dynamic code (its own
 * guard would flag it, and the inspector's sandbox runs with code generation disabled). Every module
 * that makes a zod schema imports this first (policy/schema.ts, guard/baseline/schema.ts, src/), and
 * the entry points of the ESLint plugin and the inspector say it first too; it lives in policy/ since
 * each package ships policy/. tki-guard imports zod only when it has a policy or baseline file to
 * check (issue #11: a run on the defaults never loads it).
 */
z.config({ jitless: true });
