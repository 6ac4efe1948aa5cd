import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import type { ImportColumns, ImportDetail, ImportRow } from '@hirfa/contracts';
import iconv from 'iconv-lite';
import { type Client, DEMO, startTestApp, type TestApp } from './harness.ts';
import {
  allRows,
  arabicCsv,
  FRENCH_ROWS,
  frenchCsvUtf8Bom,
  legacyWorkbook,
  mapAndDryRun,
  upload,
  waitForImport,
} from './imports-fixtures.ts';

let t: TestApp;
let admin: Client;
let agent: Client;
before(async () => {
  t = await startTestApp();
  admin = await t.login(DEMO.casaAdmin);
  agent = await t.login(DEMO.casaAgent);
});
after(() => t?.close());

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.deps.database.query<{ n: string | number }>(sql, params);
  return Number(row?.n ?? 0);
}

const norm = (r: ImportRow | undefined) => (r?.normalised ?? {}) as Record<string, unknown>;
const codes = (r: ImportRow) => r.reasons.map((x) => x.code).sort();
const notes = (r: ImportRow) => r.notes.map((x) => x.code);

let firstImport: string;

test('a UTF-8 CSV with a BOM and French headers: every row judged, with its reasons', async () => {
  const res = await upload(agent, 'liste casa 2019.csv', frenchCsvUtf8Bom());
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json<ImportDetail>();
  assert.equal(created.status, 'uploaded');
  assert.equal(created.format, 'csv');
  assert.equal(created.encoding, 'utf-8');
  assert.equal(created.delimiter, ',');
  assert.equal(created.headerRow, 1);
  assert.equal(created.headers[4], 'الاسم العائلي');
  assert.ok(created.actions.includes('map'));
  firstImport = created.id;

  const columns = (await agent.get(`/api/v1/imports/${created.id}/columns`)).json<ImportColumns>();
  assert.equal(columns.proposedFrom, 'headers');
  assert.deepEqual(columns.proposed, {
    legacyNumber: 0,
    cin: 1,
    lastNameLatn: 2,
    firstNameLatn: 3,
    lastNameAr: 4,
    firstNameAr: 5,
    birthDate: 6,
    gender: 7,
    phone: 8,
    province: 9,
    activity: 10,
  });
  assert.equal(columns.columns[4]?.script, 'arabic');

  // Signing off before a dry run is refused by the state machine.
  const early = await admin.post(`/api/v1/imports/${created.id}/sign-off`);
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().code, 'IMPORT_TRANSITION_FORBIDDEN');

  const report = await mapAndDryRun(agent, created.id);
  assert.equal(report.status, 'dry_run_done');
  assert.deepEqual(report.counts, {
    total: 15,
    valid: 5,
    invalid: 7,
    duplicate: 2,
    skipped: 1,
    loadAnyway: 0,
    loaded: 0,
    rejected: 0,
  });
  assert.ok(report.notes.some((n) => n.code === 'empty_rows' && n.count === 1));
  const rows = await allRows(agent, created.id);
  assert.equal(rows.length, 15);
  FRENCH_ROWS.forEach((expected, i) => {
    const row = rows[i] as ImportRow;
    assert.equal(row.rowNumber, i + 2);
    assert.equal(row.status, expected.expect.status, `row ${row.rowNumber}: ${JSON.stringify(row.reasons)}`);
    if (expected.expect.codes)
      assert.deepEqual(codes(row), [...expected.expect.codes].sort(), `row ${row.rowNumber}`);
    for (const n of expected.expect.notes ?? [])
      assert.ok(notes(row).includes(n), `row ${row.rowNumber} note ${n}`);
  });
  // What the valid rows became: CIN without spaces, phone in E.164, activities found by name.
  const first = rows[0]?.normalised as Record<string, unknown>;
  assert.equal(first.cin, 'BK12345');
  assert.equal(first.phone, '+212661234567');
  assert.equal(first.activityCode, 'P01.01');
  assert.equal(first.provinceCode, 'MA-CAS');
  assert.equal(norm(rows[1]).activityCode, 'P01.01');
  assert.equal(norm(rows[2]).birthDate, '1980-01-01');
  assert.equal(norm(rows[13]).gender, 'M');
  assert.equal(norm(rows[13]).activityCode, 'P03.03');
  assert.equal(rows[9]?.matchedRow, 3);
  assert.equal(rows[10]?.matchedRow, 2);
  // The report filters by status.
  const invalid = (await agent.get(`/api/v1/imports/${created.id}/rows?status=invalid`)).json<{
    total: number;
  }>();
  assert.equal(invalid.total, 7);
});

