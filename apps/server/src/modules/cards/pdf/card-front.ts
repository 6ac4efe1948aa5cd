import { type CardPrintData, formatCardDate, KIND_LABELS } from './card-data.ts';
import {
  COLORS,
  drawBand,
  drawFieldLabels,
  drawFieldValues,
  drawStar,
  ID1,
  MARGIN,
  textAt,
} from './card-style.ts';

/**
 * Front of the card. Arabic reads from the right edge, French from the left; the photo sits on
 * the left under the header, as on the national identity card.
 *
 *   ┌──────────────────────────────────────────────┐
 *   │ ROYAUME DU MAROC        ✵       المملكة المغربية │  green band: kingdom + title
 *   │ Carte professionnelle…    البطاقة المهنية…    │
 *   ├──────────────────────────────────────────────┤  red rule
 *   │ Chambre …                          غرفة …      │  tinted strip: issuing chamber
 *   │ ┌──────┐                الاسم بالعربية (gras) │
 *   │ │photo │ Nom en latin (gras)                   │
 *   │ │      │ NIA ··········· 123… ········· رقم …  │
 *   │ │      │ Qualité / Activité        الصفة / الحرفة │
 *   │ └──────┘                                       │
 *   │ Délivrée le … Valable jusqu’au …    تاريخ …  │  footer: validity
 *   └──────────────────────────────────────────────┘
 */
const BAND_H = 30;
const STRIP = { y: BAND_H + 1.1, h: 15 };
const PHOTO = { x: MARGIN, y: 50, w: 52, h: 69.3 };
const BODY_X = PHOTO.x + PHOTO.w + 7;
const BODY_W = ID1.width - MARGIN - BODY_X;
const FOOTER_Y = 126.5;
const RULE_Y = 79.8;
const NIA_ROW = { y: 81, h: 9.5 };
const NIA_LABEL_W = 40;
const KIND_ROW = { y: 91, h: 15.5 };
const ACTIVITY_ROW = { y: 106.5, h: 19.5 };

type Doc = PDFKit.PDFDocument;

function drawPhoto(doc: Doc, x: number, y: number, photo: Uint8Array | null): void {
  const px = x + PHOTO.x;
  const py = y + PHOTO.y;
  doc.save();
  doc.rect(px, py, PHOTO.w, PHOTO.h).clip();
  if (photo) {
    const buffer = Buffer.from(photo.buffer, photo.byteOffset, photo.byteLength);
    doc.image(buffer, px, py, { cover: [PHOTO.w, PHOTO.h], align: 'center', valign: 'center' });
  } else {
    // Neutral silhouette: head and shoulders.
    const cx = px + PHOTO.w / 2;
    doc.circle(cx, py + PHOTO.h * 0.38, PHOTO.w * 0.2).fill(COLORS.silhouette);
    doc.ellipse(cx, py + PHOTO.h * 1.02, PHOTO.w * 0.42, PHOTO.h * 0.36).fill(COLORS.silhouette);
  }
  doc.restore();
  doc.save().lineWidth(0.5).rect(px, py, PHOTO.w, PHOTO.h).stroke(COLORS.hairline).restore();
}

/** What the layer of a card depends on: cards with the same key share one recorded layer. */
export function frontLayerKey(card: CardPrintData): string {
  return ['front', card.chamberAr, card.chamberFr, card.issuedOn, card.validUntil].join('\u0000');
}

