// The Content-Security-Policy of every page: the site loads only its own files, runs only its
// own scripts, and talks to nobody else. Pages carry it in a <meta> element, so it holds on
// any static host; `_headers` (Cloudflare Pages, Netlify) repeats it as a header and adds
// what a <meta> policy cannot say (frame-ancestors).

/**
 * 'wasm-unsafe-eval' lets the pages that run DuckDB-WASM or parquet-wasm compile WebAssembly;
 * it allows no JavaScript eval. Styles may be inline: Plot writes a <style> into each chart and
 * positions with style attributes, and no style can run code.
 */
export function contentSecurityPolicy(options: { wasm: boolean; header?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self'${options.wasm ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // Charts become PNG through an image of their SVG; downloads are blob: URLs, and a chart
    // redrawn in the page is read back from its blob: download (never anything remote).
    "img-src 'self' data: blob:",
    "connect-src 'self' blob:",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  if (options.header) directives.push("frame-ancestors 'self'");
  return directives.join('; ');
}

/** `_headers` for hosts that read it: the policy (with wasm, for the workers), and friends. */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${contentSecurityPolicy({ wasm: true, header: true })}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
