// Card benchmarks (issue 4), each against a baseline measured in the same run:
//   1. cards rendered per second in a batch  vs  minimal one-page pdfkit documents;
//   2. verification API requests per second  vs  a bare route on the same server;
//   3. credential bytes and QR version for the longest names in the synthetic data.
import { once } from 'node:events';
import http from 'node:http';
import { Writable } from 'node:stream';
import {
  type CardClaims,
  cardQrSegments,
  generateIssuerKey,
  issueCardQr,
  qrVersionForSegments,
} from '@hirfa/contracts/credential';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { buildApp } from '../src/app.ts';
import { boot, shutdown } from '../src/bootstrap.ts';
import type { CardPrintData } from '../src/modules/cards/pdf/index.ts';
import { renderCardsToStream } from '../src/modules/cards/pdf/index.ts';
import { FAMILY_NAME_ENTRIES, FIRST_NAME_ENTRIES } from '../src/modules/synthetic/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { fmt, line, percentile } from './stats.ts';

const sink = () =>
  new Writable({
    write(_chunk, _enc, cb) {
      cb();
    },
  });

async function renderBench(n: number) {
  const qrText = `HTTPS://HIRFA.MA/V#${'7'.repeat(390)}`;
  function* cards(): Generator<CardPrintData> {
    for (let i = 0; i < n; i++) {
      const f = FIRST_NAME_ENTRIES[i % FIRST_NAME_ENTRIES.length];
      const l = FAMILY_NAME_ENTRIES[(i * 7) % FAMILY_NAME_ENTRIES.length];
      yield {
        serial: `2606${String(i).padStart(7, '0')}`,
        nia: `2606${String(i).padStart(7, '0')}K`,
        kind: 'artisan',
        nameAr: `${f?.ar[0] ?? 'محمد'} ${l?.ar[0] ?? 'العلوي'}`,
        nameLatn: `${f?.latnCin[0] ?? 'Mohamed'} ${l?.latnCin[0] ?? 'Alaoui'}`,
        activityAr: 'نسج الزرابي',
        activityFr: 'Tissage de tapis',
        chamberAr: 'غرفة الصناعة التقليدية لجهة الدار البيضاء - سطات',
        chamberFr: "Chambre d'Artisanat de la Région Casablanca-Settat",
        issuedOn: '2026-11-29',
        validUntil: '2031-11-28',
        verificationCode: 'K7Q4-M2PX',
        photo: null,
        qrText: qrText.slice(0, qrText.length - (i % 7)),
      };
    }
  }
  // Warm-up (fonts parsed, JIT) before both measurements.
  await renderCardsToStream([...cards()].slice(0, 20), 'a4-sheet', sink());
  let t = performance.now();
  for (let i = 0; i < n; i++) {
    const doc = new PDFDocument({ size: [242.65, 153.07], margin: 0 });
    doc.pipe(sink());
    doc.fontSize(10).text(`Card ${i}`, 10, 10);
    doc.end();
    await once(doc, 'end');
  }
  const baseline = n / ((performance.now() - t) / 1000);
  const results: Record<string, number> = {};
  for (const layout of ['a4-sheet', 'card-printer'] as const) {
    t = performance.now();
    await renderCardsToStream(cards(), layout, sink());
    results[layout] = n / ((performance.now() - t) / 1000);
  }
  return { baseline, ...results } as { baseline: number; 'a4-sheet': number; 'card-printer': number };
}

async function httpBench(url: string, body: string | null, total: number, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.request(
        url,
        {
          agent,
          method: body ? 'POST' : 'GET',
          headers: body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
            : {},
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) failures++;
            latencies.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.on('error', () => {
        failures++;
        resolve();
      });
      if (body) req.write(body);
      req.end();
    });
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) await one();
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: total / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), failures };
}

async function verifyBench(total: number) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    SEED_DEMO_REGISTER: 'true',
    VERIFY_RATE_LIMIT: '100000',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  });
  const deps = await boot(config, { work: false, inMemory: true });
  const app = await buildApp(deps);
  app.get('/bench/bare', async () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const [card] = (await deps.database.query<{ serial: string; verification_code: string }>(
    "SELECT serial, verification_code FROM cards WHERE status = 'active' LIMIT 1",
  )) as { serial: string; verification_code: string }[];
  if (!card) throw new Error('no demo card');
  const body = JSON.stringify({ serial: card.serial, code: card.verification_code });
  await httpBench(`http://127.0.0.1:${port}/bench/bare`, null, 500, 16);
  await httpBench(`http://127.0.0.1:${port}/api/v1/verify`, body, 500, 16);
  const bare = await httpBench(`http://127.0.0.1:${port}/bench/bare`, null, total, 16);
  const verify = await httpBench(`http://127.0.0.1:${port}/api/v1/verify`, body, total, 16);
  await app.close();
  await shutdown(deps);
  return { bare, verify, engine: deps.database.engine };
}

