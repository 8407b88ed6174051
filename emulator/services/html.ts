// HtmlService: pages read from the built project (dist/*.html), HtmlOutput as a mutable page,
// and templates whose scriptlets run in the script's realm like on Apps Script:
// `<?= x ?>` prints x escaped, `<?!= x ?>` prints it raw, `<? code ?>` runs code. Template
// properties set by the script (`t.slots = ...`) are visible to the scriptlets as variables.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Realm } from '../realm.js';
import type { Runtime } from '../runtime.js';
import { EmuBlob } from './blob.js';
import { integerArg, makeEnum, notEmulated, stringArg, type ServiceContext } from './common.js';

export const SANDBOX_MODE = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFRAME_OPTIONS_MODE = makeEnum(['ALLOWALL', 'DEFAULT']);

/** Where HTML files come from: inline pages first (tests), then `<pagesDir>/<name>.html`. */
export interface PageSource {
  pagesDir: string;
  pages?: Record<string, string>;
}

export function readPage(source: PageSource, filename: string): string {
  const name = filename.replace(/\.html$/, '');
  const inline = source.pages?.[name] ?? source.pages?.[`${name}.html`];
  if (inline !== undefined) return inline;
  const path = join(source.pagesDir, `${name}.html`);
  if (!existsSync(path)) throw new Error(`No HTML file named ${name} was found.`);
  return readFileSync(path, 'utf8');
}

/** HTML-escapes a printed value (Apps Script escapes contextually; see README gaps). */
export function escapeHtml(value: unknown): string {
  return printable(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function printable(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

interface OutputState {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  faviconUrl: string | null;
  metaTags: { name: string; content: string }[];
}

// Private state lives in a WeakMap so that the object the script holds has no own properties
// besides what the script adds (templates read those as variables).
const outputs = new WeakMap<EmuHtmlOutput, OutputState>();

export class EmuHtmlOutput implements GoogleAppsScript.HTML.HtmlOutput {
  constructor(
    private readonly deps: HtmlDeps,
    content = '',
  ) {
    outputs.set(this, {
      content,
      title: '',
      width: null,
      height: null,
      sandboxMode: 'IFRAME',
      xFrameOptionsMode: 'DEFAULT',
      faviconUrl: null,
      metaTags: [],
    });
  }

  private get s(): OutputState {
    return outputs.get(this)!;
  }

  private get runtime(): Runtime {
    return this.deps.context.runtime;
  }

  /** Host view for the Ui and tests; not a script call. */
  hostView(): Readonly<OutputState> {
    return { ...this.s, metaTags: [...this.s.metaTags] };
  }

  /** @internal Appends without a counted call (template evaluation). */
  emit(text: string): void {
    this.s.content += text;
  }

  addMetaTag(name: string, content: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.addMetaTag', [name, content], () => {
      this.s.metaTags.push({
        name: stringArg(this.runtime, name, 'name'),
        content: stringArg(this.runtime, content, 'content'),
      });
      return this;
    });
  }

  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.append', [addedContent], () => {
      this.emit(printable(addedContent));
      return this;
    });
  }

  appendUntrusted(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.appendUntrusted', [addedContent], () => {
      this.emit(escapeHtml(addedContent));
      return this;
    });
  }

  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return this.runtime.call('HtmlOutput.asTemplate', () => templateFor(this.deps, this.s.content));
  }

  clear(): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.call('HtmlOutput.clear', () => {
      this.s.content = '';
      return this;
    });
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return this.runtime.callWithArgs('HtmlOutput.getAs', [contentType], () => {
      if (contentType !== 'text/html') {
        throw new Error(`not emulated: HtmlOutput.getAs(${String(contentType)})`);
      }
      return this.blob();
    });
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return this.runtime.call('HtmlOutput.getBlob', () => this.blob());
  }

  private blob(): EmuBlob {
    const bytes = new TextEncoder().encode(this.s.content);
    return new EmuBlob(this.runtime, bytes, 'text/html', this.s.title || null);
  }

  getContent(): string {
    return this.runtime.call('HtmlOutput.getContent', () => this.s.content);
  }

  getFaviconUrl(): string {
    return this.runtime.call('HtmlOutput.getFaviconUrl', () => this.s.faviconUrl as string);
  }

  getHeight(): GoogleAppsScript.Integer {
    return this.runtime.call('HtmlOutput.getHeight', () => this.s.height as number);
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.runtime.call('HtmlOutput.getMetaTags', () =>
      this.runtime.toScript(
        this.s.metaTags.map((tag) => new EmuMetaTag(this.runtime, tag.name, tag.content)),
      ),
    );
  }

  getTitle(): string {
    return this.runtime.call('HtmlOutput.getTitle', () => this.s.title);
  }

  getWidth(): GoogleAppsScript.Integer {
    return this.runtime.call('HtmlOutput.getWidth', () => this.s.width as number);
  }

  setContent(content: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setContent', [content], () => {
      this.s.content = stringArg(this.runtime, content, 'content');
      return this;
    });
  }

  setFaviconUrl(iconUrl: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setFaviconUrl', [iconUrl], () => {
      this.s.faviconUrl = stringArg(this.runtime, iconUrl, 'iconUrl');
      return this;
    });
  }

  setHeight(height: GoogleAppsScript.Integer): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setHeight', [height], () => {
      this.s.height = integerArg(this.runtime, height, 'height');
      return this;
    });
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setSandboxMode', [mode], () => {
      if (!Object.values(SANDBOX_MODE).includes(mode as never)) {
        throw new Error('Invalid argument: mode');
      }
      this.s.sandboxMode = String(mode);
      return this;
    });
  }

  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setTitle', [title], () => {
      this.s.title = stringArg(this.runtime, title, 'title');
      return this;
    });
  }

  setWidth(width: GoogleAppsScript.Integer): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setWidth', [width], () => {
      this.s.width = integerArg(this.runtime, width, 'width');
      return this;
    });
  }

  setXFrameOptionsMode(
    mode: GoogleAppsScript.HTML.XFrameOptionsMode,
  ): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setXFrameOptionsMode', [mode], () => {
      if (!Object.values(XFRAME_OPTIONS_MODE).includes(mode as never)) {
        throw new Error('Invalid argument: mode');
      }
      this.s.xFrameOptionsMode = String(mode);
      return this;
    });
  }
}