/** Everything on the front that is not the person: band, titles, chamber, labels, validity. */
export function drawFrontLayer(doc: Doc, card: CardPrintData, x: number, y: number): void {
  const o = { x, y };
  const w = ID1.width;
  const colW = (w - 2 * MARGIN - 30) / 2;
  const white = COLORS.white;

  drawBand(doc, x, y, BAND_H);
  drawStar(doc, x + w / 2, y + BAND_H / 2, 8.5, COLORS.gold);
  const kingdom = { weight: 'bold', size: 6.5, color: white, valign: 'middle' } as const;
  const kingdomBox = { y: 3, w: colW, h: 8 };
  textAt(doc, o, { ...kingdom, text: 'ROYAUME DU MAROC', dir: 'ltr', size: 6 }, { ...kingdomBox, x: MARGIN });
  textAt(
    doc,
    o,
    { ...kingdom, text: 'المملكة المغربية', dir: 'rtl' },
    { ...kingdomBox, x: w - MARGIN - colW },
  );
  const title = { weight: 'bold', maxLines: 2, lineHeight: 1.1, color: white, valign: 'middle' } as const;
  const titleBox = { y: 11, w: colW, h: 17 };
  textAt(
    doc,
    o,
    { ...title, text: 'Carte professionnelle\nde l’artisan', dir: 'ltr', size: 7.5 },
    { ...titleBox, x: MARGIN },
  );
  textAt(
    doc,
    o,
    { ...title, text: 'البطاقة المهنية للصانع التقليدي', dir: 'rtl', size: 8.5 },
    { ...titleBox, x: w - MARGIN - colW },
  );

  // Issuing chamber, both languages.
  doc.rect(x, y + STRIP.y, w, STRIP.h).fill(COLORS.greenTint);
  const half = (w - 2 * MARGIN - 6) / 2;
  const chamber = {
    weight: 'bold',
    maxLines: 2,
    lineHeight: 1.1,
    color: COLORS.green,
    valign: 'middle',
  } as const;
  const stripBox = { y: STRIP.y + 0.75, w: half, h: STRIP.h - 1.5 };
  textAt(doc, o, { ...chamber, text: card.chamberFr, dir: 'ltr', size: 6.5 }, { ...stripBox, x: MARGIN });
  textAt(
    doc,
    o,
    { ...chamber, text: card.chamberAr, dir: 'rtl', size: 7.5, lineHeight: 1.05 },
    { ...stripBox, x: w - MARGIN - half },
  );
  doc.rect(x + PHOTO.x, y + PHOTO.y, PHOTO.w, PHOTO.h).fill(COLORS.photoTint);

  const ruleY = y + RULE_Y;
  doc
    .save()
    .lineWidth(0.4)
    .moveTo(x + BODY_X, ruleY)
    .lineTo(x + BODY_X + BODY_W, ruleY)
    .stroke(COLORS.hairline)
    .restore();
  const label = {
    weight: 'regular',
    size: 6,
    color: COLORS.muted,
    valign: 'baseline',
    alignSize: 9,
  } as const;
  textAt(doc, o, { ...label, text: 'NIA', dir: 'ltr' }, { ...NIA_ROW, x: BODY_X, w: NIA_LABEL_W });
  textAt(
    doc,
    o,
    { ...label, text: 'رقم التعريف', dir: 'rtl', size: 6.5 },
    { ...NIA_ROW, x: BODY_X + BODY_W - NIA_LABEL_W, w: NIA_LABEL_W },
  );
  drawFieldLabels(doc, o, { ...KIND_ROW, x: BODY_X, w: BODY_W }, { fr: 'Qualité', ar: 'الصفة' });
  drawFieldLabels(doc, o, { ...ACTIVITY_ROW, x: BODY_X, w: BODY_W }, { fr: 'Activité', ar: 'الحرفة' });

  // Validity, both languages.
  const footY = y + FOOTER_Y;
  doc
    .save()
    .lineWidth(0.4)
    .moveTo(x + MARGIN, footY)
    .lineTo(x + w - MARGIN, footY)
    .stroke(COLORS.hairline)
    .restore();
  const issued = formatCardDate(card.issuedOn);
  const valid = formatCardDate(card.validUntil);
  const foot = { weight: 'regular', size: 6.5, color: COLORS.ink, valign: 'baseline', alignSize: 7 } as const;
  const footBox = { w: half, h: 9 };
  const line1 = { ...footBox, y: FOOTER_Y + 1.5 };
  const line2 = { ...footBox, y: FOOTER_Y + 10.5 };
  textAt(doc, o, { ...foot, text: `Délivrée le ${issued}`, dir: 'ltr' }, { ...line1, x: MARGIN });
  textAt(
    doc,
    o,
    { ...foot, text: `Valable jusqu’au ${valid}`, dir: 'ltr', weight: 'bold' },
    { ...line2, x: MARGIN },
  );
  const arFoot = { ...foot, size: 7, dir: 'rtl' } as const;
  textAt(doc, o, { ...arFoot, text: `تاريخ الإصدار ${issued}` }, { ...line1, x: w - MARGIN - half });
  textAt(
    doc,
    o,
    { ...arFoot, text: `صالحة إلى غاية ${valid}`, weight: 'bold' },
    { ...line2, x: w - MARGIN - half },
  );
}

/** The person: photo, names, NIA, kind and activity. */
export function drawFrontPerson(doc: Doc, card: CardPrintData, x: number, y: number): void {
  const o = { x, y };
  drawPhoto(doc, x, y, card.photo);
  // Names: Arabic right-aligned, Latin left-aligned, each may wrap to two lines.
  const name = {
    weight: 'bold',
    maxLines: 2,
    lineHeight: 1.05,
    color: COLORS.ink,
    valign: 'middle',
  } as const;
  textAt(
    doc,
    o,
    { ...name, text: card.nameAr, dir: 'rtl', size: 11, minSize: 6.5, lineHeight: 1.15 },
    { x: BODY_X, y: 47, w: BODY_W, h: 17 },
  );
  textAt(
    doc,
    o,
    { ...name, text: card.nameLatn, dir: 'ltr', size: 9, minSize: 6 },
    { x: BODY_X, y: 65.5, w: BODY_W, h: 13.5 },
  );
  textAt(
    doc,
    o,
    {
      text: card.nia,
      dir: 'ltr',
      weight: 'bold',
      size: 9,
      align: 'center',
      valign: 'baseline',
      color: COLORS.ink,
    },
    { ...NIA_ROW, x: BODY_X + NIA_LABEL_W, w: BODY_W - 2 * NIA_LABEL_W },
  );
  drawFieldValues(doc, o, { ...KIND_ROW, x: BODY_X, w: BODY_W }, KIND_LABELS[card.kind]);
  drawFieldValues(
    doc,
    o,
    { ...ACTIVITY_ROW, x: BODY_X, w: BODY_W },
    { fr: card.activityFr, ar: card.activityAr },
  );
}
