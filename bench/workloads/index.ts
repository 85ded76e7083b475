import { businessModel } from './business-model';
import { neighbourhood } from './neighbourhood';
import { personList } from './person-list';
import { personProfile } from './person-profile';
import { search } from './search';
import { shortestPaths } from './shortest-paths';
import { trends } from './trends';
import type { AnyWorkload } from './workload';

/** The workloads, (a) to (g), in the order the bench runs them. */
export const WORKLOADS: readonly AnyWorkload[] = [personProfile, personList, neighbourhood, shortestPaths, businessModel, trends, search];

export type { AnyWorkload as Workload } from './workload';
