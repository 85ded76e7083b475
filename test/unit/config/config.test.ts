import { ConfigError, loadConfig } from '../../../src/config/config';

const PKEY = 'p'.repeat(32);

describe('loadConfig', () => {
  it('gives working defaults for a development start on the embedded Neo4j', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('development');
    expect(c.http.port).toBe(4000);
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.neo4j.embedded.boltHost).toBe('127.0.0.1');
    expect(c.neo4j.retryMs).toBeLessThanOrEqual(5000);
  });

  it.each([
    ['PORT', 'eighty', /PORT must be an integer/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['MSHT_MODE', 'staging', /MSHT_MODE must be one of/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI must be a bolt:\/\/ or neo4j:\/\/ URI/],
    ['MSHT_NEO4J_HEAP', 'lots', /MSHT_NEO4J_HEAP must be a size/],
    ['MSHT_CORS_ORIGINS', 'example.org', /MSHT_CORS_ORIGINS must be a comma-separated list/],
  ])('refuses %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('seeds an empty graph at start-up in development only, unless told otherwise', () => {
    expect(loadConfig({}).seedOnEmpty).toBe(true);
    expect(loadConfig({ MSHT_MODE: 'test' }).seedOnEmpty).toBe(false);
    expect(loadConfig({ MSHT_MODE: 'production', MSHT_AUTH_JWT_SECRET: 'x'.repeat(32), MSHT_PSEUDONYM_KEY: PKEY }).seedOnEmpty).toBe(false);
    expect(loadConfig({ MSHT_SEED_ON_EMPTY: 'false' }).seedOnEmpty).toBe(false);
    expect(loadConfig({ MSHT_MODE: 'test', MSHT_SEED_ON_EMPTY: 'true' }).seedOnEmpty).toBe(true);
  });

  it('caps one transaction of the embedded Neo4j at a quarter of its heap unless told otherwise', () => {
    const cap = (env: Record<string, string>) => loadConfig(env).neo4j.embedded.txMemoryMax;
    expect(cap({})).toBe('256m');
    expect(cap({ MSHT_NEO4J_HEAP: '4g' })).toBe('1024m');
    expect(cap({ MSHT_NEO4J_HEAP: '1536m' })).toBe('384m');
    expect(cap({ MSHT_NEO4J_TX_MEMORY: '512m' })).toBe('512m');
    expect(cap({ MSHT_NEO4J_TX_MEMORY: '0' })).toBe('0');
    expect(() => loadConfig({ MSHT_NEO4J_TX_MEMORY: 'lots' })).toThrow(/MSHT_NEO4J_TX_MEMORY/);
  });

  it('warms the analytics up at start-up unless told not to, in every mode', () => {
    expect(loadConfig({}).warmUp).toBe(true);
    expect(loadConfig({ MSHT_MODE: 'production', MSHT_AUTH_JWT_SECRET: 'x'.repeat(32), MSHT_PSEUDONYM_KEY: PKEY }).warmUp).toBe(true);
    expect(loadConfig({ MSHT_WARM_UP: 'off' }).warmUp).toBe(false);
    expect(() => loadConfig({ MSHT_WARM_UP: 'sometimes' })).toThrow(/MSHT_WARM_UP/);
  });

  it('accepts bolt:// and neo4j:// URIs with credentials', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j://db.example:7687', NEO4J_PASSWORD: 'secret123' }).neo4j).toMatchObject({
      uri: 'neo4j://db.example:7687',
      user: 'neo4j',
      password: 'secret123',
    });
    expect(loadConfig({ NEO4J_URI: 'bolt+s://db.example' }).neo4j.uri).toBe('bolt+s://db.example');
  });

  it('refuses to start in production without key configuration', () => {
    expect(() => loadConfig({ MSHT_MODE: 'production' })).toThrow(/MSHT_AUTH_JWT_SECRET is required in production/);
    expect(() => loadConfig({ MSHT_MODE: 'production', MSHT_AUTH_JWT_SECRET: 'x'.repeat(40) })).toThrow(/MSHT_PSEUDONYM_KEY is required/);
    expect(loadConfig({ MSHT_MODE: 'production', MSHT_AUTH_JWKS_FILE: '/etc/jwks.json', MSHT_PSEUDONYM_KEY: PKEY }).mode).toBe('production');
  });

  it('refuses a short pseudonym key in production, where partners hold the pseudonyms it makes', () => {
    expect(() => loadConfig({ MSHT_MODE: 'production', MSHT_AUTH_JWKS_FILE: '/etc/jwks.json', MSHT_PSEUDONYM_KEY: 'k'.repeat(31) })).toThrow(/MSHT_PSEUDONYM_KEY must be at least 32 characters in production/);
  });

  it('fetches signing keys over https only, or from this machine', () => {
    for (const url of ['http://idp.example/jwks.json', 'ftp://idp.example/jwks', 'not a url']) {
      expect(() => loadConfig({ MSHT_AUTH_JWKS_URL: url })).toThrow(/MSHT_AUTH_JWKS_URL must be an https:\/\/ URL/);
    }
    for (const url of ['https://idp.example/.well-known/jwks.json', 'http://127.0.0.1:8080/jwks', 'http://localhost/jwks', 'http://[::1]:9000/jwks']) {
      expect(loadConfig({ MSHT_AUTH_JWKS_URL: url }).auth.jwksUrl).toBe(url);
    }
  });

  it('refuses a short HS256 secret', () => {
    expect(() => loadConfig({ MSHT_AUTH_JWT_SECRET: 'short' })).toThrow(/MSHT_AUTH_JWT_SECRET must be at least 32 characters/);
  });

  it('never echoes credentials in a URI error', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://user:pw@host' })).toThrow(/\*\*\*@host/);
  });

  it('serves the workbench by default, with development tokens for an analyst, never in production', () => {
    expect(loadConfig({}).workbench).toEqual({ enabled: true, devToken: true, devRole: 'ANALYST' });
    expect(loadConfig({ MSHT_WORKBENCH: 'off', MSHT_WORKBENCH_DEV_ROLE: 'VICTIM_DATA_OFFICER' }).workbench).toEqual({ enabled: false, devToken: true, devRole: 'VICTIM_DATA_OFFICER' });
    const prod = loadConfig({ MSHT_MODE: 'production', MSHT_AUTH_JWKS_FILE: '/etc/jwks.json', MSHT_PSEUDONYM_KEY: PKEY, MSHT_WORKBENCH_DEV_TOKEN: 'on' });
    expect(prod.workbench.devToken).toBe(false);
    expect(() => loadConfig({ MSHT_WORKBENCH_DEV_ROLE: 'ROOT' })).toThrow(/MSHT_WORKBENCH_DEV_ROLE must be one of/);
  });
});
