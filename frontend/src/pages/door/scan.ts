/** Pass codes and reading them from a QR code. The pass's QR code holds the 7-character
 * code itself (events_api/events/passes.py). Decoding uses the browser's BarcodeDetector
 * where it reads QR codes, else jsQR, loaded only when first needed. A camera frame and a
 * picture of a pass go through the same decode(). */

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: the same alphabet as the server's PASS_ALPHABET.
export const ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const CODE_LENGTH = 7;

/** Upper case, without spaces or dashes, as the server reads it ("k7p 4qx" → "K7P4QX"). */
export function normalise(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function isCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((ch) => ALPHABET.includes(ch));
}

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
};

type Decoder = (canvas: HTMLCanvasElement) => Promise<string | null>;

let decoder: Promise<Decoder> | null = null;

async function makeDecoder(): Promise<Decoder> {
  const Native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Native) {
    try {
      if ((await Native.getSupportedFormats()).includes("qr_code")) {
        const detector = new Native({ formats: ["qr_code"] });
        return async (canvas) => (await detector.detect(canvas))[0]?.rawValue ?? null;
      }
    } catch {
      // Fall back to jsQR below.
    }
  }
  const { default: jsQR } = await import("jsqr");
  return async (canvas) => {
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) return null;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data ?? null;
  };
}

const LARGEST = 1024;
let canvas: HTMLCanvasElement | null = null;

/** The text of a QR code in the picture or camera frame, or null. */
export async function decode(source: CanvasImageSource, width: number, height: number): Promise<string | null> {
  if (!width || !height) return null;
  decoder ??= makeDecoder();
  const read = await decoder;
  const scale = Math.min(1, LARGEST / Math.max(width, height));
  canvas ??= document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return null;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return read(canvas);
}

/** The text of a QR code in a picture file (a photo of a pass, a saved screenshot). */
export async function decodeFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decode(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
