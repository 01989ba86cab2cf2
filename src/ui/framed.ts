// The app's screens (tokens, deleting documents) never run inside another site's frame, where
// that site could lay its own page over the buttons and steer clicks (clickjacking). Headers
// say so where the host sends them; this holds on hosts that send none. /embed is the widget
// made for other sites' frames.

/** True when this page is framed by a page of another origin. */
export function framedByAnotherSite(): boolean {
  if (window.top === window.self) return false;
  try {
    return window.top!.location.origin !== location.origin;
  } catch {
    return true;
  }
}

/** In place of the app: a sentence and a link that opens it in a tab of its own. */
export function showFramedNotice(target: HTMLElement): void {
  const box = document.createElement('main');
  box.setAttribute('data-testid', 'framed-notice');
  box.style.cssText = 'max-width:32rem;margin:2rem auto;padding:1rem;font:16px system-ui,sans-serif';
  const p = document.createElement('p');
  p.textContent = 'OCR.chat does not open inside another site’s page, so that no site can steer your clicks on it. To put OCR in a page, use the /embed widget.';
  const a = document.createElement('a');
  a.href = location.href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = 'Open OCR.chat in its own tab';
  box.append(p, a);
  target.replaceChildren(box);
}
