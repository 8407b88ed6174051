// HtmlService: pages read from the built project (dist/*.html) or given inline, and HtmlOutput
// with the title and size the Ui shows. Only what the bundle calls: templates, meta tags, modes,
// blobs and the other HtmlOutput members throw 'not emulated'.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../runtime.js';
import { HtmlOutput_METHODS, HtmlService_METHODS } from '../spreadsheet/gas-names.js';
import { notEmulated, notEmulatedBase } from '../spreadsheet/not-emulated.js';
import { integerArg, stringArg, type ServiceContext } from './common.js';

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

interface OutputState {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
}

export class EmuHtmlOutput extends notEmulatedBase<GoogleAppsScript.HTML.HtmlOutput>(
  'HtmlOutput',
  HtmlOutput_METHODS,
) {
  private readonly s: OutputState;

  constructor(
    private readonly runtime: Runtime,
    content: string,
  ) {
    super();
    this.s = { content, title: '', width: null, height: null };
  }

  /** Host view for the Ui and tests; not a script call. */
  hostView(): Readonly<OutputState> {
    return { ...this.s };
  }

  override setHeight(height: GoogleAppsScript.Integer): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setHeight', [height], () => {
      this.s.height = integerArg(this.runtime, height, 'height');
      return this;
    });
  }

  override setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setTitle', [title], () => {
      this.s.title = stringArg(this.runtime, title, 'title');
      return this;
    });
  }

  override setWidth(width: GoogleAppsScript.Integer): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlOutput.setWidth', [width], () => {
      this.s.width = integerArg(this.runtime, width, 'width');
      return this;
    });
  }
}

export class EmuHtmlService extends notEmulatedBase<GoogleAppsScript.HTML.HtmlService>(
  'HtmlService',
  HtmlService_METHODS,
) {
  constructor(
    private readonly context: ServiceContext,
    private readonly pages: PageSource,
  ) {
    super();
    for (const name of ['SandboxMode', 'XFrameOptionsMode']) {
      Object.defineProperty(this, name, {
        get: () => {
          throw notEmulated(`HtmlService.${name}`);
        },
      });
    }
  }

  private get runtime(): Runtime {
    return this.context.runtime;
  }

  /** From a string (a BlobSource is not emulated). */
  override createHtmlOutput(html?: unknown): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlService.createHtmlOutput', [html], () => {
      if (html !== undefined && typeof html !== 'string') {
        throw notEmulated('HtmlService.createHtmlOutput(BlobSource)');
      }
      return new EmuHtmlOutput(this.runtime, html ?? '');
    });
  }

  override createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.runtime.callWithArgs('HtmlService.createHtmlOutputFromFile', [filename], () => {
      const name = stringArg(this.runtime, filename, 'filename');
      return new EmuHtmlOutput(this.runtime, readPage(this.pages, name));
    });
  }
}
