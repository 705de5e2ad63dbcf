import TinqSupport
import TinqText

/// Which part of an article a passage is from.
public enum TextPart: String, Sendable, Hashable {
  case title, body
}

/// `Passage` is an occurrence in its context: the words before it, the words themselves as the
/// article writes them (diacritics and case as written) and the words after, each on one line.
public struct Passage: Sendable, Hashable {
  /// The article's ordinal.
  public var article: Int
  /// The part the occurrence is in.
  public var part: TextPart
  /// Up to the asked number of syllables before the match, with the punctuation between them.
  public var left: String
  /// The match as written.
  public var match: String
  /// Up to the asked number of syllables after the match.
  public var right: String
  /// Where the match starts in the part's text, in Unicode scalars.
  public var offset: Int
  /// The syllables of `left`, nearest first, and of `right`, in order: what sorting by context reads.
  public var leftSyllables: [String]
  public var rightSyllables: [String]
}

/// `SyllableText` is one part of an article as the index cut it: syllables, each with the
/// separator after it. Passages and snippets are read through it, whether the text is a title in
/// hand (`PartText`) or a body kept as pieces (`BodyPieces`).
protocol SyllableText {
  /// The number of syllables.
  var syllables: Int { get }
  /// Syllable `s` as written.
  func syllable(_ s: Int) -> String
  /// The separator after syllable `s` (the text's end after the last).
  func separator(after s: Int) -> String
  /// Where syllable `s` starts in the text, in Unicode scalars.
  func scalarOffset(of s: Int) -> Int
  /// True when syllable `s` opens a sentence.
  func opensSentence(_ s: Int) -> Bool
  /// True when a line break follows syllable `s`.
  func endsParagraph(_ s: Int) -> Bool
  /// The collation key of syllable `s`.
  func key(_ s: Int) -> [UInt32]
}

/// `PartText` is a text in hand (a title) cut into pieces: a syllable with the separator after it
/// (the first piece may be a separator alone).
struct PartText: SyllableText {
  var pieces: [Substring]
  /// The length of each piece's syllable, in UTF-8 bytes.
  var wordBytes: [Int]
  /// Where each piece starts, in Unicode scalars.
  var scalarStarts: [Int]
  /// 1 when the text opens with a separator piece, else 0.
  var lead: Int

  /// `init(_:)` cuts a text the way the index scanned it.
  init(_ text: String) {
    var pieces: [Substring] = []
    var words: [Int] = []
    var starts: [Int] = []
    var scalarCount = 0
    let scalars = text.unicodeScalars
    var i = scalars.startIndex
    while i != scalars.endIndex {
      let start = i
      starts.append(scalarCount)
      var wordBytes = 0
      while i != scalars.endIndex, Fold.isWordScalar(scalars[i]) {
        wordBytes += UTF8.width(scalars[i])
        scalarCount += 1
        i = scalars.index(after: i)
      }
      while i != scalars.endIndex, !Fold.isWordScalar(scalars[i]) {
        scalarCount += 1
        i = scalars.index(after: i)
      }
      pieces.append(text[start..<i])
      words.append(wordBytes)
    }
    self.pieces = pieces
    self.wordBytes = words
    self.scalarStarts = starts
    lead = words.first == 0 ? 1 : 0
  }

  var syllables: Int { pieces.count - lead }

  func syllable(_ s: Int) -> String {
    let piece = pieces[s + lead]
    return String(piece.prefix(upTo: piece.utf8.index(piece.startIndex, offsetBy: wordBytes[s + lead])))
  }

  func separator(after s: Int) -> String {
    let piece = pieces[s + lead]
    return String(piece.suffix(from: piece.utf8.index(piece.startIndex, offsetBy: wordBytes[s + lead])))
  }

  func scalarOffset(of s: Int) -> Int { scalarStarts[s + lead] }
}

/// `PieceMemo` remembers what has been read of each piece (its syllable, its separator, its
/// length, its collation key) for the length of one statement on one worker: the pieces of a
/// language repeat, so most are read once.
final class PieceMemo {
  struct Info {
    var word: String
    var separator: String
  }

  let table: PieceTable
  private var infos: [UInt32: Info] = [:]
  private var keys: [UInt32: [UInt32]] = [:]

  init(table: PieceTable) { self.table = table }

  func info(_ id: UInt32) -> Info {
    if let known = infos[id] { return known }
    let info = Info(word: table.word(id), separator: table.separator(id))
    infos[id] = info
    return info
  }

