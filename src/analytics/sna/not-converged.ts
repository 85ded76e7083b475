import { AppError } from '../../errors/app-error';

/**
 * A power iteration that used its whole iteration budget without meeting its tolerance. The
 * numbers it reached are not quoted: an analyst would take them for the measure.
 */
export function notConverged(measure: string, iterations: number): AppError {
  return new AppError('MSHT_NOT_CONVERGED', `${measure} did not converge in ${iterations} iterations`, { measure, iterations });
}