test('the rejects file lists every row not loaded with its reasons in words, formulas neutralised', async () => {
  const res = await agent.get(`/api/v1/imports/${firstImport}/rejects.csv`, { 'accept-language': 'fr' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  assert.match(String(res.headers['content-disposition']), /liste%20casa%202019\.rejects\.csv/);
  const lines = res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(
    lines[0],
    'Ligne,État,Motifs,N°,CIN,Nom,Prénom,الاسم العائلي,الاسم الشخصي,Date de naissance,Sexe,Téléphone,Province,Activité',
  );
  assert.equal(lines.length, 1 + 7 + 2);
  assert.ok(lines.some((l) => l.startsWith("5,Invalide,CIN : ce n'est pas un numéro de CIN (12345)")));
  assert.ok(lines.some((l) => l.startsWith('11,Doublon possible,Même CIN que la ligne 3')));
  const injected = lines.find((l) => l.startsWith('14,'));
  assert.ok(injected?.includes(`"'=HYPERLINK(""http://x"")"`), injected);
  const ar = await agent.get(`/api/v1/imports/${firstImport}/rejects.csv`, { 'accept-language': 'ar' });
  assert.ok(ar.body.includes('ليس رقم بطاقة وطنية'));
});

test('only a chamber admin of the chamber signs off; other chambers cannot see the import', async () => {
  const byAgent = await agent.post(`/api/v1/imports/${firstImport}/sign-off`);
  assert.equal(byAgent.statusCode, 403);
  assert.equal(byAgent.json().code, 'AUTH_FORBIDDEN');
  const fes = await t.login(DEMO.fesAgent);
  for (const url of [
    `/api/v1/imports/${firstImport}`,
    `/api/v1/imports/${firstImport}/rows`,
    `/api/v1/imports/${firstImport}/rejects.csv`,
  ]) {
    const res = await fes.get(url);
    assert.equal(res.statusCode, 403, url);
    assert.equal(res.json().code, 'AUTH_OUT_OF_SCOPE');
  }
  assert.equal((await fes.post(`/api/v1/imports/${firstImport}/dry-run`)).statusCode, 403);
  assert.equal((await upload(fes, 'x.csv', frenchCsvUtf8Bom())).json().code, 'AUTH_OUT_OF_SCOPE');
  const list = (await fes.get('/api/v1/imports')).json<{ items: { id: string }[] }>();
  assert.ok(!list.items.some((i) => i.id === firstImport));
  const auditor = await t.login(DEMO.auditor);
  assert.equal((await auditor.get(`/api/v1/imports/${firstImport}`)).statusCode, 200);
  assert.equal((await auditor.post(`/api/v1/imports/${firstImport}/cancel`)).statusCode, 403);
  const unknown = await admin.get('/api/v1/imports/00000000-0000-4000-8000-000000000000');
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().code, 'IMPORT_NOT_FOUND');
});

test('sign-off and load: entries with NIA and provenance, each row exactly once', async () => {
  const nia0 = await count('SELECT last_seq AS n FROM nia_sequence');
  const signed = await admin.post(`/api/v1/imports/${firstImport}/sign-off`);
  assert.equal(signed.statusCode, 200, signed.body);
  assert.equal(signed.json<ImportDetail>().status, 'signed_off');
  assert.ok(signed.json<ImportDetail>().signedOffAt);
  const started = await agent.post(`/api/v1/imports/${firstImport}/load`);
  assert.equal(started.statusCode, 202, started.body);
  const done = await waitForImport(agent, firstImport, (d) => d.status === 'done' || d.status === 'failed');
  assert.equal(done.status, 'done');
  assert.equal(done.counts.loaded, 5);
  assert.equal(done.counts.rejected, 0);
  assert.equal(await count('SELECT last_seq AS n FROM nia_sequence'), nia0 + 5);

  const entries = await t.deps.database.query<{
    nia: string;
    import_row: number;
    chamber_code: string;
    cin: string;
    snapshot: { import: { id: string; file: string; row: number } };
    reason: string;
  }>(
    `SELECT r.nia, r.import_row, r.chamber_code, p.cin, v.snapshot, v.reason
       FROM registrations r JOIN persons p ON p.id = r.person_id
       JOIN registration_versions v ON v.registration_id = r.id AND v.version = 1
      WHERE r.import_id = $1 ORDER BY r.import_row`,
    [firstImport],
  );
  assert.deepEqual(
    entries.map((e) => e.import_row),
    [2, 3, 4, 15, 16],
  );
  assert.ok(entries.every((e) => e.chamber_code === 'CA-MA-06' && e.reason === 'import'));
  assert.equal(entries[0]?.cin, 'BK12345');
  assert.deepEqual(entries[0]?.snapshot.import, {
    id: firstImport,
    file: 'liste casa 2019.csv',
    row: 2,
    legacyNumber: '1',
  });
  assert.match(entries[0]?.nia ?? '', /^\d{2}06\d{7}[0-9A-Z]$/);
  // The report now links each loaded row to its entry.
  const rows = await allRows(agent, firstImport);
  assert.ok(rows.filter((r) => r.status === 'loaded').every((r) => r.registrationId));
  // The database itself refuses a second entry for the same row of the same import.
  await assert.rejects(
    t.deps.database.query(
      `INSERT INTO registrations (nia, kind, person_id, chamber_code, workshop_province_code, nomenclature_version,
                                  primary_activity_code, import_id, import_row)
       SELECT 'DOUBLE0001', kind, person_id, chamber_code, workshop_province_code, nomenclature_version,
              primary_activity_code, import_id, import_row FROM registrations WHERE import_id = $1 LIMIT 1`,
      [firstImport],
    ),
    /registrations_import_row_key|duplicate key/,
  );
  // Audited: the upload, the mapping, the dry run, the sign-off, each batch, the end.
  const actions = await t.deps.database.query<{ action: string }>(
    'SELECT action FROM audit_events WHERE target_id = $1 ORDER BY id',
    [firstImport],
  );
  for (const a of [
    'import.upload',
    'import.map',
    'import.dry_run',
    'import.sign_off',
    'import.load_start',
    'registration.import',
    'import.done',
  ]) {
    assert.ok(
      actions.some((x) => x.action === a),
      a,
    );
  }
  // Nothing more can happen to a finished import.
  assert.equal((await agent.post(`/api/v1/imports/${firstImport}/load`)).statusCode, 409);
  assert.equal((await agent.post(`/api/v1/imports/${firstImport}/cancel`)).statusCode, 409);
});

test('UTF-16LE with a BOM, tab-separated, Arabic headers: duplicates of the register are found', async () => {
  const res = await upload(agent, 'لائحة.txt', arabicCsv('utf-16le', '\t'));
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json<ImportDetail>();
  assert.equal(created.encoding, 'utf-16le');
  assert.equal(created.delimiter, '\t');
  const columns = (await agent.get(`/api/v1/imports/${created.id}/columns`)).json<ImportColumns>();
  assert.deepEqual(columns.proposed, {
    cin: 0,
    lastNameAr: 1,
    firstNameAr: 2,
    lastNameLatn: 3,
    firstNameLatn: 4,
    birthDate: 5,
    gender: 6,
    phone: 7,
    province: 8,
    activity: 9,
  });
  const report = await mapAndDryRun(agent, created.id);
  assert.deepEqual([report.counts.valid, report.counts.duplicate, report.counts.invalid], [2, 2, 0]);
  const rows = await allRows(agent, created.id);
  assert.deepEqual(codes(rows[0] as ImportRow), ['same_cin']);
  assert.ok(rows[0]?.match?.nia, 'the matched entry is shown');
  assert.equal(rows[0]?.match?.cin, 'BK12345');
  assert.deepEqual(codes(rows[1] as ImportRow), ['same_name_and_birth_date']);
  assert.equal(rows[1]?.match?.nameLatn, 'Fatima Zahra El Fassi');
  assert.equal(norm(rows[2]).lastNameAr, 'الوزاني');
  assert.equal(norm(rows[2]).provinceCode, 'MA-JDI');
  assert.equal(norm(rows[3]).activityCode, 'P03.01');

  // A CIN duplicate is never loaded (two persons never share a CIN); a name duplicate may be.
  const cinDup = await agent.post(`/api/v1/imports/${created.id}/rows/2/decision`, {
    decision: 'load_anyway',
  });
  assert.equal(cinDup.statusCode, 409);
  assert.equal(cinDup.json().code, 'IMPORT_DECISION_SAME_CIN');
  const nameDup = await agent.post(`/api/v1/imports/${created.id}/rows/3/decision`, {
    decision: 'load_anyway',
  });
  assert.equal(nameDup.statusCode, 200, nameDup.body);
  assert.equal(nameDup.json<ImportRow>().decision, 'load_anyway');
  const validRow = await agent.post(`/api/v1/imports/${created.id}/rows/4/decision`, {
    decision: 'load_anyway',
  });
  assert.equal(validRow.json().code, 'IMPORT_DECISION_FORBIDDEN');
  const detail = (await agent.get(`/api/v1/imports/${created.id}`)).json<ImportDetail>();
  assert.equal(detail.counts.loadAnyway, 1);

  await admin.post(`/api/v1/imports/${created.id}/sign-off`);
  await agent.post(`/api/v1/imports/${created.id}/load`);
  const done = await waitForImport(agent, created.id, (d) => d.status === 'done' || d.status === 'failed');
  assert.equal(done.counts.loaded, 3);
  const after = await allRows(agent, created.id);
  assert.deepEqual(
    after.map((r) => r.status),
    ['duplicate', 'loaded', 'loaded', 'loaded'],
  );
  const rejects = await agent.get(`/api/v1/imports/${created.id}/rejects.csv`, { 'accept-language': 'en' });
  const lines = rejects.body.trim().split('\r\n');
  assert.equal(lines.length, 2);
  assert.match(lines[1] ?? '', /^2\tDuplicate candidate\tAn entry of the register has the same CIN\tBK12345/);
});

test('Windows-1256, semicolons, Arabic headers: decoded and detected', async () => {
  const res = await upload(agent, 'liste-1256.csv', arabicCsv('windows-1256', ';'));
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json<ImportDetail>();
  assert.equal(created.encoding, 'windows-1256');
  assert.equal(created.delimiter, ';');
  assert.equal(created.headers[0], 'رقم البطاقة الوطنية');
  assert.equal(created.estimatedRows, 4);
  const columns = (await agent.get(`/api/v1/imports/${created.id}/columns`)).json<ImportColumns>();
  assert.equal(columns.columns[1]?.samples[0], 'الزياني');
  // Every row of it is now in the register: all duplicates.
  const report = await mapAndDryRun(agent, created.id);
  assert.equal(report.counts.duplicate, 4);
  const cancelled = await agent.post(`/api/v1/imports/${created.id}/cancel`);
  assert.equal(cancelled.json<ImportDetail>().status, 'cancelled');
});

test('a workbook with a title, merged cells, formulas, dates and empty rows gets a clear report', async () => {
  const res = await upload(agent, 'artisans.xlsx', await legacyWorkbook());
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json<ImportDetail>();
  assert.equal(created.format, 'xlsx');
  assert.equal(created.sheetName, 'Artisans');
  assert.equal(created.headerRow, 3);
  const fileNotes = Object.fromEntries(created.notes.map((n) => [n.code, n]));
  assert.equal(fileNotes.title_rows?.count, 2);
  assert.deepEqual(fileNotes.merged_cells?.cells?.sort(), ['A1:H1', 'H4:H6']);
  assert.equal(fileNotes.other_sheets_ignored?.count, 1);

  const report = await mapAndDryRun(agent, created.id);
  assert.deepEqual(
    [report.counts.total, report.counts.valid, report.counts.invalid, report.counts.skipped],
    [5, 3, 1, 1],
  );
  const reportNotes = Object.fromEntries(report.notes.map((n) => [n.code, n]));
  assert.deepEqual(reportNotes.formulas?.cells, ['J5']);
  assert.deepEqual(reportNotes.formulas_without_value?.cells, ['G6']);
  assert.equal(reportNotes.empty_rows?.count, 1);
  const rows = await allRows(agent, created.id);
  const byNumber = new Map(rows.map((r) => [r.rowNumber, r]));
  const norm = (n: number) => byNumber.get(n)?.normalised as Record<string, unknown>;
  assert.equal(norm(4).birthDate, '1970-05-17');
  assert.equal(norm(5).birthDate, '1979-05-25');
  assert.ok(notes(byNumber.get(5) as ImportRow).includes('excel_serial_date'));
  assert.equal(norm(5).provinceCode, 'MA-SET', 'the merged province is repeated');
  assert.ok(notes(byNumber.get(5) as ImportRow).includes('merged_cell_filled'));
  assert.equal(norm(5).phone, '+212661000012');
  assert.ok(notes(byNumber.get(5) as ImportRow).includes('formula_value_used'));
  assert.deepEqual(codes(byNumber.get(6) as ImportRow), ['formula_without_value']);
  assert.equal(byNumber.get(7)?.status, 'skipped');
  assert.equal(norm(8).phone, '+212612000014');
  assert.ok(notes(byNumber.get(8) as ImportRow).includes('phone_leading_zero'));
});

test('bad files are refused with a clear problem and nothing is kept', async () => {
  const before = await count('SELECT count(*) AS n FROM imports');
  const workbook = await legacyWorkbook();
  const cases: { name: string; body: Buffer; status: number; code: string }[] = [
    {
      name: 'tronque.xlsx',
      body: workbook.subarray(0, Math.floor(workbook.length / 2)),
      status: 422,
      code: 'IMPORT_FILE_UNREADABLE',
    },
    {
      name: 'bruit.xlsx',
      body: Buffer.from('not a workbook at all'),
      status: 422,
      code: 'IMPORT_FILE_UNREADABLE',
    },
    {
      name: 'vieux.xls',
      body: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      status: 415,
      code: 'IMPORT_FORMAT_UNSUPPORTED',
    },
    { name: 'vide.csv', body: Buffer.alloc(0), status: 400, code: 'IMPORT_FILE_EMPTY' },
    { name: 'blancs.csv', body: Buffer.from('\r\n;;;\r\n\r\n'), status: 422, code: 'IMPORT_NO_ROWS' },
    {
      name: 'japonais.csv',
      body: iconv.encode(
        '名前;住所;電話番号\n山田太郎;東京都千代田区;0312345678\n佐藤花子;大阪府大阪市;0612345678\n'.repeat(
          20,
        ),
        'Shift_JIS',
      ),
      status: 422,
      code: 'IMPORT_ENCODING_UNKNOWN',
    },
    {
      name: 'binaire.csv',
      body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      status: 422,
      code: 'IMPORT_ENCODING_UNKNOWN',
    },
    {
      name: 'utf32.csv',
      body: iconv.encode('\ufeffCIN;Nom\nAB1;Ali\n', 'utf-32le'),
      status: 422,
      code: 'IMPORT_ENCODING_UNKNOWN',
    },
  ];
  // A workbook whose sheet is corrupted in the middle (its directory intact) is refused too.
  const corrupt = Buffer.from(workbook);
  const sheetAt = corrupt.indexOf('xl/worksheets/sheet1.xml');
  for (let i = sheetAt + 60; i < sheetAt + 200 && i < corrupt.length; i++) corrupt[i] = 0x55;
  cases.push({ name: 'abime.xlsx', body: corrupt, status: 422, code: 'IMPORT_FILE_UNREADABLE' });
  for (const c of cases) {
    const res = await upload(agent, c.name, c.body);
    assert.equal(res.statusCode, c.status, `${c.name}: ${res.body}`);
    assert.equal(res.json().code, c.code, c.name);
    assert.ok(res.json().title.length > 0);
  }
  assert.equal(await count('SELECT count(*) AS n FROM imports'), before);
});

test('a file over 100 MB gets a 413 problem, streamed or declared, without being held', async () => {
  const chunk = Buffer.alloc(1024 * 1024, 0x41);
  const body = Readable.from(
    (function* () {
      for (let i = 0; i < 200; i++) yield chunk;
    })(),
  );
  const streamed = await agent.inject({
    method: 'POST',
    url: '/api/v1/imports?chamber=MA-06&name=enorme.csv',
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  });
  assert.equal(streamed.statusCode, 413);
  assert.equal(streamed.json().code, 'IMPORT_FILE_TOO_LARGE');
  assert.match(streamed.json().title, /100/);
  const declared = await agent.inject({
    method: 'POST',
    url: '/api/v1/imports?chamber=MA-06&name=enorme.csv',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(200 * 1024 * 1024) },
    payload: Readable.from([chunk]),
  });
  assert.equal(declared.statusCode, 413);
  assert.equal(declared.json().code, 'IMPORT_FILE_TOO_LARGE');
});