  /// The collation key of the piece's syllable.
  func key(_ id: UInt32) -> [UInt32] {
    if let known = keys[id] { return known }
    let key = VietnameseCollation.sortKey(info(id).word)
    keys[id] = key
    return key
  }
}

/// `BodyPieces` is a body as the store keeps it: piece numbers, each a syllable with the
/// separator after it, read through a `PieceMemo` without decoding the whole text.
struct BodyPieces: SyllableText {
  let memo: PieceMemo
  /// The pieces read: those from piece `base` on (a window of the body, or all of it).
  let ids: [UInt32]
  let base: Int
  let lead: Int
  /// Where each piece starts, in Unicode scalars; empty unless asked for.
  private var starts: [Int]

  /// `init(memo:ids:base:first:offsets:)` reads pieces `base...` of a body whose first piece is
  /// `first` (which says whether the body opens with a separator alone).
  init(memo: PieceMemo, ids: [UInt32], base: Int = 0, first: UInt32? = nil, offsets: Bool) {
    self.memo = memo
    self.ids = ids
    self.base = base
    let shapes = memo.table.shapes
    let opening = first ?? ids.first
    lead = opening.map { Int($0) < shapes.count && shapes[Int($0)].wordBytes == 0 } == true ? 1 : 0
    var starts: [Int] = []
    if offsets {
      starts.reserveCapacity(ids.count)
      var n = 0
      for id in ids {
        starts.append(n)
        n += Int(id) < shapes.count ? Int(shapes[Int(id)].scalars) : 0
      }
    }
    self.starts = starts
  }

  /// The piece number of syllable `s`, nil outside the pieces read.
  @inline(__always)
  func piece(_ s: Int) -> UInt32? {
    let local = s + lead - base
    return local >= 0 && local < ids.count ? ids[local] : nil
  }

  /// The shape of the piece of syllable `s`.
  func shape(_ s: Int) -> PieceShape? {
    guard let id = piece(s).map(Int.init), id < memo.table.shapes.count else { return nil }
    return memo.table.shapes[id]
  }

  /// `opensSentence(_:)` reads the shapes, without the text.
  func opensSentence(_ s: Int) -> Bool {
    guard s > 0 else { return true }
    guard let before = shape(s - 1), before.flags & PieceShape.stop != 0 else { return false }
    if before.flags & PieceShape.dotAlone != 0, before.flags & PieceShape.endsWithDigit != 0,
      let after = shape(s), after.flags & PieceShape.startsWithDigit != 0
    {
      return false
    }
    return true
  }

  /// `endsParagraph(_:)` tells whether a line break follows syllable `s`.
  func endsParagraph(_ s: Int) -> Bool { shape(s).map { $0.flags & PieceShape.lineBreak != 0 } ?? false }

  /// The syllables up to the end of the pieces read.
  var syllables: Int { base + ids.count - lead }
  func syllable(_ s: Int) -> String { piece(s).map { memo.info($0).word } ?? "" }
  func separator(after s: Int) -> String { piece(s).map { memo.info($0).separator } ?? "" }
  func scalarOffset(of s: Int) -> Int {
    let local = s + lead - base
    return local >= 0 && local < starts.count ? starts[local] : 0
  }
  /// The collation key of syllable `s`.
  func key(_ s: Int) -> [UInt32] { piece(s).map { memo.key($0) } ?? [] }
}

extension PieceTable {
  /// `bytes(_:_:)` calls `body` with the bytes of piece `id` (none for an unknown id).
  func withBytes<R>(_ id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let i = Int(id)
    guard i + 1 < offsets.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    let lo = Int(offsets[i])
    let hi = Int(offsets[i + 1])
    return arena.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[lo..<hi])) }
  }

  /// The length in bytes of the syllable that opens piece `id` (0 for a separator alone), from
  /// its shape.
  func wordLength(_ id: UInt32) -> Int { Int(id) < shapes.count ? Int(shapes[Int(id)].wordBytes) : 0 }

  /// The syllable of piece `id`, as written.
  func word(_ id: UInt32) -> String {
    let n = wordLength(id)
    return withBytes(id) { b in String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self) }
  }

  /// The separator of piece `id`, after its syllable.
  func separator(_ id: UInt32) -> String {
    let n = wordLength(id)
    return withBytes(id) { b in String(decoding: UnsafeBufferPointer(rebasing: b[n...]), as: UTF8.self) }
  }
}

