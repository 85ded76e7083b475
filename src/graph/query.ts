/** A Cypher statement with its parameters: every value goes in `params`, never in `cypher`. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export function cypher(text: string, params: Record<string, unknown> = {}): CypherQuery {
  return { cypher: text, params };
}
