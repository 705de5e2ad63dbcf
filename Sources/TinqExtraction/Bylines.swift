import TinqFacts
import TinqSupport
import TinqText

/// `Sources` reads the outlet marker that opens a lead: `(CT)-`, `(QĐND) -`, `BDK - `.
enum Sources {
  /// Outlet codes that open a lead (`HNMO - `, `(CT)- `, `VTV.vn - `), with the outlet each names.
  /// Only listed codes count: an all-capitals word before a dash is as often a topic, a team or a
  /// singer (`EU - `, `SLNA - `, `PSY - `) as an outlet.
  static let codes: [String: String] = [
    "CT": "CT", "BDK": "BDK", "BCA": "BCA", "HNMO": "Hà Nội Mới", "HNM": "Hà Nội Mới", "ĐVO": "Đất Việt", "NDĐT": "Nhân Dân",
    "GD&TĐ": "GD&TĐ", "QĐND": "QĐND", "TGĐA": "TGĐA", "TTXVN": "TTXVN", "VOV": "VOV", "VOV.VN": "VOV",
    "VTV": "VTV", "VTV.vn": "VTV", "VTC": "VTC", "CAND": "CAND", "ANTĐ": "ANTĐ", "SGGP": "SGGP",
    "SGGPO": "SGGP", "PLO": "PLO", "NLĐO": "NLĐ", "NLĐ": "NLĐ", "TNO": "Thanh Niên", "TTO": "Tuổi Trẻ",
    "KTĐT": "KTĐT", "GDVN": "Giáo Dục VN", "ĐS&PL": "ĐS&PL", "GĐ&XH": "GĐ&XH", "VOVNEWS": "VOV",
    "Chinhphu.vn": "Chính Phủ", "Dân trí": "Dân trí", "Dân Trí": "Dân trí", "Dantri": "Dân trí",
    "Infonet": "Infonet", "VietNamNet": "VietNamNet", "Vietnamnet": "VietNamNet", "Vietnam+": "Vietnam+",
  ]
  /// Outlets whose name opens the lead with no dash (`Dân trí Một ...`).
  static let bareNames: [String] = ["Dân trí", "Dân Trí"]
  static let codeBytes: [([UInt8], String)] = codes.map { (Array($0.key.utf8), $0.value) }.sorted { $0.0.count > $1.0.count }

  /// `outletMarker(in:)` returns the outlet a lead opens with (`(CT)- `, `HNMO - `, `Dân trí `)
  /// and the number of words the marker spans.
  static func outletMarker(in line: TextLine) -> (source: String, words: Int)? {
    let b = line.bytes
    guard b.count >= 3 else { return nil }
    var p = 0
    let bracketed = b[0] == 0x28
    if bracketed { p = 1 }
    for (code, outlet) in codeBytes where b.count > p + code.count && b[p..<(p + code.count)].elementsEqual(code) {
      var r = p + code.count
      if bracketed {
        guard b[r] == 0x29 else { continue }
        r += 1
        guard r < b.count else { continue }
      }
      // The code must end a word: `CT` is no marker at the start of `CTV`.
      if !bracketed, ScanText.isLetterStart(b, r) || (b[r] >= 0x30 && b[r] <= 0x39) { continue }
      while r < b.count, b[r] == 0x20 { r += 1 }
      guard r < b.count else { return nil }
      var dashed = false
      if b[r] == 0x2D {
        r += 1
        dashed = true
      } else if r + 2 < b.count, b[r] == 0xE2, b[r + 1] == 0x80, b[r + 2] == 0x93 || b[r + 2] == 0x94 {
        r += 3
        dashed = true
      }
      if !dashed {
        // `Dân trí Một ...`, and `(CT) Ngày ...`: a bare outlet name before a capitalised word.
        guard bracketed || bareNames.contains(where: { $0.utf8.elementsEqual(code) }), r < b.count,
          ScanText.isLetterStart(b, r), ScanText.isUppercaseScalar(ScanText.decode(b, at: r).0)
        else { continue }
      } else if !bracketed, r < b.count, b[r] != 0x20 {
        continue
      }
      let words = line.words.prefix { $0.start < r }.count
      return (outlet, max(words, 1))
    }
    return nil
  }
}

