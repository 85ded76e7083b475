import type { WorkbenchPageConfig } from './page-config';
import type { TokenStore } from './token';

/**
 * The part of a page's header that says who the page calls the service as. Development: the
 * minted token's role, with a choice of role (reloads the page with `?role=`). Otherwise: a
 * field to paste a token into, kept for this tab only.
 */
export function renderAuthBar(host: HTMLElement, config: WorkbenchPageConfig, tokens: TokenStore, onChange: () => void): void {
  host.replaceChildren();
  host.className = 'wb-auth';
  const status = document.createElement('span');
  status.className = 'wb-auth-status';
  status.textContent = tokens.describe();
  host.append(status);
  const auth = config.auth;
  if (auth.kind === 'dev-token') {
    const label = document.createElement('label');
    label.textContent = 'Role ';
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'Role of the development token');
    for (const r of auth.roles) select.append(new Option(r, r, r === auth.role, r === auth.role));
    select.addEventListener('change', () => {
      const url = new URL(location.href);
      url.searchParams.set('role', select.value);
      location.assign(url.toString());
    });
    label.append(select);
    host.append(label);
    return;
  }
  const input = document.createElement('input');
  input.type = 'password';
  input.placeholder = 'Bearer token';
  input.autocomplete = 'off';
  input.setAttribute('aria-label', 'Bearer token');
  const save = document.createElement('button');
  save.type = 'button';
  save.textContent = tokens.token ? 'Replace token' : 'Use token';
  save.addEventListener('click', () => {
    tokens.set(input.value);
    input.value = '';
    renderAuthBar(host, config, tokens, onChange);
    onChange();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') save.click();
  });
  host.append(input, save);
}
