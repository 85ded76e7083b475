import type { Response } from 'express';

import type { WorkbenchPageConfig } from './page-config';

/**
 * The workbench pages load nothing but this service: scripts, styles and connections from
 * 'self' only, fonts and images also from data: URIs (GraphiQL's bundled fonts). No inline
 * script: the page's configuration travels as a JSON data block, which is not executed.
 */
export const WORKBENCH_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for the pages and their assets. */
export function setWorkbenchHeaders(res: Response, { page }: { page: boolean }): void {
  res.setHeader('Content-Security-Policy', WORKBENCH_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // A page may carry a development token: never cache it.
  if (page) res.setHeader('Cache-Control', 'no-store');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON safe inside a <script type="application/json"> block: no `</script>`, no `<!--`. */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The HTML shell of a workbench page: its bundle, its stylesheet and its configuration. */
export function renderWorkbenchPage(title: string, config: WorkbenchPageConfig): string {
  const entry = config.page;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/${entry}.css">
<script type="application/json" id="msht-workbench-config">${jsonForScriptBlock(config)}</script>
</head>
<body>
<div id="root"><noscript>The msht-graph workbench needs JavaScript.</noscript></div>
<script src="/assets/${entry}.js"></script>
</body>
</html>
`;
}
