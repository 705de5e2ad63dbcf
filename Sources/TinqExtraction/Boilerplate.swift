import Foundation
import TinqFacts
import TinqSupport
import TinqText

/// `Layout` sorts the lines of one article into headline, dateline, residue, a stripped trailing
/// block and the body, before any rule looks for values: what is removed here can never give an
/// article a name, date or citation.
struct Layout: Sendable {
  /// Lines whose whole text is scraper residue (compared lowercased).
  static let residueLines: Set<String> = [
    "chia sẻ bài viết", "chia sẻ", "bình luận", "leftcenterrightdel", "gửi bình luận", "in bài viết",
    "chia sẻ facebook", "bài viết liên quan", "ý kiến bạn đọc", "lưu bài viết", "bản in",
  ]
  /// Lines that start a trailing block of other articles, dropped with everything after them.
  static let tailStarters: Set<String> = [
    "có thể bạn quan tâm", "tin liên quan", "tin cùng chuyên mục", "bài viết cùng chuyên mục", "tin khác",
    "các tin khác", "xem thêm", "đọc thêm", "tin mới nhất",
  ]

  /// The headline line, when there is one.
  var titleLine: TextLine?
  /// The dateline and the date it gives.
  var dateline: (line: TextLine, date: PartialDate)?
  /// The content lines kept in the body, in order (title and dateline excluded), as bytes: their
  /// words are scanned by `batches(maxBytes:)`, a batch at a time.
  var contentLines: [(number: Int, bytes: [UInt8])]
  /// The body text.
  var body: String

  init(text: String) {
    self.init(bytes: Array(text.utf8))
  }

  init(bytes: [UInt8], findsHeadline: Bool = true) {
    // Lines are cut and checked on bytes: Character-level String work costs more than every rule
    // together.
    var ranges: [Range<Int>] = []
    bytes.withUnsafeBufferPointer { p in
      var start = 0
      if let base = p.baseAddress {
        while start < p.count, let hit = memchr(base + start, 0x0A, p.count - start) {
          let i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
          ranges.append(start..<i)
          start = i + 1
        }
      }
      ranges.append(start..<p.count)
    }
    var candidates: [(Int, [UInt8])] = []
    candidates.reserveCapacity(ranges.count)
    let keys = Layout.shortLineKeys
    for (index, range) in ranges.enumerated() {
      var a = range.lowerBound
      var z = range.upperBound
      while a < z, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
      while z > a, bytes[z - 1] == 0x20 || bytes[z - 1] == 0x09 { z -= 1 }
      if a == z {
        candidates.append((index + 1, []))
        continue
      }
      if z - a <= 48, let kind = Layout.shortLineKind(bytes, a, z, keys) {
        if kind == .tailStarter { break }
        candidates.append((index + 1, []))
        continue
      }
      var line = Array(bytes[a..<z])
      if Layout.containsResidueMarker(bytes, a, z) {
        let text = ScanText.string(bytes, a, z).replacingOccurrences(of: "leftcenterrightdel", with: "")
        line = Array(ScanText.trimmed(Substring(text)).utf8)
      }
      candidates.append((index + 1, line))
    }
    // The dateline and site header sit among the first lines or the last few.
    var datelineIndex: Int? = nil
    var headerIndexes: Set<Int> = []
    let nonEmpty = candidates.indices.filter { !candidates[$0].1.isEmpty }
    let probe = Array(nonEmpty.prefix(4)) + Array(nonEmpty.suffix(3))
    var foundDateline: (TextLine, PartialDate)? = nil
    for k in Set(probe).sorted() {
      let (number, lineBytes) = candidates[k]
      // Every stamp has a digit; checking bytes first spares the String work on other lines.
      guard lineBytes.count <= 80, lineBytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
      let text = String(decoding: lineBytes, as: UTF8.self)
      switch Dates.classifyStampLine(text, nearTop: nonEmpty.prefix(3).contains(k)) {
      case .dateline(let date):
        if datelineIndex == nil {
          datelineIndex = k
          foundDateline = (TextLine(number: number, bytes: lineBytes), date)
        }
      case .header:
        headerIndexes.insert(k)
      case .none:
        break
      }
    }
    dateline = foundDateline.map { (line: $0.0, date: $0.1) }
    // The headline: the first remaining line, short, without a final period, followed by more text.
    var titleIndex: Int? = nil
    let remaining = nonEmpty.filter { $0 != datelineIndex && !headerIndexes.contains($0) }
    if findsHeadline, remaining.count >= 2, let first = remaining.first, candidates[first].1.count <= 400,
      Layout.looksLikeHeadline(String(decoding: candidates[first].1, as: UTF8.self))
    {
      let next = candidates[remaining[1]].1
      if next.count > candidates[first].1.count || datelineIndex.map({ $0 > first }) == true {
        titleIndex = first
      }
    }
    titleLine = titleIndex.map { TextLine(number: candidates[$0].0, bytes: candidates[$0].1) }
    // The body: kept lines, a paragraph repeated right after itself (a doubled caption) kept once.
    var kept: [(number: Int, bytes: [UInt8])] = []
    // The body is assembled as bytes and made a String once.
    var bodyBytes: [UInt8] = []
    bodyBytes.reserveCapacity(bytes.count)
    var pendingBreaks = 0
    var previousParagraph: [UInt8] = []
    for k in candidates.indices {
      if k == titleIndex || k == datelineIndex || headerIndexes.contains(k) { continue }
      let (number, text) = candidates[k]
      if text.isEmpty {
        if !bodyBytes.isEmpty { pendingBreaks = 2 }
        continue
      }
      if text == previousParagraph { continue }
      previousParagraph = text
      kept.append((number, text))
      if !bodyBytes.isEmpty {
        bodyBytes.append(0x0A)
        if pendingBreaks == 2 { bodyBytes.append(0x0A) }
      }
      pendingBreaks = 0
      bodyBytes.append(contentsOf: text)
    }
    contentLines = kept
    // The bytes are valid UTF-8 by construction: the text was valid (a String, or JSON Lines
    // bytes checked on decoding), normalising replaces whole scalars, and lines are cut and
    // trimmed only at ASCII bytes. Validating six kilobytes again cost more than most rules.
    body = bodyBytes.withUnsafeBufferPointer { p in String(copying: unsafe UTF8Span(unchecked: p.span)) }
  }

