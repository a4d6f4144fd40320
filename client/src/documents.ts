// 法治报告: 检查 Word/PDF 文档 — a .docx, .doc, .wps or .pdf from the Explorer or the palette is
// read by the language server (the same reader layer as the CLI) and shown as a read-only text
// document of our own scheme, which the client's document selector includes: the server checks it
// as any report (diagnostics, the 报告大纲 view, the status bar, hovers). The text follows the file
// when it changes on disk; the original is never written.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_SCHEME, EXTRACT_DOCUMENT_REQUEST, type ExtractDocumentParams, type ExtractDocumentResult } from '../../server/src/lsp/protocol';

export { DOCUMENT_SCHEME };

/** The extensions the command offers (the server reads text files too, but those open as they are). */
const EXTENSIONS = ['docx', 'doc', 'wps', 'pdf'];

type Extracted = Extract<ExtractDocumentResult, { ok: true }>;

/** The read-only document that shows a file's text: the same path, our scheme. */
export function extractedUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: DOCUMENT_SCHEME });
}

class ExtractedDocuments implements vscode.TextDocumentContentProvider, vscode.HoverProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, Extracted>();
  private readonly watchers = new Map<string, vscode.Disposable>();

  constructor(private readonly client: LanguageClient) {}

  /** Asks the server to read the file behind `uri`; keeps the text when it could. */
  async load(uri: vscode.Uri): Promise<ExtractDocumentResult> {
    const params: ExtractDocumentParams = { uri: uri.with({ scheme: 'file' }).toString() };
    let result: ExtractDocumentResult;
    try {
      result = await this.client.sendRequest<ExtractDocumentResult>(EXTRACT_DOCUMENT_REQUEST, params);
    } catch (error) {
      // The language server stopped or failed: said as a reason, like a file that cannot be read.
      result = { ok: false, reason: vscode.l10n.t('The language server could not read it ({0})', (error as Error)?.message ?? String(error)) };
    }
    if (result.ok) {
      this.texts.set(uri.toString(), result);
      this.watch(uri);
    }
    return result;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known) return known.text;
    const result = await this.load(uri);
    return result.ok ? result.text : vscode.l10n.t('This file cannot be read: {0}', result.reason);
  }

  /** 第N段 (and the page) of the line under the pointer, as Word and the CLI count them. */
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const paragraph = this.texts.get(document.uri.toString())?.paragraphs.find((p) => p.line === position.line);
    if (!paragraph) return undefined;
    const where = paragraph.page !== undefined ? vscode.l10n.t('Page {0}, paragraph {1} of the original (原文第 {0} 页，第 {1} 段)', paragraph.page, paragraph.index) : vscode.l10n.t('Paragraph {0} of the original (原文第 {0} 段)', paragraph.index);
    return new vscode.Hover(where, document.lineAt(position.line).range);
  }

  notes(uri: vscode.Uri): string[] {
    return this.texts.get(uri.toString())?.notes ?? [];
  }

  /** Reads the file again when it changes on disk, and tells VS Code the text changed. */
  private watch(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.watchers.has(key)) return;
    const file = uri.with({ scheme: 'file' });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), path.posix.basename(file.path)));
    const reload = async () => {
      const result = await this.load(uri);
      if (result.ok) this.changed.fire(uri);
      else void vscode.window.showWarningMessage(vscode.l10n.t("'{0}' changed but cannot be read again: {1}", path.posix.basename(file.path), result.reason));
    };
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    this.watchers.set(key, watcher);
  }

  /** The document was closed: its text and watcher go. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.texts.delete(key);
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.changed.dispose();
  }
}

export function registerDocumentCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const documents = new ExtractedDocuments(client);
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(DOCUMENT_SCHEME, documents),
    vscode.languages.registerHoverProvider({ scheme: DOCUMENT_SCHEME }, documents),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === DOCUMENT_SCHEME) documents.forget(d.uri);
    }),
    vscode.commands.registerCommand('fazhiReport.openDocument', (uri?: vscode.Uri) => openDocument(documents, uri instanceof vscode.Uri ? uri : undefined)),
  );
}

/** Shows the file's text and checks it as a report; returns the shown document's URI (for tests), or undefined. */
async function openDocument(documents: ExtractedDocuments, given: vscode.Uri | undefined): Promise<string | undefined> {
  const file =
    given ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Word or PDF document')]: EXTENSIONS },
        openLabel: vscode.l10n.t('Check'),
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      })
    )?.[0];
  if (!file) return undefined;
  const name = path.posix.basename(file.path);
  if (file.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t("Cannot read '{0}': only files on this machine can be checked", name));
    return undefined;
  }
  const uri = extractedUri(file);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Reading '{0}'…", name) }, () => documents.load(uri));
  if (!result.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Cannot read '{0}': {1}", name, result.reason));
    return undefined;
  }
  let document = await vscode.workspace.openTextDocument(uri);
  // One paragraph per line, no Markdown: plain text, whatever VS Code makes of the extension.
  if (document.languageId !== 'plaintext') document = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
  await vscode.window.showTextDocument(document, { preview: false });
  // The user asked for it: checked as a report whatever its first lines look like.
  await vscode.commands.executeCommand('fazhiReport.checkCurrentFile');
  const notes = documents.notes(uri);
  void vscode.window.showInformationMessage(
    [vscode.l10n.t("The text of '{0}', read-only: change the original in Word or WPS; once saved, this follows.", name), ...notes].join(' '),
  );
  return uri.toString();
}
