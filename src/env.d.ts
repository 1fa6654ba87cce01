/** A file emitted gzip-compressed by the build (src/lib/build/gzip-url.ts); its URL. */
declare module '*?gzip-url' {
  const url: string;
  export default url;
}
