import type { NrmProportions } from './nrm-proportions';
import table from './nrm-proportions.json';

/**
 * The committed proportions of real NRM referrals (2023), for the synthetic data generator.
 * Re-derive with scripts/derive-nrm-proportions.ts; the header fields say source and method.
 */
export const NRM_PROPORTIONS: NrmProportions = table as NrmProportions;
