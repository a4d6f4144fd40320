// What the outline view and the status bar show, computed from the server's
// `fazhiReport/outline` response. No `vscode` here, so it is unit-tested as is.
import type { OutlineResponse, OutlineResponseNode, PartStatus, Range, Severity } from '../../server/src/lsp/protocol';

export type ViewItemKind = 'parts' | 'part' | 'title' | 'heading' | 'item' | 'addressee' | 'signature';

export interface ViewItem {
  /** Stable across edits that do not touch this heading: built from the labels on its path. */
  id: string;
  kind: ViewItemKind;
  label: string;
  description?: string;
  tooltip: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  children: ViewItem[];
  parent?: ViewItem;
  range?: Range;
  selectionRange?: Range;
  findingCount: number;
  /** The worst severity of the findings inside, for the row's icon. */
  severity?: Severity | null;
  part?: PartStatus;
}

/** The glyph of a part's state, for text (the tooltip); the view shows an icon instead. */
export const PART_GLYPH = { heading: '✓', paragraph: '⚠', missing: '✗' } as const;
const PART_STATE = { heading: '有标题', paragraph: '仅以段落或句子出现', missing: '缺少' } as const;

function nodeLabel(n: OutlineResponseNode): string {
  if (n.kind === 'addressee') return `主送：${n.title}`;
  if (n.kind === 'signature') return `落款：${n.title}`;
  return `${n.numbering ?? ''}${n.title}`;
}

export function buildViewItems(response: OutlineResponse): ViewItem[] {
  if (!response.isReport) return [];
  const parts: ViewItem = {
    id: 'parts',
    kind: 'parts',
    label: '必备部分',
    description: `${response.parts.filter((p) => p.required && p.state !== 'missing').length}/${response.parts.filter((p) => p.required).length}`,
    tooltip: '《法治政府建设与责任落实督察工作规定》要求年度报告包括的内容',
    collapsible: 'expanded',
    children: [],
    findingCount: 0,
  };
  parts.children = response.parts.map((p) => ({
    id: `part:${p.key}`,
    kind: 'part' as const,
    // The state is the row's icon; a glyph in the label as well would show it twice.
    label: p.name,
    description: p.optional ? (p.state === 'missing' ? '可选，未写' : `${PART_STATE[p.state]}（可选）`) : p.required ? PART_STATE[p.state] : `${PART_STATE[p.state]}（不要求）`,
    tooltip: `${p.regulation}${p.title ? `\n文中：${p.title}` : ''}`,
    collapsible: 'none' as const,
    children: [],
    parent: parts,
    range: p.range ?? undefined,
    selectionRange: p.range ? { start: p.range.start, end: p.range.start } : undefined,
    findingCount: 0,
    part: p,
  }));
  const title: ViewItem[] = response.title
    ? [{ id: 'title', kind: 'title', label: response.title.text, description: response.reportYear ? `${response.reportYear} 年度` : undefined, tooltip: `标题：${response.title.text}`, collapsible: 'none', children: [], range: response.title.range, selectionRange: response.title.range, findingCount: 0 }]
    : [];
  return [parts, ...title, ...toItems(response.outline, undefined)];
}

