#if PostgreSQL
import Foundation
import TinqEngine
import TinqFacts
import TinqStore
import TinqText

/// `CopyText` builds the lines of a `COPY ... FROM STDIN` in PostgreSQL's text format: columns
/// separated by tabs, `\N` for NULL, backslash, tab, newline and carriage return escaped.
struct CopyText {
  var bytes: [UInt8] = []
  private var first = true

  mutating func text(_ s: String?) {
    separate()
    guard let s else { return bytes.append(contentsOf: Array("\\N".utf8)) }
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x00: continue  // PostgreSQL text cannot hold NUL
      default: bytes.append(b)
      }
    }
  }

  mutating func integer(_ i: Int?) { text(i.map { String($0) }) }

  mutating func bool(_ b: Bool) { text(b ? "t" : "f") }

  /// A `bytea` in hex (`\x...`, its backslash escaped for COPY).
  mutating func bytea(_ data: [UInt8]) {
    separate()
    bytes.append(contentsOf: Array("\\\\x".utf8))
    let hex = Array("0123456789abcdef".utf8)
    for b in data {
      bytes.append(hex[Int(b >> 4)])
      bytes.append(hex[Int(b & 15)])
    }
  }

  /// A `text[]` literal.
  mutating func textArray(_ items: [String]) {
    text("{" + items.map(Self.arrayElement).joined(separator: ",") + "}")
  }

  static func arrayElement(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// `keys(_:)` writes the three key columns of a short text (`ArticleRows.keys`): toned, bare
  /// and collation, NULL when the text is unknown.
  mutating func keys(_ k: (toned: String?, bare: String?, sort: [UInt8]?)) {
    text(k.toned)
    text(k.bare)
    if let sort = k.sort { bytea(sort) } else { text(nil) }
  }

  mutating func endRow() {
    bytes.append(0x0A)
    first = true
  }

  private mutating func separate() {
    if !first { bytes.append(0x09) }
    first = false
  }
}

/// `Key` is how a folded key is stored and compared on the server: in NFC. Tinq's keys are
/// Swift strings, which compare by canonical equivalence (a key folded from NFD text equals the
/// same key from NFC text); PostgreSQL compares bytes, so both sides are composed first.
enum Key {
  static func nfc(_ s: String) -> String {
    // Letters below the combining marks and the precomposed Vietnamese letters are already NFC:
    // only a key with another scalar (a combining mark left by NFD text) pays for Foundation.
    for scalar in s.unicodeScalars where scalar.value >= 0x300 && !(0x1E00...0x1EFF).contains(scalar.value) {
      return s.precomposedStringWithCanonicalMapping
    }
    return s
  }

  /// `matchKey(_:bare:)` is `Fold.matchKey`, stored form.
  static func matchKey(_ s: String, bare: Bool) -> String { nfc(Fold.matchKey(s, bare: bare)) }
}

/// `Terms` turns a text into the `tsvector`s of its syllables: at each position the bare key
/// (`b:`) and, when it differs, the toned key (`t:`); cut into chunks PostgreSQL can hold (see
/// `PostgresSchema`), consecutive chunks sharing `overlap` syllables.
enum Terms {
  static func lexeme(_ key: String) -> String {
    // A quote is doubled and a backslash escaped; most keys have neither.
    guard key.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\\") }) else { return "'" + key + "'" }
    var out = "'"
    for scalar in key.unicodeScalars {
      if scalar == "'" { out += "''" } else if scalar == "\\" { out += "\\\\" } else { out.unicodeScalars.append(scalar) }
    }
    return out + "'"
  }

  /// `chunks(of:)` is the text's tsvectors in tsvector input syntax (none for a text without syllables).
  static func chunks(of text: String) -> [String] {
    let syllables = Syllables.split(text)
    if syllables.isEmpty { return [] }
    let bare = syllables.map { "b:" + Fold.bareKey($0.unicodeScalars) }
    let toned = syllables.map { "t:" + Key.nfc(Fold.tonedKey($0.unicodeScalars)) }
    var out: [String] = []
    var start = 0
    while start < syllables.count {
      var counts: [String: Int] = [:]
      var end = start
      while end < syllables.count, end - start < PostgresSchema.chunkSyllables,
        counts[bare[end], default: 0] < PostgresSchema.positionsPerLexeme
      {
        counts[bare[end], default: 0] += 1
        end += 1
      }
      out.append(vector(bare: bare[start..<end], toned: toned[start..<end]))
      if end == syllables.count { break }
      start = max(start + 1, end - PostgresSchema.overlap)
    }
    return out
  }

