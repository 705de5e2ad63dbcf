import Testing
import TinqFacts
@testable import TinqEngine

/// Calendar periods: ISO weeks at year boundaries, quarters, and the spans gap-filling lists.
@Suite struct PeriodTests {
  @Test(arguments: [
    (2021, 1, 3, "2020-W53"), (2021, 1, 4, "2021-W01"), (2024, 12, 30, "2025-W01"), (2020, 1, 15, "2020-W03"),
    (2015, 12, 31, "2015-W53"), (2016, 1, 1, "2015-W53"), (2022, 9, 30, "2022-W39"),
  ])
  func isoWeeks(year: Int, month: Int, day: Int, week: String) {
    #expect(Period.week.value(of: PartialDate(year: year, month: month, day: day)) == .text(week))
  }

  @Test func periodsNeedTheirPrecision() {
    #expect(Period.month.value(of: PartialDate(year: 2021)) == .null)
    #expect(Period.quarter.value(of: PartialDate(year: 2021, month: 12)) == .text("2021-Q4"))
    #expect(Period.week.value(of: PartialDate(year: 2021, month: 6)) == .null)
    #expect(Period.day.value(of: PartialDate(year: 2021, month: 6, day: 30)) == .date(PartialDate(year: 2021, month: 6, day: 30)))
  }

  /// A count by period reads dates back from their ordinals (the date order keeps those): every
  /// date with a month and day in range comes back as it was; others give nil (read elsewhere).
  @Test(arguments: [
    PartialDate(year: 2021), PartialDate(year: 2021, month: 6), PartialDate(year: 2021, month: 12, day: 31),
    PartialDate(year: 1900, month: 1, day: 1), PartialDate(year: 0, month: 2, day: 29),
  ])
  func datesComeBackFromTheirOrdinals(_ date: PartialDate) {
    #expect(PartialDate(ordinal: date.ordinal) == date)
  }

  @Test func outOfRangeOrdinalsGiveNoDate() {
    #expect(PartialDate(ordinal: -1) == nil)
    #expect(PartialDate(ordinal: PartialDate(year: 2021, month: 13).ordinal) == nil)
    #expect(PartialDate(ordinal: PartialDate(year: 2021, month: 1, day: 45).ordinal) == nil)
  }

  @Test func spansListEveryPeriodBetween() {
    let weeks = Period.week.span(from: .text("2020-W52"), to: .text("2021-W02")) ?? []
    #expect(weeks == [.text("2020-W52"), .text("2020-W53"), .text("2021-W01"), .text("2021-W02")])
    let days = Period.day.span(from: .date(PartialDate(year: 2024, month: 2, day: 28)), to: .date(PartialDate(year: 2024, month: 3, day: 1))) ?? []
    let leap: [Value] = [
      .date(PartialDate(year: 2024, month: 2, day: 28)), .date(PartialDate(year: 2024, month: 2, day: 29)),
      .date(PartialDate(year: 2024, month: 3, day: 1)),
    ]
    #expect(days == leap)
    #expect(Period.month.span(from: .date(PartialDate(year: 2020, month: 11)), to: .date(PartialDate(year: 2021, month: 2)))?.count == 4)
    // A span too long to list is left alone.
    #expect(Period.day.span(from: .date(PartialDate(year: 1, month: 1, day: 1)), to: .date(PartialDate(year: 9999, month: 1, day: 1))) == nil)
  }
}
