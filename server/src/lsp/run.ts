import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDetailed, type DetailedAnalysis } from '../analysis/analyze';
import { analyzeOptionsFrom, DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings';
import { toDiagnostic, toDocumentSymbols } from './convert';
import { ReportDecider } from './reports';
import { formatForDocument } from './uri';

export const CHECK_DOCUMENT_COMMAND = 'fazhiReport.checkDocument';

interface Entry {
  version: number;
  result: DetailedAnalysis;
  isReport: boolean;
}

/** Starts the language server on the transport named in argv (--stdio, --node-ipc, …). */
export function runLanguageServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const decider = new ReportDecider();
  const cache = new Map<string, Entry>();
  const timers = new Map<string, NodeJS.Timeout>();
  const reportedProblems = new Set<string>();
  const failedRules = new Set<string>();
  let settings: Settings = DEFAULT_SETTINGS;
  let initSettings: unknown = undefined;
  let pullConfiguration = false;

  const applySettings = (raw: unknown) => {
    const { settings: next, problems } = normalizeSettings(raw);
    for (const p of problems) {
      if (reportedProblems.has(p)) continue;
      reportedProblems.add(p);
      connection.console.warn(`设置有误：${p}`);
    }
    settings = next;
    decider.setGlobs(settings.files);
  };

  const loadSettings = async () => {
    if (!pullConfiguration) return applySettings(initSettings);
    try {
      const pulled = await connection.workspace.getConfiguration('fazhiReport');
      applySettings(pulled ?? initSettings);
    } catch (error) {
      connection.console.error(`读取设置失败：${String(error)}`);
    }
  };

  /** Analyses the current version and publishes its diagnostics. */
  const validate = (uri: string) => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const entry = analyse(document);
    const diagnostics = entry.isReport ? entry.result.findings.map(toDiagnostic) : [];
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };

  const analyse = (document: TextDocument): Entry => {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const result = analyzeDetailed(document.getText(), {
      ...analyzeOptionsFrom(settings, formatForDocument(document.uri, document.languageId)),
      onRuleError: (ruleId, error) => {
        if (failedRules.has(ruleId)) return;
        failedRules.add(ruleId);
        connection.console.error(`规则 ${ruleId} 出错，已跳过：${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      },
    });
    const entry = { version: document.version, result, isReport: decider.isReport(document.uri, result.looksLikeReport) };
    cache.set(document.uri, entry);
    return entry;
  };

  const schedule = (uri: string) => {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(uri, setTimeout(() => validate(uri), settings.debounce));
  };

  const revalidateAll = () => {
    cache.clear();
    for (const document of documents.all()) schedule(document.uri);
  };

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    initSettings = params.initializationOptions?.settings ?? params.initializationOptions;
    applySettings(initSettings);
    decider.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '报告大纲' },
        executeCommandProvider: { commands: [CHECK_DOCUMENT_COMMAND] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'fazhi-report', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (pullConfiguration) {
      await loadSettings();
      revalidateAll();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | undefined)?.fazhiReport;
    if (pullConfiguration) await loadSettings();
    else applySettings(pushed ?? change.settings);
    revalidateAll();
  });

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const entry = analyse(document);
    return entry.isReport ? toDocumentSymbols(entry.result.analysis.outline) : [];
  });

  connection.onExecuteCommand((params) => {
    if (params.command !== CHECK_DOCUMENT_COMMAND) return null;
    const arg = params.arguments?.[0] as { uri?: string } | string | undefined;
    const uri = typeof arg === 'string' ? arg : arg?.uri;
    if (!uri) return { isReport: false };
    decider.markChecked(uri);
    cache.delete(uri);
    if (documents.get(uri)) validate(uri);
    return { isReport: true };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

declare const __VERSION__: string | undefined;
const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