function toItems(nodes: OutlineResponseNode[], parent: ViewItem | undefined): ViewItem[] {
  const seen = new Map<string, number>();
  return nodes.map((n) => {
    const label = nodeLabel(n);
    const key = `${n.kind}:${label}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    const item: ViewItem = {
      id: `${parent ? parent.id + '/' : ''}${key}${count ? `#${count}` : ''}`,
      kind: n.kind,
      label,
      description: n.findingCount ? `${n.findingCount} 个问题` : undefined,
      tooltip: n.findingCount ? `${label}\n本节有 ${n.findingCount} 个问题` : label,
      collapsible: 'none',
      children: [],
      parent,
      range: n.range,
      selectionRange: n.selectionRange,
      findingCount: n.findingCount,
      severity: n.worstSeverity,
    };
    item.children = toItems(n.children, item);
    // Sub-headings open; a heading with only its 一是 items starts collapsed.
    if (item.children.some((c) => c.kind === 'heading')) item.collapsible = 'expanded';
    else if (item.children.length) item.collapsible = 'collapsed';
    return item;
  });
}

/** The parts present, then the errors and warnings by named group (遗留 3 · 数字 1), largest first. */
export function statusText(response: OutlineResponse | undefined): string | undefined {
  if (!response?.isReport) return undefined;
  const required = response.parts.filter((p) => p.required);
  const present = required.filter((p) => p.state !== 'missing').length;
  const groups = response.findingGroups.map((g) => ` · ${g.name} ${g.count}`);
  return `法治报告 ✓${present}/${required.length}${groups.join('')}`;
}

export function statusTooltip(response: OutlineResponse): string {
  const lines = response.parts.map((p) => `${p.optional && p.state === 'missing' ? '○' : PART_GLYPH[p.state]} ${p.name}：${PART_STATE[p.state]}`);
  const { error, warning, info } = response.findingsBySeverity;
  lines.push(`错误 ${error} 处，警告 ${warning} 处，提示 ${info} 处`);
  if (response.findingGroups.length) lines.push(`按类别（错误和警告）：${response.findingGroups.map((g) => `${g.name} ${g.count} 处`).join('，')}`);
  lines.push('点击打开报告大纲');
  return lines.join('\n');
}

export interface Spot {
  line: number;
  character: number;
}

const before = (a: Spot, b: Spot) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** The innermost heading or item whose range holds the cursor. */
export function itemAt(items: ViewItem[], cursor: Spot): ViewItem | undefined {
  for (const item of items) {
    if (item.kind === 'parts' || !item.range) continue;
    if (!before(cursor, item.range.start) && !before(item.range.end, cursor)) return itemAt(item.children, cursor) ?? item;
  }
  return undefined;
}

/** The next (or previous) problem after the cursor, wrapping around the document. */
export function nextProblem(problems: Spot[], cursor: Spot, direction: 1 | -1): Spot | undefined {
  if (problems.length === 0) return undefined;
  const sorted = [...problems].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  if (direction === 1) return sorted.find((p) => before(cursor, p)) ?? sorted[0];
  return [...sorted].reverse().find((p) => before(p, cursor)) ?? sorted[sorted.length - 1];
}

/** Whether a report opened now gets wrapped: the setting asks for it and the editor does not wrap already. */
export function shouldWrap(state: { isReport: boolean; wanted: boolean; configured: string; alreadyWrapped: boolean }): boolean {
  return state.isReport && state.wanted && state.configured === 'off' && !state.alreadyWrapped;
}

// Document-like icons: the `symbol-*` ones read as code ({ }) in a report.
const KIND_ICON: Record<ViewItemKind, string> = {
  parts: 'checklist',
  part: 'circle-outline',
  title: 'book',
  heading: 'bookmark',
  item: 'circle-small-filled',
  addressee: 'mail',
  signature: 'edit',
};
const PART_ICON = { heading: ['pass', 'testing.iconPassed'], paragraph: ['warning', 'list.warningForeground'], missing: ['error', 'list.errorForeground'] } as const;
const SEVERITY_ICON = { error: ['error', 'list.errorForeground'], warning: ['warning', 'list.warningForeground'], info: ['info', 'foreground'] } as const;

/** A row's codicon and colour: a part's state, else the worst finding inside, else its kind. */
export function rowIcon(element: ViewItem): [string, string | undefined] {
  if (element.kind === 'part' && element.part) {
    // An optional part not written is no fault: a plain circle, not an error.
    return element.part.optional && element.part.state === 'missing' ? ['circle-large-outline', 'foreground'] : [...PART_ICON[element.part.state]];
  }
  if (element.findingCount > 0 && element.severity) return [...SEVERITY_ICON[element.severity]];
  return [KIND_ICON[element.kind], undefined];
}