/// `Bylines` finds who wrote an article: a byline (`Tin, ảnh: KIỀU CHINH`), a closing signature
/// block (rank, name, position lines), a trailing lone name, or a photo credit when it is the only
/// byline. The lines it uses name reporters, so people extraction skips them.
enum Bylines {
  static let bylinePrefixes = [
    "tin, ảnh", "tin và ảnh", "tin ảnh", "bài, ảnh", "bài và ảnh", "bài ảnh", "tin", "bài", "bài viết",
    "nhóm pv", "nhóm phóng viên", "tác giả", "tin, ảnh, video", "video", "thực hiện",
  ]

  /// What the byline rules found.
  struct Found {
    var author: String?
    var provenance: Provenance?
    /// Line numbers that name reporters, not people in the story.
    var reporterLines: Set<Int>
  }

  /// `bylineName(_:)` returns the name after a byline prefix, when the line is a byline.
  static func bylineName(_ line: String) -> String? {
    guard line.utf8.count <= 90, let colon = firstColon(line) else { return nil }
    if let head = simpleLoweredHead(line, colon), !bylinePrefixBytes.contains(head) { return nil }
    let head = line[..<colon].lowercased().trimmingSpaces
    guard bylinePrefixes.contains(head) else { return nil }
    var name = String(line[line.index(after: colon)...]).trimmingSpaces
    while let last = name.last, last == "." || last == " " { name.removeLast() }
    guard !name.isEmpty, name.split(separator: " ").count <= 8 else { return nil }
    return name
  }

  static func isBylineLine(_ line: String) -> Bool { bylineName(line) != nil }

  static let bylinePrefixBytes: Set<[UInt8]> = Set(bylinePrefixes.map { Array($0.utf8) })

  /// `simpleLoweredHead(_:_:)` returns the bytes of `line[..<colon].lowercased().trimmingSpaces`
  /// when the head holds only ASCII and Latin letters, whose lowercase mappings are one scalar of
  /// the same length and never join a neighbour; else nil, and the caller uses Strings.
  static func simpleLoweredHead(_ line: String, _ colon: String.Index) -> [UInt8]? {
    var head = Array(line.utf8[..<colon])
    var i = 0
    while i < head.count {
      let (v, w) = ScanText.decode(head, at: i)
      let simple = v < 0x80 || (v >= 0xC0 && v < 0x250 && v != 0x130) || (v >= 0x1E00 && v < 0x1F00)
      guard simple, v >= 0x20 || v == 0x09 else { return nil }
      i += w
    }
    head = ScanText.lowercased(head)
    var a = 0
    var z = head.count
    while a < z, head[a] == 0x20 || head[a] == 0x09 { a += 1 }
    while z > a, head[z - 1] == 0x20 || head[z - 1] == 0x09 { z -= 1 }
    return Array(head[a..<z])
  }

  /// `firstColon(_:)` is `line.firstIndex(of: ":")`, found on bytes when the colon byte stands
  /// alone between ASCII neighbours, which makes it a Character of its own.
  static func firstColon(_ line: String) -> String.Index? {
    let utf8 = line.utf8
    guard let index = utf8.firstIndex(of: 0x3A) else { return nil }
    let before = index == utf8.startIndex ? nil : utf8[utf8.index(before: index)]
    let afterIndex = utf8.index(after: index)
    let after = afterIndex == utf8.endIndex ? nil : utf8[afterIndex]
    if (before ?? 0) < 0x80, (after ?? 0) < 0x80, before != 0x0D { return index }
    return line.firstIndex(of: ":")
  }

  /// `bylineName(_:)` on a prepared line, checking its bytes before making a String.
  static func bylineName(_ line: TextLine) -> String? {
    guard line.bytes.count <= 90, let colon = line.bytes.firstIndex(of: 0x3A) else { return nil }
    // The head before the colon must lowercase to a listed prefix, none longer than 18 bytes; a
    // lowercase mapping shrinks a letter's UTF-8 at most fourfold, and spaces are trimmed.
    var a = 0
    var z = colon
    while a < z, line.bytes[a] == 0x20 || line.bytes[a] == 0x09 { a += 1 }
    while z > a, line.bytes[z - 1] == 0x20 || line.bytes[z - 1] == 0x09 { z -= 1 }
    if z - a > 72 { return nil }
    return bylineName(line.text)
  }