class EmuMetaTag implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  constructor(
    private readonly runtime: Runtime,
    private readonly name: string,
    private readonly content: string,
  ) {}

  getContent(): string {
    return this.runtime.call('HtmlOutputMetaTag.getContent', () => this.content);
  }

  getName(): string {
    return this.runtime.call('HtmlOutputMetaTag.getName', () => this.name);
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'print'; code: string }
  | { kind: 'raw'; code: string }
  | { kind: 'code'; code: string };

export function parseTemplate(source: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('<?', at);
    if (open < 0) {
      segments.push({ kind: 'text', text: source.slice(at) });
      break;
    }
    if (open > at) segments.push({ kind: 'text', text: source.slice(at, open) });
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new Error(`Unterminated scriptlet at offset ${open}: missing "?>"`);
    const body = source.slice(open + 2, close);
    if (body.startsWith('!=')) segments.push({ kind: 'raw', code: expression(body.slice(2)) });
    else if (body.startsWith('='))
      segments.push({ kind: 'print', code: expression(body.slice(1)) });
    else segments.push({ kind: 'code', code: body });
    at = close + 2;
  }
  return segments;
}

/** A printing scriptlet's expression; a trailing `;` is tolerated as on Apps Script. */
function expression(code: string): string {
  return code.trim().replace(/;+\s*$/, '');
}

/** The JavaScript a template compiles to (what getCode returns): sloppy mode, for `with`. */
export function compileTemplate(source: string): string {
  const lines = parseTemplate(source).map((segment) => {
    switch (segment.kind) {
      case 'text':
        return `__emit(${JSON.stringify(segment.text)});`;
      case 'print':
        return `__emitEscaped((${segment.code}\n));`;
      case 'raw':
        return `__emit(__printable((${segment.code}\n)));`;
      case 'code':
        return `${segment.code}\n`;
    }
  });
  return [
    '(function (__data, __emit, __emitEscaped, __printable, output) {',
    'with (__data) {',
    ...lines,
    '}',
    '})',
  ].join('\n');
}

