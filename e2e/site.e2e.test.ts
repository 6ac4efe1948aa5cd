import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  describeViolations,
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousA11yViolations,
  startServer,
} from './harness.ts';

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

async function newPage(width: number): Promise<Page> {
  // bypassCSP lets axe-core be injected; the app itself runs under its real policy otherwise.
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    locale: 'fr-FR',
    bypassCSP: true,
  });
  return context.newPage();
}

test('first visit is in Arabic, right to left; the switcher flips the direction and is remembered', async () => {
  const page = await newPage(1280);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="lang-ar"]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');

  await page.click('[data-testid="lang-fr"]');
  await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.reload();
  await page.waitForSelector('[data-testid="lang-ar"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'the choice survives a reload');

  await page.click('[data-testid="lang-ar"]');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await screenshot(page, 'home-ar-1280');
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await page.context().close();
});

test('the reference pages show the 12 regions and the chambers in the chosen language', async () => {
  const page = await newPage(360);
  await page.goto(`${server.url}/reference/regions`);
  await page.waitForSelector('[data-testid="regions-table"]');
  const table = page.locator('[data-testid="regions-table"]');
  await table.getByText('الدار البيضاء - سطات').first().waitFor();
  assert.equal(await table.locator('tbody tr').count(), 12);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 360, `no horizontal overflow at 360 px (got ${scrollWidth})`);
  await screenshot(page, 'regions-ar-360');
  await page.click('[data-testid="lang-fr"]');
  await table.getByText('Casablanca-Settat').first().waitFor();
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));

  await page.goto(`${server.url}/reference/chambers`);
  const chambers = page.locator('[data-testid="chambers-table"]');
  await chambers.waitFor();
  assert.equal(await chambers.locator('tbody tr').count(), 13);
  await page.context().close();
});

test('a chamber agent signs in, sees the back office of their chamber, and signs out', async () => {
  const page = await newPage(1280);
  await page.goto(`${server.url}/login`);
  await page.click('[data-testid="lang-ar"]');
  await page.fill('[data-testid="login-identifier"]', 'agent.casa@hirfa.ma');
  await page.fill('[data-testid="login-password"]', 'wrong-password');
  await page.click('[data-testid="login-submit"]');
  await page.getByText('المعرّف أو كلمة المرور غير صحيحة').waitFor();
  assert.equal(
    await page.inputValue('[data-testid="login-identifier"]'),
    'agent.casa@hirfa.ma',
    'nothing typed is lost',
  );

  await page.fill('[data-testid="login-password"]', 'Hirfa-demo-2026');
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="office-shell"]');
  assert.match(page.url(), /\/office/);
  assert.match((await page.textContent('[data-testid="user-name"]')) ?? '', /Fatima Zahra Alaoui/);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await screenshot(page, 'office-ar-1280');
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));

  // An agent is not an auditor: the audit trail is refused in the page, not only by the API.
  await page.goto(`${server.url}/office/audit`);
  await page.waitForSelector('[data-testid="forbidden"]');

  await page.goto(`${server.url}/office`);
  await page.click('[data-testid="logout"]');
  await page.waitForURL((u) => !u.pathname.startsWith('/office'));
  await page.goto(`${server.url}/office`);
  await page.waitForURL(/\/login/);
  await page.context().close();
});

test('the artisan signs in with a phone number on a 360 px screen and reaches the portal', async () => {
  const page = await newPage(360);
  await page.goto(`${server.url}/login`);
  await page.fill('[data-testid="login-identifier"]', '06 12 34 56 78');
  await page.fill('[data-testid="login-password"]', 'Hirfa-demo-2026');
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="portal-shell"]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 360, `no horizontal overflow at 360 px (got ${scrollWidth})`);
  await screenshot(page, 'portal-ar-360');
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await page.context().close();
});
