/**
 * Reusable layers: what is the same on many cards of a batch (band, titles, labels, the chamber,
 * the dates of a print run, the verification host) is drawn once per document into a PDF Form
 * XObject and then placed on each card with one `Do` operator. It keeps a 50,000-card batch fast
 * (most of the text fitting and shaping happens once) and small (the layer's bytes are written
 * once), and a viewer or printer renders it exactly like inline content; text extraction
 * (poppler, pdf.js) reads text inside forms too.
 *
 * pdfkit has no public API for forms, so a layer is recorded by drawing it with the ordinary
 * pdfkit calls while the current page's `write` is diverted into a buffer; the fonts used are
 * then listed in the form's own resources. This relies on three long-stable pdfkit internals:
 * `page.write`, `page.fonts` (font id → font dictionary) and `page.xobjects` (the resource
 * dictionary images use). The card tests render real PDFs and read them back with poppler, so a
 * pdfkit upgrade that broke this would fail them.
 */
type Doc = PDFKit.PDFDocument;
type Ref = PDFKit.PDFKitReference;

interface Layer {
  name: string;
  form: Ref;
}

/** Writes pdfkit numbers the way pdfkit does (no exponent, few decimals). */
function num(n: number): string {
  return String(Math.round(n * 1e4) / 1e4);
}

/** Records what `paint` draws at (0, 0) as a Form XObject of the given size. */
export function recordLayer(doc: Doc, name: string, width: number, height: number, paint: () => void): Layer {
  const page = doc.page;
  const ops: string[] = [];
  const write = page.write;
  page.write = (chunk: unknown) => {
    ops.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('latin1'));
  };
  try {
    doc.save();
    paint();
    doc.restore();
  } finally {
    page.write = write;
  }
  const fonts = page.fonts as Record<string, Ref>;
  const form = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    // The card box plus a little room for glyphs that overhang it (the band is clipped anyway).
    BBox: [-20, -20, width + 20, height + 20],
    Resources: { Font: { ...fonts }, ProcSet: ['PDF', 'Text'] },
  });
  form.end(ops.join('\n'));
  return { name, form };
}

/** Places a recorded layer with its top-left corner at (x, y). */
export function placeLayer(doc: Doc, layer: Layer, x: number, y: number): void {
  const xobjects = doc.page.xobjects as Record<string, Ref>;
  xobjects[layer.name] = layer.form;
  doc.addContent(`q 1 0 0 1 ${num(x)} ${num(y)} cm /${layer.name} Do Q`);
}

/**
 * The layers of one document, by key (e.g. the chamber and the print run's dates). Beyond
 * `max` distinct keys, layers are drawn inline instead: a batch where every card differs gains
 * nothing from forms.
 */
export class LayerCache {
  private readonly layers = new Map<string, Layer>();

  constructor(
    private readonly doc: Doc,
    private readonly max = 64,
  ) {}

  draw(
    key: string,
    x: number,
    y: number,
    width: number,
    height: number,
    paint: (x: number, y: number) => void,
  ): void {
    let layer = this.layers.get(key);
    if (!layer) {
      if (this.layers.size >= this.max) {
        paint(x, y);
        return;
      }
      layer = recordLayer(this.doc, `HirfaL${this.layers.size + 1}`, width, height, () => paint(0, 0));
      this.layers.set(key, layer);
    }
    placeLayer(this.doc, layer, x, y);
  }
}
