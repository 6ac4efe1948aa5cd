// Legacy lists made in the test, in the shapes chambers send: CSV in several encodings and
// delimiters, Arabic or French headers, and workbooks with titles, merged cells, formulas and
// empty rows. Nothing large is committed: files are generated, in memory.
import type { ImportDetail, ImportRow } from '@hirfa/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { generatePeople } from '../src/modules/synthetic/index.ts';
import type { Client } from './harness.ts';

export const FRENCH_HEADERS = [
  'N°',
  'CIN',
  'Nom',
  'Prénom',
  'الاسم العائلي',
  'الاسم الشخصي',
  'Date de naissance',
  'Sexe',
  'Téléphone',
  'Province',
  'Activité',
];

/** A chamber's list as typed over the years; the expected verdict of each row is beside it. */
export const FRENCH_ROWS: {
  cells: string[];
  expect: { status: string; codes?: string[]; notes?: string[] };
}[] = [
  {
    cells: [
      '1',
      ' bk 12345 ',
      'BENALI',
      'Mohamed',
      'بنعلي',
      'محمد',
      '12/03/1980',
      'M',
      '06 61 23 45 67',
      'Casablanca',
      'tissage de TAPIS',
    ],
    expect: { status: 'valid', notes: ['cin_normalised'] },
  },
  {
    cells: [
      '2',
      'AB123456',
      'El Fassi',
      'Fatima Zahra',
      'الفاسي',
      'فاطمة الزهراء',
      '1975-01-02',
      'F',
      '0612345678',
      'MA-SET',
      'نسج الزرابي',
    ],
    expect: { status: 'valid' },
  },
  {
    cells: ['3', 'C9988', 'Ait Ali', 'Hassan', 'آيت علي', 'حسن', '29221', 'M', '', 'Settat', 'Poterie'],
    expect: { status: 'valid', notes: ['excel_serial_date'] },
  },
  {
    cells: ['4', '12345', 'Tazi', 'Omar', 'التازي', 'عمر', '01/01/1990', 'M', '', 'Casablanca', 'Poterie'],
    expect: { status: 'invalid', codes: ['cin_format'] },
  },
  {
    cells: ['5', 'JK55555', 'Alami', 'Samira', 'العلمي', 'سميرة', '1985', 'F', '', 'Casablanca', 'Broderie'],
    expect: { status: 'invalid', codes: ['birth_date_incomplete'] },
  },
  {
    cells: ['6', 'JK66666', 'محمد', 'Karim', 'كريم', 'كريم', '02/02/1988', 'M', '', 'Casablanca', 'Broderie'],
    expect: { status: 'invalid', codes: ['script_latin'] },
  },
  {
    cells: [
      '7',
      'JK77777',
      'Idrissi',
      'Nadia',
      'الإدريسي',
      'نادية',
      '03/03/1983',
      'F',
      '',
      'Marrakech',
      'Broderie',
    ],
    expect: { status: 'invalid', codes: ['province_other_chamber'] },
  },
  {
    cells: [
      '8',
      'JK88888',
      'Berrada',
      'Youssef',
      'برادة',
      'يوسف',
      '04/04/1984',
      'M',
      '',
      'Casablanca',
      'Astronautique',
    ],
    expect: { status: 'invalid', codes: ['activity_unknown'] },
  },
  {
    cells: [
      '9',
      'JK99999',
      'Skalli',
      'Laila',
      'السقلي',
      'ليلى',
      '31/02/1980',
      'F',
      '0512',
      'Casablanca',
      'Zellige',
    ],
    expect: { status: 'invalid', codes: ['birth_date_format', 'phone'] },
  },
  {
    cells: [
      '10',
      'ab 123456',
      'Fassi',
      'Fatima',
      'الفاسي',
      'فاطمة',
      '02/01/1975',
      'F',
      '',
      'Casablanca',
      'Zellige',
    ],
    expect: { status: 'duplicate', codes: ['same_cin_in_file'] },
  },
  {
    cells: [
      '11',
      'XY11111',
      'BENALI',
      'MOHAMED',
      'بنعلي',
      'محمد',
      '12/03/1980',
      'M',
      '',
      'Casablanca',
      'Zellige',
    ],
    expect: { status: 'duplicate', codes: ['same_name_and_birth_date_in_file'] },
  },
  {
    cells: ['', '', '', '', '', '', '', '', '', '', ''],
    expect: { status: 'skipped', codes: ['empty_row'] },
  },
  {
    cells: [
      '12',
      '=HYPERLINK("http://x")',
      'Test',
      'Test',
      'تست',
      'تست',
      '01/01/1990',
      'X',
      '',
      'Casablanca',
      'Zellige',
    ],
    expect: { status: 'invalid', codes: ['cin_format', 'gender'] },
  },
  {
    cells: [
      '13',
      'ZZ22222',
      'Chraibi',
      'Amine',
      'الشرايبي',
      'أمين',
      '05/05/1995',
      'H',
      '+212 6 70 00 00 01',
      'Mohammedia',
      'Céramique',
    ],
    expect: { status: 'valid' },
  },
  {
    cells: [
      '14',
      'QQ33333',
      'Naciri',
      'Khadija',
      'الناصري',
      'خديجة',
      '06/06/1966',
      'F',
      '',
      'Casablanca',
      'Broderie',
    ],
    expect: { status: 'valid' },
  },
];

