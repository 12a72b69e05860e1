/**
 * zod, configured once for the whole project: without its JIT. zod otherwise compiles parsers with
 * `new Function` (and probes for it, which a strict Content-Security-Policy reports as a violation
 * in the task pane); this project runs no generated code anywhere. Every module imports zod from
 * here, so the setting is made before any schema exists.
 *
 * `z` holds only the builders the project uses, named one by one. Re-exporting zod's whole `z`
 * namespace made bundlers keep all of it (esbuild cannot see which members a namespace passed on
 * as a value is used for): 474 KB of the CLI bundle, every locale included, compiled and run at
 * each start (README, Performance). A builder missing here is a type error where it is used.
 */
import {
  array,
  boolean,
  config,
  discriminatedUnion,
  enum as enumOf,
  literal,
  null as nullOf,
  number,
  object,
  partialRecord,
  record,
  string,
  union,
} from 'zod';
import type { infer as Infer, input as Input, output as Output } from 'zod';

config({ jitless: true });

export const z = {
  array,
  boolean,
  discriminatedUnion,
  enum: enumOf,
  literal,
  null: nullOf,
  number,
  object,
  partialRecord,
  record,
  string,
  union,
};

// The type helpers written `z.infer<typeof S>` everywhere: a namespace of types only, which
// merges with the value `z` above and emits no code.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  export type infer<T> = Infer<T>;
  export type input<T> = Input<T>;
  export type output<T> = Output<T>;
}
