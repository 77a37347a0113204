import { z } from 'zod';

// zod compiles parsers with `new Function` unless told not to, and our own guard forbids dynamic
// code; this module is imported before anything that defines a schema.
z.config({ jitless: true });
