// Word's automatic numbering (word/numbering.xml and the numbering of paragraph styles), rebuilt
// into the text Word shows in front of a paragraph: `一、`, `（三）`, `2.`, `①`.
//
// What Word does, and what is done here:
// - a paragraph is numbered by its own w:numPr or by the one of its style (through w:basedOn);
//   w:numId 0 switches numbering off; without a w:ilvl the level is the one whose w:pStyle names
//   the paragraph's style, else 0;
// - w:num points at a w:abstractNum (or, through w:numStyleLink, at the one a numbering style
//   uses); a w:lvlOverride replaces a level or its start value;
// - w:num instances of the same abstractNum continue one another's counting, unless an instance
//   overrides levels: then it counts on its own;
// - numbering a level restarts the levels below it (unless their w:lvlRestart says otherwise);
// - w:lvlText `%1、` is filled with each level's value in its own w:numFmt (all decimal under
//   w:isLgl); w:suff (a tab by default) becomes one space only after a letter or digit (`1 `),
//   never after punctuation (`一、`, `1.`), as drafts typed by hand are written.
import { walkXml } from './xml';

export interface Level {
  start?: number;
  numFmt?: string;
  /** w:numFmt's w:format, for `custom`. */
  format?: string;
  lvlText?: string;
  restart?: number;
  isLgl?: boolean;
  suff?: string;
  pStyle?: string;
}

