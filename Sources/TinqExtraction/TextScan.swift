import TinqText
import TinqFacts
import TinqSupport

/// `ScanText` holds the byte-level helpers every extraction rule shares. Rules work on UTF-8 bytes
/// of NFC text because building a `String` per word would blow the per-article time budget.
enum ScanText {
  /// Lowercase mappings for U+0000..U+1EFF, kept only where the UTF-8 length does not change, so a
  /// lowercased copy of a line has the same byte offsets as the line itself.
  static let lowerTable: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 0x1F00)
    for value in 0..<UInt32(0x1F00) {
      table[Int(value)] = value
      guard let scalar = Unicode.Scalar(value), scalar.properties.isUppercase else { continue }
      let mapped = scalar.properties.lowercaseMapping.unicodeScalars
      guard mapped.count == 1, let lower = mapped.first,
        UTF8.width(lower) == UTF8.width(scalar)
      else { continue }
      table[Int(value)] = lower.value
    }
    return table
  }()

  /// `lowercased(_:)` returns the bytes of `text` lowercased with offsets preserved.
  static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    let lowerTable = Self.lowerTable
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        if b >= 0x41 && b <= 0x5A { out[i] = b + 32 }
        i += 1
        continue
      }
      let (value, width) = decode(bytes, at: i)
      if value < 0x1F00 {
        let lower = lowerTable[Int(value)]
        if lower != value, let scalar = Unicode.Scalar(lower) {
          var k = i
          for unit in UTF8.encode(scalar) ?? UTF8.EncodedScalar() where k < n {
            out[k] = unit
            k += 1
          }
        }
      }
      i += width
    }
    return out
  }

  /// `decode(_:at:)` decodes one scalar of valid UTF-8, returning its value and byte width.
  @inline(__always)
  static func decode(_ bytes: [UInt8], at i: Int) -> (UInt32, Int) {
    let b = bytes[i]
    let n = bytes.count
    if b < 0x80 { return (UInt32(b), 1) }
    if b < 0xE0, i + 1 < n { return (UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
    if b < 0xF0, i + 2 < n {
      return (UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
    }
    if i + 3 < n {
      return (
        UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
          | UInt32(bytes[i + 3] & 0x3F), 4
      )
    }
    return (0xFFFD, 1)
  }

  /// `isWordScalar(_:)` tells letters and digits from punctuation; any non-ASCII scalar outside the
  /// punctuation blocks counts as a letter.
  @inline(__always)
  static func isWordScalar(_ v: UInt32) -> Bool {
    if v < 0x80 {
      return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    if v >= 0x80 && v <= 0xBF { return false }
    if v == 0xD7 || v == 0xF7 { return false }
    if v >= 0x2000 && v <= 0x2BFF { return false }
    if v >= 0x3000 && v <= 0x303F { return false }
    if v >= 0xFE00 && v <= 0xFE6F { return false }
    return true
  }

  /// `isUppercaseScalar(_:)` tells whether a scalar is an uppercase letter.
  @inline(__always)
  static func isUppercaseScalar(_ v: UInt32) -> Bool {
    if v < 0x80 { return v >= 0x41 && v <= 0x5A }
    if v < 0x1F00 { return lowerTable[Int(v)] != v }
    return false
  }

  /// `wordHashes(_:)` splits a phrase into lowercased word hashes, the form tables are kept in.
  static func wordHashes(_ phrase: String) -> [UInt64] {
    words(in: Array(TextNormalizer.normalize(phrase).utf8)).map(\.hash)
  }

  /// `words(in:)` splits a line into words, each with the hash of its lowercased UTF-8, lowercasing
  /// on the fly so no lowercased copy of the line is made.
  static func words(in bytes: [UInt8]) -> [Word] {
    let table = lowerTable  // one lazy-initialisation check per line, not per letter
    return bytes.withUnsafeBufferPointer { p in
      table.withUnsafeBufferPointer { t in words(p, table: t) }
    }
  }

  static func words(_ p: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>) -> [Word] {
    let n = p.count
    // A word and the separator after it take two bytes at least, so room for n / 2 + 1 words
    // never overflows; that room is scratch, and the result is allocated at its exact size.
    // The lowercased bytes take the places of the bytes they stand for, with 16 zero bytes
    // after, so a word's hash is two loads.
    return withUnsafeTemporaryAllocation(of: Word.self, capacity: n / 2 + 1) { scratch in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 16) { lowered in
        guard let lower = lowered.baseAddress else { return [] }
        lower.initialize(repeating: 0, count: n + 16)
        var count = 0
        scan(p, table, n, lowering: lower, into: scratch, &count)
        return Array(UnsafeBufferPointer(rebasing: scratch[0..<count]))
      }
    }
  }

  @inline(__always)
  static func scan(
    _ p: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt32>, _ n: Int,
    lowering lower: UnsafeMutablePointer<UInt8>, into out: UnsafeMutableBufferPointer<Word>, _ count: inout Int
  ) {
    var i = 0
    // A scalar of valid UTF-8 (or one byte of a broken sequence, as `decode` reads it).
    @inline(__always) func scalar(at i: Int) -> (UInt32, Int) {
      let b = p[i]
      if b < 0xE0, i + 1 < n { return (UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
      if b < 0xF0, i + 2 < n {
        return (UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
      }
      if b >= 0xF0, i + 3 < n {
        return (
          UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
            | UInt32(p[i + 3] & 0x3F), 4
        )
      }
      return (0xFFFD, 1)
    }
    while i < n {
      // Find the next word start.
      let b = p[i]
      var cap = false
      if b < 0x80 {
        let isDigit = b &- 0x30 < 10
        let isLetter = (b | 0x20) &- 0x61 < 26
        guard isDigit || isLetter else {
          i += 1
          continue
        }
        cap = b &- 0x41 < 26
      } else {
        let (v, w) = scalar(at: i)
        guard isWordScalar(v) else {
          i += w
          continue
        }
        cap = v < 0x1F00 && t(table, v) != v
      }
      let start = i
      var digits = true
      // The last capital inside the word: where a scraper may have glued two words (`MỹBà`).
      var cut = 0
      while i < n {
        let c = p[i]
        if c < 0x80 {
          if c &- 0x30 < 10 {
            lower[i] = c
          } else if (c | 0x20) &- 0x61 < 26 {
            digits = false
            lower[i] = c | 0x20
            if c & 0x20 == 0, i > start { cut = i }
          } else {
            break
          }
          i += 1
          continue
        }
        let (v, w) = scalar(at: i)
        guard isWordScalar(v) else { break }
        digits = false
        if w == 2 || w == 3 {
          let lv = v < 0x1F00 ? t(table, v) : v
          if lv != v, i > start { cut = i }
          if w == 2 {
            lower[i] = UInt8(truncatingIfNeeded: 0xC0 | (lv >> 6))
            lower[i + 1] = UInt8(truncatingIfNeeded: 0x80 | (lv & 0x3F))
          } else {
            lower[i] = UInt8(truncatingIfNeeded: 0xE0 | (lv >> 12))
            lower[i + 1] = UInt8(truncatingIfNeeded: 0x80 | ((lv >> 6) & 0x3F))
            lower[i + 2] = UInt8(truncatingIfNeeded: 0x80 | (lv & 0x3F))
          }
        } else {
          for k in i..<min(i + w, n) { lower[k] = p[k] }
        }
        i += w
      }
      guard count < out.count else { return }
      if cut > start, isGlue(p, lower, start: start, cut: cut, end: i), count + 1 < out.count {
        // Two words whose break was lost: each its own word, with nothing between them.
        let left = (start..<cut).allSatisfy { p[$0] &- 0x30 < 10 }
        out[count] = Word(
          start: start, end: cut, hash: WordHasher.hash(lower + start, count: cut - start), isCapitalized: cap,
          isNumber: left)
        out[count + 1] = Word(
          start: cut, end: i, hash: WordHasher.hash(lower + cut, count: i - cut), isCapitalized: true, isNumber: false)
        count += 2
        continue
      }
      let hash = WordHasher.hash(lower + start, count: i - start)
      out[count] = Word(start: start, end: i, hash: hash, isCapitalized: cap, isNumber: digits)
      count += 1
    }
  }

  @inline(__always)
  static func t(_ table: UnsafeBufferPointer<UInt32>, _ v: UInt32) -> UInt32 { table[Int(v)] }

  /// `isGlue(_:_:start:cut:end:)` tells whether the word `start..<end` is two words a scraper
  /// glued when it lost a paragraph break, the second starting at the capital at `cut`: `MỹBà`,
  /// `ReutersSở`, `FBIĐài`, `2013Sở`. The second must be one capitalised Vietnamese syllable, small
  /// letters after its capital and a letter no English word has among them, so that a brand or
  /// name written with a capital inside (`YouTube`, `McAlister`, `iPhone`, `VinFast`) stays whole;
  /// or, after capitals only (a photo credit, an agency: `XLTheo`, `APNghi`), a syllable shape
  /// without marks with a space after it. The first must be two bytes or more.
  static func isGlue(
    _ p: UnsafeBufferPointer<UInt8>, _ lower: UnsafeMutablePointer<UInt8>, start: Int, cut: Int, end: Int
  ) -> Bool {
    guard cut - start >= 2, end - cut >= 3, end - cut <= 12 else { return false }
    // The capital's own bytes, then small letters only (lowering left them as they were).
    var k = cut + 1
    while k < end, p[k] & 0xC0 == 0x80 { k += 1 }
    guard k < end else { return false }
    var vietnamese = p[cut] >= 0x80
    for j in k..<end {
      guard lower[j] == p[j] else { return false }
      if p[j] >= 0x80 { vietnamese = true }
    }
    if vietnamese { return true }
    // A credit or an abbreviation in capitals before a syllable without marks and a space:
    // `XLTheo`, `APNghi`, `TTXVNSau` (but `VPBank`, `PVGas`, `SEAGames` stay whole, no syllable
    // following; and `VNREDSat-1`, a hyphen after it).
    guard end < p.count, p[end] == 0x20, (start..<cut).allSatisfy({ p[$0] &- 0x41 < 26 }) else { return false }
    return PersonRules.isSyllableShaped(Array(p[cut..<end])[...])
  }

  /// `string(_:_:_:)` makes a String from a byte range of valid UTF-8.
  @inline(__always)
  static func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
    guard start < end, start >= 0, end <= bytes.count else { return "" }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// `int(_:_:_:)` reads decimal digits, nil when the range is not all digits or too long.
  static func int(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
    guard start < end, end - start <= 9 else { return nil }
    var value = 0
    for i in start..<end {
      let b = bytes[i]
      guard b >= 0x30 && b <= 0x39 else { return nil }
      value = value * 10 + Int(b - 0x30)
    }
    return value
  }

  /// `isDigit(_:)` tells ASCII digits.
  @inline(__always)
  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// `trimmed(_:)` drops spaces and tabs at both ends.
  static func trimmed(_ s: Substring) -> Substring {
    var a = s.startIndex
    var b = s.endIndex
    while a < b, s[a] == " " || s[a] == "\t" { a = s.index(after: a) }
    while b > a {
      let p = s.index(before: b)
      if s[p] == " " || s[p] == "\t" { b = p } else { break }
    }
    return s[a..<b]
  }
}

/// `WordHasher` hashes a word's lowercased UTF-8: the first 16 bytes as two little-endian words,
/// mixed once, and bytes past 16 (rare) folded in FNV-1a style. `add(_:)` takes a byte at a time;
/// `hash(_:count:)` reads the bytes where they lie and gives the same value.
struct WordHasher {
  var first: UInt64 = 0
  var second: UInt64 = 0
  var rest: UInt64 = 0xcbf2_9ce4_8422_2325
  var count = 0

  @inline(__always)
  mutating func add(_ byte: UInt8) {
    if count < 8 {
      first |= UInt64(byte) << UInt64(count &* 8)
    } else if count < 16 {
      second |= UInt64(byte) << UInt64((count &- 8) &* 8)
    } else {
      rest = (rest ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    count &+= 1
  }

  var value: UInt64 { Hash64.mix(first, count > 16 ? second ^ rest : second, count) }

  /// `hash(_:count:)` is the `value` after adding the `count` bytes at `p`, from which 16 bytes
  /// (at least) can be read.
  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    let (first, second) = Hash64.load16(p, count)
    guard count > 16 else { return Hash64.mix(first, second, count) }
    var rest: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in 16..<count { rest = (rest ^ UInt64(p[k])) &* 0x100_0000_01b3 }
    return Hash64.mix(first, second ^ rest, count)
  }
}

/// `Word` is one word of a line: a byte range, the hash of its lowercased bytes, and its shape.
struct Word: Sendable {
  var start: Int
  var end: Int
  var hash: UInt64
  var isCapitalized: Bool
  var isNumber: Bool
}

/// `TextLine` is one line of normalised article text prepared for the rules.
struct TextLine: Sendable {
  /// The 1-based line number in the normalised text.
  var number: Int
  var bytes: [UInt8]
  var words: [Word]

  /// The line with surrounding spaces trimmed, made on demand: most lines never need a String.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  init(number: Int, text: String) {
    self.init(number: number, bytes: Array(text.utf8))
  }

  init(number: Int, bytes: [UInt8]) {
    self.number = number
    self.bytes = bytes
    words = ScanText.words(in: bytes)
  }

  /// `gapIsSpace(_:_:allowParens:)` tells whether only spaces (and optionally brackets) separate
  /// word `a` from word `a + 1`.
  func gapIsSpace(after a: Int, allowParens: Bool = false) -> Bool {
    guard a + 1 < words.count else { return false }
    let from = words[a].end
    let to = words[a + 1].start
    if to - from < 1 { return false }
    for i in from..<to {
      let b = bytes[i]
      if b == 0x20 { continue }
      if allowParens && (b == 0x28 || b == 0x29) { continue }
      return false
    }
    return true
  }

  /// `gap(after:)` returns the bytes between word `a` and the next word (or the line end).
  func gap(after a: Int) -> ArraySlice<UInt8> {
    let from = words[a].end
    let to = a + 1 < words.count ? words[a + 1].start : bytes.count
    return bytes[from..<to]
  }

  /// `isPlainLetters(_:)` tells whether word `i` is written in ASCII alone (no mark, no `đ`).
  func isPlainLetters(_ i: Int) -> Bool { bytes[words[i].start..<words[i].end].allSatisfy { $0 < 0x80 } }

  /// `word(_:)` returns word `i` as written.
  func word(_ i: Int) -> String { ScanText.string(bytes, words[i].start, words[i].end) }

  /// `excerpt(_:_:)` returns the text of words `a...b` as written.
  func excerpt(_ a: Int, _ b: Int) -> String {
    guard a <= b, a >= 0, b < words.count else { return "" }
    return ScanText.string(bytes, words[a].start, words[b].end)
  }
}

/// `PhraseTable` finds the longest listed phrase that starts at a word, comparing lowercased word
/// hashes, so a table of a hundred phrases costs one dictionary probe per word.
struct PhraseTable<Payload: Sendable>: Sendable {
  private var byFirst: [UInt64: [(hashes: [UInt64], payload: Payload)]] = [:]
  /// A 4096-bit filter over first-word hashes: most words of a text start no phrase, and testing a
  /// bit is far cheaper than hashing a key into the dictionary.
  private var filter = [UInt64](repeating: 0, count: 64)

  init(_ entries: [(String, Payload)]) {
    for (phrase, payload) in entries {
      let hashes = ScanText.wordHashes(phrase)
      guard let first = hashes.first else { continue }
      byFirst[first, default: []].append((hashes, payload))
      filter[Int((first >> 6) & 63)] |= 1 << (first & 63)
    }
    for key in byFirst.keys { byFirst[key]?.sort { $0.hashes.count > $1.hashes.count } }
  }

  /// `match(_:at:allowParens:)` returns the number of words and payload of the longest phrase
  /// starting at word `i` of `line`.
  func match(_ line: TextLine, at i: Int, allowParens: Bool = false, allowHyphens: Bool = false) -> (
    count: Int, payload: Payload
  )? {
    guard i < line.words.count, startsAny(line.words[i].hash), let candidates = byFirst[line.words[i].hash] else {
      return nil
    }
    outer: for candidate in candidates {
      let count = candidate.hashes.count
      guard i + count <= line.words.count else { continue }
      for k in 1..<max(count, 1) {
        if line.words[i + k].hash != candidate.hashes[k] { continue outer }
        if !line.gapIsSpace(after: i + k - 1, allowParens: allowParens),
          !(allowHyphens && line.gap(after: i + k - 1).elementsEqual([0x2D]))
        {
          continue outer
        }
      }
      return (count, candidate.payload)
    }
    return nil
  }

  /// `contains(firstWord:)` tells whether any phrase starts with this word hash.
  @inline(__always)
  func startsAny(_ hash: UInt64) -> Bool { filter[Int((hash >> 6) & 63)] & (1 << (hash & 63)) != 0 }
}

/// `WordSet` is a set of word hashes for the rules' hot loops: a 4096-bit filter answers most
/// lookups (words not in the set) with one load, before the set's own hashing.
struct WordSet: Sendable {
  private var filter = [UInt64](repeating: 0, count: 64)
  private var words: Set<UInt64> = []

  /// `init(_:)` takes single words, compared lowercased.
  init(_ list: [String]) {
    for word in list {
      guard let h = ScanText.wordHashes(word).first else { continue }
      words.insert(h)
      filter[Int((h >> 6) & 63)] |= 1 << (h & 63)
    }
  }

  @inline(__always)
  func contains(_ h: UInt64) -> Bool {
    filter[Int((h >> 6) & 63)] & (1 << (h & 63)) != 0 && words.contains(h)
  }
}

/// `PhraseSet` is a set of one- and two-word phrases, by their words' hashes, with the same
/// 4096-bit filter as `WordSet`: `contains(a, b)` costs one load for most pairs of words.
struct PhraseSet: Sendable {
  private var filter = [UInt64](repeating: 0, count: 64)
  private var keys: Set<UInt64> = []

  init(_ list: [String]) {
    for phrase in list {
      let h = ScanText.wordHashes(phrase)
      guard h.count == 1 || h.count == 2 else { continue }
      let k = PhraseSet.key(h[0], h.count == 2 ? h[1] : 0)
      keys.insert(k)
      filter[Int((k >> 6) & 63)] |= 1 << (k & 63)
    }
  }

  @inline(__always)
  static func key(_ a: UInt64, _ b: UInt64) -> UInt64 { (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ 0x632B_E59B_D9B4_E019) }

  /// `contains(_:_:)` tells whether the two words (or the one, with `b` 0) are listed.
  @inline(__always)
  func contains(_ a: UInt64, _ b: UInt64 = 0) -> Bool {
    let k = PhraseSet.key(a, b)
    return filter[Int((k >> 6) & 63)] & (1 << (k & 63)) != 0 && keys.contains(k)
  }
}