/// `PieceShape` is what a piece's bytes say about it: the length of its syllable, its length in
/// scalars, and whether its separator ends a sentence or a paragraph.
struct PieceShape: Sendable {
  var wordBytes: UInt32
  var scalars: UInt32
  var flags: UInt8

  /// The separator holds `.`, `!`, `?`, `…` or a line break.
  static let stop: UInt8 = 1
  /// The separator holds a line break.
  static let lineBreak: UInt8 = 2
  /// The separator is `.` alone (a decimal point between digits, or a glued full stop).
  static let dotAlone: UInt8 = 4
  /// The syllable ends with a digit.
  static let endsWithDigit: UInt8 = 8
  /// The syllable starts with a digit.
  static let startsWithDigit: UInt8 = 16

  init(_ b: UnsafeBufferPointer<UInt8>) {
    var i = 0
    var scalars: UInt32 = 0
    while i < b.count {
      let (v, len) = ScalarDecoding.decode(b, at: i)
      guard let scalar = Unicode.Scalar(v), Fold.isWordScalar(scalar) else { break }
      i += len
      scalars += 1
    }
    let word = i
    var flags: UInt8 = 0
    if word > 0 {
      if b[0] >= 0x30 && b[0] <= 0x39 { flags |= Self.startsWithDigit }
      if b[word - 1] >= 0x30 && b[word - 1] <= 0x39 { flags |= Self.endsWithDigit }
    }
    if b.count - word == 1, b[word] == UInt8(ascii: ".") { flags |= Self.dotAlone }
    while i < b.count {
      let (v, len) = ScalarDecoding.decode(b, at: i)
      switch v {
      case 0x2E, 0x21, 0x3F, 0x2026: flags |= Self.stop
      case 0x0A: flags |= Self.stop | Self.lineBreak
      default: break
      }
      i += len
      scalars += 1
    }
    wordBytes = UInt32(clamping: word)
    self.scalars = scalars
    self.flags = flags
  }
}

/// `ScalarDecoding` reads one UTF-8 scalar (the store's text is valid UTF-8).
enum ScalarDecoding {
  @inline(__always)
  static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let first = b[i]
    if first < 0x80 { return (UInt32(first), 1) }
    let len = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
    var v = UInt32(first) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
    var k = 1
    while k < len, i + k < b.count {
      v = v << 6 | UInt32(b[i + k] & 0x3F)
      k += 1
    }
    return (v, k)
  }
}

extension SyllableText {
  /// The passage of the `length` syllables at `start`, with `context` syllables each side.
  func passage(article: Int, part: TextPart, start: Int, length: Int, context: Int) -> Passage? {
    guard start >= 0, length > 0, start + length <= syllables else { return nil }
    let from = max(0, start - context)
    let to = min(syllables, start + length + context)
    var left = ""
    for s in from..<start { left += syllable(s) + separator(after: s) }
    var match = ""
    for s in start..<(start + length) {
      match += syllable(s)
      if s < start + length - 1 { match += separator(after: s) }
    }
    var right = separator(after: start + length - 1)
    for s in (start + length)..<to {
      right += syllable(s)
      if s < to - 1 { right += separator(after: s) }
    }
    return Passage(
      article: article, part: part, left: PartText.oneLine(left, trimming: .trailing),
      match: PartText.oneLine(match, trimming: .none), right: PartText.oneLine(right, trimming: .trailing),
      offset: scalarOffset(of: start), leftSyllables: (from..<start).reversed().map { syllable($0) },
      rightSyllables: ((start + length)..<to).map { syllable($0) })
  }
}

extension PartText {
  enum Trim { case none, trailing }

  /// `oneLine(_:trimming:)` turns every run of white space (line breaks, tabs) into one space.
  static func oneLine(_ text: String, trimming: Trim) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for ch in text {
      if ch.isWhitespace {
        pendingSpace = true
        continue
      }
      if pendingSpace, !out.isEmpty { out.append(" ") }
      if pendingSpace, out.isEmpty, trimming == .none { out.append(" ") }
      pendingSpace = false
      out.append(ch)
    }
    if pendingSpace, trimming == .none { out.append(" ") }
    return out
  }
}

