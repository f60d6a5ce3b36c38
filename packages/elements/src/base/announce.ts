/**
 * Puts `text` in the host's live region (`host.announcement`). A repeat of the same words must be
 * heard again: the region is cleared first, then set on the next frame.
 */
export function announce(host: { announcement: string }, text: string): void {
  if (host.announcement === text) {
    host.announcement = '';
    requestAnimationFrame(() => (host.announcement = text));
  } else host.announcement = text;
}
