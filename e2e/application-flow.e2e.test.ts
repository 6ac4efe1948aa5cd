// Run: node scripts/build.mjs && node --import tsx --test e2e/application-flow.e2e.test.ts
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { pdfBytes, pngBytes } from '../apps/server/test/fixtures.ts';
import {
  describeViolations,
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousA11yViolations,
  startServer,
} from './harness.ts';

const PASSWORD = 'Hirfa-demo-2026';

let server: RunningServer;
let browser: Browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(width: number, height = 800): Promise<Page> {
  // bypassCSP lets axe-core be injected; the app itself runs under its real policy otherwise.
  const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  // Right after start the server is busy with the demo register (card PDFs, status lists).
  page.setDefaultTimeout(30_000);
  return page;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], `${where}:\n${describeViolations(violations)}`);
}

async function expectNoSidewaysScroll(page: Page, width: number, where: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${where}: no horizontal overflow at ${width} px (got ${scrollWidth})`);
}

async function chooseLanguage(page: Page, lang: 'ar' | 'fr'): Promise<void> {
  await page.click(`[data-testid="lang-${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function login(page: Page, identifier: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.fill('[data-testid="login-identifier"]', identifier);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
}

/** A fresh artisan account, so the test does not depend on the demo data. */
async function signUp(page: Page, name: string): Promise<string> {
  const phone = `06${String(randomInt(10_000_000, 99_999_999))}`;
  await page.goto(`${server.url}/signup`);
  await page.fill('[data-testid="signup-name"]', name);
  await page.fill('[data-testid="signup-phone"]', phone);
  await page.fill('[data-testid="signup-password"]', PASSWORD);
  await page.click('[data-testid="signup-submit"]');
  await page.waitForSelector('[data-testid="portal-shell"]');
  return phone;
}

const field = (path: string) => `[data-testid="field-${path}"]`;

async function next(page: Page, urlPart?: RegExp): Promise<void> {
  await page.click('[data-testid="apply-next"]');
  if (urlPart) await page.waitForURL(urlPart);
}

async function upload(page: Page, type: string, name: string, mimeType: string, buffer: Buffer) {
  await page.setInputFiles(`[data-testid="doc-upload-${type}"]`, { name, mimeType, buffer });
  await page.waitForSelector(`[data-testid="doc-${type}"][data-uploaded="yes"]`);
}

function randomCin(): string {
  return `ZT${String(randomInt(100_000, 999_999))}`;
}

test('an artisan applies from a phone in Arabic, the chamber asks for a piece, the artisan answers, the agent approves, the NIA appears', async () => {
  // ── The artisan, on a 360 px phone, in Arabic (the first-visit language). ─────────────
  const artisan = await newPage(360);
  await signUp(artisan, 'سعاد الإدريسي');
  assert.equal(await artisan.getAttribute('html', 'lang'), 'ar');
  await artisan.waitForSelector('[data-testid="apply-start"]');
  await screenshot(artisan, 'portal-empty-ar-360');
  await artisan.click('[data-testid="apply-start"]');

  // 1. Kind
  await artisan.waitForSelector('[data-testid="apply-kind-artisan"]');
  await next(artisan);
  await artisan.getByRole('alert').first().waitFor(); // nothing chosen: said so, not a dead button
  await artisan.click('[data-testid="apply-kind-artisan"]');
  await expectNoSidewaysScroll(artisan, 360, 'kind');
  await screenshot(artisan, 'apply-1-kind-ar-360');
  await expectAccessible(artisan, 'wizard: kind');
  await next(artisan);

  // 2. Workshop: region, then province
  await artisan.click('[data-testid="apply-region-MA-06"]');
  await artisan.click('[data-testid="apply-province-MA-CAS"]');
  await artisan.fill(field('workshop.addressAr'), 'حي الحبوس، الدار البيضاء');
  await screenshot(artisan, 'apply-2-workshop-ar-360');
  await expectAccessible(artisan, 'wizard: workshop');
  await next(artisan, /\/portal\/apply\/[0-9a-f-]+\/identity$/);

  // 3. Identity, as on the CIN
  const cin = randomCin();
  await artisan.fill(field('person.cin'), cin.toLowerCase());
  assert.equal(await artisan.inputValue(field('person.cin')), cin, 'the CIN is written in capitals');
  await artisan.fill(field('person.firstNameAr'), 'سعاد');
  await artisan.fill(field('person.lastNameAr'), 'الإدريسي');
  await artisan.fill(field('person.firstNameLatn'), 'Souad');
  await artisan.fill(field('person.lastNameLatn'), 'El Idrissi');
  await artisan.fill(field('person.birthDate-day'), '14');
  await artisan.fill(field('person.birthDate-month'), '3');
  await artisan.fill(field('person.birthDate-year'), '1984');
  await artisan.click(field('person.gender-F'));
  await expectNoSidewaysScroll(artisan, 360, 'identity');
  await screenshot(artisan, 'apply-3-identity-ar-360');
  await expectAccessible(artisan, 'wizard: identity');
  await next(artisan, /\/contact$/);

  // 4. Contact: the account's phone is already there
  assert.match(await artisan.inputValue(field('person.phone')), /\d{9}/);
  await artisan.fill(field('person.addressAr'), 'درب السلطان، الدار البيضاء');
  await artisan.fill(field('person.addressFr'), 'Derb Sultan, Casablanca');
  await artisan.fill(field('person.postalCode'), '20250');
  await screenshot(artisan, 'apply-4-contact-ar-360');
  await next(artisan, /\/activity$/);

  // 5. Activity, found by a word
  await artisan.fill('[data-testid="activity-search"]', 'زرابي');
  await artisan.click('[data-testid="activity-option-P01.01"]');
  await screenshot(artisan, 'apply-5-activity-ar-360');
  await expectAccessible(artisan, 'wizard: activity');
  await next(artisan, /\/qualification$/);

  // 6. Qualification
  await artisan.click(field('qualification.basis-practice_attestation'));
  await artisan.fill(field('qualification.yearsOfPractice'), '8');
  await screenshot(artisan, 'apply-6-qualification-ar-360');
  await next(artisan, /\/documents$/);

  // 7. Documents: real PDF and PNG files, checked by the server from their bytes
  await upload(artisan, 'cin_copy', 'cin.pdf', 'application/pdf', pdfBytes('CIN'));
  await upload(artisan, 'photo', 'photo.png', 'image/png', pngBytes());
  await upload(
    artisan,
    'practice_attestation',
    'attestation.pdf',
    'application/pdf',
    pdfBytes('attestation'),
  );
  await expectNoSidewaysScroll(artisan, 360, 'documents');
  await screenshot(artisan, 'apply-7-documents-ar-360');
  await expectAccessible(artisan, 'wizard: documents');
  await next(artisan, /\/review$/);

  // 8. Review and send
  await artisan.waitForSelector('[data-testid="review-ready"]');
  await screenshot(artisan, 'apply-8-review-ar-360');
  await expectAccessible(artisan, 'wizard: review');
  await artisan.click('[data-testid="apply-submit"]');
  await artisan.waitForURL(/\/portal\/files\/[0-9a-f-]+$/);
  await artisan.waitForSelector('[data-testid="file-state"][data-value="submitted"]');
  const fileUrl = artisan.url();
  const fileNumber = ((await artisan.textContent('[data-testid="file-number"]')) ?? '').trim();
  assert.match(fileNumber, /^RNA-06-\d{4}-\d{6}$/);
  await screenshot(artisan, 'file-submitted-ar-360');
  await expectAccessible(artisan, 'file page');

  // ── The Casablanca agent, at a desk (1280 px), in French. ──────────────────────────────
  const agent = await newPage(1280, 900);
  await login(agent, 'agent.casa@hirfa.ma');
  await agent.waitForSelector('[data-testid="office-shell"]');
  await chooseLanguage(agent, 'fr');
  await agent.click('[data-testid="nav-applications"]');
  await agent.waitForSelector('[data-testid="queue-table"]');
  // Filter as an agent would: unassigned files just sent. The queue is oldest first, and the
  // demo register fills it, so the new file is on the last page.
  await agent.click('[data-testid="queue-filter-assignee"] >> text=Personne');
  await agent.waitForURL(/assignee=none/);
  await agent.goto(`${server.url}/office/applications?state=submitted&assignee=none`);
  const total = Number(await agent.getAttribute('[data-testid="queue-count"]', 'data-total'));
  if (total > 25)
    await agent.goto(
      `${server.url}/office/applications?state=submitted&assignee=none&page=${Math.ceil(total / 25)}`,
    );
  const row = agent.locator(`[data-testid="queue-row-${fileNumber}"]`);
  await row.waitFor();
  await screenshot(agent, 'queue-fr-1280');
  await expectAccessible(agent, 'queue');
  await row.getByRole('link', { name: fileNumber }).click();
  await agent.waitForSelector('[data-testid="app-state"][data-value="submitted"]');
  await agent.waitForSelector('[data-testid="rules-summary"]');
  await screenshot(agent, 'application-submitted-fr-1280');
  await expectAccessible(agent, 'application page');

  await agent.click('[data-testid="action-assign"]');
  await agent.waitForSelector('[data-testid="action-unassign"]');
  await agent.click('[data-testid="action-request_info"]');
  await agent.click('[data-testid="confirm"]'); // empty message: refused here, before the server
  await agent.getByText('Écrivez au demandeur ce qui manque.').first().waitFor();
  const request =
    'La photo est floue : envoyez une photo nette, de face. / الصورة غير واضحة: أرسلي صورة واضحة.';
  await agent.fill('[data-testid="request-message"]', request);
  await screenshot(agent, 'application-request-fr-1280');
  await agent.click('[data-testid="confirm"]');
  await agent.waitForSelector('[data-testid="app-state"][data-value="incomplete"]');

  // ── The artisan reads the request, sends a new photo, sends the file again. ────────────
  await artisan.goto(fileUrl);
  await artisan.waitForSelector('[data-testid="file-state"][data-value="incomplete"]');
  assert.match((await artisan.textContent('[data-testid="file-request"]')) ?? '', /صورة واضحة/);
  await screenshot(artisan, 'file-incomplete-ar-360');
  await expectAccessible(artisan, 'file page, incomplete');
  await upload(artisan, 'photo', 'photo-nette.png', 'image/png', pngBytes());
  await artisan.waitForSelector('[data-testid="doc-photo"] >> text=photo-nette.png');
  await artisan.click('[data-testid="file-resubmit"]');
  await artisan.waitForSelector('[data-testid="file-state"][data-value="resubmitted"]');
  await artisan.waitForSelector('[data-testid="file-sent"]');

  // ── The agent examines, decides on possible duplicates, and approves. ─────────────────
  await agent.reload();
  await agent.waitForSelector('[data-testid="app-state"][data-value="resubmitted"]');
  await agent.click('[data-testid="action-start_review"]');
  await agent.waitForSelector('[data-testid="app-state"][data-value="under_review"]');
  await agent.waitForSelector('[data-testid="dup-none"], [data-testid^="dup-not_duplicate-"]');
  for (const button of await agent.locator('[data-testid^="dup-not_duplicate-"]').all()) {
    await button.click();
  }
  await agent.waitForSelector('[data-testid="duplicates-pending"]', { state: 'detached' });
  await agent.click('[data-testid="action-approve"]');
  await agent.click('[data-testid="confirm"]');
  await agent.waitForSelector('[data-testid="app-state"][data-value="approved"]');
  const nia = ((await agent.textContent('[data-testid="app-nia"] .mono')) ?? '').trim();
  assert.match(nia, /^\d{4}\d{7}[0-9A-Z]$/);
  await screenshot(agent, 'application-approved-fr-1280');

  // The register entry, with its first version.
  await agent.click('[data-testid="app-entry-link"]');
  await agent.waitForSelector('[data-testid="entry-nia"]');
  assert.equal((await agent.textContent('[data-testid="entry-nia"]'))?.trim(), nia);
  await screenshot(agent, 'registration-fr-1280');
  await expectAccessible(agent, 'registration page');

  // Its lifecycle: a suspension with its reason and end date, then lifted; both stay in the history.
  await agent.click('[data-testid="lifecycle-suspend"]');
  await agent.fill('[data-testid="lifecycle-reason"]', 'Contrôle de l’atelier en cours');
  await agent.fill('[data-testid="lifecycle-until"]', '2030-01-31');
  await agent.click('[data-testid="lifecycle-submit"]');
  await agent.waitForSelector('[data-testid="entry-status"][data-value="suspended"]');
  await agent.waitForSelector('[data-testid="entry-version-2"] [data-testid="change-status"]');
  await screenshot(agent, 'registration-suspended-fr-1280');
  await agent.click('[data-testid="lifecycle-lift_suspension"]');
  await agent.click('[data-testid="lifecycle-submit"]');
  await agent.waitForSelector('[data-testid="entry-status"][data-value="active"]');
  await agent.waitForSelector('[data-testid="entry-version-3"]');

  // ── The NIA appears in the artisan's portal. ──────────────────────────────────────────
  await artisan.goto(fileUrl);
  await artisan.waitForSelector('[data-testid="file-state"][data-value="approved"]');
  assert.equal((await artisan.textContent('[data-testid="file-nia"]'))?.trim(), nia);
  await screenshot(artisan, 'file-approved-ar-360');
  await artisan.goto(`${server.url}/portal`);
  await artisan.waitForSelector('[data-testid="portal-entry"]');
  assert.equal((await artisan.textContent('[data-testid="entry-nia"]'))?.trim(), nia);
  await expectNoSidewaysScroll(artisan, 360, 'portal home');
  await screenshot(artisan, 'portal-registered-ar-360');
  await expectAccessible(artisan, 'portal with an entry');

  await artisan.context().close();
  await agent.context().close();
});

test('the same screens in French on a wide screen (a cooperative applies) and in Arabic on the agent’s phone', async () => {
  const rep = await newPage(1280, 900);
  await signUp(rep, 'Khadija Benali');
  await chooseLanguage(rep, 'fr');
  await rep.click('[data-testid="apply-start"]');
  await rep.click('[data-testid="apply-kind-cooperative"]');
  await screenshot(rep, 'apply-1-kind-fr-1280');
  await expectAccessible(rep, 'wizard fr: kind');
  await next(rep);
  await rep.click('[data-testid="apply-region-MA-06"]');
  await rep.click('[data-testid="apply-province-MA-SET"]');
  await screenshot(rep, 'apply-2-workshop-fr-1280');
  await next(rep, /\/identity$/);
  await rep.fill(field('person.cin'), randomCin());
  await rep.fill(field('person.firstNameAr'), 'خديجة');
  await rep.fill(field('person.lastNameAr'), 'بنعلي');
  await rep.fill(field('person.firstNameLatn'), 'Khadija');
  await rep.fill(field('person.lastNameLatn'), 'Benali');
  await rep.fill(field('person.birthDate-day'), '2');
  await rep.fill(field('person.birthDate-month'), '11');
  await rep.fill(field('person.birthDate-year'), '1979');
  await rep.click(field('person.gender-F'));
  await screenshot(rep, 'apply-3-identity-fr-1280');
  await next(rep, /\/contact$/);
  await next(rep, /\/activity$/);
  await rep.fill('[data-testid="activity-search"]', 'tapis');
  await rep.click('[data-testid="activity-option-P01.01"]');
  await screenshot(rep, 'apply-5-activity-fr-1280');
  await next(rep, /\/organisation$/);
  await rep.fill(field('organisation.nameAr'), 'تعاونية النسيج سطات');
  await rep.fill(field('organisation.nameFr'), 'Coopérative du tissage de Settat');
  await rep.fill(field('organisation.coopRegisterNumber'), 'COOP-SET-2019-114');
  await screenshot(rep, 'apply-6-organisation-fr-1280');
  await expectAccessible(rep, 'wizard fr: organisation');
  await next(rep, /\/documents$/);
  await upload(rep, 'cin_copy', 'cin.pdf', 'application/pdf', pdfBytes('CIN'));
  await screenshot(rep, 'apply-7-documents-fr-1280');
  // Going to the review with a piece missing: the review says what and links to the screen.
  await next(rep, /\/review$/);
  await rep.waitForSelector('[data-testid="review-fix-documents"]');
  await screenshot(rep, 'apply-8-review-missing-fr-1280');
  await expectAccessible(rep, 'wizard fr: review with failures');
  await rep.click('[data-testid="review-fix-documents"]');
  await rep.waitForURL(/\/documents$/);
  await upload(rep, 'cooperative_papers', 'statuts.pdf', 'application/pdf', pdfBytes('statuts'));
  await next(rep, /\/review$/);
  await rep.waitForSelector('[data-testid="review-ready"]');
  await rep.click('[data-testid="apply-submit"]');
  await rep.waitForSelector('[data-testid="file-state"][data-value="submitted"]');
  const fileNumber = ((await rep.textContent('[data-testid="file-number"]')) ?? '').trim();
  await screenshot(rep, 'file-submitted-fr-1280');
  await expectAccessible(rep, 'file page fr');

  // The agent on a phone, in Arabic: the queue scrolls inside its own box, the page does not.
  const agent = await newPage(360);
  await login(agent, 'agent.casa@hirfa.ma');
  await agent.waitForSelector('[data-testid="office-shell"]');
  await chooseLanguage(agent, 'ar');
  await agent.goto(`${server.url}/office/applications?kind=cooperative&state=submitted`);
  await agent.waitForSelector('[data-testid="queue-table"]');
  await expectNoSidewaysScroll(agent, 360, 'queue on a phone');
  await screenshot(agent, 'queue-ar-360');
  await expectAccessible(agent, 'queue ar');
  const total = Number(await agent.getAttribute('[data-testid="queue-count"]', 'data-total'));
  if (total > 25)
    await agent.goto(
      `${server.url}/office/applications?kind=cooperative&state=submitted&page=${Math.ceil(total / 25)}`,
    );
  await agent.locator(`[data-testid="queue-row-${fileNumber}"]`).getByRole('link').click();
  await agent.waitForSelector('[data-testid="app-state"][data-value="submitted"]');
  await expectNoSidewaysScroll(agent, 360, 'application page on a phone');
  await screenshot(agent, 'application-ar-360');
  await expectAccessible(agent, 'application page ar');
  await rep.context().close();
  await agent.context().close();
});

test('at the counter, an agent files for an artisan on one screen with the keyboard and prints the receipt', async () => {
  const agent = await newPage(1280, 900);
  await login(agent, 'agent.casa@hirfa.ma');
  await agent.waitForSelector('[data-testid="office-shell"]');
  await chooseLanguage(agent, 'fr');
  await agent.click('[data-testid="nav-new"]');
  await agent.waitForSelector('[data-testid="counter-form"]');
  await agent.click('[data-testid="field-workshop.provinceCode"]');
  await agent.getByRole('option', { name: /Mohammedia/ }).click();
  await agent.fill(field('person.cin'), randomCin());
  await agent.fill(field('person.firstNameAr'), 'عبد الله');
  await agent.fill(field('person.lastNameAr'), 'الفاسي');
  await agent.fill(field('person.firstNameLatn'), 'Abdellah');
  await agent.fill(field('person.lastNameLatn'), 'El Fassi');
  // Day, month, year follow each other with Tab, as an agent types them from the CIN.
  await agent.focus(field('person.birthDate-day'));
  await agent.keyboard.type('7');
  await agent.keyboard.press('Tab');
  await agent.keyboard.type('9');
  await agent.keyboard.press('Tab');
  await agent.keyboard.type('1968');
  await agent.click(field('person.gender-M'));
  // No phone of his own: a relative's number, so the chamber can reach him.
  await agent.fill(field('person.phone'), '0661 23 45 67');
  await agent.click(field('activities.primary'));
  await agent.getByRole('option', { name: /P04\.04/ }).click();
  await agent.click(field('qualification.basis-practice_attestation'));
  await agent.fill(field('qualification.yearsOfPractice'), '30');
  await screenshot(agent, 'counter-new-fr-1280');
  await expectAccessible(agent, 'counter');
  await agent.keyboard.press('Control+s'); // saves, like the button
  await agent.waitForURL(/\/office\/applications\/[0-9a-f-]+\/edit$/);
  await agent.waitForSelector('[data-testid="counter-created"]');

  await upload(agent, 'cin_copy', 'cin-scan.pdf', 'application/pdf', pdfBytes('CIN'));
  await upload(agent, 'photo', 'webcam.png', 'image/png', pngBytes());
  await upload(agent, 'practice_attestation', 'attestation.pdf', 'application/pdf', pdfBytes('attestation'));
  await agent.waitForSelector('[data-testid="counter-failures"]', { state: 'detached' });
  await screenshot(agent, 'counter-documents-fr-1280');
  await agent.click('[data-testid="counter-submit"]');
  await agent.waitForURL(/\/receipt$/);
  await agent.waitForSelector('[data-testid="receipt"]');
  const number = ((await agent.textContent('[data-testid="receipt-number"]')) ?? '').trim();
  assert.match(number, /^RNA-06-\d{4}-\d{6}$/);
  // The sheet is in Arabic first, whatever the agent's screen; French on request.
  assert.equal(await agent.getAttribute('[data-testid="receipt"]', 'dir'), 'rtl');
  await screenshot(agent, 'receipt-ar-1280');
  await expectAccessible(agent, 'receipt');
  await agent.click('[data-testid="receipt-lang-fr"]');
  await agent.waitForSelector('[data-testid="receipt"][lang="fr"]');
  await screenshot(agent, 'receipt-fr-1280');
  // On paper: the receipt alone, without the back office around it.
  await agent.emulateMedia({ media: 'print' });
  assert.equal(await agent.isVisible('[data-testid="receipt-print"]'), false);
  assert.equal(await agent.isVisible('[data-testid="nav-applications"]'), false);
  await screenshot(agent, 'receipt-print-fr');
  await agent.context().close();
});
