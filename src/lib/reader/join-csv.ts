// Joining the yearly canonical CSVs (data/reports/fyYYYY.csv) back into one. On its own, with
// no imports, so the import page can use it without pulling the reader into its bundle.

/** Canonical CSVs (each with its header line) as one: the first header, then every row. */
export function joinCanonicalCsvs(texts: string[]): string {
  return texts.map((t, i) => (i === 0 ? t : t.slice(t.indexOf('\n') + 1))).join('');
}
