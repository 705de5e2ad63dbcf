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

/// `PartText` is one part of an article cut into pieces: a syllable with the separator after it
/// (the first piece may be a separator alone). `syllableStart` is the first syllable's piece.
struct PartText {
  var pieces: [Substring]
  /// The length of each piece's syllable, in UTF-8 bytes.
  var wordBytes: [Int]
  /// 1 when the text opens with a separator piece, else 0.
  var lead: Int

  /// `init(_:)` cuts a text the way the index scanned it.
  init(_ text: String) {
    var pieces: [Substring] = []
    var words: [Int] = []
    let scalars = text.unicodeScalars
    var i = scalars.startIndex
    while i != scalars.endIndex {
      let start = i
      while i != scalars.endIndex, Fold.isWordScalar(scalars[i]) { i = scalars.index(after: i) }
      let wordEnd = i
      while i != scalars.endIndex, !Fold.isWordScalar(scalars[i]) { i = scalars.index(after: i) }
      pieces.append(text[start..<i])
      words.append(text.utf8.distance(from: start, to: wordEnd))
    }
    self.pieces = pieces
    self.wordBytes = words
    lead = words.first == 0 ? 1 : 0
  }

  /// The number of syllables.
  var syllables: Int { pieces.count - lead }

  /// The syllable `s` alone.
  func syllable(_ s: Int) -> Substring {
    let piece = pieces[s + lead]
    return piece.prefix(upTo: piece.utf8.index(piece.startIndex, offsetBy: wordBytes[s + lead]))
  }

  /// The separator after syllable `s`.
  func separator(after s: Int) -> Substring {
    let piece = pieces[s + lead]
    return piece.suffix(from: piece.utf8.index(piece.startIndex, offsetBy: wordBytes[s + lead]))
  }

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
    var right = String(separator(after: start + length - 1))
    for s in (start + length)..<to {
      right += syllable(s)
      if s < to - 1 { right += separator(after: s) }
    }
    var offset = 0
    for p in 0..<(start + lead) { offset += pieces[p].unicodeScalars.count }
    return Passage(
      article: article, part: part, left: Self.oneLine(left, trimming: .trailing), match: Self.oneLine(match, trimming: .none),
      right: Self.oneLine(right, trimming: .trailing), offset: offset,
      leftSyllables: (from..<start).reversed().map { String(syllable($0)) },
      rightSyllables: ((start + length)..<to).map { String(syllable($0)) })
  }

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

extension ArticleStore {
  /// `passages(_:context:)` is each occurrence in its context of `context` syllables each side,
  /// in the order given; an occurrence that does not fit its article (a stale position) is left
  /// out. Each article's text is cut once for all its occurrences; many articles are cut on
  /// every core.
  public func passages(_ occurrences: [Occurrence], context: Int) -> [Passage] {
    // Runs of occurrences in one article.
    let runs: [Range<Int>] = {
      var runs: [Range<Int>] = []
      var i = 0
      while i < occurrences.count {
        var j = i + 1
        while j < occurrences.count, occurrences[j].article == occurrences[i].article { j += 1 }
        runs.append(i..<j)
        i = j
      }
      return runs
    }()
    let workers = Parallel.workers(for: runs.count, unit: 256, items: runs.count)
    let parts = Parallel.map(workers) { w -> [Passage] in
      var out: [Passage] = []
      for r in runs[(runs.count * w / workers)..<(runs.count * (w + 1) / workers)] {
        let article = occurrences[r.lowerBound].article
        guard article >= 0, article < count else { continue }
        let title = metadata[article].title.map(PartText.init)
        let titleLength = fullText.titleSyllables(of: article)
        var body: PartText? = nil
        for o in occurrences[r] {
          if o.position < titleLength {
            if let p = title?.passage(article: article, part: .title, start: o.position, length: o.length, context: context) {
              out.append(p)
            }
          } else {
            if body == nil { body = PartText(bodies.body(of: article)) }
            if let p = body?.passage(
              article: article, part: .body, start: o.position - titleLength - 1, length: o.length, context: context)
            {
              out.append(p)
            }
          }
        }
      }
      return out
    }
    return parts.flatMap { $0 }
  }
}
