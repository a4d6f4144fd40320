// What the report service is made from: documents, settings and a log,
// injected, so that each provider runs on in-memory documents in a test as it
// does behind the language server.
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../settings';
import type { TextEdit } from '../lsp/protocol';

/** The part of an open document the service reads. */
export type ServiceDocument = Pick<TextDocument, 'uri' | 'version' | 'languageId' | 'getText'>;

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
}

/** The open documents, by uri. */
export interface Workspace {
  get(uri: string): ServiceDocument | undefined;
}

export interface ReportServiceOptions {
  /** The settings of the document's folder (`workspace/configuration` with its scopeUri), already normalised. */
  settingsFor(uri: string): Settings | Promise<Settings>;
  logger: Logger;
  workspace: Workspace;
  /** Applies edits in the editor (`workspace/applyEdit`); the apply* commands need it. */
  applyEdit?(label: string, changes: Record<string, TextEdit[]>): Promise<boolean>;
  /** Publishes a document's diagnostics (push model). */
  publishDiagnostics?(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** The editor lists Markdown `#` headings itself (VS Code does). */
  hostHasMarkdownOutline?: boolean;
  /** The client resolves code actions' edits lazily (`codeAction/resolve`). */
  lazyCodeActionEdits?: boolean;
  /** The server's version, for the review's page. */
  version?: string;
  /** The report year when neither the document nor the settings give one: the year before the current, computed once. */
  defaultYear?: number;
}

export type Token = CancellationToken;
