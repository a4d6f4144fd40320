import * as Preset from 'opencc-js/preset/t2cn';
import traditionalTexts from './data/traditional.generated.json';

// Characters that appear in almost any Traditional text about government work
// and never in a Simplified one (著 is left out: it is Simplified too).
const TRADITIONAL_HINT_CHARS =
  '國會說這為與們關發將對時於區縣數據項體條機經務員門開問間來個從產業處長書農當實現點進動應過還議黨際審職權責決規範執監訴訟調紛糾辦財稅環營標準貫徹創級組織領導幹學習設計劃稱價歷屆萬億資訊網絡併彙報顯勢態質優簡專醫療險礙難題聽證廣聯繫歸類運檢測驗護衛視齊負擔讓舉鑑積極續線構層鄉鎮勵獎懲罰則';
// A flag per UTF-16 code unit: one array read per character beats a large character class.
const HINT = new Uint8Array(65536);
for (const ch of TRADITIONAL_HINT_CHARS) HINT[ch.charCodeAt(0)] = 1;

type Dict = string | readonly (readonly [string, string])[];

function pairs(dict: Dict): [string, string][] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v]);
  return dict.split('|').map((entry) => {
    const [key, value] = entry.split(' ');
    return [key, value ?? key];
  });
}

/** The character dictionary of a group (the one whose keys are single characters). */
function characterDict(group: readonly Dict[]): [string, string][] {
  for (const dict of group) {
    const entries = pairs(dict);
    // Keys are single characters (a few astral ones take two code units).
    if (entries.length && entries.every(([k]) => [...k].length === 1)) return entries;
  }
  return [];
}

let table: Uint16Array | undefined;

/**
 * A one-to-one character table from OpenCC's dictionaries: Taiwan and Hong Kong
 * variants to standard Traditional, then Traditional to Simplified. Character
 * conversion keeps the text's length (phrase conversion would not) and reads a
 * megabyte in milliseconds; phrase-level choices do not matter for matching.
 */
function conversionTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(65536);
  const simplify = new Map(characterDict(Preset.to.cn[0] as readonly Dict[]).filter(([k, v]) => k.length === 1 && v.length === 1));
  for (const [k, v] of simplify) t[k.charCodeAt(0)] = v.charCodeAt(0);
  for (const variant of ['tw', 'hk'] as const) {
    for (const [k, v] of characterDict(Preset.from[variant][0] as readonly Dict[])) {
      if (k.length !== 1 || v.length !== 1) continue;
      const target = simplify.get(v) ?? v;
      if (target.length === 1 && target !== k) t[k.charCodeAt(0)] = target.charCodeAt(0);
    }
  }
  return (table = t);
}

const decoder = new TextDecoder('utf-16le');

export function looksTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (HINT[text.charCodeAt(i)]) return true;
  return false;
}

/**
 * A simplified view of the text with exactly the same length, so that every
 * offset found in it is an offset of the original. Simplified text is returned
 * as it is, without converting.
 */
export function toSimplified(text: string): string {
  if (!looksTraditional(text)) return text;
  const t = conversionTable();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = t[c] || c;
  }
  // Lone surrogates decode as U+FFFD: still one code unit each, so offsets hold.
  return decoder.decode(out);
}

type Script = 't' | 'tw' | 'hk';
const TRADITIONAL = traditionalTexts as Record<string, Record<Script, string>>;
let variantChars: { tw: Uint8Array; hk: Uint8Array } | undefined;

/** The characters that only the Taiwan or only the Hong Kong standard writes (OpenCC's variant dictionaries). */
function variants(): { tw: Uint8Array; hk: Uint8Array } {
  if (variantChars) return variantChars;
  const mark = (variant: 'tw' | 'hk') => {
    const flags = new Uint8Array(65536);
    for (const [k, v] of characterDict(Preset.from[variant][0] as readonly Dict[])) if (k.length === 1 && k !== v) flags[k.charCodeAt(0)] = 1;
    return flags;
  };
  return (variantChars = { tw: mark('tw'), hk: mark('hk') });
}

/**
 * A text we insert (a part's heading or guiding sentence), written in the
 * script of a Traditional document: the Taiwan or Hong Kong standard when the
 * document uses more of its own characters, else standard Traditional. The
 * conversions are made at build time (scripts/generate.ts); a Simplified
 * document, or a text that has none, gets it as it is.
 */
export function inScriptOf(documentText: string, documentNorm: string, simplified: string): string {
  if (documentText === documentNorm) return simplified;
  const converted = TRADITIONAL[simplified];
  if (!converted) return simplified;
  if (documentText !== lastDocument) {
    const { tw, hk } = variants();
    let twCount = 0;
    let hkCount = 0;
    for (let i = 0; i < documentText.length; i++) {
      const c = documentText.charCodeAt(i);
      twCount += tw[c];
      hkCount += hk[c];
    }
    lastDocument = documentText;
    lastScript = twCount > hkCount && twCount > 0 ? 'tw' : hkCount > twCount ? 'hk' : 't';
  }
  return converted[lastScript];
}

// The script of the last document asked about (each missing part of one report asks again).
let lastDocument = '';
let lastScript: Script = 't';
