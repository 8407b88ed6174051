// The one place bundle and reliability tests create an Emulator: it applies the world the test
// run is in (EMU_VARIANTS, set per vitest project in vitest.config.ts), so every bundle test runs
// once in each of Google's undocumented answers (emulator/variants.ts).
//
// EMU_VARIANTS is a world name (strict, lenient, mixed) or a list of single choices on top of the
// default world, e.g. `EMU_VARIANTS=emptyRead=throws,typedDates=text npx vitest run test/bundle`.
import { Emulator, type EmulatorOptions } from '../emulator/index';
import { DEFAULT_VARIANTS, WORLDS, worldVariants, type Variants } from '../emulator/variants';

const CHOICES: { [K in keyof Variants]: readonly Variants[K][] } = {
  emptyRead: ['throws', 'empty', 'blankCell'],
  checkboxFill: ['false', 'none'],
  insertRowsCopy: ['formats', 'none'],
  typedDates: ['dates', 'text'],
};

function parseWorld(spec: string | undefined): { name: string; variants: Readonly<Variants> } {
  const text = (spec ?? '').trim();
  if (text === '') return { name: 'strict', variants: DEFAULT_VARIANTS };
  if (!text.includes('=')) return { name: text, variants: worldVariants(text) };
  const variants: Record<string, string> = { ...DEFAULT_VARIANTS };
  for (const part of text.split(',')) {
    const [key = '', value = ''] = part.split('=').map((s) => s.trim());
    const allowed = (CHOICES as Record<string, readonly string[]>)[key];
    if (!allowed || !allowed.includes(value)) {
      throw new Error(`EMU_VARIANTS: "${part}" is no variant choice (${JSON.stringify(CHOICES)})`);
    }
    variants[key] = value;
  }
  return { name: text, variants: Object.freeze(variants as unknown as Variants) };
}

/** The world this test run is in. */
export const WORLD = parseWorld(process.env.EMU_VARIANTS);

/** The named worlds, for tests that compare against them. */
export { WORLDS };

/** `new Emulator(options)` in the current world; a test's own `variants` win over it. */
export function createEmulator(options: EmulatorOptions): Emulator {
  return new Emulator({ ...options, variants: { ...WORLD.variants, ...options.variants } });
}
