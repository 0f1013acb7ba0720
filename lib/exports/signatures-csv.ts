// The CSV of a case's confirmed signatures, built as text. Pure: no database, so it is tested on its own.
// Spreadsheets run a cell that starts with = + - @ (or a TAB/CR that hides one) as a formula, so such a cell
// gets a leading apostrophe (OWASP "CSV injection"); every field is quoted, so commas and quotes stay in their
// cell; a UTF-8 byte order mark makes Excel read 李明 and ليلى as written instead of as mojibake.

export type SignatureExportRow = {
  fullName: string;
  country: string;
  countryName: string;
  confirmedAt: Date;
  /** Present only when the supporter asked to hear back (and has not unsubscribed) */
  email: string | null;
};

export const CSV_HEADER = ["Name", "Country code", "Country", "Confirmed at (UTC)", "Email (only if they asked for updates)"] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if a spreadsheet would read it as a formula, then quoted with quotes doubled. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole CSV file from its rows (header first), every cell through csvCell. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  // RFC 4180: CRLF between records
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function signaturesCsv(rows: readonly SignatureExportRow[]): string {
  return csvDocument([CSV_HEADER, ...rows.map((r) => [r.fullName, r.country, r.countryName, r.confirmedAt.toISOString(), r.email ?? ""])]);
}
