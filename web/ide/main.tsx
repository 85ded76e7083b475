import 'graphiql/graphiql.css';
import './ide.css';

import { GraphiQL } from 'graphiql';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

import { renderAuthBar } from '../shared/auth-bar';
import { readPageConfig } from '../shared/page-config';
import { TokenStore } from '../shared/token';
import { examplesPlugin } from './examples-plugin';
import { createFetcher } from './fetcher';
import { forget, tabStorage } from './tab-storage';

// What earlier versions of this page left in localStorage (queries, variables, headers) goes.
forget(window.localStorage);
const storage = tabStorage();

const config = readPageConfig();
const tokens = new TokenStore(config);
const fetcher = createFetcher(config.endpoint, tokens);
const library = config.examples ?? { questions: [], operations: [], problems: [] };
const runQuery = (document: string) => Promise.resolve(fetcher({ query: document, operationName: null }, {}));
const plugins = [examplesPlugin(library, runQuery)];

/** The header above GraphiQL: the service, the other page, who the page calls as. */
function Header() {
  const auth = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (auth.current) renderAuthBar(auth.current, config, tokens, () => location.reload());
  }, []);
  return (
    <header className="wb-header">
      <span className="wb-brand">msht-graph</span>
      <span className="wb-title">GraphQL IDE</span>
      <nav className="wb-nav">
        <a href="/explorer">Link chart</a>
      </nav>
      {!config.introspection ? <span className="wb-note">introspection is off in production: no schema documentation</span> : null}
      <div ref={auth} />
    </header>
  );
}

function Ide() {
  return (
    <div className="wb-page">
      <Header />
      <div className="wb-graphiql">
        <GraphiQL
          fetcher={fetcher}
          plugins={plugins}
          visiblePlugin={plugins[0]}
          schema={config.introspection ? undefined : null}
          defaultEditorToolsVisibility="variables"
          isHeadersEditorEnabled
          shouldPersistHeaders={false}
          storage={storage}
          defaultQuery={'# Pick an analyst question on the left, or write a query here.\n# Ctrl-Enter runs it; Ctrl-Space completes.\n\nquery ServiceInfo {\n  viewer {\n    subject\n    roles\n    clearance\n  }\n  database {\n    version\n    edition\n  }\n}\n'}
        >
          <GraphiQL.Logo>msht-graph</GraphiQL.Logo>
        </GraphiQL>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Ide />);