  /// `batches(maxBytes:)` returns the content lines as `TextLine`s, in batches of at most `maxBytes`
  /// bytes of text, so that the words of a huge text are never all held at once (a word takes
  /// several times its bytes). A line longer than `maxBytes` is cut into pieces after a sentence's
  /// period where there is one in reach, else after a space, else anywhere between scalars; each
  /// piece keeps the line's number. An article under `maxBytes` is one batch of whole lines.
  func batches(maxBytes: Int) -> [[(index: Int, range: Range<Int>)]] {
    var result: [[(index: Int, range: Range<Int>)]] = []
    var batch: [(index: Int, range: Range<Int>)] = []
    var size = 0
    for (index, line) in contentLines.enumerated() {
      for piece in Layout.pieces(of: line.bytes, maxBytes: maxBytes) {
        if size + piece.count > maxBytes, !batch.isEmpty {
          result.append(batch)
          batch = []
          size = 0
        }
        batch.append((index, piece))
        size += piece.count
      }
    }
    if !batch.isEmpty || result.isEmpty { result.append(batch) }
    return result
  }

  /// `lines(_:)` makes the `TextLine`s of one batch.
  func lines(_ batch: [(index: Int, range: Range<Int>)]) -> [TextLine] {
    batch.map { entry in
      let line = contentLines[entry.index]
      if entry.range.count == line.bytes.count { return TextLine(number: line.number, bytes: line.bytes) }
      return TextLine(number: line.number, bytes: Array(line.bytes[entry.range]))
    }
  }

  /// `pieces(of:maxBytes:)` cuts a line into ranges of at most `maxBytes` bytes (see `batches`).
  static func pieces(of bytes: [UInt8], maxBytes: Int) -> [Range<Int>] {
    guard bytes.count > maxBytes, maxBytes >= 64 else { return [0..<bytes.count] }
    var result: [Range<Int>] = []
    var start = 0
    while bytes.count - start > maxBytes {
      let limit = start + maxBytes
      var cut = limit
      // The last `. ` in the second half of the reach, else the last space, else a scalar boundary.
      var k = limit - 1
      let floor = start + maxBytes / 2
      var space: Int? = nil
      var sentence: Int? = nil
      while k > floor {
        if bytes[k] == 0x20 {
          if space == nil { space = k + 1 }
          if bytes[k - 1] == 0x2E {
            sentence = k + 1
            break
          }
        }
        k -= 1
      }
      if let c = sentence ?? space {
        cut = c
      } else {
        while cut > start + 1, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
      }
      result.append(start..<cut)
      start = cut
    }
    result.append(start..<bytes.count)
    return result
  }

  static let marker = Array("leftcenterrightdel".utf8)

