// Image helpers for the QR scanning tests: render with `qrcode`, damage with pngjs pixel work,
// decode with jsQR and with zbarimg (Debian zbar-tools).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

// jsqr is CommonJS with an `exports.default`: under NodeNext typing the default import is the
// module object, at run time (tsx) it may be either.
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQRLoaded = jsQRModule as unknown as JsQr | { default: JsQr };
const jsQR: JsQr = typeof jsQRLoaded === 'function' ? jsQRLoaded : jsQRLoaded.default;

/** Pixels per QR module and quiet-zone modules used to render. */
export const SCALE = 6;
export const MARGIN = 4;

export async function renderQr(text: string): Promise<PNG> {
  const png = await QRCode.toBuffer(text, {
    errorCorrectionLevel: 'Q',
    margin: MARGIN,
    scale: SCALE,
    type: 'png',
  });
  return PNG.sync.read(png);
}

function blank(width: number, height: number, grey = 255): PNG {
  const png = new PNG({ width, height });
  png.data.fill(grey);
  return png;
}

function greyAt(png: PNG, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= png.width || y >= png.height) return 255;
  return png.data[(y * png.width + x) * 4] as number;
}

function setGrey(png: PNG, x: number, y: number, v: number): void {
  const i = (y * png.width + x) * 4;
  png.data[i] = v;
  png.data[i + 1] = v;
  png.data[i + 2] = v;
  png.data[i + 3] = 255;
}

/** Box blur of the given radius, applied twice (close to a Gaussian). */
export function blur(src: PNG, radius: number): PNG {
  let img = src;
  for (let pass = 0; pass < 2; pass++) {
    const out = blank(img.width, img.height);
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = -radius; dy <= radius; dy++) {
          for (let dx = -radius; dx <= radius; dx++) {
            sum += greyAt(img, x + dx, y + dy);
            n++;
          }
        }
        setGrey(out, x, y, Math.round(sum / n));
      }
    }
    img = out;
  }
  return img;
}

/** Rotation by any angle about the centre, bilinear, on a canvas that holds the whole image. */
export function rotate(src: PNG, degrees: number): PNG {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const w = Math.ceil(Math.abs(src.width * cos) + Math.abs(src.height * sin));
  const h = Math.ceil(Math.abs(src.width * sin) + Math.abs(src.height * cos));
  const out = blank(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - w / 2;
      const dy = y - h / 2;
      const sx = cos * dx + sin * dy + src.width / 2;
      const sy = -sin * dx + cos * dy + src.height / 2;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const v =
        greyAt(src, x0, y0) * (1 - fx) * (1 - fy) +
        greyAt(src, x0 + 1, y0) * fx * (1 - fy) +
        greyAt(src, x0, y0 + 1) * (1 - fx) * fy +
        greyAt(src, x0 + 1, y0 + 1) * fx * fy;
      setGrey(out, x, y, Math.round(v));
    }
  }
  return out;
}

/** Exact quarter turn (pixel transpose), as a phone held sideways sees the card. */
export function rotate90(src: PNG): PNG {
  const out = blank(src.height, src.width);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) setGrey(out, src.height - 1 - y, x, greyAt(src, x, y));
  }
  return out;
}

/** Maps black to `dark` and white to `light` (a faded print under poor light). */
export function lowContrast(src: PNG, dark: number, light: number): PNG {
  const out = blank(src.width, src.height);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++)
      setGrey(out, x, y, Math.round(dark + (greyAt(src, x, y) * (light - dark)) / 255));
  }
  return out;
}

/** Paints a square of `modules` × `modules` QR modules at a corner of the symbol. */
export function coverCorner(
  src: PNG,
  corner: 'top-left' | 'bottom-right',
  modules: number,
  grey: number,
): PNG {
  const out = blank(src.width, src.height);
  src.data.copy(out.data);
  const size = modules * SCALE;
  const x0 = corner === 'top-left' ? MARGIN * SCALE : src.width - MARGIN * SCALE - size;
  const y0 = corner === 'top-left' ? MARGIN * SCALE : src.height - MARGIN * SCALE - size;
  for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) setGrey(out, x, y, grey);
  return out;
}

export function decodeWithJsQr(png: PNG): string | null {
  const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return result ? result.data : null;
}

export function decodeWithZbar(png: PNG): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'hirfa-qr-'));
  try {
    const file = path.join(dir, 'qr.png');
    writeFileSync(file, PNG.sync.write(png));
    const r = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.replace(/\n$/, '') : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
