// The social-network-analysis core: pure functions over a projection (`SnaGraph`), each agreeing
// with networkx 3.6 (see README.md). Code inside the project imports the exact file.
export { type CompiledGraph, compileGraph, type Csr, type SnaEdge, type SnaGraph, type SnaInput } from './sna-graph';
export { type RankedValue, Ranking, rankValues, top } from './ranking';
export { degreeCentrality, inDegreeCentrality, outDegreeCentrality } from './degree';
export { betweennessCentrality, type BetweennessOptions } from './betweenness';
export { closenessCentrality, type ClosenessOptions } from './closeness';
export { eigenvectorCentrality, type EigenvectorOptions } from './eigenvector';
export { pagerank, type PageRankOptions } from './pagerank';
export { modularity, type ModularityOptions } from './modularity';
export { louvainCommunities, type LouvainOptions, type LouvainResult } from './louvain';
export { BROKERAGE_ROLES, type BrokerageCounts, type BrokerageResult, type BrokerageRole, brokerageRoles, type GroupAssignment } from './brokerage';
export { fragmentation, fragmentationByRemoval } from './fragmentation';
export { type KeyPlayerOptions, type KeyPlayerResult, keyPlayers } from './key-players';