test('a mapping saved as a template is proposed for the next file with the same headers', async () => {
  const a = (await upload(agent, 'a.csv', frenchCsvUtf8Bom())).json<ImportDetail>();
  const proposed = (await agent.get(`/api/v1/imports/${a.id}/columns`)).json<ImportColumns>().proposed;
  const incomplete = await agent.inject({
    method: 'PUT',
    url: `/api/v1/imports/${a.id}/mapping`,
    payload: { mapping: { cin: 1 } },
  });
  assert.equal(incomplete.statusCode, 400);
  assert.equal(incomplete.json().code, 'IMPORT_MAPPING_INCOMPLETE');
  assert.ok(incomplete.json().errors.some((e: { path: string }) => e.path === 'mapping.birthDate'));
  const custom = { ...proposed, phone: undefined, legacyNumber: undefined };
  const saved = await agent.inject({
    method: 'PUT',
    url: `/api/v1/imports/${a.id}/mapping`,
    payload: { mapping: custom, saveAsTemplate: 'Casa 2019' },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.ok(saved.json<ImportDetail>().templateId);
  const b = (await upload(agent, 'b.csv', frenchCsvUtf8Bom())).json<ImportDetail>();
  const columns = (await agent.get(`/api/v1/imports/${b.id}/columns`)).json<ImportColumns>();
  assert.equal(columns.proposedFrom, 'template');
  assert.equal(columns.proposed.phone, undefined);
  assert.ok(columns.templates.some((x) => x.name === 'Casa 2019' && x.matches));
  const templates = (await agent.get('/api/v1/imports/templates')).json<{ name: string }[]>();
  assert.ok(templates.some((x) => x.name === 'Casa 2019'));
  for (const id of [a.id, b.id])
    assert.equal((await agent.post(`/api/v1/imports/${id}/cancel`)).statusCode, 200);
});
