// The swagger-ui-dist files that `bundled-files.ts` imports with import
// attributes: text (`type: 'text'`) or bytes (`type: 'bytes'`).
declare module 'swagger-ui-dist/swagger-ui-bundle.js' {
  const text: string;
  export default text;
}
declare module 'swagger-ui-dist/swagger-ui-standalone-preset.js' {
  const text: string;
  export default text;
}
declare module 'swagger-ui-dist/swagger-ui.css' {
  const text: string;
  export default text;
}
declare module 'swagger-ui-dist/oauth2-redirect.html' {
  const text: string;
  export default text;
}
declare module 'swagger-ui-dist/oauth2-redirect.js' {
  const text: string;
  export default text;
}
declare module 'swagger-ui-dist/favicon-32x32.png' {
  const bytes: Uint8Array;
  export default bytes;
}
declare module 'swagger-ui-dist/favicon-16x16.png' {
  const bytes: Uint8Array;
  export default bytes;
}
