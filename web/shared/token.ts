import type { WorkbenchPageConfig } from './page-config';

const STORAGE_KEY = 'msht-workbench-token';

/**
 * The bearer token a page sends: the development token the server gave this page load, or the
 * one the user pasted (kept in sessionStorage, so it goes when the tab closes).
 */
export class TokenStore {
  constructor(private readonly config: WorkbenchPageConfig) {}

  get token(): string | undefined {
    if (this.config.auth.kind === 'dev-token') return this.config.auth.token;
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  }

  set(token: string): void {
    const t = token.trim().replace(/^Bearer\s+/i, '');
    if (t) sessionStorage.setItem(STORAGE_KEY, t);
    else sessionStorage.removeItem(STORAGE_KEY);
  }

  /** What the page should say about who it calls the service as. */
  describe(): string {
    const a = this.config.auth;
    if (a.kind === 'dev-token') return `development token: ${a.role}, until ${new Date(a.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
    return this.token ? 'token set for this tab' : `no token: ${a.reason}`;
  }

  authorization(): Record<string, string> {
    const t = this.token;
    return t ? { authorization: `Bearer ${t}` } : {};
  }
}
