import neo4j, { type Driver } from 'neo4j-driver';

import { loadConfig } from '../../src/config/config';
import { createDriver } from '../../src/graph/driver';
import type { CypherQuery } from '../../src/graph/query';

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** The parameters the access rules read (every clearance), so a statement that uses them plans. */
const ACCESS = { __handling: ['H0', 'H1', 'H2', 'H3'], __ukHandling: ['P', 'C'], __victimData: true };

/** Every operator of the plan as `Operator Details`. */
function operators(plan: PlanNode): string[] {
  const out: string[] = [];
  const walk = (p: PlanNode) => {
    out.push(`${p.operatorType.replace(/@neo4j$/, '')} ${String(p.arguments.Details ?? '')}`);
    p.children.forEach(walk);
  };
  walk(plan);
  return out;
}

/** The operators of the plan Neo4j makes for a statement (EXPLAIN: nothing is run). */
export async function planOf(driver: Driver, q: CypherQuery): Promise<string[]> {
  const res = await driver.executeQuery(`EXPLAIN ${q.cypher}`, { ...q.params, ...ACCESS }, { database: 'neo4j', routing: neo4j.routing.READ });
  return operators(res.summary.plan as unknown as PlanNode);
}

/** A driver to the test run's Neo4j, for `planOf` (close it after). */
export function planDriver(): Driver {
  const uri = process.env.MSHT_TEST_NEO4J_URI!;
  return createDriver(uri, loadConfig({ NEO4J_URI: uri, MSHT_MODE: 'test' }).neo4j);
}
