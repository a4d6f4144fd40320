// Speaks LSP to a spawned server over stdio, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  PublishDiagnosticsNotification,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  type InitializeResult,
  LogMessageNotification,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** Resolves with the diagnostics published for that uri and version. */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
  stderr(): string;
  /** window/logMessage texts, as an editor's output channel shows them. */
  logs: string[];
}

/** `setup` registers the client's own handlers (workspace/configuration, workspace/applyEdit) before it starts. */
export async function startServer(
  args: string[],
  initializationOptions: unknown = { settings: { debounce: 0 } },
  capabilities: ClientCapabilities = {},
  setup: (connection: ProtocolConnection) => void = () => undefined,
): Promise<TestServer> {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const seen: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  connection.onNotification(LogMessageNotification.type, (params) => {
    logs.push(params.message);
  });
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    seen.push(params);
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.version === params.version) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  setup(connection);
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    initializationOptions,
    workspaceFolders: null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    initializeResult,
    diagnostics(uri, version) {
      const already = seen.find((p) => p.uri === uri && p.version === version);
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', () => resolve())));
      connection.dispose();
    },
    stderr: () => stderr,
    logs,
  };
}
