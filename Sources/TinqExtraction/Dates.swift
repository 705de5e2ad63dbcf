import TinqFacts
import TinqSupport
import TinqText

/// `Dates` finds an article's own date: a site dateline first, then a statement in the text that
/// opens a sentence, then a reporting period. Dates inside citations, term ranges, birth years and
/// anniversary spans never qualify, because only sentence-initial dates and a few period phrases
/// are read at all.
enum Dates {
  /// What a short line made only of a date stamp is.
  enum StampKind {
    case dateline(PartialDate)
    case header
    case none
  }

  static let stampPrefixes = [
    "cập nhật ngày", "cập nhật lúc", "cập nhật", "ngày đăng", "đăng ngày", "đăng lúc", "thời gian đăng",
    "ngày xuất bản", "xuất bản", "ngày cập nhật", "thời gian", "đăng", "ngày", "lúc", "date", "published",
    "updated",
  ]
  static let weekdays = [
    "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật", "thứ 2", "thứ 3", "thứ 4",
    "thứ 5", "thứ 6", "thứ 7", "cn",
  ]

  /// `classifyStampLine(_:nearTop:)` reads a line such as `15/01/2020 - 21:48`, `04:01, 05/01/2016`
  /// or `Cập nhật ngày: 01/03/2024 06:16:15`. A weekday with a date and no time is a site header.
  static func classifyStampLine(_ line: String, nearTop: Bool) -> StampKind {
    guard !line.isEmpty, line.utf8.count <= 80 else { return .none }
    // Every stamp ends, separators aside, in a digit, `gmt` (with `+`, `:`), or `trước`; checking
    // the last byte first spares the String work on headlines and sentences.
    var end = line.utf8.endIndex
    while end > line.utf8.startIndex {
      let b = line.utf8[line.utf8.index(before: end)]
      guard b == 0x20 || b == 0x2C || b == 0x7C || b == 0x2D || b == 0x28 || b == 0x29 else { break }
      end = line.utf8.index(before: end)
    }
    if end > line.utf8.startIndex {
      let b = line.utf8[line.utf8.index(before: end)]
      let mayEndStamp = b >= 0x80 || ScanText.isDigit(b) || b == 0x2B || b == 0x3A || b | 0x20 == 0x74 || b | 0x20 == 0x63
      if !mayEndStamp { return .none }
    }
    var s = Substring(line.lowercased())
    // A relative stamp (`2 giờ trước`) carries no date but is no headline either.
    let parts = s.split(separator: " ")
    if parts.count == 3, parts[0].allSatisfy(\.isASCII), Int(parts[0]) != nil, parts[2] == "trước",
      ["giây", "phút", "giờ", "ngày", "tuần", "tháng", "năm"].contains(String(parts[1]))
    {
      return .header
    }
    var hasPrefix = false
    var hasWeekday = false
    for _ in 0..<2 {
      for p in stampPrefixes where s.hasPrefix(p) {
        let rest = s.dropFirst(p.count)
        if let f = rest.first, f == ":" || f == " " {
          s = rest.drop { $0 == ":" || $0 == " " }
          hasPrefix = true
          break
        }
      }
      for w in weekdays where s.hasPrefix(w) {
        let rest = s.dropFirst(w.count)
        if let f = rest.first, f == "," || f == " " {
          s = rest.drop { $0 == "," || $0 == " " }
          hasWeekday = true
          break
        }
      }
    }
    let bytes = Array(s.utf8)
    var i = 0
    var date: PartialDate? = nil
    var times = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x2C || b == 0x7C || b == 0x2D || b == 0x28 || b == 0x29 {
        i += 1
        continue
      }
      if ScanText.isDigit(b) {
        var j = i
        while j < bytes.count, ScanText.isDigit(bytes[j]) || bytes[j] == 0x2F || bytes[j] == 0x3A
          || bytes[j] == 0x2D || bytes[j] == 0x2E
        {
          j += 1
        }
        // A trailing separator belongs to the next item (`21:48 -`).
        while j > i, !ScanText.isDigit(bytes[j - 1]) { j -= 1 }
        let token = Array(bytes[i..<j])
        if token.contains(0x3A) {
          guard isTime(token) else { return .none }
          times += 1
        } else {
          guard date == nil, let d = numericDate(token) ?? isoDate(token) else { return .none }
          date = d
        }
        i = j
        continue
      }
      if s.utf8.count - i >= 5, String(decoding: bytes[i...], as: UTF8.self).hasPrefix("gmt") {
        i += 3
        while i < bytes.count, bytes[i] == 0x2B || ScanText.isDigit(bytes[i]) || bytes[i] == 0x3A { i += 1 }
        continue
      }
      return .none
    }
    // A month alone (`date 2024-12`) dates an article only behind a metadata key.
    guard let found = date, found.precision == .day || (hasPrefix && found.precision == .month), times <= 2
    else { return .none }
    if times > 0 || hasPrefix { return .dateline(found) }
    if hasWeekday { return .header }
    return nearTop ? .dateline(found) : .none
  }

  static func isTime(_ token: [UInt8]) -> Bool {
    let parts = token.split(separator: 0x3A, omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return false }
    guard let h = ScanText.int(Array(parts[0]), 0, parts[0].count), h < 24, parts[0].count <= 2 else { return false }
    for p in parts.dropFirst() {
      guard p.count == 2, let m = ScanText.int(Array(p), 0, 2), m < 60 else { return false }
    }
    return true
  }

  /// `numericDate(_:)` reads `d/m/yyyy`, `d-m-yyyy` or `d.m.yyyy`, checking the calendar.
  static func numericDate(_ token: [UInt8]) -> PartialDate? {
    guard let sep = token.first(where: { !ScanText.isDigit($0) }) else { return nil }
    let parts = token.split(separator: sep, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
      let d = ScanText.int(Array(parts[0]), 0, parts[0].count),
      let m = ScanText.int(Array(parts[1]), 0, parts[1].count),
      let y = ScanText.int(Array(parts[2]), 0, 4)
    else { return nil }
    return validDate(day: d, month: m, year: y)
  }

  /// `isoDate(_:)` reads `yyyy-mm-dd` and `yyyy-mm`, checking the calendar.
  static func isoDate(_ token: [UInt8]) -> PartialDate? {
    let parts = token.split(separator: 0x2D, omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count <= 2 }),
      let y = ScanText.int(Array(parts[0]), 0, 4), let m = ScanText.int(Array(parts[1]), 0, parts[1].count)
    else { return nil }
    let d = parts.count == 3 ? ScanText.int(Array(parts[2]), 0, parts[2].count) : nil
    if parts.count == 3 && d == nil { return nil }
    return validDate(day: d, month: m, year: y)
  }

  static func validDate(day: Int?, month: Int?, year: Int) -> PartialDate? {
    guard (1900...2100).contains(year) else { return nil }
    guard let m = month else { return PartialDate(year: year) }
    guard (1...12).contains(m) else { return nil }
    guard let d = day else { return PartialDate(year: year, month: m) }
    guard d >= 1, d <= PartialDate.daysIn(month: m, year: year) else { return nil }
    return PartialDate(year: year, month: m, day: d)
  }

  static let hNgay = ScanText.wordHashes("ngày")[0]
  static let hThang = ScanText.wordHashes("tháng")[0]
  static let hNam = ScanText.wordHashes("năm")[0]
  static let hDau = ScanText.wordHashes("đầu")[0]
  static let hQuy = ScanText.wordHashes("quý")[0]
  static let hTrong = ScanText.wordHashes("trong")[0]
  /// `nay` and `qua` after a time of day or `hôm` make it the present: `hôm nay`, `chiều qua`.
  static let present = WordSet(["nay", "qua"])
  /// Times of day that may open a sentence before its date (`Rạng sáng`, `Sáng hôm qua`).
  static let timeOfDay = WordSet(
    ["sáng", "chiều", "tối", "trưa", "đêm", "rạng", "hôm", "sớm", "khuya"])
  static let fromNowToEnd = ScanText.wordHashes("từ nay đến cuối năm")
  /// Words that open a reporting period: `Trong 6 tháng`, `Quý II/2024`, `Từ nay đến cuối năm`.
  static let opensPeriod = WordSet(["trong", "quý", "từ"])

  /// `inText(_:leadSkip:)` looks for the article's own date in the kept lines, where the text
  /// marks it as its own: a date that opens a sentence after `hôm nay`, `sáng nay`, `chiều qua` and
  /// the like (`Hôm nay (27/5/2013), ...`), else a reporting period that opens a sentence
  /// (`6 tháng đầu năm 2021, ...`, `Quý II/2024, ...`, `Từ nay đến cuối năm 2021, ...`), which gives
  /// the year alone.
  ///
  /// Any other date in a text is an event's, and on real news a third of the dates that open an
  /// article's first sentence (`Ngày 30/7/2012, ...`) are past events told again (measured by
  /// `tinq-bench extraction` against publishers' dates): the text does not say which, so the date
  /// stays unknown. A day and month without a year (`Ngày 26-5, ...`) never borrow a year from
  /// elsewhere in the text.
  static func inText(_ lines: [TextLine], leadSkip: (line: Int, words: Int)?) -> (PartialDate, Provenance)? {
    var search = InTextDate(leadSkip: leadSkip, tracksYears: false)
    search.read(lines)
    return search.result
  }

  /// `InTextDate` is `inText(_:leadSkip:)` over a text read a batch of lines at a time (see
  /// `Layout.batches`): the answer is the same as over all the lines at once.
  struct InTextDate {
    let leadSkip: (line: Int, words: Int)?
    /// Whether every batch's latest year is kept, because a period may be found in a later one.
    let tracksYears: Bool
    var present: (PartialDate, Provenance)? = nil
    var period: (PartialDate, Provenance)? = nil
    /// The latest year that the lines read so far speak of as past or present (0 for none).
    var latestYear = 0

    init(leadSkip: (line: Int, words: Int)?, tracksYears: Bool) {
      self.leadSkip = leadSkip
      self.tracksYears = tracksYears
    }

    mutating func read(_ lines: [TextLine]) {
      if present == nil { scan(lines) }
      if tracksYears || (present == nil && period != nil) {
        for line in lines { latestYear = max(latestYear, Dates.latestYear(in: line)) }
      }
    }

    private mutating func scan(_ lines: [TextLine]) {
      let timeOfDay = Dates.timeOfDay
      let opensPeriod = Dates.opensPeriod
      for line in lines {
        let skip = leadSkip?.line == line.number ? leadSkip?.words ?? 0 : 0
        let w = line.words
        var i = skip
        while i < w.count {
          // Only a sentence's first word can start either, and only a time of day, a number,
          // `trong`, `quý` or `từ` on its shape; most words are neither.
          let word = w[i]
          guard word.isNumber || timeOfDay.contains(word.hash) || opensPeriod.contains(word.hash),
            i == skip || Dates.isSentenceStart(line, i)
          else {
            i += 1
            continue
          }
          if let (date, end) = Dates.presentDate(line, at: i) {
            present = (date, Provenance(rule: "in-text date", line: line.number, excerpt: line.excerpt(i, end)))
            return
          }
          if period == nil, i == skip || line.gap(after: i - 1).contains(0x2E), let (date, end) = Dates.periodYear(line, at: i) {
            period = (date, Provenance(rule: "reporting period", line: line.number, excerpt: line.excerpt(i, end)))
          }
          i += 1
        }
      }
    }

    /// A period is the report's own only when the text names no later year: `6 tháng đầu năm
    /// 2012` in a report that goes on to 2013 is a comparison.
    var result: (PartialDate, Provenance)? {
      if let present { return present }
      guard let period, latestYear <= period.0.year else { return nil }
      return period
    }
  }

  /// `latestYear(in:)` is the latest four-digit year in the line that the text speaks of as past or
  /// present (0 for none): a term or stage (`nhiệm kỳ 2021-2026`, `giai đoạn 2016 - 2020`) and a
  /// target (`đến năm 2030`, `tầm nhìn 2045`) look ahead and do not count.
  static func latestYear(in line: TextLine) -> Int {
    let w = line.words
    var latest = 0
    for k in w.indices where w[k].isNumber && w[k].end - w[k].start == 4 {
      guard let y = ScanText.int(line.bytes, w[k].start, w[k].end), y > latest, y <= 2100 else { continue }
      let dashBefore = k > 0 && w[k - 1].isNumber && line.gap(after: k - 1).contains(0x2D)
      let dashAfter = k + 1 < w.count && w[k + 1].isNumber && line.gap(after: k).contains(0x2D)
      if dashBefore || dashAfter { continue }
      var j = k - 1
      if j >= 0, w[j].hash == hNam { j -= 1 }
      if j >= 0, lookingAhead.contains(w[j].hash) { continue }
      latest = y
    }
    return latest
  }
  /// Words before a year (or `năm` and a year) that make it a target: `đến năm 2030`, `tầm nhìn 2045`.
  static let lookingAhead = WordSet(["đến", "tới", "nhìn", "đoạn", "kỳ", "hướng"])

  /// `isSentenceStart(_:_:)` tells whether word `i` opens a sentence: the line's first word, one
  /// after `.`, `!`, `?` or `;`, or the second of two words a scraper glued (`MỹBà`), which
  /// nothing separates (`ScanText.isGlue`).
  static func isSentenceStart(_ line: TextLine, _ i: Int) -> Bool {
    if i == 0 { return true }
    let gap = line.gap(after: i - 1)
    return gap.isEmpty || gap.contains(0x2E) || gap.contains(0x21) || gap.contains(0x3F) || gap.contains(0x3B)
  }

  /// `presentDate(_:at:)` reads `Hôm nay [ngày] D/M/YYYY`, `Sáng nay (D-M-YYYY)`, `Chiều hôm qua,
  /// ngày D tháng M năm YYYY`: a full date that the sentence marks as the present. Returns the date
  /// and the last word used.
  static func presentDate(_ line: TextLine, at start: Int) -> (PartialDate, Int)? {
    let w = line.words
    var i = start
    var marked = false
    while i < w.count, i - start < 4 {
      if timeOfDay.contains(w[i].hash) {
        i += 1
      } else if i > start, present.contains(w[i].hash) {
        marked = true
        i += 1
      } else {
        break
      }
    }
    guard marked else { return nil }
    if i < w.count, w[i].hash == hNgay { i += 1 }
    return fullDate(line, at: i)
  }

  /// `fullDate(_:at:)` reads `D/M/YYYY` (or with `-` or `.`) and `D tháng M năm YYYY` at word `i`.
  static func fullDate(_ line: TextLine, at i: Int) -> (PartialDate, Int)? {
    let w = line.words
    guard i + 2 < w.count, w[i].isNumber, w[i].end - w[i].start <= 2 else { return nil }
    let day = ScanText.int(line.bytes, w[i].start, w[i].end)
    if w[i + 1].hash == hThang {
      guard i + 4 < w.count, w[i + 2].isNumber, w[i + 3].hash == hNam, w[i + 4].isNumber,
        w[i + 4].end - w[i + 4].start == 4, let y = ScanText.int(line.bytes, w[i + 4].start, w[i + 4].end)
      else { return nil }
      let month = ScanText.int(line.bytes, w[i + 2].start, w[i + 2].end)
      return validDate(day: day, month: month, year: y).map { ($0, i + 4) }
    }
    let gap1 = line.gap(after: i)
    guard gap1.count == 1, let sep = gap1.first, sep == 0x2F || sep == 0x2D || sep == 0x2E,
      w[i + 1].isNumber, w[i + 1].end - w[i + 1].start <= 2,
      line.gap(after: i + 1) == gap1, w[i + 2].isNumber, w[i + 2].end - w[i + 2].start == 4,
      let y = ScanText.int(line.bytes, w[i + 2].start, w[i + 2].end)
    else { return nil }
    // A span `(28/1/1941-28/1/2026)` is an anniversary, not a date.
    if i + 3 < w.count, line.gap(after: i + 2).first == 0x2D, w[i + 3].isNumber { return nil }
    let month = ScanText.int(line.bytes, w[i + 1].start, w[i + 1].end)
    return validDate(day: day, month: month, year: y).map { ($0, i + 2) }
  }

  /// `periodYear(_:at:)` reads a reporting period that opens a sentence and dates a report to a
  /// year: `[Trong] N tháng đầu năm YYYY`, `Quý II/YYYY` (or `quý 2 năm YYYY`) and `Từ nay đến
  /// cuối năm YYYY`. Returns the year and the first and last words used.
  static func periodYear(_ line: TextLine, at start: Int) -> (PartialDate, Int)? {
    let w = line.words
    var i = start
    if i < w.count, w[i].hash == hTrong { i += 1 }
    func year(_ k: Int) -> PartialDate? {
      guard k < w.count, w[k].isNumber, w[k].end - w[k].start == 4,
        let y = ScanText.int(line.bytes, w[k].start, w[k].end)
      else { return nil }
      return validDate(day: nil, month: nil, year: y)
    }
    if i + 4 < w.count, w[i].isNumber, w[i + 1].hash == hThang, w[i + 2].hash == hDau, w[i + 3].hash == hNam,
      let d = year(i + 4)
    {
      return (d, i + 4)
    }
    // `Quý II/2024`, `Quý 2 năm 2024`: the quarter is a roman or arabic numeral from 1 to 4.
    if i + 2 < w.count, w[i].hash == hQuy, isQuarter(line, i + 1) {
      if line.gap(after: i + 1).elementsEqual([0x2F]), let d = year(i + 2) { return (d, i + 2) }
      if i + 3 < w.count, w[i + 2].hash == hNam, line.gapIsSpace(after: i + 1), let d = year(i + 3) {
        return (d, i + 3)
      }
    }
    let phrase = fromNowToEnd
    let n = phrase.count
    if start + n < w.count, (0..<n).allSatisfy({ w[start + $0].hash == phrase[$0] }), let d = year(start + n) {
      return (d, start + n)
    }
    return nil
  }

  static func isQuarter(_ line: TextLine, _ k: Int) -> Bool {
    let text = ScanText.string(line.bytes, line.words[k].start, line.words[k].end)
    return ["I", "II", "III", "IV", "1", "2", "3", "4"].contains(text)
  }

  /// `parseMetadata(_:)` reads a JSONL `date`: ISO (`2021-06-30`, `2021-06`, `2021`, with an
  /// optional time after `T`) or the Vietnamese forms (`30/06/2021`, `ngày 30 tháng 6 năm 2021`).
  static func parseMetadata(_ text: String) -> PartialDate? {
    let trimmed = String(ScanText.trimmed(Substring(text)))
    var iso = Substring(trimmed)
    if let t = iso.firstIndex(where: { $0 == "T" || $0 == " " }) { iso = iso[..<t] }
    if let d = PartialDate(iso: String(iso)), (1900...2100).contains(d.year) { return d }
    if case .dateline(let d) = classifyStampLine(trimmed, nearTop: true) { return d }
    let line = TextLine(number: 1, text: trimmed)
    var first = 0
    if line.words.first?.hash == hNgay { first = 1 }
    if let (d, _) = fullDate(line, at: first) { return d }
    // `tháng 6/2021`, `tháng 6 năm 2021`
    let w = line.words
    if w.count == 3 || w.count == 4, w[0].hash == hThang, w[1].isNumber, w.last?.isNumber == true {
      let m = ScanText.int(line.bytes, w[1].start, w[1].end)
      if let last = w.last, last.end - last.start == 4, let y = ScanText.int(line.bytes, last.start, last.end) {
        return validDate(day: nil, month: m, year: y)
      }
    }
    return nil
  }
}
