import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { parseCsv } from './csv-reader.ts';
import { CsvReader } from './csv-reader.ts';
import { excelSerialToIso, parseBirthDate } from './dates.ts';
import { detectDelimiter, detectEncoding, sniffFormat } from './detect.ts';

test('CSV: quotes, doubled quotes, line breaks inside quotes, CRLF, stray quotes', () => {
  assert.deepEqual(parseCsv('a,"b,c","d ""e"""\r\n1,"x\ny",z', ','), [
    ['a', 'b,c', 'd "e"'],
    ['1', 'x\ny', 'z'],
  ]);
  assert.deepEqual(parseCsv('O"Neil;3\n', ';'), [['O"Neil', '3']]);
});

test('CSV: the same records whatever the chunk boundaries', () => {
  const text = 'cin;nom\r\n"AB1";"Ben ""Ali"""\r\nCD2;"x\r\ny"\r\n';
  const whole = parseCsv(text, ';');
  for (let cut = 1; cut < text.length; cut++) {
    const r = new CsvReader(';');
    assert.deepEqual(
      [...r.push(text.slice(0, cut)), ...r.push(text.slice(cut)), ...r.end()],
      whole,
      `cut at ${cut}`,
    );
  }
});

test('delimiters: comma, semicolon, tab, under title lines', () => {
  assert.equal(detectDelimiter('a,b,c\n1,2,3\n'), ',');
  assert.equal(detectDelimiter('Liste des artisans, 2019\nCIN;Nom;Prénom\nA1;B;C\nA2;D;E\n'), ';');
  assert.equal(detectDelimiter('CIN\tNom\tAdresse\nA1\tB\t"1, rue X"\n'), '\t');
});

test('encodings: BOMs, UTF-16 without BOM, Windows-1256 Arabic, Windows-1252 French, refusals', () => {
  const ar = 'رقم البطاقة الوطنية;الاسم العائلي\nAB123;بنعلي\nCD456;العلوي\n';
  assert.deepEqual(detectEncoding(Buffer.from(`\uFEFF${ar}`)), { encoding: 'utf-8', bomLength: 3 });
  assert.deepEqual(detectEncoding(Buffer.from(ar)), { encoding: 'utf-8', bomLength: 0 });
  assert.equal(
    detectEncoding(iconv.encode(`\uFEFF${ar}`, 'utf-16le', { addBOM: false })).encoding,
    'utf-16le',
  );
  assert.equal(detectEncoding(iconv.encode(ar, 'utf-16le')).encoding, 'utf-16le');
  assert.equal(detectEncoding(iconv.encode(ar, 'utf-16be')).encoding, 'utf-16be');
  assert.equal(detectEncoding(iconv.encode(ar.repeat(5), 'windows-1256')).encoding, 'windows-1256');
  const fr = 'CIN;Nom;Activité\nAB1;Élalaoui;Poterie émaillée\nCD2;Benali;Tissage à la main\n';
  assert.equal(detectEncoding(iconv.encode(fr, 'windows-1252')).encoding, 'windows-1252');
  const refused = (b: Buffer) => assert.throws(() => detectEncoding(b), /IMPORT_ENCODING_UNKNOWN/);
  refused(iconv.encode('名前;住所\n山田;東京\n'.repeat(30), 'Shift_JIS'));
  refused(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]));
  refused(Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 31) % 256)));
});

test('formats: from the bytes, not the name', () => {
  assert.equal(sniffFormat(Buffer.from('PK\u0003\u0004rest'), 'liste.csv'), 'xlsx');
  assert.equal(sniffFormat(Buffer.from('a;b\n'), 'liste.txt'), 'csv');
  assert.throws(() => sniffFormat(Buffer.from('a;b'), 'liste.xlsx'), /IMPORT_FILE_UNREADABLE/);
  assert.throws(
    () => sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.xls'),
    /IMPORT_FORMAT_UNSUPPORTED/,
  );
  assert.throws(() => sniffFormat(Buffer.alloc(0), 'x.csv'), /IMPORT_FILE_EMPTY/);
});

test('birth dates as lists write them', () => {
  const ok = (s: string, iso: string) =>
    assert.deepEqual(parseBirthDate(s), { ok: true, date: iso, serial: /^\d+(\.\d+)?$/.test(s.trim()) });
  ok('12/03/1980', '1980-03-12');
  ok('2/3/1980', '1980-03-02');
  ok('12-03-1980', '1980-03-12');
  ok('12.03.1980', '1980-03-12');
  ok('1980-03-12', '1980-03-12');
  ok('1980/03/12', '1980-03-12');
  ok('١٢/٠٣/١٩٨٠', '1980-03-12');
  ok('29221', '1980-01-01');
  ok('1980-03-12 00:00:00', '1980-03-12');
  assert.deepEqual(parseBirthDate('1980'), { ok: false, code: 'birth_date_incomplete' });
  assert.deepEqual(parseBirthDate('03/1980'), { ok: false, code: 'birth_date_incomplete' });
  assert.deepEqual(parseBirthDate('31/02/1980'), { ok: false, code: 'birth_date_format' });
  assert.deepEqual(parseBirthDate('12/03/80'), { ok: false, code: 'birth_date_format' });
  assert.deepEqual(parseBirthDate('né en 1980'), { ok: false, code: 'birth_date_format' });
  assert.equal(excelSerialToIso(1), '1900-01-01');
  assert.equal(excelSerialToIso(61), '1900-03-01');
});
