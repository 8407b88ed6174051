// The 空き枠 sidebar: free slots per day and 窓口, and a short form to add a booking while the
// caller is on the phone. The server decides everything (free or not, eligible or not); this page
// only shows what it says. All data reaches the DOM as text (see dom.ts).
//
// Accessibility (JIS X 8341-3:2016 AA = WCAG 2.0 AA; issue 16 point 10): everything works from
// the keyboard; the form and the result sit right after the chosen slot's 窓口 in the page, so
// the Tab order follows the booking; focus moves to the form on choosing a slot, to the result
// after adding, and back to the slot after やめる / 閉じる (Esc does the same); every reply is
// in a live region; a server message is tied to its field (aria-describedby, aria-invalid).
import {
  type AddBookingResult,
  type BookingForm,
  CHANNEL_CHOICES,
  DEFAULT_DAYS,
  type FreeSlotsResponse,
  type SeekerLookup,
} from '../shared/sidebarApi';
import { byId, el, showLines } from './dom';
import { kindOf, messageLine, showTiedMessages, untieMessages } from './fields';
import { type ChosenSlot, markChosen, officeBlock, renderGrid, slotToFocus } from './grid';
import { failureText, server } from './serverCalls';

const state: {
  office: string;
  /** The slot the form is open for. */
  chosen: ChosenSlot | null;
  /** The slot of the form or the result on show: where they sit and where focus goes back. */
  anchor: ChosenSlot | null;
  busy: boolean;
  loading: boolean;
} = { office: '', chosen: null, anchor: null, busy: false, loading: false };

// Taken once: the booking area moves in and out of the grid, and a detached node is not found
// by id.
const ui = {
  officeFilter: byId<HTMLSelectElement>('office-filter'),
  refresh: byId<HTMLButtonElement>('refresh'),
  status: byId<HTMLDivElement>('status'),
  grid: byId<HTMLDivElement>('grid'),
  area: byId<HTMLDivElement>('booking-area'),
  formPanel: byId<HTMLElement>('form-panel'),
  chosen: byId<HTMLElement>('chosen'),
  form: byId<HTMLFormElement>('booking-form'),
  channel: byId<HTMLSelectElement>('channel'),
  seekerNo: byId<HTMLInputElement>('seeker-no'),
  lookup: byId<HTMLButtonElement>('lookup'),
  seekerInfo: byId<HTMLDivElement>('seeker-info'),
  name: byId<HTMLInputElement>('name'),
  email: byId<HTMLInputElement>('email'),
  meetingUrl: byId<HTMLInputElement>('meeting-url'),
  submit: byId<HTMLButtonElement>('submit'),
  cancel: byId<HTMLButtonElement>('cancel'),
  messages: byId<HTMLDivElement>('messages'),
  resultPanel: byId<HTMLElement>('result-panel'),
  resultHeading: byId<HTMLElement>('result-heading'),
  readBack: byId<HTMLDivElement>('read-back'),
  resultId: byId<HTMLDivElement>('result-id'),
  resultNotes: byId<HTMLDivElement>('result-notes'),
  next: byId<HTMLButtonElement>('next'),
};

function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  ui.status.textContent = text;
  ui.status.className = kind === 'error' ? 'status error' : 'status';
}

