// The messages between the editor client and the language server beyond
// standard LSP: request and command names, their parameters and results.
// Shared by both sides and by other editors' configurations; no runtime
// dependencies (the client bundles this file and nothing else of the server;
// it imports the core's shapes as types only).

// The core's public shapes, as types only (nothing of the core is bundled with the client).
import type { Analysis, OutlineKind, OutlineNode, Position, Range, SectionKey, Severity, TextEdit } from '../analysis/types';
export type { OutlineKind, Position, Range, SectionKey, Severity, TextEdit };

// 法治报告: 检查 Word/PDF 文档: `fazhiReport/extractDocument` and the scheme of its read-only documents.
export { DOCUMENT_SCHEME, EXTRACT_DOCUMENT_REQUEST, isExtractedDocument, type ExtractDocumentParams, type ExtractDocumentResult } from './documents-protocol';

/** `fazhiReport/outline`: the view's tree, checklist and counts for one open document. */
export const OUTLINE_REQUEST = 'fazhiReport/outline';

export interface OutlineParams {
  textDocument: { uri: string };
}

/** A heading, item, addressee or signature of the outline, with the findings inside it. */
export interface OutlineResponseNode extends Omit<OutlineNode, 'children'> {
  /** Findings inside this node's range, its children's included. */
  findingCount: number;
  /** The worst severity among them, null without findings. */
  worstSeverity: Severity | null;
  children: OutlineResponseNode[];
}

/** One line of the view's checklist of required parts. */
export interface PartStatus {
  key: SectionKey;
  name: string;
  /** The 规定's wording, for the tooltip. */
  regulation: string;
  required: boolean;
  /** A part the 规定 leaves optional (其他需要报告的情况): shown, never missing. */
  optional: boolean;
  /** heading: under its own heading; paragraph: only as a paragraph, item or sentence. */
  state: 'heading' | 'paragraph' | 'missing';
  title: string | null;
  range: Range | null;
}

/** A group of rules the status bar counts together, with its Chinese name. */
export interface FindingGroup {
  id: string;
  /** e.g. 数字 (figures), 结构 (structure). */
  name: string;
  count: number;
}

export interface OutlineResponse {
  uri: string;
  version: number;
  isReport: boolean;
  parts: PartStatus[];
  /** Finding counts by rule id. */
  findingsByRule: Record<string, number>;
  /** Finding counts by severity. */
  findingsBySeverity: Record<Severity, number>;
  /** Finding counts by the rules' groups, largest first, empty groups left out. */
  findingGroups: FindingGroup[];
  title: Analysis['title'];
  reportYear: number | null;
  reportYearSource: Analysis['reportYearSource'];
  sections: Analysis['sections'];
  outline: OutlineResponseNode[];
  findingCount: number;
}

/** Commands of `workspace/executeCommand`. */
export const COMMANDS = {
  /** Marks a document as a report for the session (法治报告: 检查当前文件). */
  checkDocument: 'fazhiReport.checkDocument',
  /** Edits inserting a missing part, the parts after it renumbered; the client applies them. */
  partEdits: 'fazhiReport.partEdits',
  /** The report skeleton as a snippet, with the report year the server settled on. */
  skeletonSnippet: 'fazhiReport.skeletonSnippet',
  /** Edits renumbering the heading level at a line; the client applies them (VS Code with a preview). */
  renumberEdits: 'fazhiReport.renumberEdits',
  /** The review summary a writer pastes into a message. */
  reviewSummary: 'fazhiReport.reviewSummary',
  /** Inserts a missing part through `workspace/applyEdit`: for editors without our client (Neovim, Emacs, Helix). */
  applyInsertPart: 'fazhiReport.server.insertPart',
  /** Renumbers the level at a line through `workspace/applyEdit`. */
  applyRenumber: 'fazhiReport.server.renumber',
  /** Writes the skeleton into an empty document (or at a position) through `workspace/applyEdit`. */
  applySkeleton: 'fazhiReport.server.insertSkeleton',
  /** 批注 Word 文档: a .docx on disk gets a comment per finding, written beside it as 原名.批注.docx. */
  annotateWord: 'fazhiReport.server.annotateWord',
  /** 导出为公文格式 Word: an open report written as a GB/T 9704 .docx where the user chose. */
  exportWord: 'fazhiReport.server.exportWord',
  /** 审阅文件夹: the reviewer's table of a folder of reports, as the HTML page a webview shows. */
  reviewFolder: 'fazhiReport.server.reviewFolder',
} as const;

