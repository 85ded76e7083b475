import { Authenticator } from '../../../../src/auth/authenticator';
import { fromThisMachine, isLoopback, mintDevToken, pickRole } from '../../../../src/http/workbench/dev-token';

const SECRET = 'workbench-test-secret-workbench-test-secret';
const AUTH = { issuer: 'msht-graph', audience: 'msht-graph' };

describe('pickRole', () => {
  it('takes a known role in any case, else the default', () => {
    expect(pickRole('victim-data-officer', 'ANALYST')).toBe('VICTIM_DATA_OFFICER');
    expect(pickRole('SUPERVISOR', 'ANALYST')).toBe('SUPERVISOR');
    expect(pickRole('ROOT', 'ANALYST')).toBe('ANALYST');
    expect(pickRole(['ADMIN'], 'ANALYST')).toBe('ANALYST');
    expect(pickRole(undefined, 'LIAISON')).toBe('LIAISON');
  });
});

describe('fromThisMachine', () => {
  const req = (remoteAddress: string, headers: Record<string, string>) => ({ socket: { remoteAddress }, headers });
  it.each([
    ['127.0.0.1', { host: 'localhost:4000' }, true],
    ['::1', { host: '[::1]:4000' }, true],
    ['::ffff:127.0.0.1', { host: '127.0.0.1' }, true],
    ['127.0.0.1', { host: 'LOCALHOST' }, true],
    ['10.0.0.5', { host: 'localhost:4000' }, false],
    // DNS rebinding: the developer's browser, the attacker's host name.
    ['127.0.0.1', { host: 'evil.example:4000' }, false],
    ['127.0.0.1', { host: 'localhost.evil.example' }, false],
    ['127.0.0.1', {}, false],
    // A proxy on this machine passing on a remote client's request.
    ['127.0.0.1', { host: 'localhost:4000', 'x-forwarded-for': '203.0.113.9' }, false],
    ['127.0.0.1', { host: 'localhost:4000', forwarded: 'for=203.0.113.9' }, false],
    ['127.0.0.1', { host: 'localhost:4000', 'x-real-ip': '203.0.113.9' }, false],
  ])('from %s with %j: %s', (address, headers, expected) => {
    expect(fromThisMachine(req(address, headers))).toBe(expected);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:192.168.1.2', false],
    ['fe80::1', false],
    [undefined, false],
  ])('%s -> %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe('mintDevToken', () => {
  it('signs a token the service accepts, for the role asked, with the clearance `msht token` gives', async () => {
    const authenticator = new Authenticator(AUTH, { secret: SECRET });
    const analyst = await mintDevToken(SECRET, AUTH, 'ANALYST', Date.parse('2024-01-01T00:00:00Z'));
    expect(analyst.expiresAt).toBe('2024-01-01T01:00:00.000Z');
    expect(await authenticator.verify(`Bearer ${analyst.token}`)).toEqual({ subject: 'workbench-analyst', agency: 'MSHT', roles: ['ANALYST'], clearance: 'H1', ukConditional: false });
    const supervisor = await mintDevToken(SECRET, AUTH, 'SUPERVISOR');
    expect((await authenticator.verify(`Bearer ${supervisor.token}`)).clearance).toBe('H3');
  });

  it('is short-lived: an hour', async () => {
    const { token } = await mintDevToken(SECRET, AUTH, 'ANALYST');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(3600);
  });
});
