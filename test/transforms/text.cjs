// Jest transform: a file imported as text (a .css stylesheet) becomes a module whose default
// export is its contents, as esbuild's text loader makes it in the bundles (scripts/build.js).
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