function credentialBudget() {
  const baseUrl = 'HTTPS://HIRFA.MA/V';
  const longest = (
    list: readonly { ar: readonly string[]; latnCin: readonly string[] }[],
    key: 'ar' | 'latnCin',
  ) => list.flatMap((e) => e[key]).sort((a, b) => b.length - a.length)[0] ?? '';
  // The longest first name with the longest family name, in each script: the worst case of the data.
  const nameAr = `${longest(FIRST_NAME_ENTRIES, 'ar')} ${longest(FAMILY_NAME_ENTRIES, 'ar')}`;
  const nameLatn = `${longest(FIRST_NAME_ENTRIES, 'latnCin')} ${longest(FAMILY_NAME_ENTRIES, 'latnCin')}`;
  const claims: CardClaims = {
    serial: '26069999999',
    nia: '260699999999K',
    nameAr,
    nameLatn,
    activityCode: 'P14.01',
    kind: 'master_artisan',
    chamberCode: 'CA-MA-12',
    issuedAt: '2026-11-29',
    validFrom: '2026-11-29',
    validUntil: '2031-11-28',
    statusListIndex: 131_071,
  };
  const key = generateIssuerKey();
  const issued = issueCardQr(claims, key, baseUrl);
  const version = QRCode.create(issued.qrText, { errorCorrectionLevel: 'Q' }).version;
  const digits = issued.qrText.length - baseUrl.length - 1;
  const computed = qrVersionForSegments(cardQrSegments(baseUrl, digits));
  return {
    nameAr,
    nameLatn,
    bytes: issued.bytes.length,
    chars: issued.qrText.length,
    version,
    computed,
    abbreviated: issued.claims.abbreviated,
  };
}

export async function runCardBench(): Promise<void> {
  const n = Number(process.env.BENCH_CARDS ?? 2000);
  process.stdout.write(`\n── Cards: rendering (${n} cards) ──\n`);
  const r = await renderBench(n);
  line('baseline: minimal one-page pdfkit documents /s', fmt(r.baseline, 0));
  for (const layout of ['a4-sheet', 'card-printer'] as const) {
    line(`${layout}: cards /s`, fmt(r[layout], 0), `ratio ${fmt(r[layout] / r.baseline, 2)} × baseline`);
  }
  const best = Math.max(r['a4-sheet'], r['card-printer']);
  line('300,000-card first wave, one process (minutes)', fmt(300_000 / best / 60, 1), 'goal < 15');

  const total = Number(process.env.BENCH_REQUESTS ?? 4000);
  process.stdout.write(`\n── Verification API (${total} requests, 16 concurrent, keep-alive) ──\n`);
  const v = await verifyBench(total);
  line(
    `baseline: bare route req/s (${v.engine})`,
    fmt(v.bare.rps, 0),
    `p50 ${fmt(v.bare.p50, 2)} ms, p95 ${fmt(v.bare.p95, 2)} ms`,
  );
  line(
    'POST /api/v1/verify req/s',
    fmt(v.verify.rps, 0),
    `p50 ${fmt(v.verify.p50, 2)} ms, p95 ${fmt(v.verify.p95, 2)} ms`,
  );
  line(
    'ratio verify / bare',
    fmt(v.verify.rps / v.bare.rps, 2),
    `goal ≥ 0.5; failures ${v.bare.failures + v.verify.failures}`,
  );

  process.stdout.write('\n── Credential size for the longest names in the data ──\n');
  const c = credentialBudget();
  line('Arabic name', c.nameAr);
  line('Latin name', c.nameLatn);
  line('credential bytes (COSE_Sign1)', String(c.bytes));
  line('QR text characters (URL included)', String(c.chars));
  line(
    'QR version at level Q (qrcode / computed)',
    `${c.version} / ${c.computed}`,
    `goal ≤ 12; abbreviated ${JSON.stringify(c.abbreviated)}`,
  );
}
