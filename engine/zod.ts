/**
 * zod, configured once for the whole project: without its JIT. zod otherwise compiles parsers with
 * `new Function` (and probes for it, which a strict Content-Security-Policy reports as a violation
 * in the task pane); this project runs no generated code anywhere. Every module imports zod from
 * here, so the setting is made before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