export function csv(rows: string[][], delimiter = ','): string {
  const field = (s: string) => (/[",;\t\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return rows.map((r) => r.map(field).join(delimiter)).join('\r\n');
}

/** UTF-8 with a byte-order mark, comma-separated, French headers, two trailing blank lines. */
export function frenchCsvUtf8Bom(): Buffer {
  const text = `${csv([FRENCH_HEADERS, ...FRENCH_ROWS.map((r) => r.cells)])}\r\n\r\n\r\n`;
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export const ARABIC_HEADERS = [
  'رقم البطاقة الوطنية',
  'الاسم العائلي',
  'الاسم الشخصي',
  'الاسم العائلي بالفرنسية',
  'الاسم الشخصي بالفرنسية',
  'تاريخ الازدياد',
  'الجنس',
  'الهاتف',
  'الإقليم',
  'الحرفة',
];

/** Rows of a second list, some of them already in the register after the first import. */
export const ARABIC_ROWS = [
  // Same CIN as an entry loaded from the first list, another name: a CIN duplicate.
  ['BK12345', 'الزياني', 'رشيد', 'Zayani', 'Rachid', '01/01/1970', 'ذكر', '', 'سطات', 'الطرز'],
  // Another CIN, same name and birth date as an entry: a name duplicate.
  [
    'RR77777',
    'الفاسي',
    'فاطمة الزهراء',
    'El Fassi',
    'Fatima Zahra',
    '02/01/1975',
    'أنثى',
    '',
    'سطات',
    'الطرز',
  ],
  ['MM10101', 'الوزاني', 'سعاد', 'Ouazzani', 'Souad', '10/10/1979', 'أنثى', '0661000001', 'الجديدة', 'الطرز'],
  ['MM20202', 'بناني', 'هشام', 'Bennani', 'Hicham', '11/11/1981', 'ذكر', '', 'برشيد', 'الفخار'],
];

export function arabicCsv(encoding: 'utf-16le' | 'windows-1256', delimiter: string): Buffer {
  const text = `${csv([ARABIC_HEADERS, ...ARABIC_ROWS], delimiter)}\r\n`;
  if (encoding === 'utf-16le')
    return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  return iconv.encode(text, 'windows-1256');
}

/**
 * A workbook as chambers keep them: a merged title over the headers, a date cell, an Excel date
 * number, a province merged down three rows, formulas with and without a computed value, an
 * empty row in the middle and a second sheet.
 */
export async function legacyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Artisans');
  ws.addRow(["Chambre d'Artisanat de la Région Casablanca-Settat — liste des artisans 2019"]);
  ws.mergeCells('A1:H1');
  ws.addRow([]);
  ws.addRow([
    'CIN',
    'Nom',
    'Prénom',
    'Nom (arabe)',
    'Prénom (arabe)',
    'Date de naissance',
    'Sexe',
    'Province',
    'Activité',
    'GSM',
  ]);
  const rows: (string | number | Date | ExcelJS.CellFormulaValue | null)[][] = [
    [
      'WB10001',
      'Lahlou',
      'Rachid',
      'لحلو',
      'رشيد',
      new Date(Date.UTC(1970, 4, 17)),
      'M',
      'Settat',
      'Zellige',
      '0661000011',
    ],
    [
      'WB10002',
      'Kettani',
      'Salma',
      'الكتاني',
      'سلمى',
      29000,
      'F',
      null,
      'Broderie',
      { formula: '"06"&"61000012"', result: '0661000012' },
    ],
    [
      'WB10003',
      'Sebti',
      'Ali',
      'السبتي',
      'علي',
      '21/07/1985',
      { formula: 'IF(1=1,"M","F")', result: undefined as unknown as string },
      null,
      'Poterie',
      null,
    ],
    [null, null, null, null, null, null, null, null, null, null],
    ['WB10004', 'Bennis', 'Houda', 'بنيس', 'هدى', '01/09/1990', 'F', 'Casablanca', 'Zellige', 612000014],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells('H4:H6'); // Settat, for three rows
  ws.getCell('F4').numFmt = 'dd/mm/yyyy';
  ws.addRow([]);
  ws.addRow([]);
  wb.addWorksheet('Notes').addRow(['brouillon']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Clean rows of the synthetic register, all in the chamber of Casablanca-Settat. */
export function bulkCsv(count: number, seed: number): Buffer {
  const lines = [
    [
      'CIN',
      'Nom',
      'Prénom',
      'الاسم العائلي',
      'الاسم الشخصي',
      'Date de naissance',
      'Sexe',
      'Province',
      'Activité',
    ],
  ];
  const provinces = ['MA-CAS', 'MA-SET', 'MA-JDI', 'MA-BRR', 'MA-MOH'];
  for (const p of generatePeople({ seed, count })) {
    const [y, m, d] = p.birthDate.split('-');
    lines.push([
      p.cin,
      p.lastNameLatn,
      p.firstNameLatn,
      p.lastNameAr,
      p.firstNameAr,
      `${d}/${m}/${y}`,
      p.gender,
      provinces[p.index % provinces.length] ?? 'MA-CAS',
      p.primaryActivityCode,
    ]);
  }
  return Buffer.from(csv(lines, ';'), 'utf8');
}

export function upload(c: Client, name: string, body: Buffer, query = 'chamber=MA-06') {
  return c.inject({
    method: 'POST',
    url: `/api/v1/imports?${query}&name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

export async function waitForImport(
  c: Client,
  id: string,
  done: (d: ImportDetail) => boolean,
  timeoutMs = 60_000,
): Promise<ImportDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = (await c.get(`/api/v1/imports/${id}`)).json<ImportDetail>();
    if (done(d)) return d;
    if (Date.now() > until) throw new Error(`timed out waiting for import ${id} (status ${d.status})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Maps, runs the dry run and waits for its report. */
export async function mapAndDryRun(c: Client, id: string): Promise<ImportDetail> {
  const columns = (await c.get(`/api/v1/imports/${id}/columns`)).json<{ proposed: Record<string, number> }>();
  const mapped = await c.inject({
    method: 'PUT',
    url: `/api/v1/imports/${id}/mapping`,
    payload: { mapping: columns.proposed },
  });
  if (mapped.statusCode !== 200) throw new Error(`mapping refused: ${mapped.body}`);
  const started = await c.post(`/api/v1/imports/${id}/dry-run`);
  if (started.statusCode !== 202) throw new Error(`dry run refused: ${started.body}`);
  return waitForImport(c, id, (d) => d.progress === null && d.status !== 'mapped');
}

export async function allRows(c: Client, id: string): Promise<ImportRow[]> {
  return (await c.get(`/api/v1/imports/${id}/rows?limit=500`)).json<{ items: ImportRow[] }>().items;
}
