import type { ExampleOperation } from '../../src/http/workbench/page-config';

/** Real ids and values from the graph the caller sees, to fill an example's variables. */
export interface Samples {
  groups: { id: string; name: string; memberIds: string[] }[];
  /** The phone with the most holders. */
  phone?: string;
  operationId?: string;
}

interface SamplesData {
  organisedCrimeGroups?: { nodes: { id: string; name: string; members: { nodes: { id: string }[] } }[] };
  phones?: { nodes: { value: string; holders: { totalCount: number } }[] };
  operations?: { nodes: { id: string }[] };
}

export function samplesFrom(data: SamplesData | null | undefined): Samples {
  const phones = [...(data?.phones?.nodes ?? [])].sort((a, b) => b.holders.totalCount - a.holders.totalCount);
  return {
    groups: (data?.organisedCrimeGroups?.nodes ?? []).map((g) => ({ id: g.id, name: g.name, memberIds: g.members.nodes.map((m) => m.id) })),
    phone: phones[0]?.value,
    operationId: data?.operations?.nodes[0]?.id,
  };
}

/** A value for a variable, by its name, from the samples (two groups stand in for "two entities"). */
function sampleFor(name: string, type: string, s: Samples): unknown {
  const [g0, g1] = s.groups;
  const isList = type.startsWith('[');
  switch (name.toLowerCase()) {
    case 'phone':
      return s.phone;
    case 'from':
      return g0?.id;
    case 'to':
      return g1?.id;
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
export function exampleVariables(op: ExampleOperation, samples: Samples | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(op.exampleVariables ?? {}) };
  for (const v of op.variables) {
    if (v.name in out || !v.required) continue;
    const value = samples ? sampleFor(v.name, v.type, samples) : undefined;
    out[v.name] = value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;
  }
  return out;
}
