// The 空き枠 sidebar: free slots per day and 窓口, and a short form to add a booking while the
// caller is on the phone. The server decides everything (free or not, eligible or not); this page
// only shows what it says. All data reaches the DOM as text (see dom.ts).
import {
  type AddBookingResult,
  type BookingForm,
  CHANNEL_CHOICES,
  DEFAULT_DAYS,
  type FreeSlotDay,
  type FreeSlotsResponse,
  type OfficeDay,
  type SeekerLookup,
  type SlotCell,
} from '../shared/sidebarApi';
import { byId, el, showLines } from './dom';
import { failureText, server } from './serverCalls';

interface ChosenSlot {
  date: string;
  dayLabel: string;
  start: string;
  label: string;
  office: string;
}

const state: { office: string; chosen: ChosenSlot | null; busy: boolean } = {
  office: '',
  chosen: null,
  busy: false,
};

const ui = {
  officeFilter: () => byId<HTMLSelectElement>('office-filter'),
  refresh: () => byId<HTMLButtonElement>('refresh'),
  status: () => byId<HTMLDivElement>('status'),
  grid: () => byId<HTMLDivElement>('grid'),
  formPanel: () => byId<HTMLElement>('form-panel'),
  chosen: () => byId<HTMLDivElement>('chosen'),
  form: () => byId<HTMLFormElement>('booking-form'),
  channel: () => byId<HTMLSelectElement>('channel'),
  seekerNo: () => byId<HTMLInputElement>('seeker-no'),
  lookup: () => byId<HTMLButtonElement>('lookup'),
  seekerInfo: () => byId<HTMLDivElement>('seeker-info'),
  name: () => byId<HTMLInputElement>('name'),
  email: () => byId<HTMLInputElement>('email'),
  meetingUrl: () => byId<HTMLInputElement>('meeting-url'),
  submit: () => byId<HTMLButtonElement>('submit'),
  messages: () => byId<HTMLDivElement>('messages'),
  resultPanel: () => byId<HTMLElement>('result-panel'),
  readBack: () => byId<HTMLDivElement>('read-back'),
  resultId: () => byId<HTMLDivElement>('result-id'),
  resultNotes: () => byId<HTMLDivElement>('result-notes'),
};

function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  const status = ui.status();
  status.textContent = text;
  status.className = kind === 'error' ? 'status error' : 'status';
}

// ---------------------------------------------------------------------------------------------
// The grid

async function loadSlots(): Promise<void> {
  setStatus('空き枠を読み込んでいます…');
  ui.refresh().disabled = true;
  try {
    const response = await server.sidebarGetFreeSlots({ office: state.office, days: DEFAULT_DAYS });
    renderFilter(response);
    renderGrid(response);
    setStatus(
      response.ok ? `${response.today.replace(/-/g, '/')} 現在の空き状況です。` : '',
      'info',
    );
    if (!response.ok) setStatus(response.messages.join('\n'), 'error');
  } catch (error) {
    setStatus(failureText(error), 'error');
  } finally {
    ui.refresh().disabled = false;
  }
}