interface AbstractNum {
  levels: Level[];
  numStyleLink?: string;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface ParagraphStyle {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export class Styles {
  readonly paragraph = new Map<string, ParagraphStyle>();
  /** Numbering styles (w:type="numbering"), for w:numStyleLink. */
  readonly numbering = new Map<string, ParagraphStyle>();
  defaultParagraph: string | undefined;

  static parse(xml: string | null): Styles {
    const styles = new Styles();
    if (!xml) return styles;
    let current: ParagraphStyle | null = null;
    let inPPr = false;
    walkXml(xml, 'word/styles.xml', {
      open(el) {
        switch (el.name) {
          case 'w:style': {
            const type = el.attr('w:type') ?? 'paragraph';
            const id = el.attr('w:styleId');
            if ((type !== 'paragraph' && type !== 'numbering') || id === undefined) return true;
            current = {};
            (type === 'paragraph' ? styles.paragraph : styles.numbering).set(id, current);
            const isDefault = el.attr('w:default');
            if (type === 'paragraph' && (isDefault === '1' || isDefault === 'true' || isDefault === 'on')) styles.defaultParagraph = id;
            return;
          }
          case 'w:basedOn':
            if (current) current.basedOn = el.attr('w:val');
            return;
          case 'w:pPr':
            inPPr = true;
            return;
          case 'w:rPr':
          case 'w:pPrChange':
          case 'w:tblPr':
          case 'w:trPr':
          case 'w:tcPr':
          case 'w:tblStylePr':
            return true;
          case 'w:numId':
            if (current && inPPr) current.numId = el.attr('w:val');
            return;
          case 'w:ilvl':
            if (current && inPPr) current.ilvl = toInt(el.attr('w:val'));
            return;
        }
      },
      close(name) {
        if (name === 'w:style') current = null;
        else if (name === 'w:pPr') inPPr = false;
      },
    });
    return styles;
  }

  /** The numbering a paragraph style gives (through w:basedOn), and which style gave it. */
  numberingOf(styleId: string | undefined): { numId?: string; ilvl?: number; from?: string } {
    const found: { numId?: string; ilvl?: number; from?: string } = {};
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id) && seen.size < 64; id = this.paragraph.get(id)?.basedOn) {
      seen.add(id);
      const style = this.paragraph.get(id);
      if (!style) break;
      if (found.numId === undefined && style.numId !== undefined) {
        found.numId = style.numId;
        found.from = id;
      }
      if (found.ilvl === undefined && style.ilvl !== undefined) found.ilvl = style.ilvl;
      if (found.numId !== undefined && found.ilvl !== undefined) break;
    }
    return found;
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  /** Counter values per list (abstractNum, or an instance with overrides), per level; undefined: not used yet. */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(private readonly styles: Styles) {}

  static parse(xml: string | null, styles: Styles): Numbering {
    const numbering = new Numbering(styles);
    if (!xml) return numbering;
    let abstract: AbstractNum | null = null;
    let num: NumInstance | null = null;
    let override: { start?: number; level?: Level } | null = null;
    let level: Level | null = null;
    walkXml(xml, 'word/numbering.xml', {
      open(el) {
        switch (el.name) {
          case 'w:abstractNum': {
            const id = el.attr('w:abstractNumId');
            if (id === undefined) return true;
            abstract = { levels: [] };
            if (!numbering.abstracts.has(id)) numbering.abstracts.set(id, abstract);
            return;
          }
          case 'w:num': {
            const id = el.attr('w:numId');
            if (id === undefined) return true;
            num = { abstractId: '', overrides: new Map() };
            if (!numbering.nums.has(id)) numbering.nums.set(id, num);
            return;
          }
          case 'w:abstractNumId':
            if (num) num.abstractId = el.attr('w:val') ?? '';
            return;
          case 'w:lvlOverride': {
            const ilvl = toInt(el.attr('w:ilvl'));
            if (!num || ilvl === undefined || ilvl < 0 || ilvl > 8) return true;
            override = {};
            num.overrides.set(ilvl, override);
            return;
          }
          case 'w:startOverride':
            if (override) override.start = toInt(el.attr('w:val'));
            return;
          case 'w:lvl': {
            const ilvl = toInt(el.attr('w:ilvl'));
            if (ilvl === undefined || ilvl < 0 || ilvl > 8) return true;
            level = {};
            if (override) override.level = level;
            else if (abstract) abstract.levels[ilvl] = level;
            else return true;
            return;
          }
          case 'w:numStyleLink':
            if (abstract && !level) abstract.numStyleLink = el.attr('w:val');
            return;
          case 'w:pPr':
          case 'w:rPr':
            return true;
        }
        if (!level) return;
        const val = el.attr('w:val');
        switch (el.name) {
          case 'w:start':
            level.start = toInt(val);
            break;
          case 'w:numFmt':
            level.numFmt = val;
            level.format = el.attr('w:format');
            break;
          case 'w:lvlText':
            level.lvlText = val ?? '';
            break;
          case 'w:lvlRestart':
            level.restart = toInt(val);
            break;
          case 'w:isLgl':
            level.isLgl = val === undefined || val === '1' || val === 'true' || val === 'on';
            break;
          case 'w:suff':
            level.suff = val;
            break;
          case 'w:pStyle':
            level.pStyle = val;
            break;
        }
      },
      close(name) {
        if (name === 'w:lvl') level = null;
        else if (name === 'w:lvlOverride') override = null;
        else if (name === 'w:abstractNum') abstract = null;
        else if (name === 'w:num') num = null;
      },
    });
    return numbering;
  }

  /**
   * The numbering text for a paragraph, advancing the counters as Word does; '' when it is not
   * numbered. `numId`/`ilvl` are the paragraph's own w:numPr values, `styleId` its w:pStyle.
   */
  next(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): string {
    const style = styleId ?? this.styles.defaultParagraph;
    let level = ilvl;
    if (numId === undefined) {
      const fromStyle = this.styles.numberingOf(style);
      if (fromStyle.numId === undefined) return '';
      numId = fromStyle.numId;
      level ??= fromStyle.ilvl;
    } else if (level === undefined) level = this.styles.numberingOf(style).ilvl;
    const resolved = this.resolve(numId);
    if (!resolved) return '';
    const { key, levels } = resolved;
    if (level === undefined) {
      const linked = levels.findIndex((l) => l?.pStyle !== undefined && l.pStyle === style);
      level = linked >= 0 ? linked : 0;
    }
    if (level < 0 || level > 8 || !levels[level]) return '';
    let values = this.counters.get(key);
    if (!values) this.counters.set(key, (values = []));
    values[level] = values[level] === undefined ? (levels[level].start ?? 0) : values[level]! + 1;
    for (let k = level + 1; k < 9; k++) {
      const restart = levels[k]?.restart;
      if (restart === undefined || (restart !== 0 && level < restart)) values[k] = undefined;
    }
    const def = levels[level];
    if (def.numFmt === 'bullet') return bulletText(def.lvlText ?? '') + suffix(def, bulletText(def.lvlText ?? ''));
    const text = (def.lvlText ?? '').replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels[k];
      if (!l) return '';
      const value = values![k] ?? l.start ?? 0;
      return formatNumber(value, def.isLgl ? 'decimal' : (l.numFmt ?? 'decimal'), l.format);
    });
    return text + suffix(def, text);
  }

  /** The levels and the counter key of a numbering instance, following w:numStyleLink. */
  private resolve(numId: string): { key: string; levels: Level[] } | null {
    if (numId === '0') return null;
    const num = this.nums.get(numId);
    if (!num) return null;
    let abstractId = num.abstractId;
    let abstract = this.abstracts.get(abstractId);
    for (let hops = 0; abstract?.numStyleLink !== undefined && hops < 4; hops++) {
      const linkedNum = this.styles.numbering.get(abstract.numStyleLink)?.numId;
      const target = linkedNum !== undefined ? this.nums.get(linkedNum) : undefined;
      if (!target) break;
      abstractId = target.abstractId;
      abstract = this.abstracts.get(abstractId);
    }
    if (!abstract) return null;
    if (num.overrides.size === 0) return { key: `a${abstractId}`, levels: abstract.levels };
    const levels: Level[] = [];
    for (let k = 0; k < 9; k++) {
      const o = num.overrides.get(k);
      const base = o?.level ?? abstract.levels[k];
      levels[k] = base && o?.start !== undefined ? { ...base, start: o.start } : base;
    }
    return { key: `n${numId}`, levels };
  }
}