  /// What a short line whose whole text is a listed phrase is.
  enum ShortLineKind {
    case residue
    case tailStarter
  }

  /// The UTF-8 of `tailStarters` and `residueLines`, so a short line is compared as bytes; the
  /// text is NFC and the phrases too, so equal strings have equal bytes.
  static let shortLineKeys: [([UInt8], ShortLineKind)] =
    tailStarters.map { (Array($0.utf8), ShortLineKind.tailStarter) }
    + residueLines.map { (Array($0.utf8), ShortLineKind.residue) }

  /// `shortLineKind(_:_:_:_:)` looks the lowercased line `a..<z`, without the final `:`, `.`, `!`
  /// and spaces, up among the listed phrases.
  static func shortLineKind(_ bytes: [UInt8], _ a: Int, _ z: Int, _ keys: [([UInt8], ShortLineKind)]) -> ShortLineKind? {
    var end = z
    while end > a, bytes[end - 1] == 0x3A || bytes[end - 1] == 0x2E || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x21 {
      end -= 1
    }
    // A byte that ends a listed phrase must end the line: every phrase ends in a letter.
    guard end > a, end - a <= 48 else { return nil }
    let length = end - a
    var lowered: [UInt8]? = nil
    for (key, kind) in keys where key.count == length {
      let line = lowered ?? ScanText.lowercased(Array(bytes[a..<end]))
      lowered = line
      if line == key { return kind }
    }
    return nil
  }

  /// `containsResidueMarker(_:_:_:)` looks for the layout residue word inside a line, in any case.
  static func containsResidueMarker(_ b: [UInt8], _ a: Int, _ z: Int) -> Bool {
    let m = marker
    let count = m.count
    // The marker's third letter, `f`, is in no Vietnamese word: lines are skipped eight bytes at
    // a time until one is.
    let pivot = 2
    guard z - a >= count, a >= 0, z <= b.count else { return false }
    return b.withUnsafeBufferPointer { p in
      m.withUnsafeBufferPointer { mp in
        guard let base = p.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        var i = a
        while i + count <= z {
          while i + 8 + count <= z {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + pivot, as: UInt64.self)) | (ones &* 0x20)
            let f = x ^ (ones &* 0x66)
            if (f &- ones) & ~f & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
          }
          if p[i + pivot] | 0x20 == mp[pivot] {
            var k = 0
            while k < count, p[i + k] | 0x20 == mp[k] { k += 1 }
            if k == count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }


  /// `simpleShape(_:)` reads, on bytes, what `looksLikeHeadline` asks of a line's Characters: the
  /// number of space-separated words and whether the last Character is sentence punctuation. It
  /// answers only for lines made of scalars that never join a neighbour into one Character
  /// (letters, digits, Latin punctuation), where each scalar is a Character; else nil.
  static func simpleShape(_ line: String) -> (words: Int, endsWithPunctuation: Bool)? {
    var words = 0
    var inWord = false
    var last: UInt32 = 0
    for scalar in line.unicodeScalars {
      let v = scalar.value
      guard v < 0x300 || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x2010 && v < 0x2028) || (v >= 0x2030 && v < 0x205F)
      else { return nil }
      if v == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
      last = v
    }
    let ends = last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x2026 || last == 0x2D
    return (words, ends)
  }

  static func stripEndPunctuation(_ s: String) -> String {
    var t = Substring(s)
    while let last = t.last, last == ":" || last == "." || last == " " || last == "!" { t = t.dropLast() }
    return String(t)
  }

  /// `looksLikeHeadline(_:)` accepts a short line without final sentence punctuation that is not a
  /// byline, caption or outlet-marked lead.
  static func looksLikeHeadline(_ line: String) -> Bool {
    guard let first = line.unicodeScalars.first else { return false }
    if line.utf8.count > 400 { return false }
    let wordCount: Int
    if let simple = simpleShape(line) {
      if simple.endsWithPunctuation { return false }
      wordCount = simple.words
    } else {
      guard let last = line.last else { return false }
      if ".,;:…-".contains(last) { return false }
      wordCount = line.split(separator: " ").count
    }
    guard wordCount >= 3, wordCount <= 40 else { return false }
    guard ScanText.isUppercaseScalar(first.value) || (first.value < 0x80 && ScanText.isDigit(UInt8(first.value)))
      || first == "[" || first == "\""
    else { return false }
    if Sources.outletMarker(in: TextLine(number: 0, text: line)) != nil { return false }
    if Bylines.isBylineLine(line) { return false }
    return true
  }
}
