// The 空き枠 sidebar against JIS X 8341-3:2016 level AA (= WCAG 2.0 AA; issue 16 point 10), in
// real headless Chromium (see sidebarPage.ts): axe-core finds no violation in any state the page
// goes through, and a booking is made with the keyboard alone — no click from opening the
// sidebar to the row in 予約 — with focus landing where it should and every reply in a live
// region.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING } from '../../src/core/schema';
import { bookings } from './helpers';
import {
  describeViolations,
  hasChromium,
  type OpenSidebar,
  openSidebar,
  runAxe,
  sidebarWorkbook,
} from './sidebarPage';

interface Focused {
  id: string;
  tag: string;
  date: string | null;
  office: string | null;
  start: string | null;
}

// The root tsconfig has no DOM types: what runs in the page is passed as source text.
const FOCUSED = `(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  return { id: a.id, tag: a.tagName.toLowerCase(), date: a.dataset.date ?? null,
    office: a.dataset.office ?? null, start: a.dataset.start ?? null };
})()`;

/** Focus is on a slot button that comes after the form in the page. */
const AFTER_FORM = `(() => {
  const a = document.activeElement;
  const form = document.getElementById('form-panel');
  return !!a && a.matches('button.slot') &&
    !!(form.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
})()`;

const DAY = '2026-12-02';
const OFFICE = '倉敷わかもの';
const START = '11:00';

