// 法治报告: 审阅文件夹 — the reviewer's desk in VS Code: reviews a workspace
// folder with the review library (in the extension host, as the CLI does)
// and shows the HTML report in a webview; a click on a place in it opens the
// file there. The extension's activate() calls registerReviewCommand.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { review, type ReviewResult } from '../../server/src/review';
import { renderHtml } from '../../server/src/review/render/html';
import type { AnalyzeOptions, Range } from '../../server/src/analysis/types';

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

/** The user's rules, parts and size limit, as the language server reads them. */
function analyzeOptions(folder: vscode.Uri): AnalyzeOptions {
  const config = vscode.workspace.getConfiguration('fazhiReport', folder);
  const options: AnalyzeOptions = {};
  const rules = config.get<AnalyzeOptions['rules']>('rules');
  if (rules && typeof rules === 'object') options.rules = rules;
  const sections = config.get<AnalyzeOptions['sections']>('sections');
  if (sections && typeof sections === 'object') options.sections = sections;
  const max = config.get<number>('maxFileSize');
  if (typeof max === 'number' && max > 0) options.maxFileSize = max;
  return options;
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

/** The bundled worker, when the package has it; without it the review runs in the extension host's thread. */
function workerScript(context: vscode.ExtensionContext): string | undefined {
  const script = context.asAbsolutePath(path.join('dist', 'review-worker.js'));
  return existsSync(script) ? script : undefined;
}

export function registerReviewCommand(context: vscode.ExtensionContext): void {
  const version = (context.extension?.packageJSON as { version?: string } | undefined)?.version ?? '0.0.0';
  context.subscriptions.push(
    vscode.commands.registerCommand(REVIEW_COMMAND, async (arg?: unknown) => {
      const folder = await pickFolder(arg);
      if (!folder) return;
      if (folder.scheme !== 'file') {
        void vscode.window.showErrorMessage(vscode.l10n.t("Only a folder on this machine's disk can be reviewed ({0})", folder.toString()));
        return;
      }
      let result: ReviewResult;
      try {
        result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rule-of-law report: reviewing {0}', folder.fsPath), cancellable: false },
          async (progress) => {
            let last = 0;
            return review([folder.fsPath], {
              analyze: analyzeOptions(folder),
              version,
              workers: Math.min(availableParallelism(), 4),
              workerScript: workerScript(context),
              onProgress: (done, total) => {
                const now = Math.floor((done / total) * 100);
                progress.report({ increment: now - last, message: `${done}/${total}` });
                last = now;
              },
            });
          },
        );
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Review failed: {0}', error instanceof Error ? error.message : String(error)));
        return;
      }
      if (result.reports.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The folder has no reports to review (.md, .txt, .docx, .doc, .wps, .pdf)'));
        return;
      }
      const panel = vscode.window.createWebviewPanel('fazhiReport.review', vscode.l10n.t('Review: {0}', folder.path.split('/').pop() ?? ''), vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      const files = new Set([...result.reports.map((r) => r.file), ...(result.previous?.matched.map((m) => m.previousFile) ?? [])]);
      panel.webview.html = renderHtml(result, { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource });
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isOpenMessage(message)) void openPlace(message, files);
      });
    }),
  );
}
