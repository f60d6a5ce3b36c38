// custom-elements.json for @rapport/elements, from the elements' JSDoc headers (`@summary @tag
// @slot @event @csspart @cssproperty @cssstate`) and Lit's `@property` declarations.
// `npm run manifest` writes packages/elements/custom-elements.json (part of `npm run build`); the
// package ships it (`"customElements"` in its package.json) and Storybook reads it for controls
// and docs. Run from the repository root.
const PACKAGE_DIR = 'packages/elements/';

/** Module paths relative to the package (`src/…`), as a consumer of the package sees them. */
function packageRelativePaths() {
  const strip = (value) =>
    typeof value === 'string' && value.startsWith(PACKAGE_DIR)
      ? value.slice(PACKAGE_DIR.length)
      : value;
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'path' || key === 'module') node[key] = strip(value);
      else walk(value);
    }
  };
  return {
    name: 'rapport-package-relative-paths',
    packageLinkPhase({ customElementsManifest }) {
      walk(customElementsManifest.modules);
    },
  };
}

export default {
  globs: [`${PACKAGE_DIR}src/**/*.ts`],
  exclude: [
    `${PACKAGE_DIR}src/**/*.test.ts`,
    `${PACKAGE_DIR}src/**/*.stories.ts`,
    // Translation tables: data, not API (they would only bloat the manifest with their literals).
    `${PACKAGE_DIR}src/i18n/messages/**`,
  ],
  outdir: PACKAGE_DIR,
  litelement: true,
  // The root package.json is not the elements package; its `customElements` field is set by hand.
  packagejson: false,
  plugins: [packageRelativePaths()],
};
