// A private session: this tab's documents, files and chat live only in memory (the API runs
// in the page over an in-memory database), and nothing about them is written to IndexedDB,
// Cache Storage or localStorage. The choice itself is a flag in sessionStorage, so it holds
// across a reload of the tab and goes when the tab closes; the /embed widget forces it on.
const FLAG = 'ocrchat.private';
let forced = false;

function flag(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(FLAG) === '1';
  } catch {
    return false; // a storage-blocked iframe: it runs in memory anyway
  }
}

/** Whether this page runs a private session. */
export const isPrivateSession = (): boolean => forced || flag();

/** For a page that is always private (the /embed widget): call before the app boots. */
export function forcePrivateSession(): void {
  forced = true;
}

/**
 * Switches this tab into or out of a private session. The page reloads: which database and
 * transport it uses is decided once, when it boots. Leaving forgets the private documents;
 * the regular ones were never touched and come back.
 */
export function setPrivateSession(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(FLAG, '1');
    else sessionStorage.removeItem(FLAG);
  } catch {
    return; // without sessionStorage the page is in memory already (see host/boot.ts)
  }
  location.reload();
}
