// 法治报告: 审阅文件夹 — the reviewer's desk in VS Code: the server reviews a
// workspace folder (with the review library, as the CLI does) and renders the
// HTML report, which a webview shows; a click on a place in it opens the file
// there. The extension's activate() calls registerReviewCommand.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { COMMANDS, type Range } from '../../server/src/lsp/protocol';
import type { ReportServer } from './server';

export const REVIEW_COMMAND = 'fazhiReport.reviewFolder';

/** Files the editor opens as text at a place; others (.docx, .pdf, …) are opened as they are. */
const TEXT_FILE = /\.(?:md|markdown|txt)$/i;

interface OpenMessage {
  type: 'open';
  file: string;
  range: Range;
}

function isOpenMessage(m: unknown): m is OpenMessage {
  const o = m as OpenMessage;
  return !!o && o.type === 'open' && typeof o.file === 'string' && !!o.range && typeof o.range.start?.line === 'number' && typeof o.range.end?.line === 'number';
}

async function pickFolder(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Choose the folder to review') }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: vscode.l10n.t('Review') });
  return picked?.[0];
}

/** Opens a place the webview asked for: only a file of this review, never any path it names. */
async function openPlace(message: OpenMessage, files: ReadonlySet<string>): Promise<void> {
  if (!files.has(message.file)) return;
  const uri = vscode.Uri.file(message.file);
  if (!TEXT_FILE.test(message.file)) {
    await vscode.commands.executeCommand('vscode.open', uri);
    return;
  }
  const { start, end } = message.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(uri, { selection, viewColumn: vscode.ViewColumn.One, preview: false });
}

export function registerReviewCommand(server: ReportServer): vscode.Disposable {
  return vscode.commands.registerCommand(REVIEW_COMMAND, async (arg?: unknown) => {
    const folder = await pickFolder(arg);
    if (!folder) return;
    if (folder.scheme !== 'file') {
      void vscode.window.showErrorMessage(vscode.l10n.t("Only a folder on this machine's disk can be reviewed ({0})", folder.toString()));
      return;
    }
    const panel = vscode.window.createWebviewPanel('fazhiReport.review', vscode.l10n.t('Review: {0}', folder.path.split('/').pop() ?? ''), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
    });
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rule-of-law report: reviewing {0}', folder.fsPath), cancellable: false }, () =>
      server.command(COMMANDS.reviewFolder, { folder: folder.toString(), nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource }),
    ).then(undefined, (error: unknown) => ({ ok: false as const, reason: vscode.l10n.t('Review failed: {0}', error instanceof Error ? error.message : String(error)) }));
    if (!result.ok) {
      panel.dispose();
      void vscode.window.showWarningMessage(result.reason);
      return;
    }
    const files = new Set(result.files);
    panel.webview.html = result.html;
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isOpenMessage(message)) void openPlace(message, files);
    });
  });
}
