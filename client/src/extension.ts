// Extension entry: starts the language server and wires the parts of the
// client, each in its own file: the outline view, the status bar, the
// commands, word wrap for reports, the review and Word commands. Analysis and
// files happen only in the server; of the server's code the client imports
// only the protocol (server/src/lsp/protocol.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { CurrentReport } from './current';
import type { ViewItem } from './model';
import { OutlineViews } from './outlineView';
import { registerReviewCommand } from './review';
import { ReportServer } from './server';
import { StatusBar } from './statusBar';
import { registerWordCommands } from './word';
import { ReportWordWrap } from './wordWrap';
import { DOCUMENT_SCHEME, registerDocumentCommands } from './documents';

export interface FazhiReportApi {
  /** The outline view's current items (checklist first). */
  outlineItems(): ViewItem[];
  /** The status bar text, or undefined when it is hidden. */
  statusBarText(): string | undefined;
  /** Asks the server again for the active editor's outline. */
  refresh(): Promise<void>;
  /** Whether the report at this uri was opened with word wrap turned on by us. */
  wrappedByUs(uri: string): boolean;
}

const SELECTOR = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
  { scheme: DOCUMENT_SCHEME },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FazhiReportApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    synchronize: { configurationSection: 'fazhiReport' },
    // VS Code lists Markdown `#` headings itself; see fazhiReport.markdownSymbols.
    initializationOptions: { hostHasMarkdownOutline: true } satisfies InitializationOptions,
  };
  const languageClient = new LanguageClient('fazhiReport', vscode.l10n.t('Rule-of-law government report assistant'), serverOptions, clientOptions);
  client = languageClient;

  const server = new ReportServer(languageClient);
  const current = new CurrentReport(server);
  const status = new StatusBar(current);
  const wrap = new ReportWordWrap(current);
  // The reviewer's folder and the Word commands: the server reads and writes the files.
  context.subscriptions.push(current, new OutlineViews(current), status, wrap, ...registerCommands(server, current), registerReviewCommand(server), ...registerWordCommands(server));
  registerDocumentCommands(context, languageClient);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => current.scheduleRefresh()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((u) => u.toString() === active)) current.scheduleRefresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fazhiReport')) current.scheduleRefresh();
    }),
  );

  await languageClient.start();
  await current.refresh();
  return {
    outlineItems: () => current.items,
    statusBarText: () => (current.response?.isReport ? status.text : undefined),
    refresh: () => current.refresh(),
    wrappedByUs: (uri) => wrap.isWrapped(uri),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
