/**
 * Office.js load semantics for the in-memory Excel: a property is readable once it was loaded
 * and a sync answered, and then holds what the workbook held at that sync.
 */

/** An error as Office.js raises it: a message and a code ("ItemNotFound"…). */
export function officeError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Whoever answers loads at sync time (the in-memory Excel). */
export interface LoadQueue {
  loadRequested(loads: Loads): void;
}

/**
 * The load state of one proxy: which properties were asked for, and what they held at the sync
 * that answered. Reading anything else throws, as Office.js does.
 */
export class Loads {
  private readonly pending = new Set<string>();
  private readonly loaded = new Map<string, unknown>();
  constructor(
    private readonly owner: LoadQueue,
    private readonly readers: Readonly<Record<string, () => unknown>>,
    /** Called with each property asked for (an older Excel refuses some: memory-batch.ts `needs`). */
    private readonly gate: (name: string) => void = () => undefined,
  ) {}

  load(names: string | string[]): void {
    for (const n of Array.isArray(names) ? names : names.split(',')) {
      const name = n.trim().split('/')[0] ?? '';
      if (name === '') continue;
      if (!(name in this.readers)) throw new Error(`memory-excel: property ${name} cannot be loaded`);
      this.gate(name);
      this.pending.add(name);
    }
    this.owner.loadRequested(this);
  }

  /** Answers the pending loads; returns the response's size in bytes. */
  resolve(): number {
    let bytes = 0;
    for (const name of this.pending) {
      const v = (this.readers[name] as () => unknown)();
      this.loaded.set(name, v);
      // A collection's response is its members' loaded properties, not the proxies.
      const sent = Array.isArray(v) && v[0] instanceof Object && 'loads' in v[0] ? v.map(String) : v;
      bytes += new TextEncoder().encode(JSON.stringify(sent ?? null)).length;
    }
    this.pending.clear();
    return bytes;
  }

  /** Marks a property as loaded with a value (a collection's items answer for their members). */
  set(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /**
   * Gives `target` a `load` and a getter per loadable property (reading what the last sync
   * answered), with the setters given; typed by the caller as the Office.js interface it fills.
   */
  attach<T>(target: object, setters: Record<string, (v: never) => void> = {}): T {
    Object.defineProperty(target, 'load', { value: (names: string) => this.load(names) });
    for (const name of Object.keys(this.readers))
      Object.defineProperty(target, name, {
        enumerable: true,
        get: () => this.get(name),
        set: setters[name],
      });
    return target as T;
  }

  get<T>(name: string): T {
    if (!this.loaded.has(name))
      throw officeError(
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        'PropertyNotLoaded',
      );
    return this.loaded.get(name) as T;
  }
}
