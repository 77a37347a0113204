import { z } from 'zod';

/**
 * zod compiles schemas with `new Function` unless told not to, and tki forbids dynamic code.
 * Imported first by the guard's entry points: policy/ parses its defaults at load time.
 */
z.config({ jitless: true });
