/**
 * What the card printer needs to know about one card. Everything here is printed on the card
 * (front or back); nothing else about the artisan reaches the PDF.
 */
export type CardKind = 'artisan' | 'master_artisan' | 'cooperative' | 'enterprise';

export interface CardPrintData {
  /** Card serial number, printed on the back (e.g. 'FM-2026-000123'). */
  serial: string;
  /** Artisan's national identification number in the register. */
  nia: string;
  kind: CardKind;
  nameAr: string;
  nameLatn: string;
  activityAr: string;
  activityFr: string;
  chamberAr: string;
  chamberFr: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD */
  validUntil: string;
  /** Short code printed for typing by hand, e.g. 'K7Q4-M2PX'. */
  verificationCode: string;
  /** JPEG or PNG bytes of the photo from the application; null prints a neutral silhouette. */
  photo: Uint8Array | null;
  /** Text encoded in the QR, opaque (typically an upper-case verification URL of ~250–330 chars). */
  qrText: string;
}

/** The kind as printed, in both languages. */
export const KIND_LABELS: Readonly<Record<CardKind, { ar: string; fr: string }>> = {
  artisan: { ar: 'صانع تقليدي', fr: 'Artisan' },
  master_artisan: { ar: 'صانع تقليدي معلم', fr: 'Maître artisan' },
  cooperative: { ar: 'تعاونية الصناعة التقليدية', fr: 'Coopérative d’artisanat' },
  enterprise: { ar: 'مقاولة الصناعة التقليدية', fr: 'Entreprise d’artisanat' },
};

export type PhotoFormat = 'jpeg' | 'png';

/** Recognises the photo format by its signature; null when it is neither JPEG nor PNG. */
export function photoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  return null;
}

/** Raised for a card that cannot be printed; names the card by its serial only. */
export class CardDataError extends Error {
  constructor(
    readonly serial: string,
    reason: string,
  ) {
    super(`Card ${serial}: ${reason}`);
    this.name = 'CardDataError';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', the way dates are written on Moroccan documents. */
export function formatCardDate(iso: string): string {
  const m = DATE.exec(iso);
  if (!m) throw new TypeError(`Not a YYYY-MM-DD date: ${iso}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Checks what would otherwise fail half-way through a batch; throws CardDataError. */
export function checkCardData(card: CardPrintData): void {
  const required: Array<keyof CardPrintData> = [
    'serial',
    'nia',
    'nameAr',
    'nameLatn',
    'activityAr',
    'activityFr',
    'chamberAr',
    'chamberFr',
    'verificationCode',
    'qrText',
  ];
  for (const key of required) {
    const value = card[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new CardDataError(String(card.serial), `${key} is empty`);
    }
  }
  if (!(card.kind in KIND_LABELS)) throw new CardDataError(card.serial, `unknown kind ${card.kind}`);
  for (const key of ['issuedOn', 'validUntil'] as const) {
    if (!DATE.test(card[key])) throw new CardDataError(card.serial, `${key} is not YYYY-MM-DD`);
  }
  if (card.photo && !photoFormat(card.photo)) {
    throw new CardDataError(card.serial, 'photo is neither JPEG nor PNG');
  }
}
