// Reading a QR code from camera frames and photos: the browser's BarcodeDetector where it exists
// (Android Chrome, Safari 17+ on some devices), else jsQR on a canvas. jsQR (≈40 KB gzipped) is
// loaded only when needed.

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

type JsQr = typeof import('jsqr').default;

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const formats = await Detector.getSupportedFormats();
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

let jsQrModule: Promise<JsQr> | undefined;
function loadJsQr(): Promise<JsQr> {
  jsQrModule ??= import('jsqr').then((m) => m.default);
  return jsQrModule;
}

function context2d(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  return ctx;
}

export type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

/** A reader for live video frames: fast settings, called several times a second. */
export async function createFrameReader(): Promise<FrameReader> {
  const detector = await nativeDetector();
  if (detector) {
    return async (video) => {
      try {
        return (await detector.detect(video))[0]?.rawValue ?? null;
      } catch {
        return null;
      }
    };
  }
  const jsQR = await loadJsQr();
  let ctx: CanvasRenderingContext2D | undefined;
  return async (video) => {
    const { videoWidth: w, videoHeight: h } = video;
    if (!w || !h) return null;
    const scale = Math.min(1, 800 / Math.max(w, h));
    const cw = Math.round(w * scale);
    const ch = Math.round(h * scale);
    if (!ctx || ctx.canvas.width !== cw || ctx.canvas.height !== ch) ctx = context2d(cw, ch);
    ctx.drawImage(video, 0, 0, cw, ch);
    const image = ctx.getImageData(0, 0, cw, ch);
    return jsQR(image.data, cw, ch, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

interface Attempt {
  /** Longest side of the image given to jsQR, in pixels. */
  size: number;
  /** Fraction of the photo kept around its centre (1 = all of it). */
  crop: number;
  /** Degrees; the QR finder patterns handle right angles, this helps with strongly tilted shots. */
  rotate: number;
}

/** Cheap and likely first: card photos are mostly large, sharp and roughly upright. */
const ATTEMPTS: Attempt[] = [
  { size: 1000, crop: 1, rotate: 0 },
  { size: 1600, crop: 1, rotate: 0 },
  { size: 600, crop: 1, rotate: 0 },
  { size: 1000, crop: 0.6, rotate: 0 },
  { size: 1200, crop: 0.4, rotate: 0 },
  { size: 1000, crop: 1, rotate: 45 },
  { size: 400, crop: 1, rotate: 0 },
];

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The text of the first QR code found in a photo, trying a few scales, crops and rotations. */
export async function readQrFromImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const detector = await nativeDetector();
    if (detector) {
      const found = await detector.detect(bitmap).catch(() => []);
      if (found[0]) return found[0].rawValue;
    }
    const jsQR = await loadJsQr();
    for (const attempt of ATTEMPTS) {
      await nextTask();
      const sw = bitmap.width * attempt.crop;
      const sh = bitmap.height * attempt.crop;
      const scale = Math.min(1, attempt.size / Math.max(sw, sh));
      const w = Math.max(1, Math.round(sw * scale));
      const h = Math.max(1, Math.round(sh * scale));
      const rad = (attempt.rotate * Math.PI) / 180;
      const cw = Math.round(Math.abs(w * Math.cos(rad)) + Math.abs(h * Math.sin(rad)));
      const ch = Math.round(Math.abs(w * Math.sin(rad)) + Math.abs(h * Math.cos(rad)));
      const ctx = context2d(cw, ch);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, cw, ch);
      ctx.translate(cw / 2, ch / 2);
      ctx.rotate(rad);
      ctx.drawImage(bitmap, (bitmap.width - sw) / 2, (bitmap.height - sh) / 2, sw, sh, -w / 2, -h / 2, w, h);
      const image = ctx.getImageData(0, 0, cw, ch);
      const code = jsQR(image.data, cw, ch, { inversionAttempts: 'attemptBoth' });
      if (code?.data) return code.data;
    }
    return null;
  } finally {
    bitmap.close();
  }
}
