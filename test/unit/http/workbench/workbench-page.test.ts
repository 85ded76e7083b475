import { escapeHtml, jsonForScriptBlock, renderWorkbenchPage, WORKBENCH_CSP } from '../../../../src/http/workbench/workbench-page';

describe('renderWorkbenchPage', () => {
  const config = {
    page: 'explorer' as const,
    endpoint: '/graphql',
    mode: 'development' as const,
    introspection: true,
    auth: { kind: 'prompt' as const, reason: 'x' },
    capabilities: {},
  };

  it('loads its bundle and stylesheet from /assets, with no inline script', () => {
    const html = renderWorkbenchPage('msht-graph · link chart', config);
    expect(html).toContain('<script src="/assets/explorer.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/explorer.css">');
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([' type="application/json" id="msht-workbench-config"', ' src="/assets/explorer.js"']);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('embeds the configuration so that no value can close the data block', () => {
    const html = renderWorkbenchPage('t', { ...config, auth: { kind: 'prompt', reason: '</script><script>alert(1)</script>' } });
    const block = /<script type="application\/json" id="msht-workbench-config">(.*)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('<');
    expect(JSON.parse(block).auth.reason).toBe('</script><script>alert(1)</script>');
  });

  it('escapes the title', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(jsonForScriptBlock({ a: '\u2028&' })).toBe('{"a":"\\u2028\\u0026"}');
  });
});

describe('WORKBENCH_CSP', () => {
  it('allows scripts, styles and connections from the service only', () => {
    expect(WORKBENCH_CSP).toContain("default-src 'none'");
    expect(WORKBENCH_CSP).toContain("script-src 'self';");
    expect(WORKBENCH_CSP).toContain("style-src 'self';");
    expect(WORKBENCH_CSP).toContain("connect-src 'self';");
    expect(WORKBENCH_CSP).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });
});
