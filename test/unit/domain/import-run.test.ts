import { isAbandoned } from '../../../src/domain/import-run';

describe('isAbandoned', () => {
  const now = new Date('2025-01-01T12:00:00Z');
  const run = { status: 'RUNNING' as const, host: 'box', pid: 42, heartbeatAt: new Date('2025-01-01T11:59:00Z') };

  it('calls a run on this host abandoned when its process is gone, whatever its heartbeat', () => {
    expect(isAbandoned(run, now, 'box', () => false)).toBe(true);
    expect(isAbandoned(run, now, 'box', () => true)).toBe(false);
  });

  it('calls a run on another host abandoned only after ten minutes of silence', () => {
    expect(isAbandoned(run, now, 'other', () => true)).toBe(false);
    expect(isAbandoned({ ...run, heartbeatAt: new Date('2025-01-01T11:40:00Z') }, now, 'other', () => true)).toBe(true);
  });

  it('never calls a committed run abandoned', () => {
    expect(isAbandoned({ ...run, status: 'COMMITTED' }, now, 'box', () => false)).toBe(false);
  });
});
