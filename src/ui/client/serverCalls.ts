// A typed google.script.run (in the manner of enuchi/React-Google-Apps-Script's serverFunctions):
// each server function the sidebar uses becomes a Promise-returning call whose argument and result
// types come from the shared SidebarServer interface, so the page and src/app/sidebar.ts agree.
import type { SidebarServer } from '../shared/sidebarApi';

/** The part of HtmlService's client API this page uses. */
interface GoogleScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRun;
  withFailureHandler(handler: (error: unknown) => void): GoogleScriptRun;
}
declare const google: { script: { run: GoogleScriptRun } };

type ServerName = keyof SidebarServer;
type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
export type ServerCalls = { [K in ServerName]: Promised<SidebarServer[K]> };

export function callServer<K extends ServerName>(
  name: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[K]>))
      .withFailureHandler(reject) as unknown as Record<
      K,
      (...a: Parameters<SidebarServer[K]>) => void
    >;
    runner[name](...args);
  });
}

export const server: ServerCalls = {
  sidebarGetFreeSlots: (request) => callServer('sidebarGetFreeSlots', request),
  sidebarLookupSeeker: (seekerNo) => callServer('sidebarLookupSeeker', seekerNo),
  sidebarAddBooking: (form) => callServer('sidebarAddBooking', form),
};

/** A failure's message for the page (the server sends plain Japanese; anything else is generic). */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return message !== '' ? message : 'サーバーとの通信に失敗しました。もう一度お試しください。';
}
