import TinqText
import TinqFacts
import TinqSupport

/// `Citations` reads legal document references: a type noun (`Nghị định`, `các Nghị định`) with an
/// optional `số` and one or more numbers, or a full symbol (`03/2019/NĐ-CP`, `51-NQ/TW`) on its own.
/// Numbers follow the official conventions (see DOMAIN.md): normative documents
/// `number/year/TYPE-ISSUER` with two-digit numbers below 10, party documents `number-TYPE/ISSUER`,
/// administrative ones `number/TYPE-ISSUER`, each kept as written otherwise.
package enum Citations {
  /// Document types by head noun.
  static let types = PhraseTable<String>(
    [
      "Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị", "Thông tư", "Thông tư liên tịch", "Luật", "Kết luận",
      "Kế hoạch", "Hướng dẫn", "Quy định", "Công văn", "Thông báo", "Công điện", "Pháp lệnh", "Đề án", "Quy chế",
      "Chương trình", "Thông tri", "Sắc lệnh", "Lệnh", "Hiến pháp", "Văn bản", "Tờ trình", "Biên bản",
    ].map { ($0, $0) } + [("Nghị Định", "Nghị định"), ("Quyết Định", "Quyết định"), ("QCVN", regulation)]
      + abbreviations + yearNamed.map { ($0.0, $0.1) })
  /// A national technical regulation, cited by its `QCVN` symbol alone.
  static let regulation = "Quy chuẩn"
  /// Head nouns written as their symbol code: `QĐ 09`, `NĐ 34`, `NQ 20`, `CV số 2102/UBND-CN`.
  static let abbreviations: [(String, String)] = [
    ("QĐ", "Quyết định"), ("NĐ", "Nghị định"), ("NQ", "Nghị quyết"), ("CV", "Công văn"),
  ]
  /// Abbreviated heads that are also everyday words (`CV` is horsepower, a résumé): like the
  /// generic types, they cite a bare number only after `số`.
  static let genericAbbreviations = WordSet(["CV"])
  /// Documents named by their year, not a number: `Hiến pháp năm 1992`, `Bộ luật Hình sự 1999`,
  /// `BLHS 2015`. The year is their number.
  static let yearNamed: [(String, String)] = [
    ("Hiến pháp", "Hiến pháp"), ("Bộ luật Hình sự", "Bộ luật Hình sự"),
    ("Bộ luật Tố tụng hình sự", "Bộ luật Tố tụng hình sự"), ("Bộ luật Dân sự", "Bộ luật Dân sự"),
    ("Bộ luật Tố tụng dân sự", "Bộ luật Tố tụng dân sự"), ("Bộ luật Lao động", "Bộ luật Lao động"),
    ("Bộ luật Hàng hải", "Bộ luật Hàng hải"), ("BLHS", "Bộ luật Hình sự"), ("BLTTHS", "Bộ luật Tố tụng hình sự"),
    ("BLDS", "Bộ luật Dân sự"), ("BLTTDS", "Bộ luật Tố tụng dân sự"), ("BLLĐ", "Bộ luật Lao động"),
  ]
  static let yearNamedTypes: Set<String> = Set(yearNamed.map(\.1))
  /// Document types by symbol code.
  static let codeTypes: [String: String] = [
    "NĐ": "Nghị định", "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch", "KL": "Kết luận", "KH": "Kế hoạch", "HD": "Hướng dẫn", "QyĐ": "Quy định",
    "QC": "Quy chế", "TB": "Thông báo", "CĐ": "Công điện", "CTr": "Chương trình", "ĐA": "Đề án",
    "PL": "Pháp lệnh", "TTr": "Tờ trình", "BC": "Báo cáo", "PA": "Phương án", "L": "Luật", "GP": "Giấy phép",
  ]
  /// Symbol codes by document type: `CT` for `Chỉ thị`.
  static let typeCodes: [String: String] = Dictionary(
    codeTypes.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
  /// Head nouns that are also everyday words (`chương trình 10` may be a show, `quy định 95` a
  /// rule): with a bare number they cite a document only after `số`.
  static let genericTypes: Set<String> = [
    "Văn bản", "Chương trình", "Quy định", "Kế hoạch", "Lệnh", "Hướng dẫn", "Thông báo", "Đề án", "Quy chế",
    "Tờ trình", "Biên bản", "Luật",
  ]
  /// Types that cite only with a symbol: `biên bản số 01/BB-CT-08`, not a form's `biên bản số 02`
  /// or `lập biên bản 57 đối tượng`.
  static let symbolOnlyTypes: Set<String> = ["Biên bản"]
  /// Generic head nouns that, capitalised, name a document by a bare number without `số`:
  /// `Quy chế 870`, `Kế hoạch 98`, `Thông báo 1382`, `Đề án 30 của Chính phủ`; not `Chương trình
  /// 135`, a programme's name.
  static let numberedGeneric: Set<String> = ["Quy chế", "Kế hoạch", "Thông báo", "Đề án"]
  /// Words that may follow such a number; any other (`Kế hoạch 10 năm`, `Quy chế 15 điều`) makes
  /// it a count.
  static let afterNumbered = WordSet([
    "của", "về", "đã", "được", "do", "và", "là", "có", "nhằm", "sẽ", "tại", "theo", "với", "trong", "này",
    "thì", "cũng", "vẫn", "không", "chưa", "để", "quy", "hướng",
  ])
  /// Issuers written alone after an old-style number (`47/CP`, `299/TTg`).
  static let oldIssuers: Set<String> = ["CP", "TTg", "HĐBT", "HĐCP", "BCA", "BQP", "BTC", "TW", "QH"]
  /// Codes of document kinds that always carry a year; without it the reference is short.
  static let normativeCodes: Set<String> = ["NĐ", "TT", "TTLT"]
  /// Issuers whose official spelling mixes cases, by their capitals: `TTg` (Thủ tướng).
  static let issuerSpelling: [String: String] = ["TTG": "TTg"]
  /// `Chính phủ` written out where its code `CP` belongs.
  static let chinhPhu = Array("Chính phủ".utf8)
  /// A court's procedure codes in the symbol of its decisions: adjourning a hearing (`QĐ-HPT`),
  /// first instance (`QĐST`), appeal (`QĐPT`), bringing to trial (`QĐXXST`), cassation (`GĐT`).
  static let courtCodes: Set<String> = ["HPT", "ST", "PT", "XXST", "XXPT", "GĐT"]
  static let hSo = ScanText.wordHashes("số")[0]
  /// Words before `Luật` that make it a law firm's name: `Công ty Luật`, `Văn phòng Luật`.
  static let firmWords = WordSet(["ty", "phòng", "hãng"])
  static let hVa = ScanText.wordHashes("và")[0]
  static let hNam = ScanText.wordHashes("năm")[0]
  static let hNgay = ScanText.wordHashes("ngày")[0]
  /// Head nouns written as their code that may take a hyphen before a bare number: `NĐ-18`.
  static let hyphenedHeads = WordSet(["NĐ", "QĐ", "NQ"])

  /// `extract(_:)` returns the citations of the given lines in order of first appearance.
  static func extract(_ lines: [TextLine]) -> [Citation] {
    var result: [Citation] = []
    let types = Self.types
    let hSo = Self.hSo
    for line in lines {
      var consumedUntil = 0
      let w = line.words
      var i = 0
      var nextNumber = 0
      while i < w.count {
        if w[i].start < consumedUntil {
          i += 1
          continue
        }
        // A head noun cites only with a number after it, within the longest head (`Bộ luật Tố tụng
        // hình sự năm 2003`); most words have none so near, and are passed over on that alone.
        if nextNumber <= i {
          nextNumber = i + 1
          while nextNumber < w.count, !w[nextNumber].isNumber { nextNumber += 1 }
        }
        if nextNumber <= i + 7, w[i].isCapitalized || types.startsAny(w[i].hash), let (count, type) = types.match(line, at: i) {
          var k = i + count
          // A national technical regulation by its symbol, `QCVN 31:2011/BGTVT`, and nothing else.
          if type == regulation {
            if let (c, end) = technicalRegulation(line, at: i) {
              result.append(c)
              consumedUntil = end
              while i < w.count, w[i].start < end { i += 1 }
            } else {
              i += count
            }
            continue
          }
          if yearNamedTypes.contains(type), let (years, end) = yearList(line, from: k) {
            for (y, a, z) in years {
              result.append(
                Citation(
                  type: type, number: String(y), issuer: nil, year: y,
                  provenance: Provenance(
                    rule: "citation", line: line.number,
                    excerpt: ScanText.string(line.bytes, w[i].start, w[i + count - 1].end) + " "
                      + ScanText.string(line.bytes, w[a].start, w[z].end))))
            }
            consumedUntil = w[end].end
            while i < w.count, w[i].start < consumedUntil { i += 1 }
            continue
          }
          var saidSo = false
          if k < w.count, w[k].hash == hSo, line.gapIsSpace(after: k - 1) {
            k += 1
            saidSo = true
          }
          // `Công ty Luật số 5` is a law firm, and a generic head noun needs `số` or a symbol; a law
          // by a bare number also a capital (`giới luật số 1` is a precept, `Luật 2008` a year).
          let firm = type == "Luật" && i > 0 && firmWords.contains(w[i - 1].hash)
          // A code head joined to a bare number by a hyphen, `NĐ-18`: up to 3 digits, nothing after.
          let hyphened = !saidSo && count == 1 && k < w.count && w[k].start == w[i].end + 1
            && line.bytes[w[i].end] == 0x2D && w[k].isNumber && w[k].end - w[k].start <= 3
            && (w[k].end == line.bytes.count || !ScanText.isLetterStart(line.bytes, w[k].end))
            && hyphenedHeads.contains(w[i].hash)
          guard !firm, k < w.count, line.gapIsSpace(after: k - 1) || hyphened, w[k].isNumber || suffixedNumber(line, k),
            let (first, end) = parseNumber(line, at: w[k].start, type: type),
            !hyphened || (first.isPartial && end == w[k].end),
            first.number.contains("/")
              || (!symbolOnlyTypes.contains(type) && (type != "Luật" || w[i].isCapitalized)
                && (!(genericTypes.contains(type) || genericAbbreviations.contains(w[i].hash)) || saidSo
                  || namedByNumber(line, head: i, type: type, number: k, first, end: end)))
          else {
            i += count
            continue
          }
          var found = [first]
          var cursor = end
          // One head noun for several: `các Nghị định 74, 77 và 78`.
          while let next = listContinuation(line, from: cursor), let (c, e) = parseNumber(line, at: next, type: type) {
            found.append(c)
            cursor = e
          }
          for var c in found {
            c.provenance = Provenance(
              rule: "citation", line: line.number, excerpt: ScanText.string(line.bytes, w[i].start, cursor))
            result.append(c)
          }
          consumedUntil = cursor
          while i < w.count, w[i].start < cursor { i += 1 }
          continue
        }
        // A bare symbol: digits directly followed by `/` or `-` and letters.
        if w[i].isNumber, i == 0 || !(line.gap(after: i - 1).last.map { $0 == 0x2F || $0 == 0x2D } ?? false),
          let (c, end) = parseNumber(line, at: w[i].start, type: nil), !c.isPartial || c.number.contains("/")
        {
          var cited = c
          if cited.type != nil {
            cited.provenance = Provenance(
              rule: "citation symbol", line: line.number, excerpt: ScanText.string(line.bytes, w[i].start, end))
            result.append(cited)
          }
          consumedUntil = end
          while i < w.count, w[i].start < end { i += 1 }
          continue
        }
        i += 1
      }
    }
    return deduplicated(result)
  }

  /// `technicalRegulation(_:at:)` reads a national technical regulation after `QCVN` (word `i`):
  /// `QCVN 31:2011/BGTVT`, `QCVN 8-2:2011/BYT`, the number, `:` (a space after it is a slip), the
  /// year, `/` and the issuer in capitals. Nil for anything else (`QCVN` alone, `QCVN 31`).
  static func technicalRegulation(_ line: TextLine, at i: Int) -> (Citation, Int)? {
    let w = line.words
    let b = line.bytes
    guard w[i].isCapitalized, i + 1 < w.count, line.gapIsSpace(after: i), w[i + 1].isNumber else { return nil }
    let start = w[i + 1].start
    var p = start
    func digits(_ most: Int) -> Bool {
      let from = p
      while p < b.count, ScanText.isDigit(b[p]) { p += 1 }
      return p > from && p - from <= most
    }
    guard digits(3) else { return nil }
    // A part number: `8-2`, `01-1`.
    if p + 1 < b.count, b[p] == 0x2D, ScanText.isDigit(b[p + 1]) {
      p += 1
      guard digits(2) else { return nil }
    }
    guard p < b.count, b[p] == 0x3A else { return nil }
    let colon = p
    p += 1
    // `QCVN 2: 2008/BKHCN`: a space slipped after the colon.
    if p + 1 < b.count, b[p] == 0x20, ScanText.isDigit(b[p + 1]) { p += 1 }
    let yearStart = p
    guard digits(4), let year = ScanText.int(b, yearStart, p), (1900...2100).contains(year), p + 1 < b.count,
      b[p] == 0x2F
    else { return nil }
    let issuerEnd = symbolPart(b, from: p + 1)
    let issuer = ScanText.string(b, p + 1, issuerEnd)
    guard issuerEnd - p - 1 >= 2, issuer.unicodeScalars.allSatisfy({ ScanText.isUppercaseScalar($0.value) }),
      issuerEnd == b.count || !(b[issuerEnd] == 0x2F || b[issuerEnd] == 0x2D)
    else { return nil }
    let number = "QCVN " + ScanText.string(b, start, colon + 1) + ScanText.string(b, yearStart, issuerEnd)
    let provenance = Provenance(
      rule: "citation symbol", line: line.number, excerpt: ScanText.string(b, w[i].start, issuerEnd))
    return (Citation(type: "Quy chuẩn", number: number, issuer: issuer, year: year, provenance: provenance), issuerEnd)
  }

  /// `canonicalNumber(_:type:)` is a number as extraction writes it: read back through the same
  /// parser, so that a slip of writing (`03 CT/TW`, `32/2012/TT–BNNPTNT` with an en dash) becomes
  /// the symbol extraction gives (`03-CT/TW`, `32/2012/TT-BNNPTNT`). A number the parser does not
  /// read whole is returned as it is. Used to compare numbers written by hand with extraction's.
  package static func canonicalNumber(_ number: String, type: String?) -> String {
    let line = TextLine(number: 1, bytes: Array(TextNormalizer.normalize(number).utf8))
    guard let first = line.bytes.first, ScanText.isDigit(first),
      let (c, end) = parseNumber(line, at: 0, type: type), end == line.bytes.count
    else { return number }
    return c.number
  }

  /// `namedByNumber(_:head:type:number:_:end:)` tells whether a generic head noun and the bare
  /// number after it (word `k`) name a document: the head capitalised, 2 to 5 digits that are not a
  /// year, then an issuer (`của Chính phủ`), the line's end, punctuation, a bracket or quote, or one
  /// of `afterNumbered`.
  static func namedByNumber(_ line: TextLine, head: Int, type: String, number k: Int, _ c: Citation, end: Int) -> Bool {
    let w = line.words
    let digits = w[k].end - w[k].start
    guard numberedGeneric.contains(type), w[head].isCapitalized, c.isPartial, (2...5).contains(digits),
      let value = ScanText.int(line.bytes, w[k].start, w[k].end), digits != 4 || !(1900...2100).contains(value)
    else { return false }
    // `Đề án 30 của Chính phủ`: the issuer read after the number names a document.
    if end != w[k].end {
      return c.issuer != nil && line.bytes[w[k].end...].starts(with: ofIssuer)
    }
    let g = line.gap(after: k)
    guard let first = g.first else { return true }
    // `,` `.` `;` `:` `)` `!` `?` `"` and the curly quotes and dashes (E2 80 ..).
    if [0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x21, 0x3F, 0x22, 0xE2].contains(first) { return true }
    guard first == 0x20 else { return false }
    if g.count == 1 {
      guard k + 1 < w.count else { return false }
      // `Kế hoạch 98 ngày 22-6-2012` is dated; `Kế hoạch 30 ngày` is a month's plan.
      if w[k + 1].hash == hNgay { return k + 2 < w.count && w[k + 2].isNumber && line.gapIsSpace(after: k + 1) }
      return afterNumbered.contains(w[k + 1].hash)
    }
    let second = g[g.startIndex + 1]
    return second == 0x28 || second == 0x22 || second == 0xE2
  }

  /// `yearList(_:from:)` reads `[năm] 1992` and lists of them (`năm 1946, 1959, 1980 và 1992`)
  /// after a document named by its year: each year with the words it spans, and the last word.
  static func yearList(_ line: TextLine, from start: Int) -> ([(Int, Int, Int)], Int)? {
    let w = line.words
    var out: [(Int, Int, Int)] = []
    var k = start
    while k < w.count {
      let first = k
      if w[k].hash == hNam, k + 1 < w.count, line.gapIsSpace(after: k) { k += 1 }
      guard k < w.count, w[k].isNumber, w[k].end - w[k].start == 4, k == start || first < k || w[k].isNumber,
        k == 0 || line.gapIsSpace(after: k - 1) || line.gap(after: k - 1).elementsEqual([0x2C, 0x20]),
        let y = ScanText.int(line.bytes, w[k].start, w[k].end), (1900...2100).contains(y)
      else { break }
      // A year followed by `/` or `-` and more is a number (`100/2015/QH13`), not a year.
      if k + 1 < w.count, let g = line.gap(after: k).first, g == 0x2F || g == 0x2D, line.gap(after: k).count == 1 { break }
      out.append((y, first, k))
      k += 1
      // `, 1959` or ` và 1992` continue the list.
      guard k < w.count else { break }
      if line.gap(after: k - 1).elementsEqual([0x2C, 0x20]) { continue }
      if w[k].hash == hVa, line.gapIsSpace(after: k - 1), k + 1 < w.count, line.gapIsSpace(after: k) {
        k += 1
        continue
      }
      break
    }
    guard let last = out.last else { return nil }
    return (out, last.2)
  }

  /// `deduplicated(_:)` keeps the first citation of each document, by type and number; a bare
  /// symbol (`84/GP-UB`, typed by its code) is also the document a head noun gave that symbol in the
  /// same text (`quyết định số 84/GP-UB`), either way round: one entry, the first.
  static func deduplicated(_ citations: [Citation]) -> [Citation] {
    guard citations.count > 1 else { return citations }
    let anyBare = citations.contains { !$0.isPartial && $0.provenance.rule == "citation symbol" }
    var seen: Set<UTF8Key> = []
    var symbols: Set<UTF8Key> = []
    var bareSymbols: Set<UTF8Key> = []
    var out: [Citation] = []
    for c in citations {
      let bare = anyBare && !c.isPartial && c.provenance.rule == "citation symbol"
      if anyBare && !c.isPartial {
        let number = UTF8Key(c.number)
        if bareSymbols.contains(number) || (bare && symbols.contains(number)) { continue }
        symbols.insert(number)
        if bare { bareSymbols.insert(number) }
      }
      if seen.insert(UTF8Key((c.type ?? "") + "\u{1}" + c.number)).inserted { out.append(c) }
    }
    return out
  }

  /// `listContinuation(_:from:)` returns where the next number of a list starts: after `, ` or ` và `.
  static func listContinuation(_ line: TextLine, from: Int) -> Int? {
    let b = line.bytes
    var p = from
    if p < b.count, b[p] == 0x2C {
      p += 1
      while p < b.count, b[p] == 0x20 { p += 1 }
    } else {
      while p < b.count, b[p] == 0x20 { p += 1 }
      guard p + 4 <= b.count, b[p] == 0x76, b[p + 1] == 0xC3, b[p + 2] == 0xA0, b[p + 3] == 0x20 else { return nil }
      p += 4
      while p < b.count, b[p] == 0x20 { p += 1 }
    }
    // `số` may repeat: `và số 78`.
    if p + 4 <= b.count, b[p] == 0x73, b[p + 1] == 0xE1, b[p + 2] == 0xBB, b[p + 3] == 0x91 {
      p += 4
      while p < b.count, b[p] == 0x20 { p += 1 }
    }
    guard p < b.count, ScanText.isDigit(b[p]) else { return nil }
    // Only a plain number or a symbol continues a list, not a date or an amount.
    var q = p
    while q < b.count, ScanText.isDigit(b[q]) { q += 1 }
    if q - p > 4 { return nil }
    if q + 1 < b.count, b[q] == 0x2E || b[q] == 0x2C, ScanText.isDigit(b[q + 1]) { return nil }
    if q < b.count, ScanText.isLetterStart(b, q) { return nil }
    return p
  }

  /// `symbolPart(_:from:)` reads a run of letters and digits forming one part of a symbol.
  static func symbolPart(_ b: [UInt8], from: Int) -> Int {
    var p = from
    while p < b.count {
      let (v, w) = ScanText.decode(b, at: p)
      guard ScanText.isWordScalar(v) else { break }
      p += w
    }
    return p
  }

  /// `issuerParts(_:from:)` reads the issuer after a document code: `-CP`, `-BQP-BGDĐT`,
  /// `-BVHTT&DL`, and `- CP` or `– CP` with a slip of spacing, `_TNMT` with an underscore for the
  /// hyphen, and a last part of digits (`01/BB-CT-08`). Returns the parts and their end.
  /// With `dot`, a `.` for the first hyphen before capitals: `01/QĐ.CCTHADS` after a type code.
  static func issuerParts(_ b: [UInt8], from start: Int, slash: Bool = false, dot: Bool = false) -> ([String], Int)? {
    var parts: [String] = []
    var p = start
    while true {
      var q = p
      while q < b.count, b[q] == 0x20, q - p < 2 { q += 1 }
      let dotted = dot && q == start && q < b.count && b[q] == 0x2E
      // With `slash`, a `/` for the first hyphen: `12/2013/TT/NHNN` after a type code.
      if q < b.count, b[q] == 0x2D || (b[q] == 0x5F && q == p) || (slash && b[q] == 0x2F && q == start) || dotted {
        q += 1
      } else if q + 2 < b.count, b[q] == 0xE2, b[q + 1] == 0x80, b[q + 2] == 0x93 {
        q += 3
      } else {
        break
      }
      let spaced = q - p > 1 && b[p] == 0x20
      while q < b.count, b[q] == 0x20, spaced || parts.isEmpty, q - p < 5 { q += 1 }
      var e = symbolPart(b, from: q)
      // `&` joins two parts of one issuer: `BVHTT&DL`.
      while e + 1 < b.count, b[e] == 0x26, ScanText.isLetterStart(b, e + 1) { e = symbolPart(b, from: e + 1) }
      // Digits close a symbol after an issuer, written straight on: `-CT-08`, not `-CP - 2019`.
      let digits = !parts.isEmpty && !spaced && q == p + 1 && e > q && e - q <= 4
        && b[q..<e].allSatisfy(ScanText.isDigit) && !(e < b.count && (b[e] == 0x2F || b[e] == 0x2D))
      guard e > q, digits || ScanText.isUppercaseScalar(ScanText.decode(b, at: q).0) else { break }
      // The Government spelt out, `49/2010/NĐ-Chính phủ`: its code.
      if parts.isEmpty, q + chinhPhu.count <= b.count, b[q..<q + chinhPhu.count].elementsEqual(chinhPhu),
        !ScanText.isLetterStart(b, q + chinhPhu.count)
      {
        parts.append("CP")
        p = q + chinhPhu.count
        continue
      }
      var part = ScanText.string(b, q, e)
      // A slip of case in a known issuer, `-Ttg`, `-TTG`: its official spelling.
      if let official = issuerSpelling[part.uppercased()] { part = official }
      // An issuer is written in capitals: `-CP`, `-BGDĐT`, `-UBND`; a lowercase word is prose.
      guard part.unicodeScalars.filter({ $0.properties.isLowercase }).count <= 1 else { break }
      // After a dot for the hyphen, only capitals, two or more: `.CCTHADS`, not `.Ông` or `.A`; and
      // no dot after them, which makes a symbol dotted throughout (`211/QĐ.HC.99`), not read here.
      guard !dotted || (part.unicodeScalars.count >= 2 && part.unicodeScalars.allSatisfy { ScanText.isUppercaseScalar($0.value) }
          && !(e + 1 < b.count && b[e] == 0x2E && ScanText.isWordScalar(ScanText.decode(b, at: e + 1).0)))
      else { break }
      // A department by its roman numeral after the letter of `Vụ`: `7760/VPCP-V.I`.
      if part.unicodeScalars.count == 1, e + 1 < b.count, b[e] == 0x2E, let r = romanEnd(b, from: e + 1) {
        part += ScanText.string(b, e, r)
        e = r
      }
      // A branch after a dot inside the issuer: `69/QĐ-NHHT.ST` (a bank's branch), capitals
      // only, then a space, a comma, a semicolon, a bracket or the end; not the next sentence.
      if !dotted, part.unicodeScalars.count >= 2, e + 2 < b.count, b[e] == 0x2E {
        var f = e + 1
        while f < b.count, ScanText.isUppercaseScalar(ScanText.decode(b, at: f).0) { f += ScanText.decode(b, at: f).1 }
        if f - e - 1 >= 2, f == b.count || [0x20, 0x2C, 0x3B, 0x29].contains(b[f]) {
          part += ScanText.string(b, e, f)
          e = f
        }
      }
      // The Central Committee written `TƯ` (Trung ương): its code `TW`.
      if part == "TƯ" { part = "TW" }
      parts.append(part)
      p = e
    }
    return parts.isEmpty ? nil : (parts, p)
  }

  /// `romanEnd(_:from:)` returns where a roman numeral of one to four letters (`I`, `III`, `IV`)
  /// starting at byte `from` ends, when no other letter or digit follows it.
  static func romanEnd(_ b: [UInt8], from: Int) -> Int? {
    var p = from
    while p < b.count, b[p] == 0x49 || b[p] == 0x56 || b[p] == 0x58 { p += 1 }
    guard p > from, p - from <= 4, p == b.count || !ScanText.isWordScalar(ScanText.decode(b, at: p).0) else { return nil }
    return p
  }

  /// `suffixedNumber(_:_:)` tells whether word `k` is a number with one lowercase letter after it
  /// and then `/`, as in `Nghị quyết số 30a/2008/NQ-CP`. Only a head noun's number is tried so:
  /// every word of every line would pay for it on its own.
  static func suffixedNumber(_ line: TextLine, _ k: Int) -> Bool {
    let b = line.bytes
    let s = line.words[k].start
    let e = line.words[k].end
    guard e - s >= 2, e < b.count, b[e] == 0x2F, ScanText.isDigit(b[s]), (0x61...0x7A).contains(b[e - 1]) else { return false }
    return b[s..<(e - 1)].allSatisfy(ScanText.isDigit)
  }

  /// `parseNumber(_:at:type:)` reads a document number at byte `at` and returns the citation and
  /// the byte where it ends. A number with a letter after it (`30a/2008/NQ-CP`) is read only as
  /// part of a full symbol.
  static func parseNumber(_ line: TextLine, at start: Int, type: String?) -> (Citation, Int)? {
    let b = line.bytes
    var p = start
    while p < b.count, ScanText.isDigit(b[p]) { p += 1 }
    guard p > start, p + 1 < b.count, (0x61...0x7A).contains(b[p]), b[p + 1] == 0x2F else {
      return parseDigits(line, at: start, type: type, suffix: p)
    }
    guard let (c, end) = parseDigits(line, at: start, type: type, suffix: p + 1), !c.isPartial else { return nil }
    return (c, end)
  }

  /// `parseDigits(_:at:type:suffix:)` reads a document number whose digits, and letter if any,
  /// end at byte `suffix`.
  static func parseDigits(_ line: TextLine, at start: Int, type: String?, suffix: Int) -> (Citation, Int)? {
    let b = line.bytes
    var p = start
    while p < b.count, ScanText.isDigit(b[p]) { p += 1 }
    let digitsEnd = p
    guard digitsEnd - start <= 5, let value = ScanText.int(b, start, digitsEnd) else { return nil }
    let letter = suffix > digitsEnd ? ScanText.string(b, digitsEnd, suffix) : ""
    p = suffix
    let written = ScanText.string(b, start, suffix)
    func upper(_ s: String) -> Bool { s.unicodeScalars.first.map { ScanText.isUppercaseScalar($0.value) } ?? false }
    // number/YYYY/CODE-ISSUER or number/YYYY/ISSUER (laws: 80/2015/QH13)
    if p + 5 < b.count, b[p] == 0x2F, ScanText.isDigit(b[p + 1]) {
      var q = p + 1
      while q < b.count, ScanText.isDigit(b[q]) { q += 1 }
      if q - p - 1 == 4, q < b.count, b[q] == 0x2F, let year = ScanText.int(b, p + 1, q),
        (1900...2100).contains(year)
      {
        var codeStart = q + 1
        // `88/2007/ NĐ-CP`: a stray space after the slash.
        if codeStart + 1 < b.count, b[codeStart] == 0x20, ScanText.isLetterStart(b, codeStart + 1) { codeStart += 1 }
        let codeEnd = symbolPart(b, from: codeStart)
        var code = ScanText.string(b, codeStart, codeEnd)
        guard upper(code) else { return nil }
        var issuer: String? = code
        var docCode: String? = nil
        var end = codeEnd
        var symbol = code
        if let (found, issuerEnd) = issuerParts(b, from: codeEnd, slash: codeTypes[code] != nil, dot: codeTypes[code] != nil) {
          var parts = found
          // The issuer and the head noun's own code swapped, `Nghị định 87/2012/CP-NĐ`: the
          // official order, `87/2012/NĐ-CP`.
          if let t = type, let own = typeCodes[t], parts == [own], oldIssuers.contains(code) {
            parts = [code]
            code = own
          }
          issuer = parts.joined(separator: "-")
          docCode = code
          end = issuerEnd
          symbol = code + "-" + parts.joined(separator: "-")
          // A court's decision to adjourn or to try (`53/2013/QĐ-HPT`, `84/2012/QĐST-DS`) is a
          // paper of a case, not a cited document.
          if code.hasPrefix("QĐ"), courtCodes.contains(String(code.dropFirst(2))) || parts.contains(where: courtCodes.contains) {
            return nil
          }
        }
        let number = (value < 10 ? "0" : "") + String(value) + letter + "/" + String(year) + "/" + symbol
        // A type code with no issuer after it (`49/2010/NĐ`) is a symbol cut short: partial.
        if docCode == nil, let codeType = codeTypes[code] {
          return (Citation(type: type ?? codeType, number: number, issuer: nil, year: year, isPartial: true), end)
        }
        let t = type ?? docCode.flatMap { codeTypes[$0] } ?? (issuer?.hasPrefix("QH") == true ? "Luật" : nil)
        return (Citation(type: t, number: number, issuer: issuer, year: year), end)
      }
    }
    // number-CODE/ISSUER (party), or with a slip of spacing or an en dash: `09 CT/TW`,
    // `03 - CT/TW`, `09- NQ/TU`, `29 – NQ/TW`.
    var codeStart = p
    let spaceBefore = codeStart < b.count && b[codeStart] == 0x20
    if spaceBefore { codeStart += 1 }
    var dash = false
    if codeStart < b.count, b[codeStart] == 0x2D {
      codeStart += 1
      dash = true
    } else if codeStart + 2 < b.count, b[codeStart] == 0xE2, b[codeStart + 1] == 0x80, b[codeStart + 2] == 0x93 {
      codeStart += 3
      dash = true
    }
    if dash, codeStart < b.count, b[codeStart] == 0x20 { codeStart += 1 }
    if dash || spaceBefore, ScanText.isLetterStart(b, codeStart) {
      let codeEnd = symbolPart(b, from: codeStart)
      if codeEnd > codeStart, codeEnd + 1 < b.count, b[codeEnd] == 0x2F {
        let code = ScanText.string(b, codeStart, codeEnd)
        var issuerEnd = symbolPart(b, from: codeEnd + 1)
        // A party body's code is written in capitals: `/TW`, `/TU`, `/ĐUCA`.
        if let codeType = codeTypes[code], issuerEnd > codeEnd + 1,
          ScanText.isUppercaseScalar(ScanText.decode(b, at: codeEnd + 1).0)
        {
          var issuer = ScanText.string(b, codeEnd + 1, issuerEnd)
          // The Central Committee written `TƯ` or `T.Ư` (Trung ương): its code `TW`.
          if issuer == "T", issuerEnd + 1 < b.count, b[issuerEnd] == 0x2E {
            let e = symbolPart(b, from: issuerEnd + 1)
            if ScanText.string(b, issuerEnd + 1, e) == "Ư" {
              issuer = "TW"
              issuerEnd = e
            }
          }
          if issuer == "TƯ" { issuer = "TW" }
          return (
            Citation(type: type ?? codeType, number: written + "-" + code + "/" + issuer, issuer: issuer, year: nil),
            issuerEnd
          )
        }
      }
    }
    // An old-style symbol after a type noun, the issuer alone: `Nghị định số 47/CP`, `15-CP`,
    // `Chỉ thị 299/TTg`. Kept as written, and partial: the era's numbering repeats.
    if let t = type, p + 2 < b.count, b[p] == 0x2F || b[p] == 0x2D, ScanText.isLetterStart(b, p + 1) {
      let codeEnd = symbolPart(b, from: p + 1)
      let code = ScanText.string(b, p + 1, codeEnd)
      let capitals = code.unicodeScalars.filter { ScanText.isUppercaseScalar($0.value) }.count
      let spelledOut = issuerParts(b, from: codeEnd) != nil || (codeTypes[code] != nil && !oldIssuers.contains(code))
      if !spelledOut,
        oldIssuers.contains(code) || (capitals == code.unicodeScalars.count && (2...6).contains(capitals)),
        codeEnd == b.count || !(b[codeEnd] == 0x2F || b[codeEnd] == 0x2D || ScanText.isLetterStart(b, codeEnd))
      {
        let symbol = written + String(UnicodeScalar(b[p])) + code
        return (Citation(type: t, number: symbol, issuer: code, year: nil, isPartial: true), codeEnd)
      }
    }
    // number/YYYY after a type noun, the symbol left out: `Nghị định 77/2010`, or with a dash
    // for the slash, `Nghị định số 16-2010`.
    if let t = type, p + 4 < b.count, b[p] == 0x2F || b[p] == 0x2D, ScanText.isDigit(b[p + 1]) {
      var q = p + 1
      while q < b.count, ScanText.isDigit(b[q]) { q += 1 }
      guard q - p - 1 == 4, let year = ScanText.int(b, p + 1, q), (1900...2100).contains(year) else { return nil }
      // The type code left out of the symbol, `Thông tư 01/2016-BVHTTDL`: kept as written, partial.
      if b[p] == 0x2F, q < b.count, b[q] == 0x2D, let (parts, issuerEnd) = issuerParts(b, from: q),
        issuerEnd == b.count || !(b[issuerEnd] == 0x2F || ScanText.isLetterStart(b, issuerEnd))
      {
        let issuer = parts.joined(separator: "-")
        let number = (value < 10 ? "0" : "") + String(value) + "/" + String(year) + "-" + issuer
        return (Citation(type: t, number: number, issuer: issuer, year: year, isPartial: true), issuerEnd)
      }
      if q < b.count, ScanText.isLetterStart(b, q) || b[q] == 0x2F || (b[q] == 0x2D && q + 1 < b.count && b[q + 1] != 0x20) {
        return nil
      }
      let number = (value < 10 ? "0" : "") + String(value) + "/" + String(year)
      return (Citation(type: t, number: number, issuer: nil, year: year, isPartial: true), q)
    }
    // number/CODE-ISSUER (administrative) or a short `03/NĐ-CP`; number/ISSUER-UNIT letters
    if p + 1 < b.count, b[p] == 0x2F, !ScanText.isDigit(b[p + 1]) {
      // `3033/ QĐ- UBND`: a stray space after the slash, before capitals.
      var codeStart = p + 1
      if b[codeStart] == 0x20, codeStart + 1 < b.count, ScanText.isUppercaseScalar(ScanText.decode(b, at: codeStart + 1).0) {
        codeStart += 1
      }
      let codeEnd = symbolPart(b, from: codeStart)
      let code = ScanText.string(b, codeStart, codeEnd)
      if upper(code), let (parts, issuerEnd) = issuerParts(b, from: codeEnd, dot: codeTypes[code] != nil) {
        let issuer = parts.joined(separator: "-")
        let symbol = written + "/" + code + "-" + issuer
        if code.hasPrefix("QĐ"), courtCodes.contains(String(code.dropFirst(2))) || parts.contains(where: courtCodes.contains) {
          return nil
        }
        if let codeType = codeTypes[code] {
          // `TT` is a Thông tư's code, a normative document with a year, but also a Thông tri's
          // (`Thông tri số 297/TT-TƯ`), which has none.
          let partial = normativeCodes.contains(code) && type != "Thông tri"
          return (
            Citation(type: type ?? codeType, number: symbol, issuer: issuer, year: nil, isPartial: partial), issuerEnd
          )
        }
        // Official letters (`123/UBND-VX`): issuer and drafting unit, no type code; only a head
        // noun says what they are.
        return (Citation(type: type, number: symbol, issuer: code, year: nil), issuerEnd)
      }
      // A slip in the symbol after a type noun, `Chỉ thị số 11/CT0BTC` for `11/CT-BCT`: the type's
      // own code, then capitals and digits with no hyphen. Kept as written, partial: no issuer is read.
      if let t = type, let own = typeCodes[t], code.hasPrefix(own), code.count > own.count, code.count <= 12,
        code.unicodeScalars.allSatisfy({ ScanText.isUppercaseScalar($0.value) || (0x30...0x39).contains($0.value) }),
        codeEnd == b.count || !(b[codeEnd] == 0x2F || b[codeEnd] == 0x2D)
      {
        return (Citation(type: t, number: written + "/" + code, issuer: nil, year: nil, isPartial: true), codeEnd)
      }
      return nil
    }
    // A bare number after a type noun is a short reference: `Nghị định số 03`, `Nghị định 03 năm 2019`.
    guard let t = type else { return (Citation(type: nil, number: written, issuer: nil, year: nil, isPartial: true), p) }
    if p < b.count, ScanText.isLetterStart(b, p) || b[p] == 0x2F || b[p] == 0x2D || b[p] == 0x2E && p + 1 < b.count
      && ScanText.isDigit(b[p + 1])
    {
      return nil
    }
    var year: Int? = nil
    var end = p
    let tail = ScanText.string(b, p, min(b.count, p + 12))
    if tail.hasPrefix(" năm "), tail.count >= 9 {
      let yStart = p + " năm ".utf8.count
      if yStart + 4 <= b.count, let y = ScanText.int(b, yStart, yStart + 4), (1900...2100).contains(y),
        yStart + 4 == b.count || !ScanText.isDigit(b[yStart + 4])
      {
        year = y
        end = yStart + 4
      }
    }
    // `Chỉ thị 46 của Bộ Chính trị`: a party body's document, numbered `46-CT/TW`. The issuer keeps
    // the short reference from resolving to another body's document of the same number.
    var issuer: String? = nil
    if let e = partyPhrase(b, at: end) {
      issuer = "TW"
      end = e
    } else if let (code, e) = issuerPhrase(b, at: end) {
      // `Thông tư 30 của Bộ Giáo dục và Đào tạo`: the ministry's code, so that the corpus never
      // resolves it to another ministry's circular of the same number.
      issuer = code
      end = e
    }
    return (Citation(type: t, number: written, issuer: issuer, year: year, isPartial: true), end)
  }

  /// The bodies a short reference may name after `của`, by their codes in a document's symbol:
  /// the Government, the Prime Minister, the State Bank and the ministries, written out (`Bộ Giáo
  /// dục và Đào tạo`, `Bộ Giáo dục & Đào tạo`); a ministry's abbreviation (`Bộ GD&ĐT`) is read
  /// apart, through `OrganizationFields`.
  static let issuerNames: [([UInt8], String)] = {
    var names: [(String, String)] = [
      ("Thủ tướng Chính phủ", "TTg"), ("Thủ tướng", "TTg"), ("Chính phủ", "CP"), ("Ngân hàng Nhà nước", "NHNN"),
      ("Bộ Y tế", "BYT"), ("Bộ Tài chính", "BTC"), ("Bộ Công an", "BCA"), ("Bộ Quốc phòng", "BQP"),
      ("Bộ Tư pháp", "BTP"), ("Bộ Công Thương", "BCT"), ("Bộ Công thương", "BCT"), ("Bộ Xây dựng", "BXD"),
      ("Bộ Nội vụ", "BNV"), ("Bộ Ngoại giao", "BNG"), ("Bộ Lao động, Thương binh và Xã hội", "BLĐTBXH"),
    ]
    for (abbreviation, field) in OrganizationFields.ministries {
      names.append(("Bộ " + field, "B" + abbreviation))
    }
    var out: [([UInt8], String)] = []
    for (name, code) in names {
      for spelling in Set([name, name.replacingOccurrences(of: " và ", with: " & ")]) {
        out.append((Array((" của " + spelling).utf8), code))
      }
    }
    // The longest first: `Thủ tướng Chính phủ` before `Thủ tướng`.
    return out.sorted { $0.0.count > $1.0.count }
  }()
  static let ofMinistry = Array(" của Bộ ".utf8)
  static let ofIssuer = Array(" của ".utf8)

  /// `issuerPhrase(_:at:)` reads `của` and a body of `issuerNames` (or `Bộ` and a ministry's
  /// abbreviation) at byte `p`, ending there (no letter, digit or capitalised word after it):
  /// the body's code and where the phrase ends; nil otherwise.
  static func issuerPhrase(_ b: [UInt8], at p: Int) -> (String, Int)? {
    guard p + 8 < b.count, b[p] == 0x20, b[p + 1] == 0x63 else { return nil }
    func ends(_ e: Int) -> Bool {
      if e == b.count { return true }
      if ScanText.isLetterStart(b, e) || ScanText.isDigit(b[e]) { return false }
      return !(e + 1 < b.count && b[e] == 0x20 && ScanText.isUppercaseScalar(ScanText.decode(b, at: e + 1).0))
    }
    for (phrase, code) in issuerNames where p + phrase.count <= b.count && b[p..<p + phrase.count].elementsEqual(phrase) {
      if ends(p + phrase.count) { return (code, p + phrase.count) }
    }
    // `của Bộ GD&ĐT`, `của Bộ LĐ-TB&XH`
    guard p + ofMinistry.count < b.count, b[p..<p + ofMinistry.count].elementsEqual(ofMinistry) else { return nil }
    let start = p + ofMinistry.count
    var e = start
    while e < b.count, b[e] != 0x20, b[e] != 0x2C, b[e] != 0x2E, b[e] != 0x3B, b[e] != 0x29, b[e] != 0x3A { e += 1 }
    guard e > start, ends(e), let field = OrganizationFields.ministryCode(b[start..<e]) else { return nil }
    return ("B" + field, e)
  }

  /// Phrases naming the Party's central bodies after a short reference, whose documents carry `/TW`.
  static let partyPhrases: [[UInt8]] = [
    " của Bộ Chính trị", " của Ban Bí thư", " của Ban Chấp hành Trung ương Đảng", " của Ban Chấp hành Trung ương",
    " của BCH Trung ương", " của Trung ương Đảng", " của Trung ương",
  ].map { Array($0.utf8) }

  /// `partyPhrase(_:at:)` returns where one of `partyPhrases` ends when it starts at byte `p`, and
  /// no capitalised word follows it (`của Trung ương Đoàn` is the Youth Union's).
  static func partyPhrase(_ b: [UInt8], at p: Int) -> Int? {
    guard p + 5 < b.count, b[p] == 0x20, b[p + 1] == 0x63 else { return nil }
    for phrase in partyPhrases where p + phrase.count <= b.count && b[p..<p + phrase.count].elementsEqual(phrase) {
      let e = p + phrase.count
      if ScanText.isLetterStart(b, e) { continue }
      if e + 1 < b.count, b[e] == 0x20, ScanText.isUppercaseScalar(ScanText.decode(b, at: e + 1).0) { continue }
      return e
    }
    return nil
  }
}

extension ScanText {
  /// `isLetterStart(_:_:)` tells whether a letter starts at byte `i`.
  static func isLetterStart(_ b: [UInt8], _ i: Int) -> Bool {
    guard i < b.count else { return false }
    let (v, _) = decode(b, at: i)
    return isWordScalar(v) && !(v >= 0x30 && v <= 0x39)
  }
}
