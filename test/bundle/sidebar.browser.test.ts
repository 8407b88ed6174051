// The 空き枠 sidebar in real headless Chromium (see sidebarPage.ts): clicked through as staff
// with a mouse do. The keyboard-only booking and the accessibility check are in
// sidebar.a11y.browser.test.ts.
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { normalizeTime } from '../../src/core/normalize';
import { BOOKING } from '../../src/core/schema';
import { tryDayOf } from '../../src/core/time';
import { bookings } from './helpers';
import {
  CHROMIUM,
  hasChromium,
  onCi,
  type OpenSidebar,
  openSidebar,
  sidebarWorkbook,
} from './sidebarPage';

const SCREENSHOT = 'test-artifacts/sidebar.png';

if (!hasChromium && !onCi) {
  console.warn(
    `sidebar.browser.test: ${CHROMIUM} is missing, so the browser test is skipped. ` +
      'Install Debian\'s "chromium" package to run it (CI installs it and never skips).',
  );
}

describe('browser test prerequisites', () => {
  it.runIf(onCi)('has Chromium on CI', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} must be installed on CI (see .ci/run)`).toBe(true);
  });
});

describe.skipIf(!hasChromium)('空き枠 sidebar in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let emu: Emulator;
  let open: OpenSidebar;
  let calls: string[] = [];

  beforeAll(async () => {
    // One 確定 booking fills 12/2 10:00 at 倉敷わかもの; 12/3 is a 休業日 of 倉敷中央.
    emu = sidebarWorkbook();
    open = await openSidebar(emu);
    ({ browser, page, calls } = open);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const slot = (date: string, office: string, start: string) =>
    page.locator(
      `button.slot[data-date="${date}"][data-office="${office}"][data-start="${start}"]`,
    );

  it('loads the free slots: a closed day shown closed, a full slot shown full', async () => {
    await page.locator('section.day').first().waitFor();
    const wednesday = page.locator('section.day[data-date="2026-12-02"]');
    await expect(wednesday.locator('.day-label').textContent()).resolves.toBe('12月2日(水)');
    const full = slot('2026-12-02', '倉敷わかもの', '10:00');
    await expect(full.isDisabled()).resolves.toBe(true);
    await expect(full.textContent()).resolves.toContain('満');
    await expect(slot('2026-12-02', '倉敷中央', '10:00').textContent()).resolves.toContain('空き1');
    await expect(slot('2026-12-02', '倉敷中央', '10:00').isEnabled()).resolves.toBe(true);

    const saturday = page.locator('section.day[data-date="2026-12-05"]');
    await expect(saturday.getAttribute('class')).resolves.toContain('closed');
    await expect(saturday.textContent()).resolves.toContain('休み（土曜日）');
    await expect(saturday.locator('button.slot').count()).resolves.toBe(0);

    const thursdayCentral = page.locator(
      'section.day[data-date="2026-12-03"] .office[data-office="倉敷中央"]',
    );
    await expect(thursdayCentral.textContent()).resolves.toContain('休業日（研修）');
    await expect(slot('2026-12-03', '倉敷わかもの', '10:00').isEnabled()).resolves.toBe(true);
    // Today (12/1) is never offered: the invitation must go out the day before.
    await expect(page.locator('section.day[data-date="2026-12-01"]').count()).resolves.toBe(0);
    expect(calls).toContain('sidebarGetFreeSlots');
  });

  it('filters by 窓口', async () => {
    await page.selectOption('#office-filter', '倉敷わかもの');
    await page.locator('.office[data-office="倉敷中央"]').first().waitFor({ state: 'detached' });
    await expect(
      page.locator('.office[data-office="倉敷わかもの"]').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.locator('.office[data-office="倉敷中央"]').count()).resolves.toBe(0);
  });

  it('refuses a booking with errors, saying why, and adds nothing', async () => {
    await slot('2026-12-02', '倉敷わかもの', '11:00').click();
    await page.locator('#form-panel').waitFor({ state: 'visible' });
    await page.fill('#seeker-no', '33010-00000003');
    await page.fill('#name', '例示 三郎');
    await page.fill('#email', 'saburo@example');
    await page.fill('#meeting-url', 'http://teleoffice.example.jp/meet/x');
    const before = bookings(emu).length;
    await page.click('#submit');
    await page.locator('#messages .message.error').first().waitFor();
    const messages = await page.locator('#messages').textContent();
    expect(messages).toContain('メールアドレス');
    expect(messages).toContain('会議URL');
    expect(bookings(emu)).toHaveLength(before);
  });

  it('picks a slot, looks the seeker up, submits, shows the read-back, and the row is in 予約', async () => {
    await expect(page.locator('#chosen').textContent()).resolves.toBe(
      '12月2日(水) 11:00～11:30 倉敷わかもの',
    );
    await page.fill('#name', '');
    await page.fill('#seeker-no', '３３０１０ー０００００００３');
    await page.click('#lookup');
    await page.locator('#seeker-info dd[data-field="officer"]').waitFor();
    await expect(page.locator('#seeker-info dd[data-field="officer"]').textContent()).resolves.toBe(
      '担当 丙',
    );
    await expect(
      page.locator('#seeker-info dd[data-field="noShowCount"]').textContent(),
    ).resolves.toBe('0回');
    await expect(page.inputValue('#seeker-no')).resolves.toBe('33010-00000003');
    await expect(page.inputValue('#name')).resolves.toBe('例示 三郎');
    await page.fill('#email', 'saburo@example.jp');
    await page.fill('#meeting-url', 'https://teleoffice.example.jp/meet/def456');
    await page.click('#submit');

    await page.locator('#result-panel').waitFor({ state: 'visible' });
    const readBack = await page.locator('#read-back').innerText();
    expect(readBack).toContain('12月2日(水) 11:00～11:30 倉敷わかもの');
    expect(readBack).toContain('例示 三郎 様');
    expect(readBack).toContain('saburo@example.jp');
    expect(readBack).toContain('086-430-0705');

    const added = bookings(emu).find((r) => r[BOOKING.seekerNo] === '33010-00000003');
    expect(added).toBeDefined();
    expect(added![BOOKING.id]).toMatch(/^Y\d{6}$/);
    expect(added![BOOKING.checkResult]).toBe('OK');
    expect(added![BOOKING.officer]).toBe('担当 丙');
    expect(added![BOOKING.status]).toBe('受付');
    expect(added![BOOKING.channel]).toBe('電話');
    expect(added![BOOKING.month]).toBe('2026-12');
    expect(tryDayOf(added![BOOKING.date] as Date)).toBe('2026-12-02');
    expect(normalizeTime(added![BOOKING.start])).toEqual({ ok: true, value: 11 * 60 });
    // The live region is filled just after the panel shows (so that it is announced).
    await expect
      .poll(() => page.locator('#result-id').textContent())
      .toContain(String(added![BOOKING.id]));

    // The grid is refreshed: the slot just taken is now full.
    await expect
      .poll(() => slot('2026-12-02', '倉敷わかもの', '11:00').textContent())
      .toContain('満');
    // Both 窓口 again for the picture (the operations guide uses it).
    await page.selectOption('#office-filter', '');
    await page.locator('.office[data-office="倉敷中央"]').first().waitFor();
    await page.mouse.move(0, 0);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('shows a hostile name as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await page.click('#next');
    await slot('2026-12-02', '倉敷わかもの', '14:00').click();
    await page.fill('#seeker-no', '33010-00000001');
    // Look the seeker up first, as staff do: the reply fills an empty 氏名, so it must not race
    // with the typing below.
    await page.click('#lookup');
    await expect
      .poll(() => page.locator('#seeker-info dd[data-field="officer"]').textContent())
      .toBe('担当 甲');
    await page.fill('#name', hostile);
    await page.fill('#email', 'ichiro@example.jp');
    await page.fill('#meeting-url', 'https://teleoffice.example.jp/meet/ghi789');
    await page.click('#submit');
    // The panel is still open from the previous booking: wait for this booking's read-back.
    await expect.poll(() => page.locator('#read-back').innerText()).toContain(`${hostile} 様`);
    await expect(page.locator('img').count()).resolves.toBe(0);
    // The name differs from 対象者, which is a warning (注意), shown as text too.
    await expect
      .poll(() => page.locator('#result-notes .message.warning').count())
      .toBeGreaterThan(0);
    const row = bookings(emu).find(
      (r) => r[BOOKING.meetingUrl] === 'https://teleoffice.example.jp/meet/ghi789',
    );
    expect(row?.[BOOKING.name]).toBe(hostile);
    expect(row?.[BOOKING.checkResult]).toMatch(/^注意:/m);
    expect(open.dialogs).toEqual([]);
  });

  it('ran without page errors or emulator problems', () => {
    expect(open.pageErrors).toEqual([]);
    expect(open.hostProblems).toEqual([]);
    expect(calls).toEqual(
      expect.arrayContaining(['sidebarGetFreeSlots', 'sidebarLookupSeeker', 'sidebarAddBooking']),
    );
  });
});
