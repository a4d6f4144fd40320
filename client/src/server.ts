// Typed calls to the language server: the names and shapes come from the
// shared protocol, the only file of the server the client imports.
import type { LanguageClient } from 'vscode-languageclient/node';
import { OUTLINE_REQUEST, type CommandTypes, type OutlineParams, type OutlineResponse } from '../../server/src/lsp/protocol';

export class ReportServer {
  constructor(readonly client: LanguageClient) {}

  command<K extends keyof CommandTypes>(name: K, params: CommandTypes[K][0]): Promise<CommandTypes[K][1]> {
    return this.client.sendRequest('workspace/executeCommand', { command: name, arguments: [params] });
  }

  outline(uri: string): Promise<OutlineResponse | null> {
    return this.client.sendRequest(OUTLINE_REQUEST, { textDocument: { uri } } satisfies OutlineParams);
  }
}