extension BodyStore {
  /// `pieceIDs(of:)` is the body's piece numbers, in order.
  func pieceIDs(of ordinal: Int, limit: Int = .max) -> [UInt32] {
    var ids: [UInt32] = []
    encoded(of: ordinal).withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      var i = 0
      while i < p.count, ids.count < limit { ids.append(VarInt.read(base, &i, p.count)) }
    }
    return ids
  }

  /// `text(of:offsets:memo:)` is the body as syllables, read from its pieces.
  /// `limit` pieces at most, when the caller needs no syllable past them; from piece `from` on
  /// when it needs none before (the pieces skipped are stepped over, not decoded; offsets then
  /// count from there, so `from` is for callers that need no offsets).
  func text(of ordinal: Int, offsets: Bool, memo: PieceMemo, from: Int = 0, limit: Int = .max) -> BodyPieces {
    if from <= 0 { return BodyPieces(memo: memo, ids: pieceIDs(of: ordinal, limit: limit), offsets: offsets) }
    let (first, ids) = pieceWindow(of: ordinal, from: from, limit: limit)
    return BodyPieces(memo: memo, ids: ids, base: from, first: first, offsets: offsets)
  }

  /// `pieceWindow(of:from:limit:)` is the body's first piece and its pieces `from..<limit`.
  func pieceWindow(of ordinal: Int, from: Int, limit: Int) -> (first: UInt32?, ids: [UInt32]) {
    var ids: [UInt32] = []
    let first = readPieces(of: ordinal, from: from, limit: limit, into: &ids)
    return (first, ids)
  }

  /// `readPieces(of:from:limit:into:)` puts the body's pieces `from..<limit` in `ids` (emptied
  /// first, its room kept) and returns the body's first piece (nil for an empty body). The pieces
  /// before `from` are stepped over, not decoded.
  func readPieces(of ordinal: Int, from: Int, limit: Int, into ids: inout [UInt32]) -> UInt32? {
    ids.removeAll(keepingCapacity: true)
    var cursor = cursor(of: ordinal)
    guard let first = cursor.next() else { return nil }
    if from == 0 { ids.append(first) }
    cursor.skip(to: from)
    while cursor.index < limit, let id = cursor.next() { ids.append(id) }
    return first
  }

  /// `window(of:)` reads the body of `ordinal` a window at a time.
  func window(of ordinal: Int) -> BodyWindow { BodyWindow(cursor: cursor(of: ordinal), pieces: pieces) }

  /// `cursor(of:)` is a cursor on the pieces of the body of `ordinal` (none for an unknown one).
  func cursor(of ordinal: Int) -> PieceCursor {
    guard ordinal >= 0, ordinal < starts.count else { return PieceCursor(bytes: Column(), start: 0, end: 0) }
    let segment = segments[ordinal / segmentSize]
    let start = Int(starts[ordinal])
    let next = ordinal + 1
    let end = next < starts.count && next / segmentSize == ordinal / segmentSize ? Int(starts[next]) : segment.count
    return PieceCursor(bytes: segment, start: start, end: min(end, segment.count), marks: marks?.of(ordinal) ?? Column())
  }
}

/// `BodyWindow` reads the syllables of a body a window at a time, forward: the pieces before a
/// window are stepped over, those in it decoded and kept until a later window moves past them.
struct BodyWindow {
  private var cursor: PieceCursor
  /// 1 when the body opens with a separator alone: syllable `s` is then piece `s + 1`.
  private let lead: Int
  /// The pieces kept, from piece `from` on.
  private var ids: [UInt32] = []
  private var from = 0

  init(cursor: PieceCursor, pieces: PieceTable) {
    var cursor = cursor
    let opening = cursor.next()
    lead = opening.map { pieces.wordLength($0) == 0 } == true ? 1 : 0
    if let opening { ids.append(opening) }
    self.cursor = cursor
  }

  /// `load(_:)` makes syllables `range` readable (those the body holds), moving the window there.
  mutating func load(_ range: ClosedRange<Int>) {
    let first = range.lowerBound + lead
    if first < from {
      // Behind what was read (windows out of order): read from the start again.
      cursor.restart()
      ids.removeAll(keepingCapacity: true)
      from = 0
    }
    if first >= from + ids.count {
      cursor.skip(to: first)
      ids.removeAll(keepingCapacity: true)
      from = cursor.index
    } else if first > from {
      ids.removeFirst(first - from)
      from = first
    }
    while from + ids.count <= range.upperBound + lead, let id = cursor.next() { ids.append(id) }
  }

