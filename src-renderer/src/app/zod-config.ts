/**
 * zod compiles object parsers with `new Function` unless told otherwise, and
 * probes for it when the first object schema is built. The app's CSP forbids
 * eval, so the probe would be reported as a violation on every start. This
 * module is imported first by main.tsx, before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
