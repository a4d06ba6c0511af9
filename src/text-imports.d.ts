// Stylesheets are imported as their text: esbuild's text loader (scripts/build.js) in the
// bundles, test/transforms/text.cjs under Jest.
declare module '*.css' {
  const text: string;
  export default text;
}