  /// The piece of syllable `s`, nil when it is not in the window loaded (or not in the body).
  @inline(__always)
  func piece(_ s: Int) -> UInt32? {
    let local = s + lead - from
    return local >= 0 && local < ids.count ? ids[local] : nil
  }
}

/// `PieceCursor` reads a body's piece numbers forward: those wanted are decoded, the others
/// stepped over (a varint ends at its first byte below 0x80, so eight bytes holding fewer ends
/// than are left to pass are passed whole).
struct PieceCursor {
  private let bytes: Column<UInt8>
  private let start: Int
  private let end: Int
  private var i: Int
  /// The number of the piece `next()` reads.
  private(set) var index = 0
  /// Where pieces `BodyMarks.stride`, `2 * BodyMarks.stride`, ... start, from `start` (none
  /// when the store keeps no marks).
  private let marks: Column<UInt32>

  init(bytes: Column<UInt8>, start: Int, end: Int, marks: Column<UInt32> = Column()) {
    self.bytes = bytes
    self.start = start
    self.end = end
    self.marks = marks
    i = start
  }

  /// `restart()` goes back to the first piece.
  mutating func restart() {
    i = start
    index = 0
  }

  /// `next()` is the next piece's number, nil at the body's end.
  @inline(__always)
  mutating func next() -> UInt32? {
    guard i < end else { return nil }
    let (value, after) = bytes.withUnsafeBufferPointer { p -> (UInt32, Int) in
      guard let base = p.baseAddress else { return (0, end) }
      var j = i
      return (VarInt.read(base, &j, end), j)
    }
    i = after
    index += 1
    return value
  }

  /// `skip(to:)` steps over the pieces before piece `target` (none when it is behind).
  mutating func skip(to target: Int) {
    guard index < target, i < end else { return }
    // Jump to the last mark at or before `target` when it is ahead.
    let mark = min(target / BodyMarks.stride, marks.count)
    if mark > 0, mark * BodyMarks.stride > index {
      let at = start + Int(marks[marks.startIndex + mark - 1])
      if at > i, at < end {
        i = at
        index = mark * BodyMarks.stride
        guard index < target else { return }
      }
    }
    var left = target - index
    let (after, passed) = bytes.withUnsafeBufferPointer { p -> (Int, Int) in
      guard let base = p.baseAddress else { return (end, 0) }
      var j = i
      var passed = 0
      let raw = UnsafeRawPointer(base)
      while left > 32, j + 32 <= end {
        let a = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
        let b = raw.loadUnaligned(fromByteOffset: j + 8, as: UInt64.self)
        let c = raw.loadUnaligned(fromByteOffset: j + 16, as: UInt64.self)
        let d = raw.loadUnaligned(fromByteOffset: j + 24, as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let ends = (~a & high).nonzeroBitCount + (~b & high).nonzeroBitCount + (~c & high).nonzeroBitCount
          + (~d & high).nonzeroBitCount
        guard ends < left else { break }
        left -= ends
        passed += ends
        j += 32
      }
      while left > 8, j + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
        let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
        guard ends < left else { break }
        left -= ends
        passed += ends
        j += 8
      }
      while j < end, left > 0 {
        while j < end, base[j] >= 0x80 { j += 1 }
        j += 1
        left -= 1
        passed += 1
      }
      return (min(j, end), passed)
    }
    i = after
    index += passed
  }
}

/// Which side of an occurrence a context is read on.
public enum ContextSide: Sendable {
  case left, right
}

extension ArticleStore {
  /// `passages(_:context:)` is each occurrence in its context of `context` syllables each side,
  /// in the order given; an occurrence that does not fit its article (a stale position) is left
  /// out.
  public func passages(_ occurrences: [Occurrence], context: Int, stop: @Sendable () -> Bool = { false }) -> [Passage] {
    perArticle(occurrences, offsets: true, reach: context, stop: stop) { text, part, start, o in
      text.passage(article: o.article, part: part, start: start, length: o.length, context: context)
    }.compactMap { $0 }
  }

