import TinqFacts

/// `Period` is a calendar bucket of an article's date: a month, a quarter, an ISO week or a day.
/// The period fields (`month`, `quarter`, `week`, `day`) read it, and `count ... by PERIOD` fills
/// the periods between the first and the last with zero rows, so a series reads along time.
enum Period: Sendable, Equatable {
  case month, quarter, week, day

  /// The most rows a gap may be filled with; a longer span is left as it is.
  static let maximumFill = 20_000

  /// The period of a date, as the field shows it; nil when the date is not precise enough.
  func value(of date: PartialDate?) -> Value {
    guard let d = date, let m = d.month else { return .null }
    switch self {
    case .month: return .date(PartialDate(year: d.year, month: m))
    case .quarter: return .text(Self.pad(d.year, 4) + "-Q" + String((m - 1) / 3 + 1))
    case .day:
      guard d.day != nil else { return .null }
      return .date(d)
    case .week:
      guard let day = d.day else { return .null }
      let (year, week) = Self.isoWeek(year: d.year, month: m, day: day)
      return .text(Self.pad(year, 4) + "-W" + Self.pad(week, 2))
    }
  }

  /// The periods from `first` to `last` inclusive, in order, or nil when they cannot be listed
  /// (values of another kind, or a span longer than `maximumFill`).
  func span(from first: Value, to last: Value) -> [Value]? {
    var out: [Value] = []
    switch (self, first, last) {
    case (.month, .date(let a), .date(let b)):
      guard let am = a.month, let bm = b.month else { return nil }
      var (y, m) = (a.year, am)
      while (y, m) <= (b.year, bm) {
        out.append(.date(PartialDate(year: y, month: m)))
        if out.count > Self.maximumFill { return nil }
        (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
      }
    case (.day, .date(let a), .date(let b)):
      guard let start = Self.dayNumber(a), let end = Self.dayNumber(b), end - start <= Self.maximumFill else { return nil }
      for n in start...max(start, end) { out.append(.date(Self.date(ofDay: n))) }
    case (.quarter, .text(let a), .text(let b)):
      guard let (y0, q0) = Self.parse(a, "Q"), let (y1, q1) = Self.parse(b, "Q") else { return nil }
      var (y, q) = (y0, q0)
      while (y, q) <= (y1, q1) {
        out.append(.text(Self.pad(y, 4) + "-Q" + String(q)))
        if out.count > Self.maximumFill { return nil }
        (y, q) = q == 4 ? (y + 1, 1) : (y, q + 1)
      }
    case (.week, .text(let a), .text(let b)):
      guard let (y0, w0) = Self.parse(a, "W"), let (y1, w1) = Self.parse(b, "W") else { return nil }
      // Walk Mondays from the first week's to the last week's.
      var n = Self.mondayOf(isoYear: y0, week: w0)
      let end = Self.mondayOf(isoYear: y1, week: w1)
      guard end - n <= 7 * Self.maximumFill else { return nil }
      while n <= end {
        let d = Self.date(ofDay: n)
        let (y, w) = Self.isoWeek(year: d.year, month: d.month ?? 1, day: d.day ?? 1)
        out.append(.text(Self.pad(y, 4) + "-W" + Self.pad(w, 2)))
        n += 7
      }
    default:
      return nil
    }
    return out
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  static func parse(_ text: String, _ letter: Character) -> (Int, Int)? {
    let parts = text.split(separator: "-")
    guard parts.count == 2, let y = Int(parts[0]), parts[1].first == letter, let n = Int(parts[1].dropFirst()) else { return nil }
    return (y, n)
  }

  /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func dayNumber(_ d: PartialDate) -> Int? {
    guard let m = d.month, let day = d.day else { return nil }
    return days(year: d.year, month: m, day: day)
  }

  static func date(ofDay n: Int) -> PartialDate {
    let z = n + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return PartialDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// Monday = 1 ... Sunday = 7.
  static func weekday(_ n: Int) -> Int { ((n % 7 + 7) % 7 + 3) % 7 + 1 }

  /// The ISO 8601 week-numbering year and week of a date.
  static func isoWeek(year: Int, month: Int, day: Int) -> (Int, Int) {
    let n = days(year: year, month: month, day: day)
    let thursday = n - weekday(n) + 4
    let y = date(ofDay: thursday).year
    let week = (thursday - days(year: y, month: 1, day: 1)) / 7 + 1
    return (y, week)
  }

  /// The day number of the Monday of an ISO week.
  static func mondayOf(isoYear: Int, week: Int) -> Int {
    let jan4 = days(year: isoYear, month: 1, day: 4)
    return jan4 - (weekday(jan4) - 1) + (week - 1) * 7
  }
}
