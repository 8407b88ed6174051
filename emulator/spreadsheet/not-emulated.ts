// Base classes that make every Apps Script method exist: the ones a class does not override throw
// 'not emulated: <Class.method>'. Typing the base as the full GAS interface means an emulated
// method is an `override` of the real signature, so a signature that drifts from
// @types/google-apps-script is a type error, and a misspelt override has nothing to override.

/** The error the emulator throws for an Apps Script method it does not model. */
export function notEmulated(method: string): Error {
  return new Error(`not emulated: ${method}`);
}

/**
 * An error as Apps Script raises it: named `Exception`, so it prints as "Exception: <message>"
 * while `e.message` is the bare sentence, as on Google's servers. A host-realm Error; the runtime
 * re-creates it in the script realm (keeping the name) when a script is running.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/**
 * A base class typed as the GAS interface `I` whose prototype carries a throwing stub for every
 * method in `methods` (the generated lists in gas-names.ts).
 */
export function notEmulatedBase<I extends object>(
  className: string,
  methods: readonly string[],
): abstract new () => I {
  abstract class NotEmulated {}
  for (const name of methods) {
    Object.defineProperty(NotEmulated.prototype, name, {
      value: function notEmulatedStub(): never {
        throw notEmulated(`${className}.${name}`);
      },
      writable: true,
      configurable: true,
    });
  }
  return NotEmulated as unknown as abstract new () => I;
}
