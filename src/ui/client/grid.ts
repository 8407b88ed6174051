// The grid of free slots: a heading per day and per 窓口, a button per slot. Each button's
// accessible name says the day and the 窓口 as well as the time and how many places are free
// (a screen reader lands on a button without reading the headings above it).
import type { FreeSlotDay, FreeSlotsResponse, OfficeDay, SlotCell } from '../shared/sidebarApi';
import { el } from './dom';

export interface ChosenSlot {
  date: string;
  dayLabel: string;
  start: string;
  label: string;
  office: string;
}

export function renderGrid(
  grid: HTMLElement,
  response: FreeSlotsResponse,
  choose: (slot: ChosenSlot) => void,
): void {
  if (response.days.length === 0) {
    grid.replaceChildren(el('p', { className: 'empty', text: '表示できる日がありません。' }));
    return;
  }
  grid.replaceChildren(...response.days.map((day) => renderDay(day, choose)));
}

function renderDay(day: FreeSlotDay, choose: (slot: ChosenSlot) => void): HTMLElement {
  const heading = el('h2', { className: 'day-label', text: day.label });
  if (day.closed !== null) {
    return el('section', { className: 'day closed', dataset: { date: day.date } }, [
      heading,
      el('span', { className: 'closed-reason', text: day.closed }),
    ]);
  }
  return el('section', { className: 'day', dataset: { date: day.date } }, [
    heading,
    ...day.offices.map((office) => renderOffice(day, office, choose)),
  ]);
}

function renderOffice(
  day: FreeSlotDay,
  office: OfficeDay,
  choose: (slot: ChosenSlot) => void,
): HTMLElement {
  const dataset = { date: day.date, office: office.office };
  const name = el('h3', { className: 'office-name', text: office.office });
  if (office.closed !== null) {
    return el('div', { className: 'office closed', dataset }, [
      name,
      el('span', { className: 'closed-reason', text: office.closed }),
    ]);
  }
  return el('div', { className: 'office', dataset }, [
    name,
    el(
      'div',
      { className: 'slots' },
      office.slots.map((slot) => renderSlot(day, office.office, slot, choose)),
    ),
  ]);
}

function renderSlot(
  day: FreeSlotDay,
  office: string,
  slot: SlotCell,
  choose: (slot: ChosenSlot) => void,
): HTMLElement {
  const state = slot.full ? '満' : `空き${slot.free}`;
  const button = el(
    'button',
    {
      className: slot.full ? 'slot full' : 'slot free',
      attrs: {
        type: 'button',
        // Starts with what the button shows (10:00 空き1), then where and when.
        'aria-label': `${slot.start} ${state}、${day.label} ${office}（${slot.label}、定員${slot.capacity}・予約${slot.taken}）`,
      },
      dataset: { date: day.date, start: slot.start, office },
    },
    [
      el('span', { className: 'slot-time', text: slot.start }),
      el('span', { className: 'slot-state', text: state }),
    ],
  );
  button.disabled = slot.full;
  if (!slot.full) {
    button.addEventListener('click', () =>
      choose({ date: day.date, dayLabel: day.label, start: slot.start, label: slot.label, office }),
    );
  }
  return button;
}

/** The 窓口 block of a day in the grid, or null when the grid does not show it. */
export function officeBlock(grid: HTMLElement, date: string, office: string): HTMLElement | null {
  return (
    [...grid.querySelectorAll<HTMLElement>('.office')].find(
      (node) => node.dataset.date === date && node.dataset.office === office,
    ) ?? null
  );
}

/**
 * Where keyboard focus goes back to in the grid for this slot: its button when it can still be
 * chosen, else the next free slot of that day and 窓口, else the first free slot of that block,
 * else the first free slot anywhere. Null when no slot can be chosen.
 */
export function slotToFocus(grid: HTMLElement, slot: ChosenSlot): HTMLButtonElement | null {
  const free = [...grid.querySelectorAll<HTMLButtonElement>('button.slot:not(:disabled)')];
  const same = free.filter((b) => b.dataset.date === slot.date && b.dataset.office === slot.office);
  return (
    same.find((b) => b.dataset.start === slot.start) ??
    same.find((b) => (b.dataset.start ?? '') > slot.start) ??
    same[0] ??
    free[0] ??
    null
  );
}

/** Marks the chosen slot's button (aria-current), clearing any other. */
export function markChosen(grid: HTMLElement, slot: ChosenSlot | null): void {
  for (const button of grid.querySelectorAll<HTMLButtonElement>('button.slot')) {
    const d = button.dataset;
    const isChosen =
      slot !== null && d.date === slot.date && d.office === slot.office && d.start === slot.start;
    if (isChosen) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}