describe.skipIf(!hasChromium)('空き枠 sidebar: accessibility (JIS X 8341-3:2016 AA)', () => {
  let emu: Emulator;
  let open: OpenSidebar;
  let page: Page;
  const axeRuns: { state: string; rules: number; nodes: number }[] = [];

  beforeAll(async () => {
    // 12/2 10:00 at 倉敷わかもの is full; 12/3 is a 休業日 of 倉敷中央 (its text is grey).
    emu = sidebarWorkbook();
    open = await openSidebar(emu);
    page = open.page;
  });

  afterAll(async () => {
    await open?.browser.close();
  });

  const focused = () => page.evaluate(FOCUSED) as Promise<Focused | null>;
  const press = (key: string) => page.keyboard.press(key);

  /** axe-core on the whole page: no violation, and it really looked at the page. */
  async function expectNoViolations(state: string): Promise<void> {
    const axe = await runAxe(page);
    expect(axe.violations, `${state}:\n${describeViolations(axe.violations)}`).toEqual([]);
    // Nothing left for a person to review either (axe could not decide, e.g. a contrast).
    expect(axe.incomplete.map((rule) => rule.id)).toEqual([]);
    expect(axe.rulesChecked).toBeGreaterThan(10);
    expect(axe.nodesChecked).toBeGreaterThan(20);
    const passed = axe.passes.map((rule) => rule.id);
    expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
    axeRuns.push({ state, rules: axe.rulesChecked, nodes: axe.nodesChecked });
  }

  /** Presses Tab until focus is on the slot button; how many presses it took. */
  async function tabToSlot(date: string, office: string, start: string): Promise<number> {
    for (let presses = 1; presses <= 80; presses++) {
      await press('Tab');
      const f = await focused();
      if (f?.date === date && f.office === office && f.start === start) return presses;
    }
    throw new Error(`Tab never reached the slot ${date} ${start} ${office}`);
  }

  it('passes axe-core when the slots are shown; closed-day text has enough contrast', async () => {
    await expect.poll(() => page.locator('#status').textContent()).toContain('現在の空き状況');
    await expect(page.locator('#status').getAttribute('role')).resolves.toBe('status');
    // 休み・休業日 text: #5f6368 on white is 6.0:1 (it was #80868b, 3.5:1).
    const closedColor = await page
      .locator('section.day[data-date="2026-12-03"] .office.closed .closed-reason')
      .evaluate(
        (node) =>
          (
            globalThis as unknown as { getComputedStyle: (n: unknown) => { color: string } }
          ).getComputedStyle(node).color,
      );
    expect(closedColor).toBe('rgb(95, 99, 104)');
    await expectNoViolations('slots shown');
  });

  it('axe-core does catch the old findings (a check that cannot fail proves nothing)', async () => {
    // The former grey of closed days, and the 窓口 filter without its label.
    const style = await page.addStyleTag({ content: '.closed-reason { color: #80868b; }' });
    const filter = page.locator('#office-filter');
    const label = (await filter.getAttribute('aria-label')) ?? '';
    await filter.evaluate((node) => node.removeAttribute('aria-label'));
    const axe = await runAxe(page);
    await style.evaluate((node) => node.remove());
    await filter.evaluate((node, text) => node.setAttribute('aria-label', text), label);
    const found = axe.violations.map((rule) => rule.id);
    expect(found).toEqual(expect.arrayContaining(['color-contrast', 'select-name']));
    const contrast = axe.violations.find((rule) => rule.id === 'color-contrast')!;
    expect(contrast.nodes.some((n) => n.html.includes('closed-reason'))).toBe(true);
    // Back as it was: clean again.
    await expectNoViolations('slots shown, restored');
  });

  it('reaches a slot by Tab; its name says the time, the day and the 窓口', async () => {
    await press('Tab');
    await expect(focused()).resolves.toMatchObject({ id: 'office-filter' });
    await press('Tab');
    await expect(focused()).resolves.toMatchObject({ id: 'refresh' });
    // 更新 by Enter: the grid is read again and focus stays on the button (it is never disabled,
    // which would drop focus, only aria-disabled while loading).
    const loads = open.calls.filter((c) => c === 'sidebarGetFreeSlots').length;
    await press('Enter');
    await expect
      .poll(() => open.calls.filter((c) => c === 'sidebarGetFreeSlots').length)
      .toBe(loads + 1);
    await expect.poll(() => page.locator('#refresh').getAttribute('aria-disabled')).toBeNull();
    await expect(focused()).resolves.toMatchObject({ id: 'refresh' });
    await press('Tab');
    // The first free slot of the first day (a full slot is no stop).
    await expect(focused()).resolves.toMatchObject({ tag: 'button', date: DAY });
    await expect(page.locator(':focus').isEnabled()).resolves.toBe(true);
    const first = await page.locator(':focus').ariaSnapshot();
    expect(first).toMatch(/\d{1,2}:\d{2} 空き\d+、12月2日\(水\) 倉敷/);
    const presses = await tabToSlot(DAY, OFFICE, START);
    expect(presses).toBeGreaterThan(0);
    const name = await page.locator(':focus').ariaSnapshot();
    expect(name).toContain('12月2日(水)');
    expect(name).toContain(OFFICE);
    expect(name).toContain('11:00～11:30');
  });

  it('Enter opens the form right after that 窓口; the Tab order runs slot, form, やめる; やめる gives focus back', async () => {
    await press('Enter');
    await page.locator('#form-panel').waitFor({ state: 'visible' });
    await expect(focused()).resolves.toMatchObject({ id: 'seeker-no' });
    await expect(page.locator('#chosen').textContent()).resolves.toBe(
      `12月2日(水) 11:00～11:30 ${OFFICE}`,
    );
    // Backwards: 受付方法, then the last slot of the chosen 窓口's day (the form follows it).
    await press('Shift+Tab');
    await expect(focused()).resolves.toMatchObject({ id: 'channel' });
    await press('Shift+Tab');
    await expect(focused()).resolves.toMatchObject({ tag: 'button', date: DAY, office: OFFICE });
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      await press('Tab');
      order.push((await focused())?.id ?? '');
    }
    expect(order).toEqual([
      'channel',
      'seeker-no',
      'lookup',
      'name',
      'email',
      'meeting-url',
      'submit',
      'cancel',
      order[8], // past the form: the slots after it
    ]);
    await expect(page.evaluate(AFTER_FORM)).resolves.toBe(true);
    await press('Shift+Tab');
    await expect(focused()).resolves.toMatchObject({ id: 'cancel' });
    await press('Enter'); // やめる
    await page.locator('#form-panel').waitFor({ state: 'hidden' });
    await expect(focused()).resolves.toMatchObject({ date: DAY, office: OFFICE, start: START });
    // Esc does the same.
    await press('Space');
    await page.locator('#form-panel').waitFor({ state: 'visible' });
    await press('Escape');
    await page.locator('#form-panel').waitFor({ state: 'hidden' });
    await expect(focused()).resolves.toMatchObject({ date: DAY, office: OFFICE, start: START });
  });

  it('fills the form by keyboard; a refused booking ties each error to its field and is announced', async () => {
    await press('Enter');
    await page.locator('#form-panel').waitFor({ state: 'visible' });
    await page.keyboard.type('33010-00000003');
    await press('Tab'); // the change looks the seeker up
    await expect(focused()).resolves.toMatchObject({ id: 'lookup' });
    await page.locator('#seeker-info dd[data-field="officer"]').waitFor();
    await expect(page.locator('#seeker-info').getAttribute('aria-live')).resolves.toBe('polite');
    await press('Tab');
    await expect(focused()).resolves.toMatchObject({ id: 'name' });
    await expect(page.inputValue('#name')).resolves.toBe('例示 三郎');
    await press('Tab');
    await page.keyboard.type('saburo@example');
    await press('Tab');
    await page.keyboard.type('http://teleoffice.example.jp/meet/x');
    await expectNoViolations('form open, seeker looked up');

    const before = bookings(emu).length;
    await press('Enter'); // submits the form
    await page.locator('#messages .message.error').first().waitFor();
    await expect(page.locator('#messages').getAttribute('role')).resolves.toBe('status');
    await expect(page.locator('#messages').getAttribute('aria-live')).resolves.toBe('polite');
    // Focus on the first field in error, which is marked and described by its message.
    await expect(focused()).resolves.toMatchObject({ id: 'email' });
    for (const [input, header] of [
      ['#email', BOOKING.email],
      ['#meeting-url', BOOKING.meetingUrl],
    ] as const) {
      await expect(page.locator(input).getAttribute('aria-invalid')).resolves.toBe('true');
      const described = (await page.locator(input).getAttribute('aria-describedby')) ?? '';
      const texts = await Promise.all(
        described
          .split(' ')
          .filter((id) => id.startsWith('message-'))
          .map((id) => page.locator(`#${id}`).textContent()),
      );
      expect(
        texts.some((t) => t?.includes(`「${header}」`)),
        `${input}: ${described}`,
      ).toBe(true);
    }
    await expect(page.locator('#name').getAttribute('aria-invalid')).resolves.toBeNull();
    expect(bookings(emu)).toHaveLength(before);
    await expectNoViolations('validation errors shown');
  });

  it('fixes the fields and books by keyboard: the result is announced, 閉じる gives focus back', async () => {
    await press('Control+A');
    await page.keyboard.type('saburo@example.jp');
    await press('Tab');
    await press('Control+A');
    await page.keyboard.type('https://teleoffice.example.jp/meet/keyboard1');
    await press('Enter');

    await page.locator('#result-panel').waitFor({ state: 'visible' });
    await expect(focused()).resolves.toMatchObject({ id: 'result-heading' });
    await expect(page.locator('#result-live').getAttribute('role')).resolves.toBe('status');
    await expect.poll(() => page.locator('#result-live').textContent()).toContain('を追加しました');
    await expect(page.locator('#read-back').innerText()).resolves.toContain(
      `12月2日(水) 11:00～11:30 ${OFFICE}`,
    );
    const row = bookings(emu).find(
      (r) => r[BOOKING.meetingUrl] === 'https://teleoffice.example.jp/meet/keyboard1',
    );
    expect(row).toBeDefined();
    expect(row![BOOKING.seekerNo]).toBe('33010-00000003');
    expect(row![BOOKING.checkResult]).toBe('OK');
    await expect
      .poll(() => page.locator('#result-id').textContent())
      .toContain(String(row![BOOKING.id]));
    // The grid is refreshed under the result (the slot is now full), focus still on the result.
    const booked = page.locator(
      `button.slot[data-date="${DAY}"][data-office="${OFFICE}"][data-start="${START}"]`,
    );
    await expect.poll(() => booked.textContent()).toContain('満');
    await expect(focused()).resolves.toMatchObject({ id: 'result-heading' });
    await expectNoViolations('booking done');

    await press('Tab');
    await expect(focused()).resolves.toMatchObject({ id: 'next' });
    await press('Enter'); // 閉じる
    await page.locator('#result-panel').waitFor({ state: 'hidden' });
    // The booked slot is full now: focus goes to the next free slot of that day and 窓口.
    const free = await page
      .locator(`button.slot.free[data-date="${DAY}"][data-office="${OFFICE}"]`)
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-start') ?? ''));
    const next = free.find((s) => s > START);
    expect(next).toBeDefined();
    await expect(focused()).resolves.toMatchObject({ date: DAY, office: OFFICE, start: next });
  });

  it('ran axe in every state, without page errors', () => {
    expect(axeRuns.map((r) => r.state)).toEqual([
      'slots shown',
      'slots shown, restored',
      'form open, seeker looked up',
      'validation errors shown',
      'booking done',
    ]);
    expect(open.pageErrors).toEqual([]);
    expect(open.hostProblems).toEqual([]);
    expect(open.dialogs).toEqual([]);
  });
});
