import Foundation
import Testing

@testable import TinqCorpus
@testable import TinqExtraction
@testable import TinqFacts
@testable import TinqStore
@testable import TinqSupport
@testable import TinqText

/// `LoadingFastPathTests` checks that the fast paths of loading (table NFC, the hand-written JSON
/// Lines decoder) give exactly what the Foundation paths they stand in for give.
@Suite struct LoadingFastPathTests {
  /// Letters and marks in odd orders and combinations, some the composer handles, some it must
  /// hand to Foundation.
  static let decomposed: [String] = [
    "Vie\u{0302}\u{0323}t Nam",  // marks in non-canonical order
    "Vie\u{0323}\u{0302}t Nam",
    "Nghi\u{0323} \u{0111}i\u{0323}nh so\u{0302}\u{0301} 03",
    "q\u{0301} x\u{0300}",  // nothing to compose with: Foundation's answer
    "\u{0301}leading mark",
    "\u{03B1}\u{0301} Greek",
    "a\u{0344} composite mark",
    "e\u{0302}\u{0301}\u{0323} three marks",
    "A\u{030A}\u{0301} ring and acute",
    "\u{212B}\u{0301} angstrom",
    "\u{00EA}\u{0301} precomposed then mark",
    "\u{1EBF}\u{0323} full letter then mark",
    "tab\te\u{0301}\n\u{0300}after newline",
    "x\u{034F}\u{0301} grapheme joiner",
    "e\u{0301}\u{0301} doubled",
    "emoji 😀 e\u{0301}",
  ]

  @Test(arguments: decomposed)
  func composerMatchesFoundation(_ text: String) {
    let expected = Array(text.precomposedStringWithCanonicalMapping.utf8)
    #expect(Array(TextNormalizer.normalize(text).utf8) == expected)
    #expect(TextNormalizer.normalizedBytes(text) == expected)
    #expect(TextNormalizer.normalizedBytes(utf8: Array(text.utf8)) == expected)
  }

  @Test func composerCoversEveryLatinLetter() {
    var scalars: [Unicode.Scalar] = []
    for v in UInt32(0xC0)..<0x250 { if let s = Unicode.Scalar(v) { scalars.append(s) } }
    for v in UInt32(0x1E00)..<0x1F00 { if let s = Unicode.Scalar(v) { scalars.append(s) } }
    var mismatches: [UInt32] = []
    for scalar in scalars {
      let nfd = String(Character(scalar)).decomposedStringWithCanonicalMapping
      let text = "x" + nfd + " y" + nfd
      if Array(TextNormalizer.normalize(text).utf8) != Array(text.precomposedStringWithCanonicalMapping.utf8) {
        mismatches.append(scalar.value)
      }
    }
    #expect(mismatches.isEmpty)
  }

  @Test func composerDeclinesOutsideItsTables() {
    let bytes = Array("a\u{0301}\u{4E2D}".utf8)
    #expect(bytes.withUnsafeBufferPointer { LatinComposer.compose($0) } == nil)
    let latin = Array("a\u{0301}".utf8)
    #expect(latin.withUnsafeBufferPointer { LatinComposer.compose($0) } == Array("\u{00E1}".utf8))
  }

  /// Lines for the JSON decoder: plain, escaped, odd and malformed.
  static let lines: [String] = [
    #"{"id":"a","body":"Hà Nội\nngày 1","title":"T"}"#,
    #"{"body":"esc \" \\ \/ \b \f \n \r \t \u00e0 \u1EA1 \ud83d\ude00 end"}"#,
    #"{ "body" : "spaces" , "id" : " s " }"#,
    #"{"body":"x","title":null}"#,
    #"{"id":12,"body":"number id","source":1.5,"url":true}"#,
    #"{"body":"trailing comma",}"#,
    #"{"body":"dup1","body":"dup2"}"#,
    #"{"content":"c","text":"t"}"#,
    #"{"text":"   "}"#,
    #"{"body":"\u0000 nul"}"#,
    #"{"body":"lone \ud800 high"}"#,
    #"{"body":"lone \udc00 low"}"#,
    #"{"body":"bad \q escape"}"#,
    #"{"b\u006fdy":"escaped key"}"#,
    #"{"body":"x"} tail"#,
    #"{"body":"x" "id":"y"}"#,
    #"{"body":5}"#,
    #"{"body":"unterminated}"#,
    #"{}"#,
    "{\"body\":\"raw\ttab\"}",
    #"{"body":"nested","meta":{"a":[1,2]}}"#,
  ]

