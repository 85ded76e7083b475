import type { ExampleOperation } from '../../src/http/workbench/page-config';

/** Real ids and values from the graph the caller sees, to fill an example's variables. */
export interface Samples {
  groups: { id: string; name: string; memberIds: string[] }[];
  /** The phone with the most holders, among those whose value the caller may see. */
  phone?: string;
  operationId?: string;
}

interface SamplesData {
  organisedCrimeGroups?: { nodes: { id: string; name: string; members: { nodes: { id: string }[] } }[] };
  phones?: { nodes: { value: string | null; holders: { totalCount: number } }[] };
  operations?: { nodes: { id: string }[] };
}

export function samplesFrom(data: SamplesData | null | undefined): Samples {
  // A phone a victim holds comes back without its value to most callers: it cannot be looked up.
  const phones = (data?.phones?.nodes ?? []).filter((p) => !!p.value).sort((a, b) => b.holders.totalCount - a.holders.totalCount || a.value!.localeCompare(b.value!));
  return {
    groups: (data?.organisedCrimeGroups?.nodes ?? []).map((g) => ({ id: g.id, name: g.name, memberIds: g.members.nodes.map((m) => m.id) })),
    phone: phones[0]?.value ?? undefined,
    operationId: data?.operations?.nodes[0]?.id,
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A value for a variable, by its name and type, from the samples: two groups stand in for "two
 * entities"; a date range (`from`/`to` as strings) spans the last five years to today; a month is
 * the last one.
 */
function sampleFor(name: string, type: string, s: Samples, today: Date): unknown {
  const [g0, g1] = s.groups;
  const isList = type.startsWith('[');
  const isId = type.replace(/[!\[\]]/g, '') === 'ID';
  switch (name.toLowerCase()) {
    case 'phone':
      return s.phone;
    case 'from':
    case 'a':
      if (isId) return g0?.id;
      return name === 'from' ? `${today.getUTCFullYear() - 5}-01-01` : undefined;
    case 'to':
    case 'b':
      if (isId) return g1?.id;
      return name === 'to' ? isoDay(today) : undefined;
    case 'month':
      return isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1))).slice(0, 7);
    case 'ids':
      return isList ? [g0?.id, g1?.id].filter(Boolean) : undefined;
    case 'groupid':
    case 'id':
      return g0?.id;
    case 'personid':
      return g0?.memberIds[0];
    case 'operationid':
      return s.operationId;
    default:
      return undefined;
  }
}

/**
 * Variables to open an example with: the file's `# Example variables:` first, then a sample from
 * the graph for every required variable, else null for the user to fill in. Optional variables
 * keep the defaults the operation declares.
 */
export function exampleVariables(op: ExampleOperation, samples: Samples | undefined, today = new Date()): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(op.exampleVariables ?? {}) };
  for (const v of op.variables) {
    if (v.name in out || !v.required) continue;
    const value = samples ? sampleFor(v.name, v.type, samples, today) : undefined;
    out[v.name] = value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;
  }
  return out;
}
