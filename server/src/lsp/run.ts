import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDetailed, type DetailedAnalysis } from '../analysis/analyze';
import { sectionCatalogue } from '../analysis/sections';
import { partInsertion, reportSkeleton } from '../analysis/skeleton';
import { levelAtLine, renumberLevel } from '../analysis/renumber';
import { reviewSummary } from '../analysis/summary';
import type { RawEdit } from '../analysis/rules/rule';
import type { SectionKey } from '../analysis/types';
import { analyzeOptionsFrom, DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings';
import { toDiagnostic, toDocumentSymbols } from './convert';
import { codeActions, completionItems, foldingRanges, hover, outlineResponse, resolveCodeAction } from './features';
import { commandArgument, documentUri, InvalidParams, optionalCount, optionalString, position, range } from './params';
import { isReportYear } from '../settings';
import { ReportDecider } from './reports';
import { registerDocumentRequests } from './documents';
import { isExtractedDocument } from './documents-protocol';
import { formatForDocument } from './uri';

export const CHECK_DOCUMENT_COMMAND = 'fazhiReport.checkDocument';
/** Commands the client calls through workspace/executeCommand; each returns data or edits, the client applies them. */
export const SERVER_COMMANDS = {
  partEdits: 'fazhiReport.partEdits',
  skeletonSnippet: 'fazhiReport.skeletonSnippet',
  renumberEdits: 'fazhiReport.renumberEdits',
  reviewSummary: 'fazhiReport.reviewSummary',
} as const;
export const OUTLINE_REQUEST = 'fazhiReport/outline';

interface Entry {
  version: number;
  /** The text analysed: a change that keeps the version number is still seen. */
  text: string;
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
  let state: 'starting' | 'running' | 'shut down' = 'starting';
  let lazyCodeActionEdits = false;
  let initSettings: unknown = undefined;
  let pullConfiguration = false;
  // The editor lists Markdown `#` headings itself (VS Code does; the client says so).
  let hostHasMarkdownOutline = false;

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
    // Never publish for a version older than the latest one.
    if (documents.get(uri)?.version !== entry.version) return;
    const diagnostics = entry.isReport ? entry.result.findings.map(toDiagnostic) : [];
    void connection.sendDiagnostics({ uri, version: entry.version, diagnostics });
  };

  const analyse = (document: TextDocument): Entry => {
    const cached = cache.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text === text) return cached;
    const result = analyzeDetailed(text, {
      ...analyzeOptionsFrom(settings, formatForDocument(document.uri, document.languageId)),
      // The last analysis of this document: only the blocks an edit touched are parsed again.
      previous: cached?.result,
      onRuleError: (ruleId, error) => {
        if (failedRules.has(ruleId)) return;
        failedRules.add(ruleId);
        connection.console.error(`规则 ${ruleId} 出错，已跳过：${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      },
    });
    const entry = { version: document.version, text, result, isReport: decider.isReport(document.uri, result.looksLikeReport) };
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

  /**
   * Every request goes through here: none is answered before `initialize`
   * (−32002) or after `shutdown` (InvalidRequest), and a failure answers with
   * our own message, never with a JavaScript one.
   */
  const guard =
    <P, R>(name: string, handler: (params: P) => R) =>
    (params: P): R | ResponseError<void> => {
      if (state === 'starting') return new ResponseError(ErrorCodes.ServerNotInitialized, '服务器尚未初始化：请先发送 initialize');
      if (state === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, '服务器已关闭（已收到 shutdown）');
      try {
        return handler(params);
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
    lazyCodeActionEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true;
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    initSettings = params.initializationOptions?.settings;
    hostHasMarkdownOutline = params.initializationOptions?.hostHasMarkdownOutline === true;
    applySettings(initSettings);
    decider.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '报告大纲' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['。', '；'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        executeCommandProvider: { commands: [CHECK_DOCUMENT_COMMAND, ...Object.values(SERVER_COMMANDS)] },
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

  /** The current analysis of an open report, or null. */
  const reportEntry = (uri: string): Entry | null => {
    const document = documents.get(uri);
    if (!document) return null;
    const entry = analyse(document);
    return entry.isReport ? entry : null;
  };

  connection.onDocumentSymbol(guard('textDocument/documentSymbol', (params) => {
    const uri = documentUri(params);
    const document = documents.get(uri);
    const entry = reportEntry(uri);
    if (!document || !entry) return [];
    if (formatForDocument(document.uri, document.languageId) === 'markdown' && !wantsMarkdownSymbols(entry.result)) return [];
    return toDocumentSymbols(entry.result.analysis.outline);
  }));

  const wantsMarkdownSymbols = (result: DetailedAnalysis): boolean => {
    if (settings.markdownSymbols !== 'auto') return settings.markdownSymbols === 'always';
    if (!hostHasMarkdownOutline) return true;
    // The built-in outline sees only `#` headings: add ours when numbered lines would be missing.
    return result.context?.structure.headings.some((h) => h.style !== 'none' && h.mdDepth === 0) ?? false;
  };

  connection.onFoldingRanges(guard('textDocument/foldingRange', (params) => {
    const entry = reportEntry(documentUri(params));
    return entry ? foldingRanges(entry.result.analysis.outline) : [];
  }));

  connection.onCompletion(guard('textDocument/completion', (params) => {
    const entry = reportEntry(documentUri(params));
    const at = position(params.position);
    const trigger = optionalString(params.context?.triggerCharacter, 'context.triggerCharacter');
    return entry ? completionItems(entry.result, at, trigger) : [];
  }));

  connection.onHover(guard('textDocument/hover', (params) => {
    const entry = reportEntry(documentUri(params));
    const at = position(params.position);
    return entry ? hover(entry.result, at) : null;
  }));

  connection.onCodeAction(guard('textDocument/codeAction', (params) => {
    const uri = documentUri(params);
    // A Word or PDF file's text is read-only: it is fixed in Word, not here.
    const entry = isExtractedDocument(uri) ? null : reportEntry(uri);
    const where = range(params.range);
    const only = params.context?.only;
    if (only !== undefined && !(Array.isArray(only) && only.every((k) => typeof k === 'string'))) throw new InvalidParams('context.only 应为字符串数组');
    return entry ? codeActions(uri, entry.version, entry.result, where, only, lazyCodeActionEdits) : [];
  }));

  connection.onCodeActionResolve(guard('codeAction/resolve', (action) => {
    const data = action?.data as { uri?: unknown } | undefined;
    if (typeof data?.uri !== 'string') return action;
    const entry = reportEntry(data.uri);
    return entry ? resolveCodeAction(action, entry.result, entry.version) : action;
  }));

  connection.onRequest(OUTLINE_REQUEST, guard(OUTLINE_REQUEST, (params: unknown) => {
    const document = documents.get(documentUri(params));
    if (!document) return null;
    const entry = analyse(document);
    return outlineResponse(document.uri, document.version, entry.isReport, entry.result.analysis, entry.result.context?.catalogue ?? sectionCatalogue(settings.sections));
  }));

  registerDocumentRequests(connection, () => settings.maxFileSize);

  connection.onExecuteCommand(guard('workspace/executeCommand', (params) => {
    const raw = commandArgument(params);
    const args = {
      uri: optionalString(raw.uri, 'uri'),
      key: optionalString(raw.key, 'key') as SectionKey | undefined,
      renumber: raw.renumber === true,
      line: optionalCount(raw.line, 'line'),
      reportYear: raw.reportYear,
      fileName: optionalString(raw.fileName, 'fileName'),
    };
    if (params.command === CHECK_DOCUMENT_COMMAND) {
      if (!args.uri) return { isReport: false };
      decider.markChecked(args.uri);
      cache.delete(args.uri);
      if (documents.get(args.uri)) validate(args.uri);
      return { isReport: true };
    }
    if (params.command === SERVER_COMMANDS.skeletonSnippet) {
      if (args.reportYear !== undefined && args.reportYear !== null && !isReportYear(args.reportYear)) throw new InvalidParams('reportYear 应为 1990–2100 之间的年份');
      const year = (args.reportYear as number | undefined | null) ?? settings.reportYear ?? new Date().getFullYear() - 1;
      return { snippet: reportSkeleton(sectionCatalogue(settings.sections), year) };
    }
    const document = args.uri ? documents.get(args.uri) : undefined;
    if (!document) return null;
    const result = analyse(document).result;
    const ctx = result.context;
    if (!ctx) return null;
    const toEdits = (edits: RawEdit[]): TextEdit[] => edits.map((e) => ({ range: ctx.doc.range(e.start, e.end), newText: e.newText }));
    switch (params.command) {
      case SERVER_COMMANDS.partEdits: {
        const entry = ctx.catalogue.find((e) => e.key === args.key);
        if (!entry || ctx.sections[entry.key]) return null;
        const insertion = partInsertion(ctx, entry);
        return { heading: insertion.heading, edits: toEdits(args.renumber ? [insertion.insert, ...insertion.renumber] : [insertion.insert]) };
      }
      case SERVER_COMMANDS.renumberEdits: {
        const level = levelAtLine(ctx.structure, args.line ?? 0);
        return { level, edits: toEdits(renumberLevel(ctx.structure, level)) };
      }
      case SERVER_COMMANDS.reviewSummary:
        return { text: reviewSummary(result.analysis, ctx.catalogue, args.fileName ?? document.uri) };
    }
    return null;
  }));

  documents.listen(connection);
  connection.listen();
  return connection;
}

declare const __VERSION__: string | undefined;
const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
