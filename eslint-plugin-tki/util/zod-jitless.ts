import { z } from 'zod';

/**
 * zod compiles schemas with `new Function` unless told not to, and tki forbids dynamic code.
 * This module is imported first by every plugin entry point so that it runs before any schema.
 */
z.config({ jitless: true });
