import { inflateSync } from 'node:zlib';

/** A decoded PNG: its size and its pixels as RGBA, 4 bytes each, row by row. */
export interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Channels per pixel of the 8-bit colour types a chart is written in: RGB and RGBA. */
const CHANNELS: Record<number, number> = { 2: 3, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes a PNG as written by resvg (8-bit RGB or RGBA, not interlaced): enough to check a
 * chart's size and that it is not blank, without a decoder package. Throws on anything else,
 * a broken file among them.
 */
export function decodePng(file: Buffer): Png {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: no signature');
  let offset = 8;
  let header: { width: number; height: number; depth: number; type: number; interlace: number } | null = null;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR')
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8],
        type: body[9],
        interlace: body[12],
      };
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header) throw new Error('not a PNG: no IHDR');
  const channels = CHANNELS[header.type];
  if (header.depth !== 8 || !channels || header.interlace !== 0)
    throw new Error(`unsupported PNG: depth ${header.depth}, colour type ${header.type}`);
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error('broken PNG: wrong data length');
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    const up = (x: number) => (y > 0 ? pixels[row - stride + x] : 0);
    const left = (x: number) => (x >= channels ? pixels[row + x - channels] : 0);
    if (filter > 4) throw new Error(`broken PNG: filter ${filter}`);
    for (let x = 0; x < stride; x++) {
      let predictor = 0;
      if (filter === 1) predictor = left(x);
      else if (filter === 2) predictor = up(x);
      else if (filter === 3) predictor = (left(x) + up(x)) >> 1;
      else if (filter === 4) predictor = paeth(left(x), up(x), x >= channels ? up(x - channels) : 0);
      pixels[row + x] = (line[x] + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: pixels };
  const rgba = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0; i < width * height; i++) pixels.copy(rgba, i * 4, i * 3, i * 3 + 3);
  return { width, height, rgba };
}

/** How many different colours a picture has: a blank one has one. */
export function colourCount(png: Png): number {
  const colours = new Set<number>();
  for (let i = 0; i < png.rgba.length; i += 4) colours.add(png.rgba.readUInt32BE(i));
  return colours.size;
}