const templateSources = new WeakMap<object, string>();

class EmuHtmlTemplate {
  constructor(
    private readonly deps: HtmlDeps,
    source: string,
  ) {
    templateSources.set(this, source);
    // Only what the script assigns should be an own property: the scriptlets' variables.
    Object.defineProperty(this, 'deps', { enumerable: false });
  }

  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const runtime = this.deps.context.runtime;
    return runtime.call('HtmlTemplate.evaluate', () => {
      const realm = this.deps.realm();
      const source = templateSources.get(this)!;
      const fn = realm.evaluate(compileTemplate(source), 'template.html') as (
        ...args: unknown[]
      ) => void;
      const data = realm.toScript({} as Record<string, unknown>);
      for (const key of Object.keys(this)) data[key] = (this as Record<string, unknown>)[key];
      const output = new EmuHtmlOutput(this.deps);
      fn(
        data,
        (text: string) => output.emit(text),
        (value: unknown) => output.emit(escapeHtml(value)),
        printable,
        output,
      );
      return output;
    });
  }

  getCode(): string {
    return this.deps.context.runtime.call('HtmlTemplate.getCode', () =>
      compileTemplate(templateSources.get(this)!),
    );
  }

  getCodeWithComments(): string {
    return this.deps.context.runtime.call('HtmlTemplate.getCodeWithComments', () =>
      compileTemplate(templateSources.get(this)!),
    );
  }

  getRawContent(): string {
    return this.deps.context.runtime.call('HtmlTemplate.getRawContent', () =>
      templateSources.get(this)!,
    );
  }
}

function templateFor(deps: HtmlDeps, source: string): GoogleAppsScript.HTML.HtmlTemplate {
  return new EmuHtmlTemplate(deps, source) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
}

// ---------------------------------------------------------------------------------------------

export interface HtmlDeps {
  context: ServiceContext;
  /** The realm scriptlets run in: the current execution's. */
  realm: () => Realm;
  pages: PageSource;
}

function htmlFrom(value: unknown, what: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const source = value as Partial<GoogleAppsScript.Base.BlobSource> | null;
  if (source && typeof source.getBlob === 'function') return source.getBlob().getDataAsString();
  throw new Error(`Invalid argument: ${what}`);
}

export class EmuHtmlService implements GoogleAppsScript.HTML.HtmlService {
  readonly SandboxMode = SANDBOX_MODE as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode =
    XFRAME_OPTIONS_MODE as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  constructor(private readonly deps: HtmlDeps) {}

  private get runtime(): Runtime {
    return this.deps.context.runtime;
  }

  createHtmlOutput(): GoogleAppsScript.HTML.HtmlOutput;
  createHtmlOutput(blob: GoogleAppsScript.Base.BlobSource): GoogleAppsScript.HTML.HtmlOutput;
  createHtmlOutput(html: string): GoogleAppsScript.HTML.HtmlOutput;
  createHtmlOutput(html?: unknown): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs(
      'HtmlService.createHtmlOutput',
      [html],
      () => new EmuHtmlOutput(this.deps, htmlFrom(html, 'html')),
    );
  }

  createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlService.createHtmlOutputFromFile', [filename], () => {
      const name = stringArg(this.runtime, filename, 'filename');
      return new EmuHtmlOutput(this.deps, readPage(this.deps.pages, name));
    });
  }

  createTemplate(blob: GoogleAppsScript.Base.BlobSource): GoogleAppsScript.HTML.HtmlTemplate;
  createTemplate(html: string): GoogleAppsScript.HTML.HtmlTemplate;
  createTemplate(html: unknown): GoogleAppsScript.HTML.HtmlTemplate {
    return this.runtime.callWithArgs('HtmlService.createTemplate', [html], () =>
      templateFor(this.deps, htmlFrom(html, 'html')),
    );
  }

  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return this.runtime.callWithArgs('HtmlService.createTemplateFromFile', [filename], () => {
      const name = stringArg(this.runtime, filename, 'filename');
      return templateFor(this.deps, readPage(this.deps.pages, name));
    });
  }

  getUserAgent(): string {
    return notEmulated(this.runtime, 'HtmlService.getUserAgent');
  }
}
