import { z } from 'zod';

/**
 * The one place src/ takes zod from. zod compiles object parsers with `new Function` unless
 * jitless is set, and it decides that when a schema is *defined* — so the switch has to run
 * before any schema module body. Every schema module imports `z` from here, which makes the
 * ordering structural instead of depending on import order in an entry point.
 */
z.config({ jitless: true });

export { z };
