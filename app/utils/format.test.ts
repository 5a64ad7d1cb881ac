import { describe, expect, test } from "vitest";
import {
  dayOf,
  formatDate,
  formatDateTime,
  formatDayAndTime,
  formatExactNumber,
  formatMegabytes,
  formatNumber,
  formatPercent,
  formatShortDay,
  formatTime,
} from "./format";

// What a reader in Vietnam sees, in each language: Vietnamese groups
// thousands with "." and marks decimals with ","; dates are day first with
// the full year; times are Vietnam's, whatever the server's zone.

const moment = new Date("2026-11-26T03:35:00Z"); // 10:35 in Hà Nội
const day = new Date(Date.UTC(2026, 10, 26)); // a DATE column's value

describe("vi-VN", () => {
  test("dates and times", () => {
    expect(formatDate("vi", day)).toBe("26 tháng 11, 2026");
    expect(formatShortDay("vi", day)).toBe("26/11/2026");
    expect(formatDateTime("vi", moment)).toBe("10:35 26/11/2026");
    expect(formatTime("vi", moment)).toBe("10:35");
    expect(formatDayAndTime("vi", moment)).toBe("10:35 26/11");
  });

  test("numbers, percentages and sizes", () => {
    expect(formatNumber("vi", 1234567)).toBe("1.234.567");
    expect(formatNumber("vi", 12.345, 1)).toBe("12,3");
    expect(formatPercent("vi", 12.5)).toBe("12,5%");
    expect(formatPercent("vi", 19)).toBe("19%");
    expect(formatPercent("vi", 66.6667)).toBe("66,7%");
    expect(formatMegabytes("vi", 1_534_000)).toBe("1,5 MB");
    expect(formatExactNumber("vi", 3.14159)).toBe("3,14159");
    expect(formatExactNumber("vi", 12345.5)).toBe("12345,5");
  });
});

describe("English (en-GB: day first, as Vietnam writes dates)", () => {
  test("dates, times and numbers", () => {
    expect(formatDate("en", day)).toBe("26 November 2026");
    expect(formatShortDay("en", day)).toBe("26/11/2026");
    expect(formatDateTime("en", moment)).toBe("26/11/2026, 10:35");
    expect(formatNumber("en", 1234567)).toBe("1,234,567");
    expect(formatPercent("en", 12.5)).toBe("12.5%");
    expect(formatExactNumber("en", 3.14159)).toBe("3.14159");
  });
});

test("the day in Vietnam, not the server's: 01:00 in Hà Nội is already tomorrow", () => {
  expect(dayOf(new Date("2026-11-25T18:00:00Z"))).toEqual(new Date(Date.UTC(2026, 10, 26)));
  expect(dayOf(new Date("2026-11-25T16:59:00Z"))).toEqual(new Date(Date.UTC(2026, 10, 25)));
});
