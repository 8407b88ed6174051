// Protection of a range or a whole sheet. The wrapper reads the live ProtectionModel, so a
// protection fetched before rows were inserted reports where its range is now.
import { rangeArg } from './args';
import type { Ctx } from './context';
import { asEnum } from './enums';
import { Protection_METHODS } from './gas-names';
import type { ProtectionModel, SheetModel } from './model';
import { notEmulatedBase } from './not-emulated';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Session's User, as Protection.getEditors hands it out. */
export class EmuUser implements GoogleAppsScript.Base.User {
  constructor(
    private readonly ctx: Ctx,
    private readonly email: string,
  ) {}

  getEmail(): string {
    return this.ctx.rec.call('User.getEmail', () => this.email);
  }

  getUserLoginId(): string {
    return this.ctx.rec.call('User.getUserLoginId', () => this.email);
  }
}

/** An editor argument: an e-mail address or a User. */
function emailOf(user: unknown): string {
  if (typeof user === 'object' && user !== null && 'getEmail' in user) {
    return String((user as GoogleAppsScript.Base.User).getEmail());
  }
  return String(user);
}

/** A new protection created by the effective user (who becomes its only editor). */
export function newProtection(
  ctx: Ctx,
  sheet: SheetModel,
  p: Omit<
    ProtectionModel,
    'editors' | 'domainEdit' | 'unprotected' | 'description' | 'warningOnly'
  >,
): ProtectionModel {
  const model: ProtectionModel = {
    ...p,
    description: '',
    warningOnly: false,
    editors: [ctx.deps.effectiveUser()],
    domainEdit: true,
    unprotected: [],
  };
  sheet.protections.push(model);
  return model;
}

export class EmuProtection extends notEmulatedBase<Protection>('Protection', Protection_METHODS) {
  constructor(
    private readonly ctx: Ctx,
    readonly sheetModel: SheetModel,
    readonly protection: ProtectionModel,
  ) {
    super();
  }

  private step(method: string, change: () => void): Protection {
    return this.ctx.rec.call(`Protection.${method}`, () => {
      change();
      return this;
    });
  }

  override addEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.step('addEditor', () => this.add([emailOf(user)]));
  }

  override addEditors(emailAddresses: string[]): Protection {
    return this.step('addEditors', () => this.add(Array.from(emailAddresses, emailOf)));
  }

  private add(emails: string[]): void {
    for (const e of emails)
      if (!this.protection.editors.includes(e)) this.protection.editors.push(e);
  }

  override removeEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.step('removeEditor', () => this.remove1([emailOf(user)]));
  }

  override removeEditors(users: string[] | GoogleAppsScript.Base.User[]): Protection {
    return this.step('removeEditors', () => this.remove1(Array.from(users as unknown[], emailOf)));
  }

  private remove1(emails: string[]): void {
    // The owner (here: the effective user) can never be removed, as in Sheets.
    const owner = this.ctx.deps.effectiveUser();
    this.protection.editors = this.protection.editors.filter(
      (e) => e === owner || !emails.includes(e),
    );
  }

  override canDomainEdit(): boolean {
    return this.ctx.rec.call('Protection.canDomainEdit', () => this.protection.domainEdit);
  }

  override setDomainEdit(editable: boolean): Protection {
    return this.step('setDomainEdit', () => (this.protection.domainEdit = Boolean(editable)));
  }

  override canEdit(): boolean {
    return this.ctx.rec.call('Protection.canEdit', () =>
      this.protection.editors.includes(this.ctx.deps.effectiveUser()),
    );
  }

  override getDescription(): string {
    return this.ctx.rec.call('Protection.getDescription', () => this.protection.description);
  }

  override setDescription(description: string): Protection {
    return this.step('setDescription', () => (this.protection.description = String(description)));
  }

  override getEditors(): GoogleAppsScript.Base.User[] {
    return this.ctx.rec.call('Protection.getEditors', () =>
      this.ctx.rec.toScript(this.protection.editors.map((e) => new EmuUser(this.ctx, e))),
    );
  }

  override getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.ctx.rec.call('Protection.getProtectionType', () =>
      asEnum<GoogleAppsScript.Spreadsheet.ProtectionType>(this.protection.type),
    );
  }

  override getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.rec.call('Protection.getRange', () => {
      const s = this.sheetModel;
      const rect = this.protection.rect ?? {
        row: 1,
        column: 1,
        numRows: s.maxRows,
        numColumns: s.maxColumns,
      };
      return this.ctx.range(s, { ...rect });
    });
  }

  override getRangeName(): string | null {
    return this.ctx.rec.call('Protection.getRangeName', () => null);
  }

  override getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ctx.rec.call('Protection.getUnprotectedRanges', () =>
      this.ctx.rec.toScript(
        this.protection.unprotected.map((r) => this.ctx.range(this.sheetModel, { ...r })),
      ),
    );
  }

  override setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    return this.step('setUnprotectedRanges', () => {
      // Only a sheet protection can have holes; Apps Script ignores the call on a range one.
      if (this.protection.type !== 'SHEET') return;
      this.protection.unprotected = Array.from(ranges, (r) => ({
        ...rangeArg('Protection.setUnprotectedRanges', r).rect,
      }));
    });
  }

  override isWarningOnly(): boolean {
    return this.ctx.rec.call('Protection.isWarningOnly', () => this.protection.warningOnly);
  }

  override setWarningOnly(warningOnly: boolean): Protection {
    return this.step('setWarningOnly', () => (this.protection.warningOnly = Boolean(warningOnly)));
  }

  override setRange(range: GoogleAppsScript.Spreadsheet.Range): Protection {
    return this.step('setRange', () => {
      if (this.protection.type !== 'RANGE') return;
      this.protection.rect = { ...rangeArg('Protection.setRange', range).rect };
    });
  }

  override remove(): void {
    this.ctx.rec.call('Protection.remove', () => {
      this.sheetModel.protections = this.sheetModel.protections.filter(
        (p) => p !== this.protection,
      );
    });
  }
}