export type CommandName = (typeof COMMANDS)[keyof typeof COMMANDS];

export interface CheckDocumentParams {
  uri: string;
}
export interface CheckDocumentResult {
  isReport: boolean;
}

export interface PartEditsParams {
  uri: string;
  key: SectionKey;
  /** Renumber the top-level headings after the new part (default true). */
  renumber?: boolean;
}
export interface PartEditsResult {
  heading: string;
  edits: TextEdit[];
  /** Where the cursor goes once the edits are applied: the new part's first line, after its heading. */
  cursor: Position;
}

export interface SkeletonParams {
  uri?: string;
  /** Overrides the setting and the default (the year before the current one, computed by the server). */
  reportYear?: number | null;
  /** applySkeleton: where to insert in a non-empty document; an empty document is replaced whole. */
  position?: Position;
}
export interface SkeletonSnippetResult {
  snippet: string;
  reportYear: number;
}

export interface RenumberParams {
  uri: string;
  /** The line whose heading level is renumbered. */
  line: number;
}
export interface RenumberEditsResult {
  level: number;
  edits: TextEdit[];
}

export interface ReviewSummaryParams {
  uri: string;
  /** The name the summary shows (a workspace-relative path). */
  fileName?: string;
}
export interface ReviewSummaryResult {
  text: string;
}

/** The answer of the apply* commands. */
export interface ApplyResult {
  applied: boolean;
  /** Why nothing was applied, in Chinese, for the editor to show. */
  message?: string;
  /** Where the cursor should go (insert part). */
  cursor?: Position;
}

export interface AnnotateWordParams {
  /** A `file:` uri of a .docx. */
  uri: string;
}
export type AnnotateWordResult = { ok: true; output: string; findings: number; comments: number } | { ok: false; reason: string };

export interface ExportWordParams {
  /** The open report. */
  uri: string;
  /** The `file:` uri of the .docx to write. */
  target: string;
}
export type ExportWordResult = { ok: true; output: string } | { ok: false; reason: string };

export interface ReviewFolderParams {
  /** A `file:` uri of a folder. */
  folder: string;
  /** The webview's script nonce and CSP source, for the page's Content-Security-Policy. */
  nonce: string;
  cspSource: string;
}
export type ReviewFolderResult = { ok: true; reports: number; html: string; files: string[] } | { ok: false; reason: string };

/** Parameters and results by command, for typed calls on both sides. */
export interface CommandTypes {
  [COMMANDS.checkDocument]: [CheckDocumentParams, CheckDocumentResult];
  [COMMANDS.partEdits]: [PartEditsParams, PartEditsResult | null];
  [COMMANDS.skeletonSnippet]: [SkeletonParams, SkeletonSnippetResult];
  [COMMANDS.renumberEdits]: [RenumberParams, RenumberEditsResult | null];
  [COMMANDS.reviewSummary]: [ReviewSummaryParams, ReviewSummaryResult | null];
  [COMMANDS.applyInsertPart]: [PartEditsParams, ApplyResult];
  [COMMANDS.applyRenumber]: [RenumberParams, ApplyResult];
  [COMMANDS.applySkeleton]: [SkeletonParams, ApplyResult];
  [COMMANDS.annotateWord]: [AnnotateWordParams, AnnotateWordResult];
  [COMMANDS.exportWord]: [ExportWordParams, ExportWordResult];
  [COMMANDS.reviewFolder]: [ReviewFolderParams, ReviewFolderResult];
}

/** Initialization options the VS Code client sends. */
export interface InitializationOptions {
  settings?: unknown;
  /** VS Code lists Markdown `#` headings itself; see fazhiReport.markdownSymbols. */
  hostHasMarkdownOutline?: boolean;
}