  /// `contextKeys(_:side:syllables:)` is, for each occurrence, a collation key of up to
  /// `syllables` syllables on one side, nearest first: syllable by syllable, each in Vietnamese
  /// order (letters, then tones, then case), a shorter context before a longer one it begins.
  /// What sorting a concordance by its context compares, without building the passages.
  public func contextKeys(
    _ occurrences: [Occurrence], side: ContextSide, syllables n: Int, stop: @Sendable () -> Bool = { false }
  ) -> [[UInt32]] {
    perArticle(occurrences, offsets: false, reach: side == .right ? n : 0, reachLeft: side == .left ? n : 0, stop: stop) {
      text, _, start, o in
      var key: [UInt32] = []
      let range =
        side == .right
        ? Array((start + o.length)..<min(text.syllables, start + o.length + n))
        : Array((max(0, start - n)..<start).reversed())
      for s in range {
        key += text.key(s)
        key.append(0)
      }
      return key
    }.map { $0 ?? [] }
  }

  /// `perArticle(_:offsets:reach:stop:_:)` calls `read` with each occurrence's part, as syllables, and its
  /// first syllable there, and returns the results in the order given (nil for an occurrence
  /// outside its article). Each article's text is read once for its occurrences (taken in article
  /// order); many articles are read on every core.
  func perArticle<T: Sendable>(
    _ occurrences: [Occurrence], offsets: Bool, reach: Int, reachLeft: Int = .max, stop: @Sendable () -> Bool,
    _ read: @Sendable (any SyllableText, TextPart, Int, Occurrence) -> T?
  ) -> [T?] {
    let (order, runs) = Self.articleRuns(occurrences)
    let workers = Parallel.workers(for: runs.count, unit: 256, items: runs.count)
    let parts = Parallel.map(workers) { w -> [(Int, T?)] in
      var out: [(Int, T?)] = []
      let memo = PieceMemo(table: bodies.pieces)
      for (n, r) in runs[(runs.count * w / workers)..<(runs.count * (w + 1) / workers)].enumerated() {
        // Asked every 256 articles whether to give up (the statement was cancelled): what is
        // read so far is returned, and the caller throws it away.
        if n % 256 == 255, stop() { break }
        let article = occurrences[order[r.lowerBound]].article
        guard article >= 0, article < count else { continue }
        let titleLength = fullText.titleSyllables(of: article)
        var title: PartText? = nil
        var body: BodyPieces? = nil
        for k in r {
          let o = occurrences[order[k]]
          if o.position < titleLength {
            if title == nil { title = PartText(metadata[article].title ?? "") }
            out.append((order[k], title.flatMap { read($0, .title, o.position, o) }))
          } else {
            if body == nil {
              // Only the pieces up to the last occurrence's reach are read (occurrences come in
              // order, so the run's last is the furthest).
              let last = occurrences[order[r.upperBound - 1]]
              let limit = last.position - titleLength + last.length + reach + 1
              // Without offsets, the pieces before the first occurrence's reach are stepped over.
              let firstBody = o.position - titleLength - 1
              let from = offsets || reachLeft == .max ? 0 : max(0, firstBody - reachLeft)
              body = bodies.text(of: article, offsets: offsets, memo: memo, from: from, limit: max(0, limit))
            }
            out.append((order[k], body.flatMap { read($0, .body, o.position - titleLength - 1, o) }))
          }
        }
      }
      return out
    }
    var results = [T?](repeating: nil, count: occurrences.count)
    for part in parts { for (i, value) in part { results[i] = value } }
    return results
  }
}

/// `Snippet` is the passage that best shows why an article matched: its text on one line and
/// where each whole match stands in it (Unicode scalar offsets and lengths).
public struct Snippet: Sendable, Hashable {
  public var text: String
  public var marks: [Range<Int>]
}

extension SyllableText {
  func endsParagraph(_ s: Int) -> Bool { separator(after: s).contains("\n") }
  func key(_ s: Int) -> [UInt32] { VietnameseCollation.sortKey(syllable(s)) }

