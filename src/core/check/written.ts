// Values as writers type them, read as what they mean: dates (`2024-3-5`, `11 mars 2024`,
// `20240311`, `2024/03/11`, `11/3 2024`; the site reads only YYYY-MM-DD written unquoted) and
// yes or no (`ja`, `nej`; the site reads only true and false).

/**
 * Yes and no as writers type them (English and Swedish), for a field that takes true or false.
 * Without a prototype, so `constructor` or `toString` is no answer.
 */
export const YES_NO: Readonly<Record<string, boolean>> = Object.freeze(Object.assign(Object.create(null) as Record<string, boolean>, { yes: true, no: false, y: true, n: false, on: true, off: false, ja: true, nej: false }));

/** Swedish month names and their short forms; without a prototype, so `constructor` is no month. */
const MONTHS: Readonly<Record<string, number>> = Object.freeze(Object.assign(Object.create(null) as Record<string, number>, {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6, juli: 7, jul: 7,
  augusti: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
}));

/** `year-month-day` when that day exists in the calendar, else undefined. */
function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The day a value written otherwise than YYYY-MM-DD means, as YYYY-MM-DD, and whether that
 * reading is sure. Year first (`2024-3-5`, `2024/03/05`, `20240305`) and a month's name
 * (`5 mars 2024`, `den 5 mars 2024`) are sure; day and month in figures (`5/3 2024`,
 * `5.3.2024`) are read the Swedish way, day first, which a writer should confirm.
 */
export function writtenDate(value: unknown): { date: string; sure: boolean } | undefined {
  const v = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!v || v.length > 40) return undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const date = iso(+m[1], +m[2], +m[3]);
    return date ? { date, sure: true } : undefined;
  }
  m = /^(?:den\s+)?(\d{1,2})(?:\s*\.)?\s+([a-zåäö]+)\.?,?\s+(\d{4})$/iu.exec(v);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    const date = month ? iso(+m[3], month, +m[1]) : undefined;
    return date ? { date, sure: true } : undefined;
  }
  m = /^(\d{1,2})[/.](\d{1,2})(?:[/.]|\s+)(\d{4})$/.exec(v);
  if (m) {
    const date = iso(+m[3], +m[2], +m[1]);
    return date ? { date, sure: false } : undefined;
  }
  return undefined;
}
