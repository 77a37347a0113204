import { z } from 'zod';

/**
 * zod compiles schemas with `new Function` unless told not to, and tki forbids dynamic code (its own
 * guard would flag it, and the inspector's sandbox runs with code generation disabled). Every entry
 * point of the three packages imports this module first, because policy/ parses its defaults at load
 * time; it lives in policy/ since each package ships policy/.
 */
z.config({ jitless: true });
