// The public verify page (apps/web/verify.html at /V and /verify) against the built server: a real
// card's QR, issued and signed by the server, checked in Chromium — online, offline after a first
// visit, altered, revoked, from a photo, from the camera, and typed by hand.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { normaliseName } from '@hirfa/contracts/credential';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import {
  CHROMIUM,
  describeViolations,
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousA11yViolations,
  startServer,
} from './harness.ts';

/** The fields of a card (GET /api/v1/cards) this test uses. */
interface Card {
  id: string;
  serial: string;
  nia: string;
  status: string;
  nameAr: string;
  nameLatn: string;
  chamberCode: string;
  verificationCode: string;
  qrText: string;
}

/**
 * The server's side: a chamber agent's session, the demo cards in its chamber, and revocation.
 * The demo data must hold at least two active cards in the agent's chamber.
 */
class Staff {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(base: string, identifier: string, password: string): Promise<Staff> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier, password }),
    });
    assert.equal(res.status, 200, `login as ${identifier}: HTTP ${res.status}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new Staff(base, cookie, csrfToken);
  }

  async activeCards(): Promise<Card[]> {
    const res = await fetch(`${this.base}/api/v1/cards?status=active&limit=20`, {
      headers: { cookie: this.cookie },
    });
    assert.equal(res.status, 200, `GET /api/v1/cards: HTTP ${res.status}`);
    return (await res.json()) as Card[];
  }

  async revoke(card: Card): Promise<void> {
    const res = await fetch(`${this.base}/api/v1/cards/${card.id}/revoke`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'lost', replace: false }),
    });
    assert.equal(res.status, 200, `revoke ${card.serial}: HTTP ${res.status} ${await res.text()}`);
  }
}

/** Run against an already running server (e.g. `npm start`) instead of starting a fresh one. */
const EXTERNAL = process.env.VERIFY_E2E_SERVER_URL;

let server: RunningServer | undefined;
let base: string;
let browser: Browser;
let staff: Staff;
let card: Card;
let spare: Card;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hirfa-verify-e2e-'));

before(async () => {
  if (EXTERNAL) base = EXTERNAL.replace(/\/$/, '');
  else {
    server = await startServer();
    base = server.url;
  }
  browser = await launchBrowser();
  staff = await Staff.login(base, 'agent.casa@hirfa.ma', 'Hirfa-demo-2026');
  const cards = await staff.activeCards();
  assert.ok(cards.length >= 2, 'the demo data must hold two active cards in the agent’s chamber');
  [card, spare] = cards as [Card, Card];
});

after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The QR's fragment; the test serves the page from its own origin whatever base URL the QR names. */
const fragment = (qrText: string) => qrText.slice(qrText.indexOf('#'));
const cardUrl = (c: Card, pathname = '/V') => `${base}${pathname}${fragment(c.qrText)}`;

async function newContext(lng: 'ar' | 'fr', width = 360): Promise<BrowserContext> {
  // bypassCSP lets axe-core be injected; the page itself runs under the server's policy otherwise.
  const context = await browser.newContext({
    viewport: { width, height: 780 },
    locale: lng === 'ar' ? 'ar-MA' : 'fr-FR',
    bypassCSP: true,
  });
  await context.addInitScript((l) => window.localStorage.setItem('hirfa.locale', l), lng);
  return context;
}

async function verdictOf(page: Page): Promise<string> {
  const verdict = page.locator('[data-testid="verdict"]');
  await verdict.waitFor({ timeout: 30_000 });
  return (await verdict.getAttribute('data-verdict')) ?? '';
}

async function assertFitsAndAccessible(page: Page, name: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()?.width ?? 0;
  assert.ok(width <= viewport, `${name}: no horizontal overflow (got ${width} > ${viewport})`);
  await screenshot(page, name);
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], `${name}:\n${describeViolations(violations)}`);
}

const squash = (s: string) => s.replace(/…$/, '').trim();

test('opened from the card QR, even lower-cased by a camera app: valid, names and chamber', async () => {
  for (const lng of ['fr', 'ar'] as const) {
    const context = await newContext(lng);
    const page = await context.newPage();
    await page.goto(cardUrl(card));
    assert.equal(await verdictOf(page), 'valid');
    assert.equal(await page.getAttribute('html', 'lang'), lng);
    assert.equal(await page.getAttribute('html', 'dir'), lng === 'ar' ? 'rtl' : 'ltr');
    const latin = squash((await page.textContent('[data-testid="card-name-latn"]')) ?? '');
    const arabic = squash((await page.textContent('[data-testid="card-name-ar"]')) ?? '');
    assert.ok(latin && normaliseName(card.nameLatn, 'latn').startsWith(latin), `Latin name: ${latin}`);
    assert.ok(arabic && normaliseName(card.nameAr, 'ar').startsWith(arabic), `Arabic name: ${arabic}`);
    // The names of chambers and activities arrive with the reference data, maybe after the verdict.
    const named = await page
      .waitForFunction(
        (code) => !document.querySelector('[data-testid="card-chamber"]')?.textContent?.includes(code),
        card.chamberCode,
        { timeout: 15_000 },
      )
      .then(
        () => true,
        () => false,
      );
    const chamber = (await page.textContent('[data-testid="card-chamber"]')) ?? '';
    assert.ok(named && chamber.length > 8, `the chamber is shown by its name: ${chamber}`);
    assert.equal(await page.textContent('[data-testid="card-serial"]'), card.serial);
    assert.equal(await page.getAttribute('[data-testid="verdict-status"]', 'data-status'), 'lists');
    // Minimal data (Law 09-08): names, kind, activity, chamber, validity, card number; not the NIA.
    assert.ok(!((await page.textContent('body')) ?? '').includes(card.nia), 'the NIA is not shown');
    // The announcement for screen readers carries the verdict.
    const announced = (await page.textContent('[data-testid="announcer"]')) ?? '';
    assert.ok(announced.includes((await page.textContent('[data-testid="verdict-title"]')) ?? '?'));
    await assertFitsAndAccessible(page, `verify-valid-${lng}-360`);

    // Camera apps may lower-case the whole URL: the path /v serves the same page.
    await page.goto(cardUrl(card).toLowerCase());
    assert.match(page.url(), /\/v#\d+$/);
    assert.equal(await verdictOf(page), 'valid');
    await context.close();
  }
});

test('one altered digit: damaged, and nothing of the card is shown', async () => {
  const q = fragment(card.qrText);
  const at = q.length - 25;
  const altered = `${q.slice(0, at)}${q[at] === '7' ? '3' : '7'}${q.slice(at + 1)}`;
  for (const lng of ['fr', 'ar'] as const) {
    const context = await newContext(lng);
    const page = await context.newPage();
    await page.goto(`${base}/V${altered}`);
    assert.equal(await verdictOf(page), 'damaged');
    assert.equal(await page.locator('[data-testid="card-details"]').count(), 0);
    await assertFitsAndAccessible(page, `verify-damaged-${lng}-360`);
    await page.click('[data-testid="scan-another"]');
    await page.waitForSelector('[data-testid="scan-photo"]', { state: 'attached' });
    assert.equal(new URL(page.url()).hash, '', 'the altered code is dropped from the address');
    await context.close();
  }
});

test('after a first visit, it verifies with no network and says when the lists were saved', async () => {
  const context = await newContext('fr');
  const page = await context.newPage();
  await page.goto(cardUrl(card));
  assert.equal(await verdictOf(page), 'valid');
  // Both workers (scopes /V and /v) installed and active, the offline data of every chamber saved.
  await page.waitForFunction(
    async () => {
      const registrations = await navigator.serviceWorker.getRegistrations();
      return registrations.length === 2 && registrations.every((r) => r.active?.state === 'activated');
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.goto(`${base}/verify`);
  await page.waitForSelector('[data-testid="offline-readiness"][data-ready="yes"]', { timeout: 30_000 });

  await context.setOffline(true);
  const response = await page.goto(cardUrl(card));
  assert.ok(response?.fromServiceWorker(), 'the page comes from the service worker');
  assert.equal(await verdictOf(page), 'valid');
  const status = page.locator('[data-testid="verdict-status"]');
  assert.equal(await status.getAttribute('data-status'), 'lists');
  assert.match((await status.textContent()) ?? '', /Sans réseau : listes enregistrées sur ce téléphone le /);
  await assertFitsAndAccessible(page, 'verify-offline-fr-360');

  // The lower-case path and the installed app's start page open offline too.
  await page.goto(`${base}/v${fragment(card.qrText)}`);
  assert.equal(await verdictOf(page), 'valid');
  await page.goto(`${base}/verify`);
  await page.waitForSelector('[data-testid="offline-readiness"][data-ready="yes"]');
  assert.match(
    (await page.textContent('[data-testid="offline-readiness"]')) ?? '',
    /Pas de réseau.*Prêt sans réseau/s,
  );
  // Typing the serial needs the network: the page says so and keeps what was typed.
  await page.click('[data-testid="type-code"]');
  await page.fill('[data-testid="manual-serial"]', card.serial);
  await page.fill('[data-testid="manual-code"]', card.verificationCode);
  await page.click('[data-testid="manual-submit"]');
  await page.waitForSelector('[data-testid="manual-error"]');
  assert.equal(await page.inputValue('[data-testid="manual-serial"]'), card.serial);
  await context.close();
});

/** A photo-like picture: the QR small and off-centre on a grey "table", with a white "card" around it. */
async function photoOfQr(qrText: string): Promise<Buffer> {
  const qr = PNG.sync.read(await QRCode.toBuffer(qrText, { errorCorrectionLevel: 'Q', margin: 4, scale: 5 }));
  const photo = new PNG({ width: 1400, height: 1000 });
  for (let i = 0; i < photo.data.length; i += 4) {
    photo.data[i] = 150;
    photo.data[i + 1] = 140;
    photo.data[i + 2] = 130;
    photo.data[i + 3] = 255;
  }
  const ox = 520;
  const oy = 300;
  for (let y = -40; y < qr.height + 40; y++) {
    for (let x = -40; x < qr.width + 200; x++) {
      const inQr = x >= 0 && y >= 0 && x < qr.width && y < qr.height;
      const src = inQr ? (y * qr.width + x) * 4 : -1;
      const dst = ((oy + y) * photo.width + (ox + x)) * 4;
      const value = inQr ? (qr.data[src] as number) : 245;
      photo.data[dst] = value;
      photo.data[dst + 1] = value;
      photo.data[dst + 2] = value;
    }
  }
  return PNG.sync.write(photo);
}

test('a photo of the card: the QR is found in the picture and the card is valid', async () => {
  const context = await newContext('ar');
  const page = await context.newPage();
  await page.goto(`${base}/verify`);
  await page.setInputFiles('[data-testid="scan-photo"]', {
    name: 'card.png',
    mimeType: 'image/png',
    buffer: await photoOfQr(card.qrText),
  });
  assert.equal(await verdictOf(page), 'valid');
  assert.equal(await page.textContent('[data-testid="card-serial"]'), card.serial);

  // A picture without a QR code: the page says what to do, in Arabic.
  await page.click('[data-testid="scan-another"]');
  const blank = new PNG({ width: 200, height: 200 });
  blank.data.fill(255);
  await page.setInputFiles('[data-testid="scan-photo"]', {
    name: 'blank.png',
    mimeType: 'image/png',
    buffer: PNG.sync.write(blank),
  });
  await page.waitForSelector('[data-testid="home-notice"]');
  await assertFitsAndAccessible(page, 'verify-home-photo-not-found-ar-360');
  await context.close();
});

/** A Y4M video (what Chromium's fake camera plays) showing the QR, 640×480, grey levels only. */
function qrVideo(qrText: string): string {
  const qr = QRCode.create(qrText, { errorCorrectionLevel: 'Q' });
  const size = qr.modules.size;
  const W = 640;
  const H = 480;
  const scale = Math.floor((H - 40) / (size + 8));
  const offX = Math.floor((W - scale * size) / 2);
  const offY = Math.floor((H - scale * size) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++)
        y.fill(
          16,
          (offY + r * scale + dy) * W + offX + c * scale,
          (offY + r * scale + dy) * W + offX + (c + 1) * scale,
        );
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = path.join(tmp, 'qr.y4m');
  fs.writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]),
  );
  return file;
}

test('scanning with the camera (a fake camera showing the card QR): valid', async () => {
  const camera = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${qrVideo(spare.qrText)}`,
    ],
  });
  try {
    const context = await camera.newContext({ viewport: { width: 360, height: 780 }, locale: 'fr-FR' });
    await context.grantPermissions(['camera'], { origin: base });
    const page = await context.newPage();
    await page.goto(`${base}/verify`);
    await page.click('[data-testid="scan-camera"]');
    assert.equal(await verdictOf(page), 'valid');
    assert.equal(await page.textContent('[data-testid="card-serial"]'), spare.serial);
  } finally {
    await camera.close();
  }
});

