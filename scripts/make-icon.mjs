// Draws the extension icon (images/icon.png): a red seal with a white outline
// of a document, so nothing needs an image editor or a download.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => pixels.set([r, g, b, a], (y * size + x) * 4);
const red = [192, 32, 32, 255];
const white = [255, 250, 240, 255];
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const inSeal = x >= 8 && x < 120 && y >= 8 && y < 120;
    const border = inSeal && (x < 14 || x >= 114 || y < 14 || y >= 114);
    const inner = x >= 20 && x < 108 && y >= 20 && y < 108;
    let colour = [0, 0, 0, 0];
    if (inSeal) colour = red;
    if (border) colour = white;
    // Four text lines of a report, the first one a heading.
    if (inner) {
      for (const [top, left, right] of [[32, 30, 98], [52, 38, 98], [68, 38, 98], [84, 38, 80]]) {
        if (y >= top && y < top + (top === 32 ? 9 : 6) && x >= left && x < right) colour = white;
      }
    }
    set(x, y, colour);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
writeFileSync(
  new URL('../images/icon.png', import.meta.url),
  Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
);
