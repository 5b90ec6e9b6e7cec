// The calendar module's functions over the proleptic Gregorian calendar
// (Lib/calendar.py): isleap, leapdays, weekday, monthrange, monthcalendar
// (Calendar().monthdayscalendar: the list of days cut into weeks by slices,
// the weeks gathered by a list comprehension) and day_name/day_abbr/
// month_name/month_abbr indexed (a fresh str from date.strftime, English as
// the C locale gives it). From 3.12 weekday returns a calendar.Day member,
// which pymem does not model: what passes through it is refused. The classes,
// the enums, printing and the other names are refused by name.
import { ctx } from "./ctx.js";
import { PyException, PymemError } from "./errors.js";
import { intValue } from "./numbers.js";
import { listAppend, newEmptyList, newListExact } from "./lists.js";
import { nativeFunction as fn, pyBool, pyInt, pyStrFresh, type PyObj } from "./objects.js";
import { nativeObject } from "./nativeObjects.js";
import { newTuple } from "./tuples.js";

const MDAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

const REFUSED = ["Calendar", "TextCalendar", "HTMLCalendar", "LocaleTextCalendar", "LocaleHTMLCalendar", "IllegalMonthError", "IllegalWeekdayError",
  "Day", "Month", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
  "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "January", "February", "EPOCH", "calendar", "month", "prcal", "prmonth", "prweek",
  "setfirstweekday", "firstweekday", "timegm", "week", "weekheader", "format", "formatstring", "mdays", "different_locale", "error", "main", "c"];

function isleap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** An int argument (a bool counts, as it does for calendar.py's arithmetic); anything else is refused. */
function intArg(x: PyObj | undefined, what: string): number {
  const v = x === undefined ? null : intValue(x);
  if (v === null || v === undefined) throw new PymemError("UNSUPPORTED", `calendar.${what}() of anything but ints`);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new PymemError("UNSUPPORTED", `calendar.${what}() of an int this large`);
  return n;
}

/** datetime.date(y, m, d).weekday(), Monday 0; calendar.weekday maps a year outside 1..9999 into the 400-year cycle. */
function weekdayOf(y: number, m: number, d: number): number {
  const yy = y >= 1 && y <= 9999 ? y : 2000 + (((y % 400) + 400) % 400);
  // Days from 0001-01-01 (a Monday) by the proleptic Gregorian count.
  const py = yy - 1;
  let days = py * 365 + Math.floor(py / 4) - Math.floor(py / 100) + Math.floor(py / 400);
  for (let i = 1; i < m; i++) days += (MDAYS[i] as number) + (i === 2 && isleap(yy) ? 1 : 0);
  days += d - 1;
  return days % 7;
}

function checkMonth(m: number): void {
  // IllegalMonthError (its bases change in 3.12): refused rather than worded.
  if (m < 1 || m > 12) throw new PymemError("UNSUPPORTED", "calendar's IllegalMonthError for a month outside 1..12");
}

function refuseDayEnum(what: string): void {
  if (ctx().layout.rules.calendarDayEnum) throw new PymemError("UNSUPPORTED", `calendar.${what} (a calendar.Day member in this version)`);
}

/** day_name / day_abbr / month_name / month_abbr: index to a fresh str (strftime of a date); the object itself is refused. */
function localized(name: string, names: readonly string[], abbr: boolean, isDay: boolean): PyObj {
  return nativeObject(isDay ? "_localized_day" : "_localized_month", {
    getitem: (key) => {
      if (isDay) refuseDayEnum(`${name}[...]`);
      const k = intValue(key);
      if (k === null || k === undefined || typeof k !== "number") throw new PymemError("UNSUPPORTED", `calendar.${name}[...] of anything but a small int`);
      const i = k < 0 ? k + names.length : k;
      if (i < 0 || i >= names.length) throw new PyException("IndexError", "list index out of range");
      const full = names[i] as string;
      return pyStrFresh(abbr ? full.slice(0, 3) : full);
    },
    len: () => names.length,
    repr: () => {
      throw new PymemError("UNSUPPORTED", `repr() of calendar.${name} (it shows its address)`);
    },
  });
}

export function calendarModuleAttrs(): [string, PyObj][] {
  const monthrange = (y: number, m: number): [number, number] => {
    checkMonth(m);
    return [weekdayOf(y, m, 1), (MDAYS[m] as number) + (m === 2 && isleap(y) ? 1 : 0)];
  };
  return [
    ["isleap", fn("isleap", ([y]) => pyBool(isleap(intArg(y, "isleap"))))],
    ["leapdays", fn("leapdays", ([a, b]) => {
      const y1 = intArg(a, "leapdays") - 1;
      const y2 = intArg(b, "leapdays") - 1;
      const f = (x: number, d: number): number => Math.floor(x / d);
      return pyInt(f(y2, 4) - f(y1, 4) - (f(y2, 100) - f(y1, 100)) + (f(y2, 400) - f(y1, 400)));
    })],
    ["weekday", fn("weekday", ([y, m, d]) => {
      refuseDayEnum("weekday()");
      const mm = intArg(m, "weekday");
      checkMonth(mm);
      return pyInt(weekdayOf(intArg(y, "weekday"), mm, intArg(d, "weekday")));
    })],
    ["monthrange", fn("monthrange", ([y, m]) => {
      refuseDayEnum("monthrange()");
      const [d1, n] = monthrange(intArg(y, "monthrange"), intArg(m, "monthrange"));
      return newTuple([pyInt(d1), pyInt(n)]);
    })],
    ["monthcalendar", fn("monthcalendar", ([y, m]) => {
      const [d1, n] = monthrange(intArg(y, "monthcalendar"), intArg(m, "monthcalendar"));
      // itermonthdays (firstweekday 0): zeros before day 1, the days, zeros to fill the last week.
      const days: number[] = [];
      for (let i = 0; i < d1; i++) days.push(0);
      for (let d = 1; d <= n; d++) days.push(d);
      while (days.length % 7 !== 0) days.push(0);
      const weeks = newEmptyList();
      for (let i = 0; i < days.length; i += 7) listAppend(weeks, newListExact(days.slice(i, i + 7).map((d) => pyInt(d))));
      return weeks;
    })],
    ["day_name", localized("day_name", DAY_NAMES, false, true)],
    ["day_abbr", localized("day_abbr", DAY_NAMES, true, true)],
    ["month_name", localized("month_name", MONTH_NAMES, false, false)],
    ["month_abbr", localized("month_abbr", MONTH_NAMES, true, false)],
  ];
}

export function calendarRefusals(): [string, () => PyObj][] {
  return REFUSED.map((name): [string, () => PyObj] => [name, () => {
    throw new PymemError("UNSUPPORTED", `calendar.${name} is not modelled by pymem`);
  }]);
}

