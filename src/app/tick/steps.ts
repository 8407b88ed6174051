// The runner of the time-driven work's steps, and the context (設定, 対象者, 休業日) they share.
import { type CheckRun, NeedsPerson } from '../checkService';
import { loadCheckContext, type LoadedContext } from '../context';
import { describeError } from '../runAction';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Runs steps one by one, isolating failures: logged now, the first rethrown at the end. */
export class Steps {
  private readonly failures: unknown[] = [];
  /** 初期設定 has not made the sheets (or a header was renamed): nothing to do until it runs. */
  needsPerson = false;

  /** The step's value; undefined when it failed. */
  run<T>(name: string, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (error instanceof NeedsPerson) {
        // A person sees this in the menus; a mail every 10 minutes would only be noise.
        console.warn(`tick ${name}: skipped until 初期設定 is run`);
        this.needsPerson = true;
        return undefined;
      }
      console.error(`tick ${name} failed: ${describeError(error)}`);
      this.failures.push(error);
      return undefined;
    }
  }

  rethrow(): void {
    if (this.failures.length > 0) throw this.failures[0];
  }
}

/** What the check loaded (設定, 対象者, 休業日); read again only if the check itself failed. */
export function contextOf(
  steps: Steps,
  checked: CheckRun | undefined,
  spreadsheet: Spreadsheet,
  now: Date,
): LoadedContext | undefined {
  if (checked) {
    return { base: checked.context, problems: checked.problems, rosterTable: checked.rosterTable };
  }
  if (steps.needsPerson) return undefined;
  return steps.run('context', () => loadCheckContext(spreadsheet, now));
}