test('typing the serial and verification code: checked online by the server', async () => {
  const context = await newContext('fr');
  const page = await context.newPage();
  await page.goto(`${base}/verify`);
  await page.click('[data-testid="type-code"]');
  await page.click('[data-testid="manual-submit"]');
  await page.waitForSelector('[data-testid="manual-error"]');
  await page.fill('[data-testid="manual-serial"]', card.serial);
  await page.fill('[data-testid="manual-code"]', card.verificationCode.toLowerCase());
  await page.click('[data-testid="manual-submit"]');
  assert.equal(await verdictOf(page), 'valid');
  assert.equal(await page.getAttribute('[data-testid="verdict-status"]', 'data-status'), 'online');
  assert.equal(await page.textContent('[data-testid="card-serial"]'), card.serial);

  await page.click('[data-testid="scan-another"]');
  await page.click('[data-testid="type-code"]');
  await page.fill('[data-testid="manual-serial"]', card.serial);
  await page.fill('[data-testid="manual-code"]', 'ZZZZ-ZZZZ');
  await page.click('[data-testid="manual-submit"]');
  assert.equal(await verdictOf(page), 'not_found');
  await assertFitsAndAccessible(page, 'verify-not-found-fr-360');
  // Back to the form to correct it: what was typed is still there.
  await page.click('[data-testid="edit-typed"]');
  assert.equal(await page.inputValue('[data-testid="manual-serial"]'), card.serial);
  assert.equal(await page.inputValue('[data-testid="manual-code"]'), 'ZZZZ-ZZZZ');
  await context.close();
});

test('a revoked card: revoked, once the chamber’s list is published', async () => {
  await staff.revoke(spare);
  for (const lng of ['ar', 'fr'] as const) {
    const context = await newContext(lng);
    const page = await context.newPage();
    // The server publishes the lists within seconds of a revocation; the page downloads them anew
    // at each check (a reload: going to the same URL again would only move to the fragment).
    const deadline = Date.now() + 90_000;
    await page.goto(cardUrl(spare));
    let verdict = await verdictOf(page);
    while (verdict !== 'revoked' && Date.now() < deadline) {
      await page.waitForTimeout(1_000);
      await page.reload();
      verdict = await verdictOf(page);
    }
    assert.equal(verdict, 'revoked');
    assert.equal(await page.getAttribute('[data-testid="verdict-status"]', 'data-status'), 'lists');
    assert.equal(await page.textContent('[data-testid="card-serial"]'), spare.serial);
    await assertFitsAndAccessible(page, `verify-revoked-${lng}-360`);
    await context.close();
  }
});
