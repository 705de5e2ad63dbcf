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
    "ngày xuất bản", "xuất bản", "đăng", "ngày", "lúc",
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
          guard date == nil, let d = numericDate(token) else { return .none }
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
    guard let found = date, found.precision == .day, times <= 2 else { return .none }
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
  static let hCuoi = ScanText.wordHashes("cuối")[0]
  static let hSinh = ScanText.wordHashes("sinh")[0]
  static let hQuy = ScanText.wordHashes("quý")[0]
  static let timeOfDay: Set<UInt64> = Set(
    ["sáng", "chiều", "tối", "trưa", "đêm", "rạng", "hôm", "nay", "qua", "vào", "sớm", "khuya"].map {
      ScanText.wordHashes($0)[0]
    })
  /// Two bits of each time-of-day word's hash, one 64-bit set per bit: a word missing from either
  /// is no time of day, found without hashing it again.
  static let timeOfDayBits: (UInt64, UInt64) = timeOfDay.reduce((0, 0)) {
    ($0.0 | 1 << ($1 & 63), $0.1 | 1 << ($1 >> 6 & 63))
  }
  static let fromNowToEnd = ScanText.wordHashes("từ nay đến cuối năm")

  /// `inText(_:firstWordOf:)` looks for the article's own date in the kept lines.
  static func inText(_ lines: [TextLine], leadSkip: (line: Int, words: Int)?) -> (PartialDate, Provenance)? {
    var partial: (PartialDate, Provenance)? = nil
    var period: (PartialDate, Provenance)? = nil
    // Read once: these are tested at every word.
    let fromNow = Self.fromNowToEnd
    let timeOfDay = Self.timeOfDay
    let timeOfDayBits = Self.timeOfDayBits
    let hNgay = Self.hNgay
    for line in lines {
      let skip = leadSkip?.line == line.number ? leadSkip?.words ?? 0 : 0
      let w = line.words
      var i = 0
      while i < w.count {
        // A date starts with a number, `ngày` or a time of day, and a reporting period with a
        // number or `từ`: most words are neither, and are passed over on their own shape.
        let word = w[i]
        guard
          word.isNumber || word.hash == hNgay || word.hash == fromNow[0]
            || (timeOfDayBits.0 >> (word.hash & 63) & timeOfDayBits.1 >> (word.hash >> 6 & 63) & 1 != 0
              && timeOfDay.contains(word.hash))
        else {
          i += 1
          continue
        }
        if (i == skip || isSentenceStart(line, i)) && i >= skip {
          if let (date, end) = sentenceDate(line, at: i) {
            let p = Provenance(rule: "in-text date", line: line.number, excerpt: line.excerpt(i, end))
            if date.precision == .day { return (date, p) }
            if partial == nil { partial = (date, p) }
          }
        }
        if period == nil, let (date, a, b) = periodYear(line, at: i, fromNowToEnd: fromNow) {
          period = (date, Provenance(rule: "reporting period", line: line.number, excerpt: line.excerpt(a, b)))
        }
        i += 1
      }
    }
    return partial ?? period
  }

  static func isSentenceStart(_ line: TextLine, _ i: Int) -> Bool {
    if i == 0 { return true }
    let gap = line.gap(after: i - 1)
    return gap.contains(0x2E) || gap.contains(0x21) || gap.contains(0x3F) || gap.contains(0x3B)
  }

  /// `sentenceDate(_:at:)` reads `[Sáng] [ngày] D-M-YYYY`, `ngày D tháng M năm YYYY`, or `Ngày D/M`
  /// completed by a `năm YYYY` later in the same sentence; returns the date and last word used.
  static func sentenceDate(_ line: TextLine, at start: Int) -> (PartialDate, Int)? {
    let w = line.words
    var i = start
    var sawLead = false
    while i < w.count, timeOfDay.contains(w[i].hash), i - start < 3 { i += 1; sawLead = true }
    if i < w.count, w[i].hash == hNgay { i += 1; sawLead = true }
    guard i + 1 < w.count, w[i].isNumber, w[i].end - w[i].start <= 2 else { return nil }
    let day = ScanText.int(line.bytes, w[i].start, w[i].end)
    // `ngày 05 tháng 3 năm 2020`
    if w[i + 1].hash == hThang, i + 2 < w.count, w[i + 2].isNumber {
      let month = ScanText.int(line.bytes, w[i + 2].start, w[i + 2].end)
      if i + 4 < w.count, w[i + 3].hash == hNam, w[i + 4].isNumber, w[i + 4].end - w[i + 4].start == 4,
        let y = ScanText.int(line.bytes, w[i + 4].start, w[i + 4].end)
      {
        return validDate(day: day, month: month, year: y).map { ($0, i + 4) }
      }
      return completeWithYear(line, day: day, month: month, after: i + 2)
    }
    let gap1 = line.gap(after: i)
    guard gap1.count == 1, let sep = gap1.first, sep == 0x2F || sep == 0x2D || sep == 0x2E,
      w[i + 1].isNumber, w[i + 1].end - w[i + 1].start <= 2
    else { return nil }
    let month = ScanText.int(line.bytes, w[i + 1].start, w[i + 1].end)
    if i + 2 < w.count {
      let gap2 = line.gap(after: i + 1)
      if gap2.count == 1, gap2.first == sep, w[i + 2].isNumber, w[i + 2].end - w[i + 2].start == 4 {
        guard let y = ScanText.int(line.bytes, w[i + 2].start, w[i + 2].end) else { return nil }
        // A span `(28/1/1941-28/1/2026)` is an anniversary, not a date.
        if i + 3 < w.count, line.gap(after: i + 2).first == 0x2D, w[i + 3].isNumber { return nil }
        return validDate(day: day, month: month, year: y).map { ($0, i + 2) }
      }
    }
    guard sawLead else { return nil }
    return completeWithYear(line, day: day, month: month, after: i + 1)
  }

  static func completeWithYear(_ line: TextLine, day: Int?, month: Int?, after: Int) -> (PartialDate, Int)? {
    let w = line.words
    var k = after + 1
    // A sentence longer than this is not a sentence; the bound keeps hostile lines linear.
    let horizon = min(w.count, after + 300)
    while k + 1 < horizon {
      if isSentenceStart(line, k) && line.gap(after: k - 1).contains(0x2E) { return nil }
      if w[k].hash == hNam, w[k + 1].isNumber, w[k + 1].end - w[k + 1].start == 4,
        !(k > 0 && w[k - 1].hash == hSinh), line.gapIsSpace(after: k)
      {
        let rangeFollows = k + 2 < w.count && line.gap(after: k + 1).contains(0x2D) && w[k + 2].isNumber
        if !rangeFollows, let y = ScanText.int(line.bytes, w[k + 1].start, w[k + 1].end) {
          return validDate(day: day, month: month, year: y).map { ($0, k + 1) }
        }
      }
      k += 1
    }
    return nil
  }

  /// `periodYear(_:at:)` reads `N tháng đầu năm YYYY` and `từ nay đến cuối năm YYYY`, which date a
  /// report to a year.
  static func periodYear(
    _ line: TextLine, at i: Int, fromNowToEnd: [UInt64] = fromNowToEnd
  ) -> (PartialDate, Int, Int)? {
    let w = line.words
    if w[i].isNumber, i + 4 < w.count, w[i + 1].hash == hThang, w[i + 2].hash == hDau, w[i + 3].hash == hNam,
      w[i + 4].isNumber, w[i + 4].end - w[i + 4].start == 4,
      let y = ScanText.int(line.bytes, w[i + 4].start, w[i + 4].end), let d = validDate(day: nil, month: nil, year: y)
    {
      return (d, i, i + 4)
    }
    let n = fromNowToEnd.count
    if i + n < w.count, w[i].hash == fromNowToEnd[0], w[i + n].isNumber, w[i + n].end - w[i + n].start == 4 {
      for k in 1..<n where w[i + k].hash != fromNowToEnd[k] { return nil }
      if let y = ScanText.int(line.bytes, w[i + n].start, w[i + n].end), let d = validDate(day: nil, month: nil, year: y) {
        return (d, i, i + n)
      }
    }
    return nil
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
    if let (d, _) = sentenceDate(line, at: 0) { return d }
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
