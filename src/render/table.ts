import { type Html, html } from './html.js';

export interface ScrollBox {
  /** The table's caption id: the box is labelled by it. */
  captionId: string;
  /** Extra classes of the box. */
  className?: string;
  /** What a screen reader hears about the box besides its caption. */
  hint: string;
  table: Html;
  /** The frame's id, for a link to target. */
  frameId?: string;
}

/**
 * A wide table in a box of its own that scrolls sideways (the page never does), keyboard-focusable.
 * The frame around the box carries the scroll cue: a shade on the edge that has more to show,
 * driven by the box's scroll position in CSS (site.css, "Scroll boxes"); no script.
 */
export function scrollBox(box: ScrollBox): Html {
  const hintId = `${box.captionId}-hint`;
  return html`<div class="scroll-frame"${box.frameId ? html` id="${box.frameId}"` : ''}>
<section class="table-scroll${box.className ? ` ${box.className}` : ''}" aria-labelledby="${box.captionId}" aria-describedby="${hintId}" tabindex="0">
<p class="visually-hidden" id="${hintId}">${box.hint}</p>
${box.table}
</section>
</div>`;
}
