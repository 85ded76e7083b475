import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { useEffect, useRef, useState } from 'react';

import type { ExampleLibrary, ExampleOperation } from '../../src/http/workbench/page-config';
import { exampleVariables, samplesFrom, type Samples } from './sample-variables';

type RunQuery = (document: string) => Promise<unknown>;

function BookIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
      <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5z" />
      <path d="M4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5" />
      <path d="M8 7h8M8 10.5h6" />
    </svg>
  );
}

/**
 * The example library: the analysts' questions with the named operations that answer them
 * (from schema/operations), each opening in a new tab with variables that work on the graph
 * the caller sees; questions nothing answers yet say so.
 */
function ExamplesPanel({ library, runQuery }: { library: ExampleLibrary; runQuery: RunQuery }) {
  const editor = useEditorContext({ nonNull: true });
  const pending = useRef<{ query: string; variables: string } | null>(null);
  const samples = useRef<Promise<Samples | undefined> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const byName = new Map(library.operations.map((o) => [o.name, o]));

  useEffect(() => {
    const p = pending.current;
    if (!p || !editor.queryEditor || !editor.variableEditor) return;
    pending.current = null;
    editor.queryEditor.setValue(p.query);
    editor.variableEditor.setValue(p.variables);
  }, [editor.activeTabIndex, editor.tabs.length, editor.queryEditor, editor.variableEditor]);

  const loadSamples = () => {
    const doc = byName.get('WorkbenchSamples')?.document;
    samples.current ??= doc
      ? runQuery(doc)
          .then((r) => samplesFrom((r as { data?: Parameters<typeof samplesFrom>[0] }).data))
          .catch(() => undefined)
      : Promise.resolve(undefined);
    return samples.current;
  };

  const open = async (op: ExampleOperation) => {
    setBusy(op.name);
    try {
      const needsSamples = op.variables.some((v) => v.required && !(op.exampleVariables && v.name in op.exampleVariables));
      const vars = exampleVariables(op, needsSamples ? await loadSamples() : undefined);
      const variables = Object.keys(vars).length ? JSON.stringify(vars, null, 2) : '';
      const existing = editor.tabs.findIndex((t) => t.query === op.document);
      pending.current = { query: op.document, variables };
      if (existing >= 0 && existing === editor.activeTabIndex) {
        editor.variableEditor?.setValue(variables);
        pending.current = null;
      } else if (existing >= 0) editor.changeTab(existing);
      else editor.addTab();
    } finally {
      setBusy(null);
    }
  };

  const button = (name: string) => {
    const op = byName.get(name);
    if (!op) return null;
    return (
      <button key={name} type="button" className="wb-example-open" data-operation={name} disabled={busy === name} onClick={() => void open(op)} title={op.description || `Open ${name} in a new tab`}>
        {name}
      </button>
    );
  };
  const others = library.operations.filter((o) => o.question === undefined);

  return (
    <div className="wb-examples">
      <div className="graphiql-doc-explorer-title">Analyst questions</div>
      <p className="wb-examples-hint">Each opens in a new tab with variables taken from the graph you can see. Run it with ▶.</p>
      <ol className="wb-questions">
        {library.questions.map((q) => (
          <li key={q.number} className={q.operations.length ? 'wb-question' : 'wb-question wb-question-missing'} data-question={q.number}>
            <div className="wb-question-text">
              <span className="wb-question-number">Q{q.number}</span> {q.text}
            </div>
            <div className="wb-question-ops">{q.operations.length ? q.operations.map(button) : <span className="wb-not-yet">not available yet</span>}</div>
          </li>
        ))}
      </ol>
      <div className="wb-others-title">Other named operations</div>
      <ul className="wb-others">
        {others.map((o) => (
          <li key={o.name}>
            {button(o.name)}
            <span className="wb-other-kind">{o.kind === 'query' ? '' : o.kind}</span>
            {o.description ? <div className="wb-other-desc">{o.description}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function examplesPlugin(library: ExampleLibrary, runQuery: RunQuery): GraphiQLPlugin {
  return {
    title: 'Analyst questions',
    icon: BookIcon,
    content: () => <ExamplesPanel library={library} runQuery={runQuery} />,
  };
}
