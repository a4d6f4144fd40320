// What a template leaves when it is inserted and not filled in: the guiding
// sentence each part of our skeleton, part snippets and insert-part fixes
// write (taken from the sections catalogue, so a user's own guides count
// too), the snippet's defaults (`YYYY`, `某区`), snippet syntax pasted as
// text, and the blanks of paper forms (`20__年`, `____`, `（　）`, a lone `x`
// where a count goes, `*` masking a place name). Masks the placeholder rule
// already reports (`XX`, `××`, `X月X日`, `*****`) are left to it.
import { LineKind, inLiteralText } from '../parse';
import type { RawFinding, Rule } from './rule';

const MEASURE = '(?:人次|件次|万元|个|件|次|起|人|项|家|份|场|条|户|名|例|宗|批|元|篇|期|余)';

interface Blank {
  re: RegExp;
  /** Characters one of which the text must hold for the pattern to be tried at all. */
  hint: RegExp;
  message: (text: string) => string;
  accept?: (t: string, start: number, end: number) => boolean;
  literalOnly?: boolean;
}

const isAsciiWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9_]/.test(c);

const BLANKS: Blank[] = [
  // The skeleton's year before it is filled in: `YYYY年度`.
  { re: /Y{4}(?=\s*年)/g, hint: /YYYY/, message: (t) => `模板占位“${t}”未填写：请写明年份`, accept: (t, s) => !isAsciiWordChar(t[s - 1]) },
  // The skeleton's unit in its title: `某区人民政府关于…` (某区 elsewhere is how excerpts and examples name a place).
  { re: /某(?:区|县|市|旗|镇|乡|街道)(?=人民政府关于)/g, hint: /某/, message: (t) => `模板占位“${t}”未填写：请写明本单位名称` },
  // Snippet syntax pasted as text: `${1:某区}`, `$CURRENT_YEAR`.
  { re: /\$\{\d+(?::[^}\r\n]{0,40})?\}|\$CURRENT_(?:YEAR|MONTH|DATE)\b/g, hint: /\$/, message: (t) => `代码片段的占位“${t}”未展开：请填入实际内容` },
  // Underlined blanks of a paper form: `20__年`, `____`, `＿＿`.
  { re: /[_＿]{2,}/g, hint: /[_＿]{2}/, message: (t) => `空白“${t}”未填写：请填入实际内容`, literalOnly: true },
  // An empty pair of brackets left for a figure or a name: `（　）`, `(  )`.
  { re: /[（(][ \u3000\u00a0]+[）)]/g, hint: /[（(][ \u3000\u00a0]/, message: (t) => `空白“${t}”未填写：请填入实际内容` },
  // A lone x where a count goes: `召开会议x次`, `培训X名`, `×人` (7×24 and URLs stay quiet).
  {
    re: new RegExp(`[xXＸ×](?=${MEASURE}|名)`, 'g'),
    hint: /[xXＸ×]/,
    message: (t) => `数字占位“${t}”未填写：请填入实际数字`,
    accept: (t, s) => /[\u4e00-\u9fff，。；、：,;:（(]/.test(t[s - 1] ?? ''),
  },
  // A place masked by stars: `**区`, `*县`, `***市` (Markdown emphasis never counts).
  { re: /\*{1,8}(?=[区县市镇乡])/g, hint: /\*[区县市镇乡]/, message: (t) => `地名占位“${t}”未填写：请写明地名`, literalOnly: true, accept: (t, s) => !/\*/.test(t[s - 1] ?? '') },
];

/** `，` and `。` in their two widths, and spaces, do not tell a guide sentence from its copy. */
const loose = (s: string) => s.replace(/[，,]/g, '，').replace(/[。.]/g, '。').replace(/[ \u3000]/g, '');

export const templateLeftover: Rule = {
  id: 'template-leftover',
  title: '模板残留',
  severity: 'error',
  description: '模板未填写：插入的框架或部分留下的引导语（如“围绕法治政府建设各项任务，逐项写明……”）、YYYY、某区、代码片段占位、20__年、（　）、x次、**区 等空白',
  tags: ['leftovers'],
  check({ doc, parsed, catalogue }) {
    const findings: RawFinding[] = [];
    const skip = (start: number) => {
      const kind = parsed.kinds[doc.lineAt(start).index];
      return kind === LineKind.Code || kind === LineKind.Html || kind === LineKind.Rule;
    };
    // Guiding sentences: each as written by the skeleton (the catalogue's guide), also in Traditional (the norm is Simplified).
    const guides = [...new Set(catalogue.map((e) => e.guide).filter((g) => g && g.length >= 8))];
    for (const guide of guides) {
      const want = loose(guide).replace(/。$/, '');
      const head = want.slice(0, 8);
      for (let at = doc.norm.indexOf(head); at >= 0; at = doc.norm.indexOf(head, at + 1)) {
        // Compare loosely over the guide's length plus room for spaces and the other width of punctuation.
        const span = doc.norm.slice(at, at + guide.length + 8);
        if (!loose(span).startsWith(want) || skip(at)) continue;
        let end = at;
        for (let matched = 0; end < doc.norm.length && matched < want.length; end++) if (loose(doc.norm[end]) !== '') matched++;
        if (/[。.]/.test(doc.norm[end] ?? '')) end++;
        findings.push({ start: at, end, message: `模板引导语未替换：“${doc.text.slice(at, end)}”是插入框架时写下的提示，请改写为本单位的实际情况` });
      }
    }
    let taken: Uint8Array | null = null;
    for (const { re, hint, message, accept, literalOnly } of BLANKS) {
      if (!hint.test(doc.norm)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(doc.norm); m; m = re.exec(doc.norm)) {
        const start = m.index;
        const end = start + m[0].length;
        if (skip(start) || (accept && !accept(doc.norm, start, end)) || (literalOnly && !inLiteralText(parsed, start))) continue;
        taken ??= new Uint8Array(doc.text.length);
        if (taken.subarray(start, end).includes(1)) continue;
        taken.fill(1, start, end);
        findings.push({ start, end, message: message(doc.text.slice(start, end)) });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
