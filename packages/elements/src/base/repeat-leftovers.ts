/**
 * Removes, from the host of a virtualized list, the markers lit-html's `repeat` leaves behind.
 *
 * Each item `repeat` renders sits between a start and an end marker (empty comments). Since
 * lit-html 3.3 (lit/lit#4975), removing an item removes its content and its start marker but not
 * its end marker. A virtualizer removes items on every scroll step, so its host gains one comment
 * per item scrolled past — and the virtualizer walks all of them several times per frame
 * (`Virtualizer._children`, once per rendered child in `_positionChildren`): after 6,000 rows of
 * a table, a frame spent about 35 ms there alone.
 *
 * A live marker always touches its item's content (an element or text node); a leftover sits
 * between other comments. So this is safe where every item renders at least one element — render
 * a placeholder element, never an empty template, for a missing item. Call it when the rendered
 * range changes (`rangeChanged`); it walks only the host's own child nodes.
 */
export function removeRepeatLeftovers(host: Node): void {
  let node = host.firstChild;
  while (node) {
    const next = node.nextSibling;
    if (
      node.nodeType === Node.COMMENT_NODE &&
      (node as Comment).data === '' &&
      (node.previousSibling === null || node.previousSibling.nodeType === Node.COMMENT_NODE) &&
      (next === null || next.nodeType === Node.COMMENT_NODE)
    )
      node.remove();
    node = next;
  }
}