  /// True when syllable `s` opens a sentence: the first of the part, or after a stop or a line
  /// break (`ma túy.Sau` too, where a scraper glued two sentences), but not inside `1.500`.
  func opensSentence(_ s: Int) -> Bool {
    guard s > 0 else { return true }
    let gap = separator(after: s - 1)
    guard gap.contains(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" || $0 == "…" }) else { return false }
    if gap == ".", let before = syllable(s - 1).last, let after = syllable(s).first, before.isNumber, after.isNumber {
      return false
    }
    return true
  }

  /// `snippet(window:matches:)` is the text of syllables `window` with the matches marked, `…`
  /// where it cuts a sentence.
  func snippet(_ window: Range<Int>, matches: [Range<Int>]) -> Snippet {
    var text = window.lowerBound > 0 && !opensSentence(window.lowerBound) ? "… " : ""
    var marks: [Range<Int>] = []
    var scalars = text.unicodeScalars.count
    var open: Int? = nil
    let starts = Dictionary(matches.map { ($0.lowerBound, $0.upperBound) }, uniquingKeysWith: max)
    var openEnd = 0
    for s in window {
      if open == nil, let end = starts[s], end <= window.upperBound {
        open = scalars
        openEnd = end
      }
      let word = syllable(s)
      text += word
      scalars += word.unicodeScalars.count
      if let start = open, s + 1 == openEnd {
        marks.append(start..<scalars)
        open = nil
      }
      if s + 1 < window.upperBound {
        let gap = PartText.oneLine(separator(after: s), trimming: .none)
        text += gap
        scalars += gap.unicodeScalars.count
      }
    }
    if window.upperBound < syllables {
      // End on the stop when the window reaches it, else mark the cut.
      let gap = PartText.oneLine(separator(after: window.upperBound - 1), trimming: .trailing)
      if opensSentence(window.upperBound), !gap.isEmpty { text += gap } else { text += " …" }
    }
    return Snippet(text: text, marks: marks)
  }
}

extension ArticleStore {
  /// The length of a snippet, in syllables.
  public static let snippetLength = 30

  /// `snippets(of:phrases:)` gives each article its best passage of about `snippetLength`
  /// syllables: the window holding the most whole matches of the phrases (each phrase once more
  /// for variety), the title when it holds as many, starting at the sentence that holds the
  /// first match when that sentence starts close before it. Articles with no match get none.
  public func snippets(of articles: [Int], phrases: [(Phrase, TextScope)]) -> [Int: Snippet] {
    let set = DocSet(universe: count, members: articles.filter { $0 >= 0 && $0 < count })
    // Each article's matches: (phrase, position, length).
    var found: [Int: [(phrase: Int, position: Int, length: Int)]] = [:]
    for (k, (phrase, scope)) in phrases.enumerated() {
      for o in fullText.occurrences(of: phrase, scope: scope, within: set) {
        found[o.article, default: []].append((k, o.position, o.length))
      }
    }
    var out: [Int: Snippet] = [:]
    let length = Self.snippetLength
    let memo = PieceMemo(table: bodies.pieces)
    for (article, matches) in found {
      let titleLength = fullText.titleSyllables(of: article)
      let titleMatches = matches.filter { $0.position < titleLength }
      let bodyMatches = matches.filter { $0.position > titleLength }.map {
        (phrase: $0.phrase, position: $0.position - titleLength - 1, length: $0.length)
      }
      func score(_ ms: [(phrase: Int, position: Int, length: Int)], in window: Range<Int>) -> Int {
        let inside = ms.filter { window.contains($0.position) && $0.position + $0.length <= window.upperBound }
        return inside.count + Set(inside.map(\.phrase)).count
      }
      var best: (score: Int, part: TextPart, window: Range<Int>)? = nil
      if !titleMatches.isEmpty, let title = metadata[article].title {
        let part = PartText(title)
        let window = 0..<min(part.syllables, length)
        best = (score(titleMatches, in: window), .title, window)
      }
      var body: BodyPieces? = nil
      if !bodyMatches.isEmpty {
        let part = bodies.text(of: article, offsets: false, memo: memo)
        body = part
        // A match past the body's end (an index that disagrees with a damaged snapshot's
        // bodies) has no passage to show.
        for m in bodyMatches where m.position < part.syllables {
          // Start at the sentence holding the match when it starts within half a window.
          var start = max(0, m.position - length / 4)
          var s = m.position
          while s > 0, s > m.position - length / 2, !part.opensSentence(s) { s -= 1 }
          if part.opensSentence(s) { start = s }
          let window = start..<min(part.syllables, start + length)
          let value = score(bodyMatches, in: window)
          if best == nil || value > best?.score ?? 0 { best = (value, .body, window) }
        }
      }
      guard let chosen = best else { continue }
      if chosen.part == .title, let title = metadata[article].title {
        out[article] = PartText(title).snippet(
          chosen.window, matches: titleMatches.map { $0.position..<($0.position + $0.length) })
      } else if let body {
        out[article] = body.snippet(chosen.window, matches: bodyMatches.map { $0.position..<($0.position + $0.length) })
      }
    }
    return out
  }
}
