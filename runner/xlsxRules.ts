// Data validations and conditional-format rules between Sheets' vocabulary (the snapshot) and
// Excel's. Each direction returns null for what Excel cannot express; the caller keeps those in
// the hidden meta sheet so nothing is silently lost.
import type ExcelJS from 'exceljs';
import type { CellValidationSnapshot, ConditionalFormatSnapshot } from '../emulator/snapshot';
import { fromArgb, toArgb } from './xlsxCells';

// Sheets checkboxes have no xlsx form; a TRUE/FALSE dropdown keeps booleans booleans in Excel and
// reads back as a checkbox.
const CHECKBOX_LIST = ['TRUE', 'FALSE'];
// Excel's limits: a literal list and a prompt each hold at most 255 characters.
const EXCEL_TEXT_LIMIT = 255;
// Excel's date rule needs bounds; "after 1900-01-01" accepts every real date, like Sheets' "is a
// valid date".
const EARLIEST_DATE = new Date(Date.UTC(1900, 0, 1));

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function unquoted(formula: string): string | null {
  const match = /^"((?:[^"]|"")*)"$/s.exec(formula);
  return match ? match[1]!.replace(/""/g, '"') : null;
}

export function toExcelValidation(rule: CellValidationSnapshot): ExcelJS.DataValidation | null {
  const help = rule.helpText ?? '';
  if (help.length > EXCEL_TEXT_LIMIT) return null;
  // Sheets' "allow invalid (show a warning)" is Excel's warning style: the person may keep it.
  const common: Omit<ExcelJS.DataValidation, 'type' | 'formulae'> = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(help ? { showInputMessage: true, prompt: help, error: help } : {}),
  };
  switch (rule.kind) {
    case 'checkbox':
      return { ...common, type: 'list', formulae: [`"${CHECKBOX_LIST.join(',')}"`] };
    case 'list': {
      if (rule.sourceA1) return { ...common, type: 'list', formulae: [rule.sourceA1] };
      const values = rule.values ?? [];
      // Excel's literal list has no escape for its separator.
      if (values.some((v) => v.includes(',') || v.includes('"'))) return null;
      const literal = `"${values.join(',')}"`;
      if (literal.length > EXCEL_TEXT_LIMIT + 2) return null;
      return { ...common, type: 'list', formulae: [literal] };
    }
    case 'date':
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [EARLIEST_DATE] };
    case 'other':
      return null;
  }
}

export function fromExcelValidation(rule: ExcelJS.DataValidation): CellValidationSnapshot {
  // Without an error message Excel accepts anything; warning and information styles let the
  // person keep an invalid value. Only "stop" rejects, like Sheets' allowInvalid=false.
  const allowInvalid = !rule.showErrorMessage || (rule.errorStyle ?? 'stop') !== 'stop';
  const help = rule.prompt ? { helpText: rule.prompt } : {};
  const first = rule.formulae?.[0];
  if (rule.type === 'list' && typeof first === 'string') {
    const literal = unquoted(first);
    if (literal === null) return { kind: 'list', sourceA1: first, allowInvalid, ...help };
    const values = literal === '' ? [] : literal.split(',');
    if (values.join(',') === CHECKBOX_LIST.join(',')) {
      return { kind: 'checkbox', allowInvalid, ...help };
    }
    return { kind: 'list', values, allowInvalid, ...help };
  }
  if (rule.type === 'date') return { kind: 'date', allowInvalid, ...help };
  return { kind: 'other', allowInvalid, ...help };
}

function ruleStyle(rule: ConditionalFormatSnapshot): Partial<ExcelJS.Style> | null {
  const style: Partial<ExcelJS.Style> = {};
  if (rule.background !== undefined) {
    const argb = toArgb(rule.background);
    if (!argb) return null;
    // Differential (conditional) fills take their solid colour from bgColor, unlike cell fills.
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb } };
  }
  if (rule.fontColor !== undefined) {
    const argb = toArgb(rule.fontColor);
    if (!argb) return null;
    style.font = { color: { argb } };
  }
  return style;
}

export function toExcelRule(
  rule: ConditionalFormatSnapshot,
  priority: number,
): ExcelJS.ConditionalFormattingRule | null {
  const style = ruleStyle(rule);
  const value = rule.values[0];
  if (!style || value === undefined || rule.values.length !== 1) return null;
  switch (rule.condition) {
    case 'formula':
      if (!value.startsWith('=')) return null;
      return { type: 'expression', priority, formulae: [value.slice(1)], style };
    case 'textContains':
      // ExcelJS writes SEARCH("text",…) without escaping quotes.
      if (value.includes('"')) return null;
      return { type: 'containsText', operator: 'containsText', text: value, priority, style };
    case 'textEqualTo':
      return { type: 'cellIs', operator: 'equal', formulae: [quoted(value)], priority, style };
    default:
      return null;
  }
}

function snapshotStyle(style: Partial<ExcelJS.Style> | undefined) {
  const fill = style?.fill;
  const background =
    fill?.type === 'pattern' ? (fromArgb(fill.bgColor) ?? fromArgb(fill.fgColor)) : undefined;
  const fontColor = fromArgb(style?.font?.color);
  return {
    ...(background !== undefined ? { background } : {}),
    ...(fontColor !== undefined ? { fontColor } : {}),
  };
}

/** The Sheets rule for an Excel rule, or null for rules Sheets' vocabulary here does not cover. */
export function fromExcelRule(
  rule: ExcelJS.ConditionalFormattingRule,
  ranges: string[],
): ConditionalFormatSnapshot | null {
  const formula: unknown = 'formulae' in rule ? rule.formulae?.[0] : undefined;
  const style = snapshotStyle(rule.style);
  if (rule.type === 'expression' && typeof formula === 'string') {
    return { ranges, condition: 'formula', values: [`=${formula}`], ...style };
  }
  if (rule.type === 'containsText' && rule.operator === 'containsText') {
    // ExcelJS reads back only the formula it wrote: NOT(ISERROR(SEARCH("text",A1))).
    const text =
      rule.text ??
      /SEARCH\("((?:[^"]|"")*)",/.exec(String(formula ?? ''))?.[1]?.replace(/""/g, '"');
    if (text === undefined) return null;
    return { ranges, condition: 'textContains', values: [text], ...style };
  }
  if (rule.type === 'cellIs' && rule.operator === 'equal' && typeof formula === 'string') {
    const text = unquoted(formula);
    if (text === null) return null;
    return { ranges, condition: 'textEqualTo', values: [text], ...style };
  }
  return null;
}
