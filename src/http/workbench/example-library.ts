import fs from 'node:fs';
import path from 'node:path';

import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

import { ANALYST_QUESTIONS } from '../../domain/analyst-questions';
import { projectRoot } from '../../util/project-root';
import type { ExampleLibrary, ExampleOperation } from './page-config';

export type { ExampleLibrary, ExampleOperation };

export interface OperationSource {
  file: string;
  text: string;
}

const QUESTION_LINE = /^Analyst question (\d+)\b[^:]*:\s*(.*)$/i;
const EXAMPLE_LINE = /^Example variables:\s*(\{.*\})\s*$/i;

/** The `#` lines directly above `offset` in `text` (a blank line ends the block). */
function commentBlockAbove(text: string, offset: number): string[] {
  const lines = text.slice(0, offset).split('\n');
  lines.pop(); // the start of the operation's own line
  const block: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith('#')) break;
    block.unshift(line.replace(/^#\s?/, ''));
  }
  return block;
}

function fragmentsUsed(op: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const frag = fragments.get(spread.name.value);
        if (frag && !used.has(frag.name.value)) {
          used.set(frag.name.value, frag);
          walk(frag);
        }
      },
    });
  walk(op);
  return [...used.values()];
}

/** The source text of a definition as written (comments inside it kept), or printed. */
function sourceOf(def: DefinitionNode): string {
  return def.loc ? def.loc.source.body.slice(def.loc.start, def.loc.end) : print(def);
}

/**
 * Reads the named operations of a set of files: which analyst question each answers (from its
 * leading comment), the fragments it needs (from any file, as codegen resolves them), its
 * variables. Every question of the domain note is listed, with no operations where none
 * answers it yet. A file that does not parse is reported in `problems`, not thrown.
 */
export function buildExampleLibrary(sources: OperationSource[]): ExampleLibrary {
  const problems: string[] = [];
  const parsed: { file: string; text: string; defs: readonly DefinitionNode[] }[] = [];
  for (const { file, text } of sources) {
    try {
      parsed.push({ file, text, defs: parse(text).definitions });
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const p of parsed) for (const d of p.defs) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const operations: ExampleOperation[] = [];
  for (const { file, text, defs } of parsed) {
    for (const d of defs) {
      if (d.kind !== Kind.OPERATION_DEFINITION || !d.name) continue;
      const comments = commentBlockAbove(text, d.loc!.start);
      let question: number | undefined;
      let exampleVariables: Record<string, unknown> | undefined;
      const description: string[] = [];
      for (const line of comments) {
        const q = QUESTION_LINE.exec(line);
        const ex = EXAMPLE_LINE.exec(line);
        if (q && question === undefined) question = Number(q[1]);
        if (ex) {
          try {
            exampleVariables = JSON.parse(ex[1]!) as Record<string, unknown>;
          } catch {
            problems.push(`${file}: the example variables of ${d.name.value} are not valid JSON`);
          }
        } else {
          description.push(line);
        }
      }
      operations.push({
        name: d.name.value,
        kind: d.operation,
        file,
        question: question !== undefined && ANALYST_QUESTIONS.some((a) => a.number === question) ? question : undefined,
        description: description.join(' ').trim(),
        // The comment travels with the operation: the tab says which question it answers.
        document: description.map((l) => `# ${l}\n`).join('') + [sourceOf(d), ...fragmentsUsed(d, fragments).map(sourceOf)].join('\n\n') + '\n',
        variables: (d.variableDefinitions ?? []).map((v) => ({
          name: v.variable.name.value,
          type: print(v.type),
          required: v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue,
        })),
        exampleVariables,
      });
    }
  }
  const byQuestion = (o: ExampleOperation) => o.question ?? Number.MAX_SAFE_INTEGER;
  operations.sort((a, b) => byQuestion(a) - byQuestion(b) || a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
  const questions = ANALYST_QUESTIONS.map((q) => ({
    number: q.number,
    text: q.text,
    operations: operations.filter((o) => o.question === q.number).map((o) => o.name),
  }));
  return { questions, operations, problems };
}

/** The `.graphql` files under a folder (recursively), in name order. */
export function readOperationSources(dir: string): OperationSource[] {
  const out: OperationSource[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.graphql')) out.push({ file: path.relative(dir, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** The library from the project's schema/operations (read once, at start-up). */
export function loadExampleLibrary(dir = path.join(projectRoot(), 'schema', 'operations')): ExampleLibrary {
  return buildExampleLibrary(readOperationSources(dir));
}
