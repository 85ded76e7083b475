import type { TraversalLimits } from '../config/config';
import { badInput } from '../errors/app-error';

/**
 * Request sizes clamped to the configured limits before they reach a Cypher pattern: hop counts
 * and row limits become plain integers in range (they are the only numbers rendered into query
 * text, since Cypher takes no parameters for pattern bounds).
 */
export interface ClampedDepth {
  depth: number;
  /** The request asked for more than the limit allows. */
  clamped: boolean;
}

export function clampDepth(requested: number, limits: TraversalLimits, field = 'depth'): ClampedDepth {
  if (!Number.isInteger(requested) || requested < 1) throw badInput(field, `must be a whole number of hops, at least 1 (got ${requested})`);
  return requested > limits.maxDepth ? { depth: limits.maxDepth, clamped: true } : { depth: requested, clamped: false };
}

export function budget(requested: number | null | undefined, limits: TraversalLimits, field = 'limit'): number {
  if (requested === null || requested === undefined) return limits.nodeBudget;
  if (!Number.isInteger(requested) || requested < 1) throw badInput(field, `must be a positive whole number (got ${requested})`);
  return Math.min(requested, limits.nodeBudget);
}

export function pathHops(requested: number, limits: TraversalLimits, field = 'maxHops'): number {
  if (!Number.isInteger(requested) || requested < 1 || requested > limits.maxPathHops) {
    throw badInput(field, `must be from 1 to ${limits.maxPathHops} (got ${requested})`);
  }
  return requested;
}

export function pathCount(requested: number, field = 'k'): number {
  if (!Number.isInteger(requested) || requested < 1 || requested > 20) throw badInput(field, `must be from 1 to 20 (got ${requested})`);
  return requested;
}
