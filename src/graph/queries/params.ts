/**
 * Allocates parameter names for builders that assemble a query from parts (filters), so that
 * values always travel as `$p0, $p1, ...` and parts never collide.
 */
export class ParamBag {
  readonly params: Record<string, unknown> = {};
  private next = 0;

  constructor(private readonly prefix = 'p') {}

  /** Stores a value and returns its placeholder, e.g. `$p3`. */
  add(value: unknown): string {
    const name = `${this.prefix}${this.next++}`;
    this.params[name] = value;
    return `$${name}`;
  }
}
