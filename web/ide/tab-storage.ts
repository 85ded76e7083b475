/**
 * Where GraphiQL keeps its tabs, history and editors: the tab's sessionStorage, gone when the tab
 * closes, as the token is. By default GraphiQL uses localStorage, which outlives the tab and is
 * shared by every later user of the browser profile: its history kept each query run with its
 * variables and the headers typed (a pasted bearer token, a victim's name searched for).
 * GraphiQL's keys start `graphiql:`; clearing them leaves the page's token alone.
 */
const PREFIX = 'graphiql:';

export function tabStorage(): { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void; clear(): void; length: number } {
  const s = window.sessionStorage;
  return {
    getItem: (key) => s.getItem(key),
    setItem: (key, value) => s.setItem(key, value),
    removeItem: (key) => s.removeItem(key),
    clear: () => forget(s),
    get length() {
      return s.length;
    },
  };
}

/** Removes GraphiQL's keys from a store: from localStorage, what earlier versions of the page left there. */
export function forget(store: Storage): void {
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}
