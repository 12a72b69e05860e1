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
 *
 * The project's schemas are built on first use (`lazy`): building them all took ~15 ms of every
 * CLI start, where a check needs only the options schema.
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

/**
 * A schema made when it is first asked for, then kept: `S()` gives the schema. A schema's
 * builder may ask for the schemas it uses (`z.array(ItemSchema())`).
 */
export function lazy<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}

/** The schema a `lazy` getter gives, or the schema itself (zod schemas are not functions). */
type Built<T> = T extends () => infer S ? S : T;

// The type helpers written `z.infer<typeof S>` everywhere, for a schema or its `lazy` getter: a
// namespace of types only, which merges with the value `z` above and emits no code.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  export type infer<T> = Infer<Built<T>>;
  export type input<T> = Input<Built<T>>;
  export type output<T> = Output<Built<T>>;
}