  @Test(arguments: lines)
  func decoderMatchesFoundation(_ line: String) {
    let bytes = ArraySlice(Array(line.utf8))
    #expect(render(JSONLines.decode(bytes)) == render(Self.reference(bytes)))
  }

  /// The hand-written UTF-8 check agrees with the standard library's on every boundary of the
  /// standard's table (each lead byte with the edges of each continuation range, cut short at
  /// every length, after ASCII runs that cross the eight-byte steps) and on random bytes.
  @Test func utf8CheckMatchesTheStandardLibrary() {
    func agree(_ bytes: [UInt8]) {
      let ours = bytes.withUnsafeBufferPointer { FastObject.isValidUTF8($0) }
      #expect(ours == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
    let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
    for lead in 0...255 {
      for c1 in edges {
        for c2 in [0x80, 0xBF, 0x7F, 0xC0] as [UInt8] {
          let sequence: [UInt8] = [UInt8(lead), c1, c2, 0x80]
          for length in 1...4 {
            for prefix in [0, 3, 7, 8, 9] {
              agree(Array(repeating: 0x61, count: prefix) + sequence[0..<length] + [0x62])
              agree(Array(repeating: 0x61, count: prefix) + sequence[0..<length])
            }
          }
        }
      }
    }
    var random = SplitMix64(seed: 9)
    let text = Array("Nghị định số 03/2019/NĐ-CP về phối hợp giữa Bộ Công an và Bộ Quốc phòng 😀".utf8)
    for _ in 0..<3000 {
      var bytes = text
      for _ in 0..<Int(random.next() % 3) {
        bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
      }
      agree(Array(bytes[0..<Int(random.next() % UInt64(bytes.count + 1))]))
    }
  }

  /// The residue marker is found in any case, wherever it sits against the eight-byte steps,
  /// and only whole: as a plain lowercased search finds it.
  @Test func residueMarkerIsFoundAsAPlainSearchFindsIt() {
    let fillers = ["", "a", "Lực lượng ", "ff lef ", "Nghị định số 03 ", "lefT", "xxxxxxx"]
    let markers = ["leftcenterrightdel", "LEFTCENTERRIGHTDEL", "LeftCenterRightDel", "leftcenterrightde", "lef center"]
    for before in fillers {
      for marker in markers {
        for after in fillers {
          let bytes = Array((before + marker + after).utf8)
          let plain = String(decoding: bytes, as: UTF8.self).lowercased().contains("leftcenterrightdel")
          #expect(Layout.containsResidueMarker(bytes, 0, bytes.count) == plain, "\(before)|\(marker)|\(after)")
          // A window that cuts the marker's last letter off never holds it.
          let cut = before.utf8.count + marker.utf8.count - 1
          #expect(!Layout.containsResidueMarker(bytes, 0, cut) || !plain)
        }
      }
    }
  }

  /// A word's hash read where its bytes lie is the hash `WordHasher` builds a byte at a time, at
  /// every length around the 8- and 16-byte steps.
  @Test func wordHashReadInPlaceIsTheIncrementalOne() {
    var random = SplitMix64(seed: 3)
    for count in 0...40 {
      for _ in 0..<20 {
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var incremental = WordHasher()
        for b in bytes { incremental.add(b) }
        let padded = bytes + [UInt8](repeating: UInt8(truncatingIfNeeded: random.next()), count: 16)
        let inPlace = padded.withUnsafeBufferPointer { p in p.baseAddress.map { WordHasher.hash($0, count: count) } }
        #expect(inPlace == incremental.value, "\(bytes)")
      }
    }
  }

  /// Extraction's word scalars, checked over every scalar value against the rule as written:
  /// ASCII letters and digits, and any other scalar outside Latin-1's symbols, `×`, `÷` and the
  /// punctuation blocks.
  @Test func wordScalarsAreTheDocumentedOnes() {
    for v in UInt32(0)...0x10FFFF {
      let expected: Bool
      switch v {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: expected = true
      case 0..<0x80, 0x80...0xBF, 0xD7, 0xF7, 0x2000...0x2BFF, 0x3000...0x303F, 0xFE00...0xFE6F: expected = false
      default: expected = true
      }
      if ScanText.isWordScalar(v) != expected { Issue.record("U+\(String(v, radix: 16))") }
    }
  }

  @Test func invalidUTF8IsNamed() {
    let bytes = ArraySlice(Array(#"{"body":"a"#.utf8) + [0xFF] + Array(#""}"#.utf8))
    #expect(render(JSONLines.decode(bytes)) == "skip not valid UTF-8")
  }

  /// JSON Lines files for the chunking test: records, blank and bad lines, a line longer than the
  /// smallest chunks, no final newline.
  static let chunkingFixtures: [[UInt8]] = [
    Array(
      (0..<40).map { #"{"id": "c\#($0)", "body": "Bài \#($0). Bộ Công an phối hợp."}"# }.joined(separator: "\n").utf8),
    Array(("\n\n" + #"{"id": "a", "body": "A."}"# + "\n{bad\n\n" + #"{"body": "B không id."}"# + "\n").utf8),
    Array((#"{"id": "long", "body": ""# + String(repeating: "Bộ Quốc phòng. ", count: 200) + #""}"#).utf8),
    [0] + Array(("{bad\n" + #"{"id": "after", "body": "Sau."}"#).utf8),
    [0x7B, 0x00, 0x0A, 0x01, 0x02, 0x00],
    Array(
      (0..<30).map { #"{"id": "r\#($0)", "body": "Bài \#($0)."}"# + ($0 % 7 == 3 ? "\r{bad" : "") }
        .joined(separator: "\r").utf8),
    Array((0..<30).map { #"{"id": "m\#($0)", "body": "Bài \#($0)."}"# }.joined(separator: "\r\n").utf8) + [0x0D],
    Array(
      ("\r\n\r" + #"{"id": "x", "body": "X."}"# + "\n\r\r\n{bad\r\n\n" + #"{"id": "y", "body": "Y."}"# + "\r").utf8),
  ]

  /// A JSON Lines file loads the same whatever the chunk size, mapped or read through the buffer a
  /// file that cannot be mapped takes: the same articles, ids, bodies and warnings, in order.
  @Test(arguments: chunkingFixtures.indices)
  func chunkingDoesNotChangeWhatLoads(_ fixture: Int) throws {
    let dir = try ScratchDirectory()
    let file = try dir.write("c.jsonl", Self.chunkingFixtures[fixture])
    let whole = Self.loadLines(file, chunkSize: CorpusLoader.chunkSize, mapped: true)
    #expect(!whole.isEmpty)
    for chunkSize in [1, 2, 3, 7, 64, 1000] {
      for mapped in [true, false] {
        #expect(Self.loadLines(file, chunkSize: chunkSize, mapped: mapped) == whole, "\(chunkSize) \(mapped)")
      }
    }
  }

  /// Lines split at LF, CR LF and CR alone, numbered as an editor numbers them: checked against a
  /// byte-at-a-time splitter on random mixes of the three, cut at every point as a chunk may be.
  @Test func lineEndsAreLFCRLFAndCR() {
    func reference(_ bytes: [UInt8]) -> [Range<Int>] {
      var lines: [Range<Int>] = []
      var start = 0
      var i = 0
      while i < bytes.count {
        if bytes[i] == 0x0A || bytes[i] == 0x0D {
          lines.append(start..<i)
          if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
          start = i + 1
        }
        i += 1
      }
      if start < bytes.count { lines.append(start..<bytes.count) }
      return lines
    }
    var random = SplitMix64(seed: 17)
    let alphabet: [UInt8] = [0x61, 0x61, 0x0A, 0x0D]
    for _ in 0..<2000 {
      let bytes = (0..<Int(random.next() % 24)).map { _ in alphabet[Int(random.next() % 4)] }
      var number = 0
      let lines = bytes.withUnsafeBufferPointer { CorpusLoader.splitLines($0, end: $0.count, lineNumber: &number) }
      #expect(lines.map(\.1) == reference(bytes), "\(bytes)")
      #expect(lines.map(\.0) == (0..<lines.count).map { $0 + 1 })
      #expect(number == lines.count)
      // A batch ends at the last line end, never between CR and LF.
      for cut in 0...bytes.count {
        let prefix = Array(bytes[..<cut])
        guard let last = prefix.withUnsafeBufferPointer({ CorpusLoader.lastLineEnd($0, from: 0) }) else { continue }
        #expect(!(prefix[last] == 0x0D && last + 1 < bytes.count && bytes[last + 1] == 0x0A), "\(bytes) \(cut)")
      }
    }
  }

  /// `loadLines(_:chunkSize:mapped:)` renders what a JSON Lines file loads: a line per article
  /// (id, origin, body) or warning.
  static func loadLines(_ path: String, chunkSize: Int, mapped: Bool) -> [String] {
    var articles: [Article] = []
    var warnings: [LoadWarning] = []
    CorpusLoader.loadJSONLines(path, into: &articles, warnings: &warnings, chunkSize: chunkSize, mapped: mapped)
    return articles.map { "\($0.id) \($0.origin ?? "") \($0.body)" } + warnings.map(\.description)
  }

  func render(_ record: JSONLines.Record?) -> String {
    switch record {
    case nil: return "nil"
    case .skip(let reason): return "skip " + reason
    case .article(let id, let body, let m):
      return [id, String(decoding: body, as: UTF8.self), m.title, m.date, m.source, m.author, m.url]
        .map { $0.map { String(reflecting: $0) } ?? "nil" }.joined(separator: "|")
    }
  }

  /// The decoder as it was before the fast path: Foundation for every line.
  static func reference(_ bytes: ArraySlice<UInt8>) -> JSONLines.Record? {
    var line = bytes
    while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
    while let first = line.first, first == 0x20 || first == 0x09 { line = line.dropFirst() }
    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
    guard !line.isEmpty else { return nil }
    guard line.first == 0x7B else {
      return .skip(String(validating: line, as: UTF8.self) == nil ? "not valid UTF-8" : "malformed JSON: not an object")
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: []) else {
      return .skip(String(validating: line, as: UTF8.self) == nil ? "not valid UTF-8" : "malformed JSON")
    }
    guard let dict = object as? [String: Any] else { return .skip("malformed JSON: not an object") }
    var body: String? = nil
    for key in ["body", "content", "text"] {
      if let value = dict[key] {
        guard let s = value as? String else { return .skip("\"\(key)\" is not a string") }
        body = s
        break
      }
    }
    guard let text = body, !text.allSatisfy(\.isWhitespace) else { return .skip("missing body") }
    func field(_ key: String) -> String? {
      switch dict[key] {
      case let s as String: return s
      case let n as NSNumber: return n.stringValue
      default: return nil
      }
    }
    let metadata = ArticleMetadata(
      title: field("title"), date: field("date"), source: field("source"), author: field("author"), url: field("url"))
    let id = field("id").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
    return .article(id: id, body: Array(text.utf8), metadata: metadata)
  }
}

/// Words a scraper glued when it lost a paragraph break are read as two words; a word written
/// with a capital inside stays one.
@Suite struct GluedWordTests {
  @Test(arguments: [
    ("đến MỹBà Lan", ["đến", "Mỹ", "Bà", "Lan"]),
    ("theo ReutersSở Y tế", ["theo", "Reuters", "Sở", "Y", "tế"]),
    ("FBIĐài CNN", ["FBI", "Đài", "CNN"]),
    ("năm 2013Sở", ["năm", "2013", "Sở"]),
    ("xem YouTube", ["xem", "YouTube"]),
    ("ông McAlister", ["ông", "McAlister"]),
    ("chiếc iPhone mới", ["chiếc", "iPhone", "mới"]),
    ("hãng VinFast", ["hãng", "VinFast"]),
    ("HĐND tỉnh", ["HĐND", "tỉnh"]),
    ("Quyết định 12/QĐ-TTg", ["Quyết", "định", "12", "QĐ", "TTg"]),
    ("tỉnh ĐắkLắk", ["tỉnh", "Đắk", "Lắk"]),
    ("aBà", ["aBà"]),
    ("Ảnh: XLTheo lời khai", ["Ảnh", "XL", "Theo", "lời", "khai"]),
    ("Ảnh: APNghi phạm", ["Ảnh", "AP", "Nghi", "phạm"]),
    ("vay VPBank và ABBank", ["vay", "VPBank", "và", "ABBank"]),
    ("giải SEAGames 31", ["giải", "SEAGames", "31"]),
    ("vệ tinh VNREDSat-1", ["vệ", "tinh", "VNREDSat", "1"]),
    ("của PVTheo đó", ["của", "PV", "Theo", "đó"]),
    ("trang ZDNet.", ["trang", "ZDNet"]),
  ] as [(String, [String])])
  func gluedWordsSplit(text: String, words: [String]) {
    let line = TextLine(number: 1, text: text)
    #expect(line.words.map { ScanText.string(line.bytes, $0.start, $0.end) } == words)
  }

  @Test func theSecondOfTwoGluedWordsOpensASentence() {
    let line = TextLine(number: 1, text: "đến MỹBà Lan")
    #expect(line.words.count == 4)
    #expect(Dates.isSentenceStart(line, 2))
    #expect(!Dates.isSentenceStart(line, 1))
    #expect(line.words[2].isCapitalized && !line.words[1].isNumber)
  }
}
