import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import type { ApplicationPayload } from '@hirfa/contracts';

/** A minimal but real PNG (1×1 pixel), PDF and JPEG, as a phone or a scanner would send. */
export function pngBytes(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = zlib.deflateSync(Buffer.from([0, 200, 120, 60]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function pdfBytes(text = 'Attestation'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export const key = () => `k-${randomUUID()}`;

export function artisanPayload(over: Partial<ApplicationPayload['person']> = {}): ApplicationPayload {
  return {
    person: {
      cin: 'BK654321',
      firstNameAr: 'فاطمة الزهراء',
      lastNameAr: 'آيت بلعيد',
      firstNameLatn: 'Fatima Zahra',
      lastNameLatn: 'Ait Belaid',
      birthDate: '1986-03-14',
      gender: 'F',
      phone: '06 61 23 45 67',
      addressAr: 'درب السلطان، الدار البيضاء',
      addressFr: 'Derb Sultan, Casablanca',
      provinceCode: 'MA-CAS',
      postalCode: '20250',
      ...over,
    },
    qualification: { basis: 'practice_attestation', yearsOfPractice: 8 },
    activities: { primary: 'P01.01', secondary: ['P02.02'] },
    workshop: { provinceCode: 'MA-CAS', addressAr: 'حي الحبوس', addressFr: 'Quartier Habous' },
  };
}