/** Busy buttons stay focusable (a disabled button drops keyboard focus): aria-disabled. */
function setBusy(button: HTMLButtonElement, busy: boolean): void {
  if (busy) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

// ---------------------------------------------------------------------------------------------
// The grid

let loadSerial = 0;

async function loadSlots(): Promise<void> {
  const serial = ++loadSerial;
  state.loading = true;
  setStatus('空き枠を読み込んでいます…');
  setBusy(ui.refresh, true);
  try {
    const response = await server.sidebarGetFreeSlots({ office: state.office, days: DEFAULT_DAYS });
    if (serial !== loadSerial) return; // a newer load is on its way
    renderFilter(response);
    keepingFocus(() => {
      renderGrid(ui.grid, response, chooseSlot);
      placeArea();
    });
    if (response.ok) setStatus(`${response.today.replace(/-/g, '/')} 現在の空き状況です。`);
    else setStatus(response.messages.join('\n'), 'error');
  } catch (error) {
    if (serial === loadSerial) setStatus(failureText(error), 'error');
  } finally {
    if (serial === loadSerial) {
      state.loading = false;
      setBusy(ui.refresh, false);
    }
  }
}

function renderFilter(response: FreeSlotsResponse): void {
  const select = ui.officeFilter;
  const options = ['', ...response.allOffices];
  const current = [...select.options].map((o) => o.value);
  if (current.join('\u001f') !== options.join('\u001f')) {
    select.replaceChildren(
      ...options.map((office) =>
        el('option', { text: office === '' ? 'すべての窓口' : office, attrs: { value: office } }),
      ),
    );
  }
  select.value = options.includes(state.office) ? state.office : '';
}

/**
 * Runs `change` (which may move the focused node, or redraw the grid under it) and gives the
 * focus back: to that node, or to the same slot's new button (or the nearest free one).
 */
function keepingFocus(change: () => void): void {
  const focused = document.activeElement;
  change();
  if (!(focused instanceof HTMLElement) || document.activeElement === focused) return;
  if (focused.isConnected) {
    focused.focus({ preventScroll: true });
    return;
  }
  const { date, office, start } = focused.dataset;
  if (focused.matches('button.slot') && date && office && start) {
    slotToFocus(ui.grid, { date, office, start, dayLabel: '', label: '' })?.focus();
  }
}

/**
 * The form and the result go right after the chosen slot's 窓口 (or first in the grid when the
 * filter hides it), so they follow that slot in the reading and Tab order; back after the grid
 * when neither is on show.
 */
function placeArea(): void {
  const anchor = state.anchor;
  markChosen(ui.grid, state.chosen);
  if (anchor === null) {
    if (ui.area.parentElement !== document.body) ui.grid.after(ui.area);
    return;
  }
  const block = officeBlock(ui.grid, anchor.date, anchor.office);
  if (block) block.after(ui.area);
  else ui.grid.prepend(ui.area);
}

/** Focus back in the grid at this slot (or the nearest free one); the filter when none. */
function focusGrid(slot: ChosenSlot | null): void {
  const target = slot ? slotToFocus(ui.grid, slot) : null;
  (target ?? ui.officeFilter).focus();
}

// ---------------------------------------------------------------------------------------------
// The form

function chooseSlot(slot: ChosenSlot): void {
  hideResult();
  state.chosen = slot;
  state.anchor = slot;
  ui.chosen.textContent = `${slot.dayLabel} ${slot.label} ${slot.office}`;
  clearMessages();
  keepingFocus(placeArea);
  ui.formPanel.hidden = false;
  ui.formPanel.scrollIntoView({ block: 'nearest' });
  ui.seekerNo.focus();
}

/** やめる (or Esc): the form closes and focus goes back to the slot it was opened from. */
function cancelForm(): void {
  const slot = state.chosen;
  closeForm();
  clearForm();
  state.anchor = null;
  placeArea();
  focusGrid(slot);
}

function closeForm(): void {
  state.chosen = null;
  ui.formPanel.hidden = true;
}

function clearMessages(): void {
  untieMessages();
  ui.messages.replaceChildren();
  // A lookup still on show keeps its mark on 求職番号.
  if (ui.seekerInfo.querySelector('.message.error')) {
    ui.seekerNo.setAttribute('aria-invalid', 'true');
  }
}

function clearForm(): void {
  ui.form.reset();
  ui.seekerInfo.replaceChildren();
  clearMessages();
}

let lookupSerial = 0;

async function lookupSeeker(): Promise<void> {
  const seekerNo = ui.seekerNo.value.trim();
  const info = ui.seekerInfo;
  if (seekerNo === '') {
    info.replaceChildren();
    return;
  }
  const serial = ++lookupSerial;
  info.replaceChildren(el('div', { className: 'muted', text: '対象者シートを確認しています…' }));
  try {
    const found = await server.sidebarLookupSeeker(seekerNo);
    if (serial !== lookupSerial) return; // a newer lookup is on its way
    renderSeeker(found);
  } catch (error) {
    if (serial === lookupSerial) info.replaceChildren(messageLine(`エラー: ${failureText(error)}`));
  }
}

function renderSeeker(found: SeekerLookup): void {
  const rows: HTMLElement[] = [];
  if (found.found) {
    if (found.seekerNo !== '') ui.seekerNo.value = found.seekerNo;
    if (ui.name.value.trim() === '' && found.name !== '') ui.name.value = found.name;
    rows.push(
      el('dl', { className: 'seeker' }, [
        el('dt', { text: '氏名' }),
        el('dd', { text: found.name || '（未記入）', dataset: { field: 'name' } }),
        el('dt', { text: '窓口' }),
        el('dd', { text: found.office || '（未記入）', dataset: { field: 'office' } }),
        el('dt', { text: '担当者' }),
        el('dd', { text: found.officer || '（未記入）', dataset: { field: 'officer' } }),
        el('dt', { text: '無断キャンセル' }),
        el('dd', { text: `${found.noShowCount}回`, dataset: { field: 'noShowCount' } }),
      ]),
    );
  }
  for (const message of found.messages) rows.push(messageLine(message));
  ui.seekerInfo.replaceChildren(...rows);
  // The lookup describes the 求職番号 field (aria-describedby); an エラー: marks it invalid.
  if (found.messages.some((m) => kindOf(m) === 'error')) {
    ui.seekerNo.setAttribute('aria-invalid', 'true');
  } else ui.seekerNo.removeAttribute('aria-invalid');
}

async function submitBooking(event: Event): Promise<void> {
  event.preventDefault();
  const chosen = state.chosen;
  if (chosen === null || state.busy) return;
  const form: BookingForm = {
    date: chosen.date,
    start: chosen.start,
    office: chosen.office,
    name: ui.name.value,
    seekerNo: ui.seekerNo.value,
    email: ui.email.value,
    meetingUrl: ui.meetingUrl.value,
    channel: ui.channel.value,
  };
  state.busy = true;
  setBusy(ui.submit, true);
  showLines(ui.messages, ['予約を確認して追加しています…'], 'muted');
  try {
    const result = await server.sidebarAddBooking(form);
    showResult(result);
  } catch (error) {
    ui.messages.replaceChildren(messageLine(`エラー: ${failureText(error)}`));
  } finally {
    state.busy = false;
    setBusy(ui.submit, false);
  }
}

function showResult(result: AddBookingResult): void {
  if (!result.ok) {
    // Tied to the fields only when nothing was added: a booking already in the sheet is fixed
    // there, not by sending the form again.
    const tie = !result.added;
    const invalid = showTiedMessages(ui.messages, result.messages, result.fields, tie);
    invalid?.focus();
    if (result.added) void loadSlots();
    return;
  }
  closeForm();
  clearForm();
  ui.resultPanel.hidden = false;
  showLines(ui.readBack, result.readBack);
  ui.resultHeading.focus();
  // Filled after the panel is shown, so the live region announces it.
  window.setTimeout(() => {
    ui.resultId.textContent = `予約ID ${result.id}（予約シート${result.rowNumber}行目）を追加しました。`;
    ui.resultNotes.replaceChildren(...result.messages.map((m) => messageLine(m)));
  }, 0);
  ui.resultPanel.scrollIntoView({ block: 'nearest' });
  void loadSlots();
}

function hideResult(): void {
  ui.resultPanel.hidden = true;
  ui.resultId.textContent = '';
  ui.resultNotes.replaceChildren();
}

/** 閉じる (or Esc): focus goes back to the booked slot's place in the grid. */
function closeResult(): void {
  const slot = state.anchor;
  hideResult();
  state.anchor = null;
  placeArea();
  focusGrid(slot);
}

// ---------------------------------------------------------------------------------------------

function start(): void {
  ui.channel.replaceChildren(
    ...CHANNEL_CHOICES.map((c) => el('option', { text: c, attrs: { value: c } })),
  );
  ui.officeFilter.addEventListener('change', () => {
    state.office = ui.officeFilter.value;
    void loadSlots();
  });
  ui.refresh.addEventListener('click', () => {
    if (!state.loading) void loadSlots();
  });
  ui.lookup.addEventListener('click', () => void lookupSeeker());
  ui.seekerNo.addEventListener('change', () => void lookupSeeker());
  ui.form.addEventListener('submit', (event) => void submitBooking(event));
  ui.cancel.addEventListener('click', cancelForm);
  ui.next.addEventListener('click', closeResult);
  ui.area.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (!ui.formPanel.hidden && ui.formPanel.contains(event.target as Node)) cancelForm();
    else if (!ui.resultPanel.hidden) closeResult();
  });
  void loadSlots();
}

start();
