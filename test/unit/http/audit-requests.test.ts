import { EventEmitter } from 'node:events';

import type { AuditEventInput } from '../../../src/auth/audit/audit-event';
import type { AuditLog } from '../../../src/auth/audit/audit-log';
import type { Authenticator } from '../../../src/auth/authenticator';
import type { Principal } from '../../../src/auth/principal';
import { auditPlugin } from '../../../src/http/audit.plugin';
import { openAudit } from '../../../src/http/audit-requests';
import { authenticate } from '../../../src/http/authenticate';
import type { HttpRequest, HttpResponse, Next } from '../../../src/http/request-state';

/** A request and response as openAudit sees them: the response's 'finish' and 'close' events. */
function exchange() {
  const recorded: AuditEventInput[] = [];
  const unsettled = new Set<() => void>();
  const log = {
    record: (e: AuditEventInput) => recorded.push(e),
    later: (finish: () => void) => (unsettled.add(finish), () => unsettled.delete(finish)),
  } as unknown as AuditLog;
  const req = { requestId: 'r-1' } as HttpRequest;
  const res = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: false }) as unknown as HttpResponse & EventEmitter;
  return { recorded, log, req, res, unsettled };
}

describe('openAudit', () => {
  afterEach(() => jest.useRealTimers());

  it('records a request the client left while GraphQL ran once GraphQL is done, with what it did', () => {
    const { recorded, log, req, res } = exchange();
    openAudit(log)(req, res, (() => undefined) as Next);
    req.audit.began();
    res.emit('close');
    expect(recorded).toEqual([]);
    req.audit.result([], { upsertPerson: { id: 'per-1' } });
    req.audit.ended();
    expect(recorded).toEqual([expect.objectContaining({ outcome: 'aborted', httpStatus: 499, records: 1 })]);
  });

  it('leaves the log a way to record it as it stands at shutdown, and forgets it once recorded', () => {
    const { recorded, log, req, res, unsettled } = exchange();
    openAudit(log)(req, res, (() => undefined) as Next);
    req.audit.began();
    res.emit('close');
    expect(unsettled.size).toBe(1);
    [...unsettled][0]!();
    expect(recorded).toEqual([expect.objectContaining({ outcome: 'aborted' })]);
    expect(unsettled.size).toBe(0);
    req.audit.ended();
    expect(recorded).toHaveLength(1);
  });

  it('records it anyway when GraphQL never ends, after the wait', () => {
    jest.useFakeTimers();
    const { recorded, log, req, res } = exchange();
    openAudit(log, () => new Date(), 1000)(req, res, (() => undefined) as Next);
    req.audit.began();
    res.emit('close');
    jest.advanceTimersByTime(999);
    expect(recorded).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(recorded).toEqual([expect.objectContaining({ outcome: 'aborted', records: 0 })]);
    req.audit.ended();
    expect(recorded).toHaveLength(1);
  });

  it('records at once a request left before GraphQL had it, and a finished one once', () => {
    const left = exchange();
    openAudit(left.log)(left.req, left.res, (() => undefined) as Next);
    left.res.emit('close');
    expect(left.recorded).toEqual([expect.objectContaining({ outcome: 'aborted' })]);
    const served = exchange();
    openAudit(served.log)(served.req, served.res, (() => undefined) as Next);
    served.res.emit('finish');
    Object.assign(served.res, { writableFinished: true });
    served.res.emit('close');
    expect(served.recorded).toEqual([expect.objectContaining({ outcome: 'ok', httpStatus: 200 })]);
  });

  it('runs nothing of a request whose client left while its token was checked: its event is written as it stood', async () => {
    const { recorded, log, req, res } = exchange();
    openAudit(log)(req, res, (() => undefined) as Next);
    let verified: (p: Principal) => void = () => undefined;
    const authenticator = { verify: () => new Promise<Principal>((resolve) => (verified = resolve)) } as unknown as Authenticator;
    const quiet = { warn: () => undefined } as never;
    const next = jest.fn();
    const checking = authenticate(authenticator, quiet)(Object.assign(req, { headers: { authorization: 'Bearer t' } }), res, next);
    res.emit('close');
    verified({ subject: 'ingest-1' } as Principal);
    await checking;
    expect(next).not.toHaveBeenCalled();
    expect(recorded).toEqual([expect.objectContaining({ outcome: 'aborted', subject: 'anonymous' })]);
    // Had it reached GraphQL anyway, GraphQL would refuse to start it.
    expect(req.audit.began()).toBe(false);
    await expect(auditPlugin().requestDidStart!({ contextValue: { audit: req.audit } } as never)).rejects.toThrow('the client left before its request ran');
  });
});