  static func vector(bare: ArraySlice<String>, toned: ArraySlice<String>) -> String {
    var positions: [String: [Int]] = [:]
    var order: [String] = []
    for (k, (b, t)) in zip(bare, toned).enumerated() {
      for key in [b, t] where key.utf8.count <= PostgresSchema.maxLexemeBytes {
        if positions[key] == nil { order.append(key) }
        positions[key, default: []].append(k + 1)
      }
    }
    return order.map { lexeme($0) + ":" + positions[$0, default: []].map(String.init).joined(separator: ",") }
      .joined(separator: " ")
  }
}

/// `ArticleRows` writes one article's rows into the COPY streams of the tables.
struct ArticleRows {
  var articles = CopyText()
  var terms = CopyText()
  var citations = CopyText()
  var people = CopyText()
  var organizations = CopyText()

  /// The folded keys and collation key of a short text: what `=`, `in`, `<` and `order by` compare.
  static func keys(_ s: String?) -> (toned: String?, bare: String?, sort: [UInt8]?) {
    guard let s else { return (nil, nil, nil) }
    return (Key.matchKey(s, bare: false), Key.matchKey(s, bare: true), sortBytes(s))
  }

  /// `sortBytes(_:)` is a Vietnamese collation key as bytes whose byte order is its order.
  static func sortBytes(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    let key = VietnameseCollation.sortKey(s)
    out.reserveCapacity(key.count * 4)
    for w in key { withUnsafeBytes(of: w.bigEndian) { out.append(contentsOf: $0) } }
    return out
  }

  /// The file an article came from: its origin without a JSON Lines line number.
  static func sourceFile(_ origin: String?) -> String? {
    guard let origin else { return nil }
    if let colon = origin.lastIndex(of: ":"), origin[origin.index(after: colon)...].allSatisfy(\.isNumber),
      origin.index(after: colon) != origin.endIndex
    {
      return String(origin[..<colon])
    }
    return origin
  }

  /// `add(_:ordinal:syllables:story:documentKey:)` writes an article's rows; `syllables` is the
  /// length of its title and body as the in-memory index counts it, which relevance weighs, and
  /// `story` the id of its story.
  mutating func add(_ a: Article, ordinal: Int, syllables: Int, story: String, documentKey: (Citation) -> String) {
    articles.text(a.id)
    articles.integer(ordinal)
    articles.text(a.origin)
    articles.text(Self.sourceFile(a.origin))
    articles.text(a.title)
    articles.text(a.body)
    articles.integer(syllables)
    let d = a.date
    articles.integer(d?.year)
    articles.integer(d?.month)
    articles.integer(d?.day)
    articles.integer(d.map { $0.month == nil ? 1 : ($0.day == nil ? 2 : 3) })
    articles.integer(d.map { $0.year * 10_000 })
    articles.integer(d.flatMap { d in d.month.map { d.year * 10_000 + $0 * 100 } })
    articles.integer(d.flatMap { d in d.day.map { _ in d.ordinal } })
    articles.text(a.source)
    articles.text(a.author)
    articles.text(a.url)
    for value in [a.id, a.title, a.source, a.author, a.url] { articles.keys(Self.keys(value)) }
    articles.text(story)
    articles.keys(Self.keys(story))
    for name in ["quarter", "week"] {
      var period: String? = nil
      if let field = Schema.field(name, in: .articles), case .text(let p) = Schema.value(field, of: a) { period = p }
      articles.text(period)
      articles.keys(Self.keys(period))
    }
    articles.bytea(ArticleRecord.encode(a))
    articles.endRow()

    for (part, text) in [(0, a.title ?? ""), (1, a.body)] {
      for (chunk, vector) in Terms.chunks(of: text).enumerated() {
        terms.text(a.id)
        terms.integer(part)
        terms.integer(chunk)
        terms.text(vector)
        terms.endRow()
      }
    }
    for (seq, c) in a.citations.enumerated() {
      citations.text(a.id)
      citations.integer(seq)
      citations.text(documentKey(c))
      citations.text(c.number)
      citations.keys(Self.keys(c.number))
      citations.endRow()
    }
    for (seq, p) in a.people.enumerated() {
      people.text(a.id)
      people.integer(seq)
      people.text(p.name)
      people.text(p.rank)
      people.textArray(p.positions)
      people.keys(Self.keys(p.name))
      people.endRow()
    }
    for (seq, o) in a.organizations.enumerated() {
      organizations.text(a.id)
      organizations.integer(seq)
      let k = Self.keys(o.name)
      organizations.text(k.toned)  // the entity's key
      organizations.text(o.name)
      organizations.keys(k)
      organizations.endRow()
    }
  }
}
#endif