/** What follows the number: a tab or space becomes one space after a letter or digit (`1 `), else nothing (`一、`). */
function suffix(level: Level, text: string): string {
  if (level.suff === 'nothing' || text === '') return '';
  return /[0-9A-Za-z]$/.test(text) ? ' ' : '';
}

function bulletText(lvlText: string): string {
  // Symbol and Wingdings bullets live in the private-use area.
  return lvlText.replace(/[\ue000-\uf8ff]/g, '•');
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL_SIMPLIFIED = '零壹贰叁肆伍陆柒捌玖';
const CN_LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖';

/** A value in a w:numFmt. Formats not known here, and values out of a format's range, are decimal. */
export function formatNumber(value: number, numFmt: string, format?: string): string {
  const n = Math.trunc(value);
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n) ?? String(n);
    case 'lowerRoman':
      return roman(n)?.toLowerCase() ?? String(n);
    case 'upperLetter':
      return letter(n) ?? String(n);
    case 'lowerLetter':
      return letter(n)?.toLowerCase() ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return n >= 0 ? String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : String(n);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCharCode(0x3280 + n - 1) : String(n);
    case 'chineseCounting':
    case 'taiwaneseCounting':
      return n >= 1 && n < 100 ? chineseCounting(n, CN_DIGITS) : n >= 100 ? digitByDigit(n, '○一二三四五六七八九') : String(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return n >= 1 && n < 10000 ? chineseCounting(n, CN_DIGITS) : String(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return n >= 0 ? digitByDigit(n, CN_DIGITS) : String(n);
    case 'chineseLegalSimplified':
      return n >= 1 && n < 10000 ? chineseCounting(n, CN_LEGAL_SIMPLIFIED, '拾佰仟') : String(n);
    case 'ideographLegalTraditional':
      return n >= 1 && n < 10000 ? chineseCounting(n, CN_LEGAL_TRADITIONAL, '拾佰仟') : String(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n);
    case 'custom': {
      // w:format gives the first values, e.g. "001, 002, 003, ...".
      const first = format?.split(',')[0]?.trim() ?? '';
      if (/^0+1$/.test(first)) return String(n).padStart(first.length, '0');
      return String(n);
    }
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 1010 → 一千零一十. */
function chineseCounting(n: number, digits: string, units = '十百千'): string {
  const parts = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = parts[i];
    const unit = i < 3 ? units[2 - i] : '';
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += digits === CN_DIGITS ? '零' : digits[0];
    zero = false;
    // 十一, not 一十一, when the tens lead.
    if (!(i === 2 && d === 1 && out === '' && units === '十百千')) out += digits[d];
    out += unit;
  }
  return out;
}

function digitByDigit(n: number, digits: string): string {
  return String(n).replace(/\d/g, (d) => digits[Number(d)]);
}

function roman(n: number): string | null {
  if (n < 1 || n > 3999) return null;
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word's letters: A … Z, then AA, BB, … ZZ, AAA. */
function letter(n: number): string | null {
  if (n < 1 || n > 780) return null;
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}
