/**
 * Parsers for environment variable values. Each returns the typed value or throws a plain
 * message (without the variable's name); `loadConfig` adds the name.
 */
export type EnvParser<T> = (raw: string) => T;

export const str: EnvParser<string> = (raw) => {
  if (raw.trim() === '') throw new Error('must not be empty');
  return raw;
};

export function int(min: number, max: number): EnvParser<number> {
  return (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`must be an integer, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new Error(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

export function oneOf<T extends string>(values: readonly T[]): EnvParser<T> {
  return (raw) => {
    const v = raw.trim() as T;
    if (!values.includes(v)) throw new Error(`must be one of ${values.join(', ')}, got "${raw}"`);
    return v;
  };
}

export const bool: EnvParser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error(`must be true or false, got "${raw}"`);
};

/** A size such as 512m or 2g, as the Neo4j launcher and the JVM take it. */
export const byteSize: EnvParser<string> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (!/^\d+[kmg]?$/.test(v)) throw new Error(`must be a size like 512m or 2g, got "${raw}"`);
  return v;
};

/** A Neo4j URI: bolt://, bolt+s://, neo4j://, neo4j+s:// (and +ssc variants). */
export const neo4jUri: EnvParser<string> = (raw) => {
  const v = raw.trim();
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^/\s]+/.test(v)) {
    throw new Error(`must be a bolt:// or neo4j:// URI, got "${v.replace(/\/\/[^@/]*@/, '//***@')}"`);
  }
  return v;
};

/** A comma-separated list of http(s) origins, or empty for none. */
export const origins: EnvParser<string[]> = (raw) => {
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) throw new Error(`must be a comma-separated list of origins like http://host:port, got "${o}"`);
  }
  return list;
};

/** A size such as 100k or 1m, as a number of bytes. */
export const bytes: EnvParser<number> = (raw) => {
  const v = byteSize(raw);
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[v.slice(-1)] ?? 1;
  return Number.parseInt(v, 10) * unit;
};
