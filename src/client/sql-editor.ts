// The console's SQL editor (CodeMirror), loaded while DuckDB-WASM starts rather than before.

import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Compartment, Prec } from '@codemirror/state';
import { sql as sqlLanguage } from '@codemirror/lang-sql';

export interface SqlEditor {
  text(): string;
  setText(text: string): void;
  /** Table and view names with their columns, for completion. */
  setSchema(schema: Record<string, string[]>): void;
}

export function createSqlEditor(parent: HTMLElement, doc: string, label: string, onRun: () => void): SqlEditor {
  const language = new Compartment();
  const view = new EditorView({
    doc,
    parent,
    extensions: [
      basicSetup,
      language.of(sqlLanguage()),
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }])),
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    setSchema: (schema) => view.dispatch({ effects: language.reconfigure(sqlLanguage({ schema, upperCaseKeywords: true })) }),
  };
}
