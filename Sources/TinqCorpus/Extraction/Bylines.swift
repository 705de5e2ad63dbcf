/// `Sources` reads the outlet marker that opens a lead: `(CT)-`, `(QĐND) -`, `BDK - `.
enum Sources {
  /// `outletMarker(in:)` returns the marker and the number of words it spans, when the line opens
  /// with one.
  static func outletMarker(in line: TextLine) -> (source: String, words: Int)? {
    let b = line.bytes
    guard let first = line.words.first else { return nil }
    var p = 0
    let bracketed = b.first == 0x28
    if bracketed { p = 1 }
    guard first.start == p, first.end - first.start >= 2, first.end - first.start <= 12 else { return nil }
    // Every letter uppercase.
    var q = first.start
    while q < first.end {
      let (v, w) = ScanText.decode(b, at: q)
      if !(ScanText.isUppercaseScalar(v) || (v >= 0x30 && v <= 0x39)) { return nil }
      q += w
    }
    guard !first.isNumber else { return nil }
    var r = first.end
    if bracketed {
      guard r < b.count, b[r] == 0x29 else { return nil }
      r += 1
    }
    while r < b.count, b[r] == 0x20 { r += 1 }
    guard r < b.count else { return nil }
    // `-` or an en/em dash
    if b[r] == 0x2D {
      r += 1
    } else if r + 2 < b.count, b[r] == 0xE2, b[r + 1] == 0x80, b[r + 2] == 0x93 || b[r + 2] == 0x94 {
      r += 3
    } else {
      return nil
    }
    guard r < b.count, b[r] == 0x20 || !bracketed || ScanText.isLetterStart(b, r) else { return nil }
    if !bracketed, r < b.count, b[r] != 0x20 { return nil }
    return (ScanText.string(b, first.start, first.end), 1)
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
    let head = line[..<colon].lowercased().trimmingSpaces
    guard bylinePrefixes.contains(head) else { return nil }
    var name = String(line[line.index(after: colon)...]).trimmingSpaces
    while let last = name.last, last == "." || last == " " { name.removeLast() }
    guard !name.isEmpty, name.split(separator: " ").count <= 8 else { return nil }
    return name
  }

  static func isBylineLine(_ line: String) -> Bool { bylineName(line) != nil }

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
  var trimmingSpaces: String { String(ScanText.trimmed(Substring(self))) }
}
