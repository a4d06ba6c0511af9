import sheet from './site.css';

/**
 * The site's one stylesheet (assets/site.css, from src/render/site.css, imported as text):
 * system fonts, light and dark schemes from prefers-color-scheme, a print stylesheet, and layouts
 * that hold from a phone to a wide screen. Colour pairs are chosen for WCAG AA contrast in both
 * schemes (axe checks them in tests). Biome lints and formats it, except noDescendingSpecificity
 * (biome.json): it compares selectors of unrelated parts (`.toc a` after `.parity thead a`), which
 * never match the same element.
 */
export const STYLESHEET: string = sheet;
