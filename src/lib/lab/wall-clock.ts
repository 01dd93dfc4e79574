// The wall-clock times that log collectors' prefixes print (src/lib/parse/line-prefix.ts), as
// numbers the lab can draw on a time-of-day axis. A time is read as printed: the clock reading,
// with its zone left aside, so that the axis shows the same hours as the log (journald prints the
// host's local time without a zone; containerd and Docker print UTC).

const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:[.,](\d+))?(Z|[+-]\d\d:?\d\d)?$/;
const SHORT = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// journalctl's short format prints no year: the clock reading is placed in 2000, a leap year, so
// that 29 February exists; only the time of day and the date are shown.
const NO_YEAR = 2000;

/** Seconds since 1970 of a wall time as printed (its zone ignored); NaN when it is not one we know. */
export function wallSeconds(wall: string): number {
  let m = ISO.exec(wall);
  if (m !== null) {
    const [, y, mo, d, h, mi, s, frac] = m;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000 + fraction(frac);
  }
  m = SHORT.exec(wall);
  if (m !== null) {
    const [, mon, d, h, mi, s, frac] = m;
    const month = MONTHS.indexOf(mon ?? "");
    return Date.UTC(NO_YEAR, month, Number(d), Number(h), Number(mi), Number(s)) / 1000 + fraction(frac);
  }
  return NaN;
}

function fraction(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(`0.${digits}`);
}

/** The zone a wall time was printed in (`UTC`, `+01:00`), or null when it printed none (journald short). */
export function wallZone(wall: string): string | null {
  const zone = ISO.exec(wall)?.[8];
  if (zone === undefined) return null;
  if (zone === "Z" || /^[+-]00:?00$/.test(zone)) return "UTC";
  return zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** True when a wall time carries its year (journald's short format does not). */
export function wallHasYear(wall: string): boolean {
  return ISO.test(wall);
}
