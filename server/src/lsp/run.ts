// The language server: the connection wired to the report service
// (../service). Nothing here analyses; it checks what a client sends, keeps
// the open documents and passes each request to its provider.
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createReportService, type ReportService } from '../service';
import { SERVER_COMMAND_NAMES } from '../service/commands';
import { createSettingsSource, type SettingsSource } from './configuration';
import { registerDocumentRequests } from './documents';
import { DEFAULT_SETTINGS } from '../settings';
import { documentUri, InvalidParams, optionalString, position, range } from './params';
import { chooseEncoding, PositionCodec } from './positionEncoding';
import { OUTLINE_REQUEST, type InitializationOptions } from './protocol';

/** Starts the language server on the transport named in argv (--stdio, --node-ipc, …). */
export function runLanguageServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  // Positions in the client's encoding (UTF-8 for Neovim or Helix when they offer it) are converted here, at the edge.
  const codec = new PositionCodec();
  const documents = new TextDocuments({ create: TextDocument.create, update: (document, changes, version) => codec.update(document, changes, version) });
  const logger = { error: (m: string) => connection.console.error(m), warn: (m: string) => connection.console.warn(m) };
  let state: 'starting' | 'running' | 'shut down' = 'starting';
  let service: ReportService | undefined;
  let settings: SettingsSource | undefined;
  /** The size limit of the settings without a resource, for reading Word and PDF files. */
  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  const readGlobalSettings = () => void settings?.global().then((s) => (maxFileSize = s.maxFileSize));

  /**
   * Every request goes through here: none is answered before `initialize`
   * (−32002) or after `shutdown` (InvalidRequest), a cancelled one is answered
   * as cancelled, and a failure answers with our own message, never with a
   * JavaScript one.
   */
  const guard =
    <P, R>(name: string, handler: (params: P, service: ReportService, token: CancellationToken) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      if (state === 'starting' || !service) return new ResponseError(ErrorCodes.ServerNotInitialized, '服务器尚未初始化：请先发送 initialize');
      if (state === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, '服务器已关闭（已收到 shutdown）');
      try {
        const result = await handler(params, service, token);
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} 已取消`);
        return result;
      } catch (error) {
        if (error instanceof ResponseError) return error;
        connection.console.error(`处理 ${name} 时出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return new ResponseError(ErrorCodes.InternalError, `处理 ${name} 时出错，详情见服务器日志`);
      }
    };

  connection.onShutdown(() => {
    state = 'shut down';
  });

  connection.onInitialize((params): InitializeResult => {
    state = 'running';
    codec.encoding = chooseEncoding(params.capabilities.general?.positionEncodings);
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    settings = createSettingsSource(
      params.capabilities.workspace?.configuration ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'fazhiReport' }) : null,
      logger,
    );
    settings.setPushed(init.settings);
    service = createReportService({
      settingsFor: settings.settingsFor,
      logger,
      workspace: documents,
      version: SERVER_VERSION,
      hostHasMarkdownOutline: init.hostHasMarkdownOutline === true,
      lazyCodeActionEdits: params.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true,
      publishDiagnostics: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics: codec.toClient(documents.get(uri), diagnostics) }),
      applyEdit: async (label, changes) => {
        const encoded = Object.fromEntries(Object.entries(changes).map(([uri, edits]) => [uri, codec.toClient(documents.get(uri), edits)]));
        return (await connection.workspace.applyEdit({ label, edit: { changes: encoded } })).applied;
      },
    });
    service.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        positionEncoding: codec.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '报告大纲' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['。', '；'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        executeCommandProvider: { commands: [...SERVER_COMMAND_NAMES] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'fazhi-report', version: SERVER_VERSION },
    };
  });

  // Warn about a malformed setting at once, not at the first report.
  connection.onInitialized(readGlobalSettings);

  const openUris = () => documents.all().map((d) => d.uri);

  connection.onDidChangeConfiguration((change) => {
    if (!service || !settings) return;
    if (!settings.pull) settings.setPushed((change.settings as Record<string, unknown> | undefined)?.fazhiReport ?? change.settings);
    readGlobalSettings();
    service.settingsChanged(openUris());
  });

  documents.onDidOpen((e) => service?.documentChanged(e.document.uri));
  documents.onDidChangeContent((e) => service?.documentChanged(e.document.uri));
  documents.onDidClose((e) => service?.documentClosed(e.document.uri));

  /** The open document a request names; requests about a document not open get an empty answer. */
  const open = (params: unknown) => documents.get(documentUri(params));

  connection.onDocumentSymbol(guard('textDocument/documentSymbol', async (params, s, token) => {
    const document = open(params);
    return document ? codec.toClient(document, await s.symbols.provideDocumentSymbols(document, params, token)) : [];
  }));

  connection.onFoldingRanges(guard('textDocument/foldingRange', (params, s, token) => {
    const document = open(params);
    return document ? s.folding.provideFoldingRanges(document, params, token) : [];
  }));

  connection.onCompletion(guard('textDocument/completion', async (params, s, token) => {
    const document = open(params);
    const at = codec.fromClient(document, position(params.position));
    const triggerCharacter = optionalString(params.context?.triggerCharacter, 'context.triggerCharacter');
    return document ? codec.toClient(document, await s.completion.provideCompletionItems(document, { position: at, context: { triggerCharacter } }, token)) : [];
  }));

  connection.onHover(guard('textDocument/hover', async (params, s, token) => {
    const document = open(params);
    const at = codec.fromClient(document, position(params.position));
    return document ? codec.toClient(document, await s.hover.provideHover(document, { position: at }, token)) : null;
  }));

  connection.onCodeAction(guard('textDocument/codeAction', async (params, s, token) => {
    const document = open(params);
    const where = codec.fromClient(document, range(params.range));
    const only = params.context?.only;
    if (only !== undefined && !(Array.isArray(only) && only.every((k) => typeof k === 'string'))) throw new InvalidParams('context.only 应为字符串数组');
    return document ? codec.toClient(document, await s.codeActions.provideCodeActions(document, { range: where, context: { only } }, token)) : [];
  }));

  connection.onCodeActionResolve(guard('codeAction/resolve', async (action, s, token) => {
    const uri = (action?.data as { uri?: unknown } | undefined)?.uri;
    return codec.toClient(typeof uri === 'string' ? documents.get(uri) : undefined, await s.codeActions.resolveCodeAction(action, token));
  }));

  connection.onRequest(OUTLINE_REQUEST, guard(OUTLINE_REQUEST, async (params: unknown, s, token) => {
    const document = open(params);
    return document ? codec.toClient(document, await s.outline.provideOutline(document, params, token)) : null;
  }));

  registerDocumentRequests(connection, () => maxFileSize);

  // A command's position (where to write the skeleton) and the edits and cursor it answers with, in the client's encoding.
  connection.onExecuteCommand(guard('workspace/executeCommand', async (params, s, token) => {
    const uri = (params.arguments?.[0] as { uri?: unknown } | undefined)?.uri;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    return codec.toClient(document, await s.commands.execute(params.command, codec.fromClient(document, params), token));
  }));

  documents.listen(connection);
  connection.listen();
  return connection;
}

declare const __VERSION__: string | undefined;
const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
