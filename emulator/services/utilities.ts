// Utilities: only newBlob, the one member the bundle calls (the .ics attachment). Every other
// method and enum exists and throws 'not emulated: Utilities.<name>', so a script that starts
// using one fails loudly here instead of passing on a guess.
import { Utilities_METHODS } from '../spreadsheet/gas-names.js';
import { notEmulated, notEmulatedBase } from '../spreadsheet/not-emulated.js';
import { EmuBlob, toBytes } from './blob.js';
import { stringArg, type ServiceContext } from './common.js';

const MISSING_ENUMS = ['Charset', 'DigestAlgorithm', 'MacAlgorithm', 'RsaAlgorithm'];

export class EmuUtilities extends notEmulatedBase<GoogleAppsScript.Utilities.Utilities>(
  'Utilities',
  Utilities_METHODS,
) {
  constructor(private readonly context: ServiceContext) {
    super();
    for (const name of MISSING_ENUMS) {
      Object.defineProperty(this, name, {
        get: () => {
          throw notEmulated(`Utilities.${name}`);
        },
      });
    }
  }

  override newBlob(
    data: GoogleAppsScript.Byte[] | string,
    contentType?: string,
    name?: string,
  ): GoogleAppsScript.Base.Blob {
    const { runtime } = this.context;
    return runtime.callWithArgs('Utilities.newBlob', [data, contentType, name], () => {
      const type =
        contentType === undefined ? null : stringArg(runtime, contentType, 'contentType');
      const fileName = name === undefined ? null : stringArg(runtime, name, 'name');
      return new EmuBlob(runtime, toBytes(data), type, fileName);
    });
  }
}