  /// `find(_:)` applies the byline rules to the kept lines.
  static func find(_ lines: [TextLine]) -> Found {
    var found = Found(author: nil, provenance: nil, reporterLines: [])
    var bylines: [(String, Provenance)] = []
    for line in lines {
      if let name = bylineName(line) {
        bylines.append((name, Provenance(rule: "byline", line: line.number, excerpt: line.text)))
        found.reporterLines.insert(line.number)
      }
    }
    // A signature block: `Thượng tá Nguyễn Văn Cường` then position lines, at the very end.
    var signature: (String, Provenance)? = nil
    let tail = lines.suffix(3)
    for (offset, line) in tail.enumerated() where signature == nil && bylineName(line) == nil {
      guard let (rankWords, rank) = People.ranks.match(line, at: 0), let name = People.nameRun(line, from: rankWords),
        name.end == line.words.count - 1, line.words[name.end].end == line.bytes.count
      else { continue }
      let positionLines = tail.dropFirst(offset + 1)
      guard positionLines.allSatisfy({ $0.bytes.count <= 120 && $0.bytes.last != 0x2E }) else { continue }
      let excerpt = ([line.text] + positionLines.map(\.text)).joined(separator: " / ")
      signature = (
        line.excerpt(name.start, name.end),
        Provenance(rule: "signature (" + rank + ")", line: line.number, excerpt: excerpt)
      )
      found.reporterLines.insert(line.number)
    }
    // A trailing lone name: the last line, two to five capitalised words and nothing else.
    var trailing: (String, Provenance)? = nil
    if let last = lines.last, signature == nil, bylineName(last) == nil, isLoneName(last) {
      trailing = (last.text, Provenance(rule: "trailing name", line: last.number, excerpt: last.text))
      found.reporterLines.insert(last.number)
    }
    // Photo credits: `Ảnh: Đặng Thạch` or `. Ảnh Việt Hưng.` at the end of a caption.
    var credits: [(String, Provenance)] = []
    for line in lines {
      if let name = photoCredit(line) {
        credits.append((name, Provenance(rule: "photo credit", line: line.number, excerpt: line.text)))
      }
    }
    if let chosen = bylines.first ?? signature ?? trailing {
      found.author = chosen.0
      found.provenance = chosen.1
    } else if let first = credits.first, credits.allSatisfy({ $0.0 == first.0 }) {
      found.author = first.0
      found.provenance = first.1
    }
    return found
  }

  static func isLoneName(_ line: TextLine) -> Bool {
    let w = line.words
    guard (2...5).contains(w.count), w[0].start == 0, let last = w.last, last.end == line.bytes.count else { return false }
    for k in w.indices {
      guard w[k].isCapitalized, !w[k].isNumber else { return false }
      if k > 0, !line.gapIsSpace(after: k - 1) { return false }
    }
    return true
  }

  static let hAnh = ScanText.wordHashes("ảnh")[0]

  /// `photoCredit(_:)` returns the credited name of a caption line, when it ends with one.
  static func photoCredit(_ line: TextLine) -> String? {
    let w = line.words
    guard let k = creditStart(line) else { return nil }
    let name = line.excerpt(k + 1, w.count - 1)
    return name.isEmpty ? nil : name
  }

  /// `creditStart(_:)` returns the index of the word `Ảnh` that starts a trailing photo credit.
  static func creditStart(_ line: TextLine) -> Int? {
    let w = line.words
    guard w.count >= 3 else { return nil }
    var k = w.count - 2
    while k >= 0, w.count - k <= 6 {
      if w[k].hash == hAnh, w[k].isCapitalized {
        let before = k == 0 ? ArraySlice<UInt8>() : line.gap(after: k - 1)
        let after = line.gap(after: k)
        let opensCredit = k == 0 || before.contains(0x2E) || before.contains(0x28) || after.contains(0x3A)
        let names = (k + 1..<w.count).allSatisfy { w[$0].isCapitalized && !w[$0].isNumber }
        let endOk = line.bytes[w[w.count - 1].end...].allSatisfy { $0 == 0x2E || $0 == 0x29 || $0 == 0x20 }
        if opensCredit && names && endOk && (k + 1..<w.count - 1).allSatisfy({ line.gapIsSpace(after: $0) }) {
          return k
        }
        return nil
      }
      k -= 1
    }
    return nil
  }
}

extension String {
  /// Drops spaces at both ends.
  package var trimmingSpaces: String { String(ScanText.trimmed(Substring(self))) }
}