function renderFilter(response: FreeSlotsResponse): void {
  const select = ui.officeFilter();
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

function renderGrid(response: FreeSlotsResponse): void {
  const grid = ui.grid();
  if (response.days.length === 0) {
    grid.replaceChildren(el('p', { className: 'empty', text: '表示できる日がありません。' }));
    return;
  }
  grid.replaceChildren(...response.days.map(renderDay));
}

function renderDay(day: FreeSlotDay): HTMLElement {
  const heading = el('div', { className: 'day-label', text: day.label });
  if (day.closed !== null) {
    return el('section', { className: 'day closed', dataset: { date: day.date } }, [
      heading,
      el('span', { className: 'closed-reason', text: day.closed }),
    ]);
  }
  return el('section', { className: 'day', dataset: { date: day.date } }, [
    heading,
    ...day.offices.map((office) => renderOffice(day, office)),
  ]);
}

function renderOffice(day: FreeSlotDay, office: OfficeDay): HTMLElement {
  const name = el('div', { className: 'office-name', text: office.office });
  if (office.closed !== null) {
    return el('div', { className: 'office closed', dataset: { office: office.office } }, [
      name,
      el('span', { className: 'closed-reason', text: office.closed }),
    ]);
  }
  return el('div', { className: 'office', dataset: { office: office.office } }, [
    name,
    el(
      'div',
      { className: 'slots' },
      office.slots.map((slot) => renderSlot(day, office.office, slot)),
    ),
  ]);
}

function renderSlot(day: FreeSlotDay, office: string, slot: SlotCell): HTMLElement {
  const state = slot.full ? '満' : `空き${slot.free}`;
  const button = el(
    'button',
    {
      className: slot.full ? 'slot full' : 'slot free',
      attrs: {
        type: 'button',
        title: `${day.label} ${slot.label} ${office}（定員${slot.capacity}・予約${slot.taken}）`,
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
      chooseSlot({
        date: day.date,
        dayLabel: day.label,
        start: slot.start,
        label: slot.label,
        office,
      }),
    );
  }
  return button;
}

// ---------------------------------------------------------------------------------------------
// The form

function chooseSlot(slot: ChosenSlot): void {
  state.chosen = slot;
  ui.chosen().textContent = `${slot.dayLabel} ${slot.label} ${slot.office}`;
  ui.resultPanel().hidden = true;
  ui.formPanel().hidden = false;
  showLines(ui.messages(), []);
  ui.formPanel().scrollIntoView({ block: 'start' });
  ui.seekerNo().focus();
}

function closeForm(): void {
  state.chosen = null;
  ui.formPanel().hidden = true;
}

function clearForm(): void {
  ui.form().reset();
  ui.seekerInfo().replaceChildren();
  showLines(ui.messages(), []);
}

let lookupSerial = 0;

async function lookupSeeker(): Promise<void> {
  const seekerNo = ui.seekerNo().value.trim();
  const info = ui.seekerInfo();
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
    if (serial === lookupSerial)
      info.replaceChildren(el('div', { className: 'message error', text: failureText(error) }));
  }
}

function renderSeeker(found: SeekerLookup): void {
  const info = ui.seekerInfo();
  const rows: HTMLElement[] = [];
  if (found.found) {
    if (found.seekerNo !== '') ui.seekerNo().value = found.seekerNo;
    if (ui.name().value.trim() === '' && found.name !== '') ui.name().value = found.name;
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
  info.replaceChildren(...rows);
}

function messageLine(message: string): HTMLElement {
  const kind = message.startsWith('エラー')
    ? 'error'
    : message.startsWith('注意')
      ? 'warning'
      : 'info';
  return el('div', { className: `message ${kind}`, text: message });
}

async function submitBooking(event: Event): Promise<void> {
  event.preventDefault();
  const chosen = state.chosen;
  if (chosen === null || state.busy) return;
  const form: BookingForm = {
    date: chosen.date,
    start: chosen.start,
    office: chosen.office,
    name: ui.name().value,
    seekerNo: ui.seekerNo().value,
    email: ui.email().value,
    meetingUrl: ui.meetingUrl().value,
    channel: ui.channel().value,
  };
  state.busy = true;
  ui.submit().disabled = true;
  showLines(ui.messages(), ['予約を確認して追加しています…'], 'muted');
  try {
    const result = await server.sidebarAddBooking(form);
    showResult(result);
  } catch (error) {
    ui.messages().replaceChildren(messageLine(`エラー: ${failureText(error)}`));
  } finally {
    state.busy = false;
    ui.submit().disabled = false;
  }
}

function showResult(result: AddBookingResult): void {
  if (!result.ok) {
    ui.messages().replaceChildren(...result.messages.map(messageLine));
    if (result.added) void loadSlots();
    return;
  }
  closeForm();
  clearForm();
  ui.resultPanel().hidden = false;
  showLines(ui.readBack(), result.readBack);
  ui.resultId().textContent = `予約ID ${result.id}（予約シート${result.rowNumber}行目）を追加しました。`;
  ui.resultNotes().replaceChildren(...result.messages.map(messageLine));
  ui.resultPanel().scrollIntoView({ block: 'start' });
  void loadSlots();
}

// ---------------------------------------------------------------------------------------------

function start(): void {
  ui.channel().replaceChildren(
    ...CHANNEL_CHOICES.map((c) => el('option', { text: c, attrs: { value: c } })),
  );
  ui.officeFilter().addEventListener('change', () => {
    state.office = ui.officeFilter().value;
    void loadSlots();
  });
  ui.refresh().addEventListener('click', () => void loadSlots());
  ui.lookup().addEventListener('click', () => void lookupSeeker());
  ui.seekerNo().addEventListener('change', () => void lookupSeeker());
  ui.form().addEventListener('submit', (event) => void submitBooking(event));
  byId<HTMLButtonElement>('cancel').addEventListener('click', () => {
    closeForm();
    clearForm();
  });
  byId<HTMLButtonElement>('next').addEventListener('click', () => {
    ui.resultPanel().hidden = true;
  });
  void loadSlots();
}

start();
