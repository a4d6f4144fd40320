// Extension entry: starts the language server and wires the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'fazhiReport' },
    // VS Code lists Markdown `#` headings itself; see fazhiReport.markdownSymbols.
    initializationOptions: { hostHasMarkdownOutline: true },
  };
  client = new LanguageClient('fazhiReport', '法治政府建设报告助手', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('fazhiReport.checkCurrentFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) {
        void vscode.window.showInformationMessage(vscode.l10n.t('请先打开要检查的报告文件'));
        return;
      }
      await client.sendRequest('workspace/executeCommand', {
        command: 'fazhiReport.checkDocument',
        arguments: [{ uri: editor.document.uri.toString() }],
      });
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
