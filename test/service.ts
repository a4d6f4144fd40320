// The report service on in-memory documents: what the language server wires
// to a connection, with the editor played by a map of TextDocuments.
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createReportService, type ReportService, type ReportServiceOptions } from '../server/src/service';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../server/src/settings';
import type { TextEdit } from '../server/src/lsp/protocol';

export const NONE = CancellationToken.None;

export interface Harness {
  service: ReportService;
  open(uri: string, text: string, languageId?: string): TextDocument;
  document(uri: string): TextDocument;
  /** The diagnostics published last, by uri. */
  published: Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>;
  /** The labels of the edits applied through applyEdit. */
  applied: string[];
  logs: string[];
}

/** `settings`: the raw `fazhiReport` settings of each document (as an editor answers workspace/configuration). */
export function harness(settings: (uri: string) => unknown = () => ({ debounce: 0 }), options: Partial<ReportServiceOptions> = {}): Harness {
  const docs = new Map<string, TextDocument>();
  const published: Harness['published'] = new Map();
  const applied: string[] = [];
  const logs: string[] = [];
  const service = createReportService({
    settingsFor: (uri): Settings => normalizeSettings(settings(uri) ?? {}).settings ?? DEFAULT_SETTINGS,
    logger: { error: (m) => logs.push(m), warn: (m) => logs.push(m) },
    workspace: { get: (uri) => docs.get(uri) },
    publishDiagnostics: (uri, version, diagnostics) => published.set(uri, { version, diagnostics }),
    applyEdit: async (label, changes) => {
      applied.push(label);
      for (const [uri, edits] of Object.entries(changes)) {
        const doc = docs.get(uri)!;
        const text = TextDocument.applyEdits(doc, edits as TextEdit[]);
        TextDocument.update(doc, [{ text }], doc.version + 1);
        service.documentChanged(uri);
      }
      return true;
    },
    defaultYear: 2024,
    ...options,
  });
  return {
    service,
    open(uri, text, languageId = 'plaintext') {
      const doc = TextDocument.create(uri, languageId, 1, text);
      docs.set(uri, doc);
      service.documentChanged(uri);
      return doc;
    },
    document: (uri) => docs.get(uri)!,
    published,
    applied,
    logs,
  };
}

/** Waits until the debounced diagnostics of `uri` are published for its current version. */
export async function publishedFor(h: Harness, uri: string): Promise<Diagnostic[]> {
  for (let i = 0; i < 2000; i++) {
    const p = h.published.get(uri);
    if (p && p.version === h.document(uri).version) return p.diagnostics;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no diagnostics published for ${uri}`);
}
