/**
 * A host name (as in a URL or a `Host` header, without the port) that names this machine:
 * `localhost`, `127.x.x.x` or `[::1]`.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(hostname);
}
