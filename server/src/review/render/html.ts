// One self-contained HTML file: inline CSS and JS, an inline SVG chart, no
// fonts, scripts or images from anywhere (its Content-Security-Policy forbids
// any load). A sortable table of reports whose rows open to their findings,
// the key figures, and the copied passages side by side with the shared text
// marked. In VS Code's webview a click on a place asks the extension to open
// the file there (postMessage); in a browser the places are plain text.
import { GROUP_KEYS, GROUP_LABELS, PART_KEYS, PART_LABELS, type CopiedPassage, type Place, type ReportRow, type ReviewResult } from '../types';
import { PART_EXPLAINED, PART_SHORT, deadlineText, partCounts, partMark, percent, unitKindText, usedColumns, where } from './common';

export interface HtmlOptions {
  /** A nonce for the inline style and script (VS Code's webview requires one in its policy). */
  nonce?: string;
  /** The webview's CSP source, allowed besides the inline parts. */
  cspSource?: string;
  title?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

function basename(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** Attributes that let the webview open a place. */
function placeAttrs(p: Place): string {
  const r = p.range;
  return `class="place" tabindex="0" role="link" data-file="${e(p.file)}" data-range="${r.start.line},${r.start.character},${r.end.line},${r.end.character}"`;
}

/** `第3段`, or `a.md 第3段` with the file's name (its path in the tooltip). */
function placeLink(p: Place, withFile = false): string {
  return `<span ${placeAttrs(p)} title="${e(p.file)}">${withFile ? e(basename(p.file)) + ' ' : ''}${e(where(p, false))}</span>`;
}

/** Passages of a pair shown open; the rest fold under one line. */
const OPEN_PASSAGES = 3;

const PART_CLASS = { heading: 'ok', paragraph: 'warn', missing: 'bad' } as const;

function reportRows(row: ReportRow, index: number, groups: typeof GROUP_KEYS): string {
  const first = row.findings.find((f) => f.severity === 'error');
  const deadlineClass = row.meetsDeadline === true ? 'ok' : row.meetsDeadline === false ? 'bad' : 'unknown';
  const cells = [
    `<td data-v="${e(row.file)}"><button class="toggle" aria-expanded="false" aria-controls="d${index}" title="展开问题">▸</button> <span class="file" title="${e(row.file)}">${e(basename(row.file))}</span></td>`,
    `<td data-v="${e(row.unit ?? '')}" class="unit">${e(row.unit ?? '—')}${row.unitKind ? ` <small class="kind">${unitKindText(row)}</small>` : ''}</td>`,
    `<td data-v="${row.reportYear ?? 0}">${row.reportYear ?? '—'}</td>`,
    `<td data-v="${e(row.signatureDate ?? '')}" class="deadline ${deadlineClass}">${e(deadlineText(row))}</td>`,
    ...PART_KEYS.map((k) => {
      const s = row.parts[k];
      const v = s === 'heading' ? 2 : s === 'paragraph' ? 1 : 0;
      return `<td data-v="${v}" class="part ${k === 'other' && s === 'missing' ? '' : PART_CLASS[s]}" title="${e(PART_LABELS[k])}：${e(PART_EXPLAINED[s])}">${partMark(row, k)}</td>`;
    }),
    `<td data-v="${row.errors}" class="num${row.errors ? ' bad' : ''}">${row.errors}</td>`,
    `<td data-v="${row.warnings}" class="num">${row.warnings}</td>`,
    ...groups.map((g) => `<td data-v="${row.groups[g].errors * 1000 + row.groups[g].warnings}" class="num">${row.groups[g].errors}/${row.groups[g].warnings}</td>`),
    `<td data-v="${e(first?.message ?? '')}" class="first">${first ? `${placeLink(first)} ${e(first.message)} <q>${e(first.quote)}</q>` : ''}</td>`,
  ];
  const findings = row.findings.length
    ? `<ul class="findings">${row.findings
        .map((f) => `<li class="${f.severity}"><span class="sev">${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}</span> ${placeLink(f)} ${f.message.startsWith(f.title) ? '' : `<b>${e(f.title)}</b> `}${e(f.message)} <q>${e(f.quote)}</q></li>`)
        .join('')}${row.moreFindings ? `<li>另有 ${row.moreFindings} 条未列出</li>` : ''}</ul>`
    : '<p>没有发现问题。</p>';
  const notes = row.notes.length ? `<ul class="notes">${row.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '';
  const title = row.title ? `<p class="title">标题：${e(row.title)}</p>` : '<p class="title">未识别出标题</p>';
  return `<tbody class="report"><tr class="main">${cells.join('')}</tr><tr class="detail" id="d${index}" hidden><td colspan="${cells.length}">${title}${findings}${notes}</td></tr></tbody>`;
}

/** A paragraph with the shared characters marked. */
function marked(text: string, marks: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [from, to] of marks) {
    out += e(text.slice(at, from)) + '<mark>' + e(text.slice(from, to)) + '</mark>';
    at = to;
  }
  return out + e(text.slice(at));
}

function sideBySide(p: CopiedPassage, labels: [string, string]): string {
  const side = (s: CopiedPassage['a'], label: string, share: number) =>
    `<div class="side"><div class="where">${e(label)} ${placeLink(s, true)} <small>本段 ${percent(share)} 见于另一方</small></div><p>${marked(s.text, s.marks)}</p></div>`;
  return `<div class="pair"><div class="share" title="较短一段中与另一段相同的比例">${percent(p.share)}</div>${side(p.a, labels[0], p.shareOfA)}${side(p.b, labels[1], p.shareOfB)}</div>`;
}

/** Bars of how many reports have each part as a heading, only as a paragraph, or not at all. */
function chart(result: ReviewResult): string {
  const counts = partCounts(result);
  const n = Math.max(1, result.reports.length);
  const labelWidth = 150;
  const barWidth = 420;
  const rowHeight = 28;
  const height = PART_KEYS.length * rowHeight + 30;
  const bars = PART_KEYS.map((k, i) => {
    const y = i * rowHeight + 4;
    const c = counts[k];
    let x = labelWidth;
    const segment = (count: number, cls: string, label: string) => {
      if (!count) return '';
      const w = (count / n) * barWidth;
      const s = `<rect class="${cls}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 8}"><title>${e(PART_LABELS[k])}：${label} ${count} 份</title></rect>${w > 18 ? `<text class="in ${cls}" x="${(x + w / 2).toFixed(1)}" y="${y + rowHeight / 2 - 3}">${count}</text>` : ''}`;
      x += w;
      return s;
    };
    return `<text class="label" x="${labelWidth - 8}" y="${y + rowHeight / 2 - 3}">${e(PART_LABELS[k])}</text>${segment(c.heading, 'ok', '有独立标题')}${segment(c.paragraph, 'warn', '只有段落或句子')}${segment(c.missing, k === 'other' ? 'none' : 'bad', k === 'other' ? '未写' : '缺少')}`;
  }).join('');
  const legendY = PART_KEYS.length * rowHeight + 14;
  // Each legend entry starts after the one before: its swatch, its label (14 px a character), a gap.
  let lx = labelWidth;
  const legend = [
    ['ok', '✓ 有独立标题'],
    ['warn', '⚠ 只有段落或句子'],
    ['bad', '✗ 缺少'],
    ['none', '未写（可选部分）'],
  ]
    .map(([cls, label]) => {
      const entry = `<rect class="${cls}" x="${lx}" y="${legendY}" width="12" height="12"/><text class="legend" x="${lx + 16}" y="${legendY + 6}">${label}</text>`;
      lx += 16 + [...label].length * 13 + 18;
      return entry;
    })
    .join('');
  const width = Math.max(labelWidth + barWidth + 20, lx);
  return `<svg class="chart" role="img" aria-label="各部分的报告份数" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}${legend}</svg>`;
}

const STYLE = `
:root{--ok:#2e7d32;--warn:#b26a00;--bad:#c62828;--line:#d0d7de;--muted:#57606a;--mark:#fff3b0;--bg:#fff;--fg:#1f2328;--head:#f6f8fa}
@media (prefers-color-scheme: dark){:root{--ok:#57ab5a;--warn:#d29922;--bad:#f47067;--line:#444c56;--muted:#909dab;--mark:#5c4d00;--bg:#22272e;--fg:#cdd9e5;--head:#2d333b}}
body.vscode-light{--ok:#2e7d32;--warn:#b26a00;--bad:#c62828;--line:#d0d7de;--muted:#57606a;--mark:#fff3b0;--bg:#fff;--fg:#1f2328;--head:#f6f8fa}
body.vscode-dark,body.vscode-high-contrast{--ok:#57ab5a;--warn:#d29922;--bad:#f47067;--line:#444c56;--muted:#909dab;--mark:#5c4d00;--bg:#22272e;--fg:#cdd9e5;--head:#2d333b}
*{box-sizing:border-box}
body{margin:0;padding:20px 28px;background:var(--bg);color:var(--fg);font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei",sans-serif}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.summary{color:var(--muted);margin:0 0 12px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--head);position:sticky;top:0;cursor:pointer;white-space:nowrap;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num,th.num{text-align:right;white-space:nowrap}td.part{text-align:center;font-weight:bold}
.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}.unknown{color:var(--muted)}
td.first{max-width:420px}td.deadline{max-width:170px}
.file{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:nowrap}
td.unit{white-space:nowrap}small.kind{font-size:11px;border:1px solid var(--line);border-radius:3px;padding:0 3px}
th.part{text-align:center}
small{color:var(--muted)}
q{color:var(--muted)}q::before{content:"“"}q::after{content:"”"}
button.toggle{border:1px solid var(--line);background:transparent;color:inherit;border-radius:4px;width:22px;cursor:pointer;padding:0}
tr.detail td{background:var(--head)}
ul.findings{margin:4px 0;padding-left:18px}ul.findings li{margin:2px 0}
.sev{display:inline-block;font-size:11px;padding:0 5px;border-radius:3px;color:#fff;background:var(--muted)}
li.error .sev{background:var(--bad)}li.warning .sev{background:var(--warn)}
.place{color:#0969da;white-space:nowrap}body.vscode .place{cursor:pointer;text-decoration:underline}
.title{margin:2px 0;font-weight:bold}
.chart text{font-size:12px;fill:var(--fg);dominant-baseline:middle}.chart text.label{text-anchor:end}.chart text.in{text-anchor:middle;fill:#fff;font-weight:bold}.chart text.in.none{fill:var(--muted)}
.chart rect.ok{fill:var(--ok)}.chart rect.warn{fill:var(--warn)}.chart rect.bad{fill:var(--bad)}.chart rect.none{fill:var(--line)}
.pairing{margin:14px 0 22px}.pairing h3{font-size:15px;margin:6px 0}
.pair{display:grid;grid-template-columns:56px 1fr 1fr;gap:10px;border:1px solid var(--line);border-radius:6px;padding:8px;margin:8px 0}
.pair .share{font-size:18px;font-weight:bold;color:var(--bad);text-align:center;padding-top:4px}
.side p{margin:4px 0 0;white-space:pre-wrap}.side .where{font-size:12px}
mark{background:var(--mark);color:inherit;padding:0}
.empty{color:var(--muted)}
details>summary{cursor:pointer;color:var(--muted);margin:6px 0}
ul.plain{padding-left:18px}
`;

const SCRIPT = `
(function(){
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  if (vscode) document.body.classList.add('vscode');
  document.querySelectorAll('button.toggle').forEach(function(b){
    b.addEventListener('click', function(){
      var d = document.getElementById(b.getAttribute('aria-controls'));
      var open = d.hidden;
      d.hidden = !open;
      b.setAttribute('aria-expanded', String(open));
      b.textContent = open ? '▾' : '▸';
    });
  });
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function(th, col){
      th.addEventListener('click', function(){
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        heads.forEach(function(h){ h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        var numeric = th.classList.contains('num') || th.dataset.type === 'num';
        var groups = Array.prototype.slice.call(table.tBodies);
        var key = function(tb){ var c = tb.rows[0].cells[col]; return c ? (c.dataset.v !== undefined ? c.dataset.v : c.textContent) : ''; };
        groups.sort(function(a, b){
          var x = key(a), y = key(b);
          var r = numeric ? (Number(x) - Number(y)) : x.localeCompare(y, 'zh-CN');
          return dir === 'ascending' ? r : -r;
        });
        groups.forEach(function(g){ table.appendChild(g); });
      });
    });
  });
  document.addEventListener('click', function(ev){
    var el = ev.target.closest ? ev.target.closest('.place') : null;
    if (!el || !vscode) return;
    var r = el.dataset.range.split(',').map(Number);
    vscode.postMessage({ type: 'open', file: el.dataset.file, range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } } });
  });
  document.addEventListener('keydown', function(ev){
    if (ev.key === 'Enter' && ev.target.classList && ev.target.classList.contains('place')) ev.target.click();
  });
})();
`;

export function renderHtml(result: ReviewResult, options: HtmlOptions = {}): string {
  const nonce = options.nonce ? ` nonce="${e(options.nonce)}"` : '';
  const inline = options.nonce ? `'nonce-${options.nonce}'` : "'unsafe-inline'";
  const csp = `default-src 'none'; style-src ${inline}; script-src ${inline}; img-src data:${options.cspSource ? ` ${options.cspSource}` : ''}`;
  const groups = GROUP_KEYS.filter((g) => result.reports.some((r) => r.groups[g].errors || r.groups[g].warnings));
  const columns = usedColumns(result);
  const errors = result.reports.reduce((n, r) => n + r.errors, 0);
  const incomplete = result.reports.filter((r) => PART_KEYS.some((k) => k !== 'other' && r.parts[k] === 'missing')).length;
  const late = result.reports.filter((r) => r.meetsDeadline === false).length;

  const header = [
    '<th data-type="text">文件</th>',
    '<th data-type="text">单位</th>',
    '<th class="num">年度</th>',
    '<th data-type="text">落款日期 / 时限</th>',
    ...PART_KEYS.map((k) => `<th class="num part" title="${e(PART_LABELS[k])}">${e(PART_SHORT[k])}</th>`),
    '<th class="num">错误</th>',
    '<th class="num">警告</th>',
    ...groups.map((g) => `<th class="num" title="${e(GROUP_LABELS[g])}：错误/警告">${e(GROUP_LABELS[g])}</th>`),
    '<th data-type="text">首个错误</th>',
  ];

  const figures = columns.length
    ? `<table class="sortable figures"><thead><tr><th data-type="text">文件</th><th data-type="text">单位</th>${columns.map((c) => `<th class="num">${e(c.label)}</th>`).join('')}</tr></thead>${result.reports
        .map(
          (r) =>
            `<tbody><tr><td data-v="${e(r.file)}"><span class="file" title="${e(r.file)}">${e(basename(r.file))}</span></td><td>${e(r.unit ?? '—')}</td>${columns
              .map((c) => {
                const f = r.figures.find((x) => x.key === c.key);
                return f ? `<td class="num" data-v="${f.value}" title="${e(where(f, false))}：${e(f.quote)}"><span ${placeAttrs(f)}>${e(f.text)}</span></td>` : '<td class="num" data-v="-1"></td>';
              })
              .join('')}</tr></tbody>`,
        )
        .join('')}</table>`
    : '<p class="empty">报告中没有写出这些数据。</p>';

  const copies = result.copies.length
    ? result.copies
        .map(
          (c) =>
            `<section class="pairing"><h3>甲 ${e(basename(c.a))} ↔ 乙 ${e(basename(c.b))}：${c.passages.length} 段</h3>${c.passages
              .slice(0, OPEN_PASSAGES)
              .map((p) => sideBySide(p, ['甲', '乙']))
              .join('')}${
              c.passages.length > OPEN_PASSAGES
                ? `<details><summary>其余 ${c.passages.length - OPEN_PASSAGES} 段（${c.passages.slice(OPEN_PASSAGES).filter((p) => p.share === 1).length} 段完全相同）</summary>${c.passages
                    .slice(OPEN_PASSAGES)
                    .map((p) => sideBySide(p, ['甲', '乙']))
                    .join('')}</details>`
                : ''
            }</section>`,
        )
        .join('')
    : '<p class="empty">未发现两份报告共有的段落（本类报告的常用语已排除）。</p>';

  const prev = result.previous;
  const previous = prev
    ? `<h2>与上年报告对照</h2><p class="summary">按单位匹配 ${prev.matched.length} 份${prev.unmatched.length ? `；无上年报告：${prev.unmatched.map((f) => e(basename(f))).join('、')}` : ''}</p>
<h3>沿用上年的段落</h3>${prev.carriedOver.length ? prev.carriedOver.map((p) => sideBySide(p, ['今年', '上年'])).join('') : '<p class="empty">未发现。</p>'}
<h3>与上年相同的数据</h3>${
        prev.repeatedFigures.length
          ? `<ul class="plain">${prev.repeatedFigures.map((f) => `<li><b>${e(f.key)} ${e(f.current.text)}</b>：今年 ${placeLink(f.current, true)} <q>${e(f.current.quote)}</q>；上年 ${placeLink(f.previous, true)} <q>${e(f.previous.quote)}</q></li>`).join('')}</ul>`
          : '<p class="empty">未发现。</p>'
      }
<h3>上年安排在今年举措中未见下文（供参考）</h3>${
        prev.untracedPlans.length
          ? `<ul class="plain">${prev.untracedPlans.map((u) => `<li>上年 ${placeLink(u.item, true)} <q>${e(u.item.quote)}</q>${u.measures ? `；今年举措 ${placeLink(u.measures, true)} <q>${e(u.measures.quote)}</q>` : '；今年未找到举措部分'}</li>`).join('')}</ul>`
          : '<p class="empty">未发现。</p>'
      }`
    : '';

  const failures = result.failures.length ? `<h2>无法读取的文件</h2><ul class="plain">${result.failures.map((f) => `<li><span class="file">${e(f.file)}</span>：${e(f.error)}</li>`).join('')}</ul>` : '';

  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(options.title ?? '法治政府建设情况报告审阅')}</title>
<style${nonce}>${STYLE}</style></head>
<body>
<h1>${e(options.title ?? '法治政府建设情况报告审阅')}</h1>
<p class="summary">共 ${result.reports.length} 份报告：${incomplete} 份缺少必备部分，${late} 份超过报送时限，共 ${errors} 个错误；雷同段落 ${result.copies.reduce((n, c) => n + c.passages.length, 0)} 处${result.failures.length ? `；${result.failures.length} 个文件无法读取` : ''}。</p>
<h2>必备部分</h2>
${chart(result)}
<h2>报告一览</h2>
<p class="summary">点击表头排序，点击 ▸ 展开该报告的问题。✓ 有独立标题，⚠ 只有段落或句子，✗ 缺少；时限：部门 3月1日前，政府 4月1日前（报告年度的次年）。</p>
<table class="sortable reports"><thead><tr>${header.join('')}</tr></thead>
${result.reports.map((r, i) => reportRows(r, i, groups)).join('\n')}
</table>
<h2>关键数据</h2>
${figures}
<h2>雷同段落</h2>
<p class="summary">两份报告共有的段落（按字符片段比较，已统一繁简、标点、空格，去掉各自的单位名称；本类报告的常用语和多数报告共有的段落不计）。<mark>标记</mark>为相同的文字，其间未标记的是常用语或改动之处。</p>
${copies}
${previous}
${failures}
<script${nonce}>${SCRIPT}</script>
</body></html>
`;
}
