// The report service: everything the editor asks of a report, one provider per
// feature, over one shared analysis cache. The language server (../lsp/run.ts)
// wires it to a connection; tests call it on in-memory documents.
import type { Settings } from '../settings';
import { ReportDecider } from '../lsp/reports';
import { AnalysisCache } from './cache';
import { CodeActionsProvider } from './codeActions';
import { CommandsProvider } from './commands';
import { CompletionProvider } from './completion';
import { DiagnosticsProvider } from './diagnostics';
import { FilesProvider } from './files';
import { FoldingProvider } from './folding';
import { HoverProvider } from './hover';
import { OutlineProvider } from './outline';
import { SymbolsProvider } from './symbols';
import type { ReportServiceOptions } from './types';

export type { ReportServiceOptions, ServiceDocument, Logger, Workspace } from './types';

export interface ReportService {
  readonly diagnostics: DiagnosticsProvider;
  readonly symbols: SymbolsProvider;
  readonly folding: FoldingProvider;
  readonly hover: HoverProvider;
  readonly completion: CompletionProvider;
  readonly codeActions: CodeActionsProvider;
  readonly outline: OutlineProvider;
  readonly commands: CommandsProvider;
  /** Which documents are reports (checked by the user, `fazhiReport.files`, or by their text). */
  readonly decider: ReportDecider;
  /** The folders of the workspace, for `fazhiReport.files` globs relative to them. */
  setWorkspaceFolders(uris: string[]): void;
  /** A document was opened or changed: analyse it after its debounce. */
  documentChanged(uri: string): void;
  /** A document was closed: forget it, clear its diagnostics. */
  documentClosed(uri: string): void;
  /** The settings changed: read them again for every open document and analyse again. */
  settingsChanged(openUris: Iterable<string>): void;
  /** The settings a document is analysed with. */
  settingsOf(uri: string): Promise<Settings>;
}

export function createReportService(options: ReportServiceOptions): ReportService {
  const decider = new ReportDecider();
  const cache = new AnalysisCache(options.settingsFor, options.logger, decider);
  const diagnostics = new DiagnosticsProvider(cache, options.workspace, options.publishDiagnostics ?? (() => undefined));
  const defaultYear = options.defaultYear ?? new Date().getFullYear() - 1;
  return {
    diagnostics,
    symbols: new SymbolsProvider(cache, options.hostHasMarkdownOutline ?? false),
    folding: new FoldingProvider(cache),
    hover: new HoverProvider(cache),
    completion: new CompletionProvider(cache),
    codeActions: new CodeActionsProvider(cache, options.workspace, options.lazyCodeActionEdits ?? false),
    outline: new OutlineProvider(cache),
    commands: new CommandsProvider(cache, options.workspace, diagnostics, defaultYear, options.applyEdit, new FilesProvider(options.settingsFor, options.workspace, options.version ?? '0.0.0')),
    decider,
    setWorkspaceFolders: (uris) => decider.setWorkspaceFolders(uris),
    documentChanged: (uri) => diagnostics.schedule(uri),
    documentClosed: (uri) => {
      cache.forget(uri);
      diagnostics.close(uri);
    },
    settingsChanged: (openUris) => {
      cache.clear();
      for (const uri of openUris) diagnostics.schedule(uri);
    },
    settingsOf: (uri) => cache.settingsOf(uri),
  };
}
