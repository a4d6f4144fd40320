// The page and type of an official document, from GB/T 9704-2012《党政机关公文格式》
// (clause numbers in the comments). Lengths in twips (1/1440 inch, 1/20 pt), as WordprocessingML counts.

const MM = 1440 / 25.4;
const mm = (x: number) => Math.round(x * MM);

/** 5.2.1 A4: 210 mm × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) };

/** 5.2.2 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm: so 35 mm at the foot and 26 mm at the right. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };

/** 6.2 一般每面排 22 行，每行排 28 个字，并撑满版心. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** The width of the type area, and one 字 of it: 156 mm / 28 (a 16 pt character is 5.64 mm, a little more). */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const CHAR = TEXT_WIDTH / CHARS_PER_LINE;

/**
 * The line pitch: 225 mm / 22 = 28.98 pt, written as Word's templates do, 28.95 pt (579 twips), so
 * that 22 lines fill the type area and a 23rd does not fit.
 */
export const LINE_PITCH = 579;

/** Half-points: 2号 22 pt (title), 3号 16 pt (text, 6.1), 4号 14 pt (page numbers, 7.5). */
export const SIZE = { title: 44, body: 32, pageNumber: 28 };

/**
 * The typefaces GB/T 9704 names (6.1, 7.3.1, 7.3.3, 7.5) by the names Windows and WPS install them
 * under, with the face Windows has by default that Word and WPS use when one is missing.
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  level1: '黑体',
  level2: '楷体_GB2312',
  pageNumber: '宋体',
  /** Arabic numerals and Latin letters: GB/T 9704 says nothing; Times New Roman is what official templates use. */
  latin: 'Times New Roman',
} as const;

/** What Word and WPS fall back to where a face is missing: the font table's alternate name, then a GB2312 face of the family. */
export const FONT_FALLBACK: Record<string, { altName: string; family: 'roman' | 'modern' }> = {
  [FONT.title]: { altName: '宋体', family: 'roman' },
  [FONT.body]: { altName: '仿宋', family: 'modern' },
  [FONT.level1]: { altName: 'SimHei', family: 'modern' },
  [FONT.level2]: { altName: '楷体', family: 'modern' },
  [FONT.pageNumber]: { altName: 'SimSun', family: 'modern' },
};

/**
 * 7.5 页码: the 一字线 7 mm below the type area. The footer's one line is 14 pt exactly, so its
 * bottom sits 7 mm + 14 pt above the page's foot, less from the 35 mm margin.
 */
export const FOOTER_DISTANCE = mm(35 - 7) - 20 * 14;
export const FOOTER_LINE = 20 * 14;
/** 7.5 单页码居右空一字，双页码居左空一字 (a 字 of the 4号 page number). */
export const PAGE_NUMBER_INDENT = 20 * 14;

/** Width in 字 of a line of text: full-width characters one, ASCII and half-width forms half. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}
