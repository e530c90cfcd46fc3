/**
 * Keeps our UI host visible and usable over a fullscreen element. A fullscreen element sits in
 * the browser's top layer and covers the rest of the page, whatever its z-index. Joining the top
 * layer as a manual popover paints the popover above it, but Chromium does not hit-test it there
 * (clicks and the pointer go to the fullscreen element, so the popover closes when the pointer
 * moves into it and its buttons cannot be pressed). So, while the page is fullscreen and a
 * popover is open, the host moves into the fullscreen element (its last child), and back after
 * <body> as soon as the popover closes or fullscreen ends: the page's own tree carries our
 * element only for that time. Replaced elements (a fullscreen <video>, <iframe>, <canvas>…)
 * cannot show children and have no text to hover, so the host stays where it is.
 */

/** Elements whose children are never rendered. */
const CHILDLESS = new Set(['video', 'audio', 'iframe', 'canvas', 'img', 'object', 'embed', 'input', 'textarea', 'select']);

export interface FullscreenFollower {
  /** Call after a popover is shown or the page enters or leaves fullscreen while one is open. */
  follow(): void;
  /** Puts the host back at home (the popover closed). */
  goHome(): void;
}

export function followFullscreen(host: HTMLElement, home: () => ParentNode = () => host.ownerDocument.documentElement): FullscreenFollower {
  const doc = host.ownerDocument;

  const goHome = () => {
    const parent = home();
    if (host.isConnected && host.parentNode !== parent) parent.append(host);
  };

  const follow = () => {
    const fullscreen = doc.fullscreenElement;
    if (!fullscreen || CHILDLESS.has(fullscreen.localName) || fullscreen.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      goHome();
      return;
    }
    if (host.isConnected && host.parentNode !== fullscreen) fullscreen.append(host);
  };

  return { follow, goHome };
}
