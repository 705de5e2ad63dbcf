import TinqSupport

import TinqText

// `contains "a" near "b"`: the index gives the candidates (articles holding both) and the
// positions; one rule (`Proximity.holds`) decides, for the index's positions and for a text read
// row by row alike.

extension Proximity {
  /// `holds(_:_:lengths:unit:)` tells whether an occurrence of the first phrase (starts `a`,
  /// `lengths.0` syllables) and one of the second (starts `b`) stand near enough in one part of an
  /// article. `unit(s)` is the sentence or paragraph of syllable `s`, for those spans.
  func holds(_ a: [Int], _ b: [Int], lengths: (Int, Int), unit: (Int) -> Int) -> Bool {
    guard !a.isEmpty, !b.isEmpty else { return false }
    switch span {
    case .syllables(let n):
      // Syllables strictly between the two (overlapping occurrences are not near, they are one).
      for x in a {
        for y in b {
          if y >= x + lengths.0, y - (x + lengths.0) <= n { return true }
          if !ordered, x >= y + lengths.1, x - (y + lengths.1) <= n { return true }
        }
      }
      return false
    case .sentence, .paragraph:
      for x in a {
        for y in b where unit(x) == unit(y) {
          if !ordered || y >= x + lengths.0 { return true }
        }
      }
      return false
    }
  }
}

extension SyllableText {
  /// `units(paragraphs:)` numbers each syllable's sentence (or paragraph): a new one starts where
  /// `opensSentence` says (or after a line break).
  func units(paragraphs: Bool, upTo end: Int? = nil) -> [Int] {
    var out: [Int] = []
    let end = min(syllables, end ?? syllables)
    out.reserveCapacity(end)
    var unit = 0
    for s in 0..<end {
      if s > 0 {
        let opens = paragraphs ? endsParagraph(s - 1) : opensSentence(s)
        if opens { unit += 1 }
      }
      out.append(unit)
    }
    return out
  }

  /// `starts(of:)` is every syllable at which `phrase` starts, matching folded syllables.
  func starts(of phrase: Phrase) -> [Int] {
    phrase.starts(inSyllables: (0..<syllables).map { syllable($0) })
  }
}

extension ArticleStore {
  /// `articles(with:near:proximity:within:)` is the articles of `within` whose title or body
  /// holds the two phrases near each other: the index gives the articles holding both and every
  /// start of each in one pass (`cooccurrences`), then the positions decide (and, for a sentence
  /// or paragraph, the body's separators).
  public func articles(with a: Phrase, near b: Phrase, proximity: Proximity, within: DocSet) -> DocSet {
    var result = DocSet(universe: count)
    let found = fullText.cooccurrences(of: a, and: b, within: within)
    let lengths = (a.bareKeys.count, b.bareKeys.count)
    let memo = PieceMemo(table: bodies.pieces)
    for k in found.articles.indices {
      let article = found.articles[k]
      let (xs, ys) = found.starts(k)
      let title = fullText.titleSyllables(of: article)
      if case .syllables(let n) = proximity.span {
        if proximity.holdsInOnePart(xs, ys, lengths: lengths, title: title, distance: n) { result.insert(article) }
        continue
      }
      // The title and the body are apart: each is tested alone.
      let titleHolds = proximity.holds(
        xs.filter { $0 < title }, ys.filter { $0 < title }, lengths: lengths, unit: { _ in 0 })
      if titleHolds {
        result.insert(article)
        continue
      }
      let bx = xs.filter { $0 > title }.map { $0 - title - 1 }
      let by = ys.filter { $0 > title }.map { $0 - title - 1 }
      guard !bx.isEmpty, !by.isEmpty else { continue }
      let last = max(bx.max() ?? 0, by.max() ?? 0) + 1
      let units = bodies.text(of: article, offsets: false, memo: memo, limit: last + 1).units(
        paragraphs: proximity.span == .paragraph, upTo: last)
      if proximity.holds(bx, by, lengths: lengths, unit: { $0 < units.count ? units[$0] : -1 }) {
        result.insert(article)
      }
    }
    return result
  }

  /// `textHolds(_:near:proximity:title:body:)` is the same test read from an article's text,
  /// for rows no index answers and for the tests' reference.
  public static func textHolds(_ a: Phrase, near b: Phrase, proximity: Proximity, title: String?, body: String) -> Bool {
    let lengths = (a.bareKeys.count, b.bareKeys.count)
    for (text, isTitle) in [(title ?? "", true), (body, false)] {
      let part = PartText(text)
      let units = isTitle ? [] : part.units(paragraphs: proximity.span == .paragraph)
      if proximity.holds(part.starts(of: a), part.starts(of: b), lengths: lengths, unit: { isTitle ? 0 : units[$0] }) {
        return true
      }
    }
    return false
  }
}

/// `Cooccurrences` is, for each article holding two phrases (in order), where each of them
/// starts: flat lists, so that tens of thousands of articles take five arrays.
struct Cooccurrences: Sendable {
  var articles: [Int] = []
  /// Per article, where its starts end in `first` and in `second`.
  var firstEnd: [Int] = []
  var secondEnd: [Int] = []
  var first: [Int] = []
  var second: [Int] = []

  /// The starts of each phrase in the `k`th article.
  func starts(_ k: Int) -> (ArraySlice<Int>, ArraySlice<Int>) {
    let x = k == 0 ? 0 : firstEnd[k - 1]
    let y = k == 0 ? 0 : secondEnd[k - 1]
    return (first[x..<firstEnd[k]], second[y..<secondEnd[k]])
  }

  /// `append(_:)` adds the articles of `other`, which all come after these.
  mutating func append(_ other: Cooccurrences) {
    let x = first.count
    let y = second.count
    articles += other.articles
    firstEnd += other.firstEnd.map { $0 + x }
    secondEnd += other.secondEnd.map { $0 + y }
    first += other.first
    second += other.second
  }
}

extension FullTextIndex {
  /// `cooccurrences(of:and:within:)` lists the articles of `within` (all when nil) holding both
  /// phrases, with every start of each, in one pass over the segments: the pair filter of both
  /// phrases' syllables gives the candidates, each term is looked up in each candidate, and where
  /// all are present both phrases' positions are walked. Many segments are read on every core.
  func cooccurrences(of a: Phrase, and b: Phrase, within: DocSet?) -> Cooccurrences {
    guard !a.isEmpty, !b.isEmpty, let ta = resolve(a), let tb = resolve(b), !segments.isEmpty else {
      return Cooccurrences()
    }
    var pairs = Self.pairRows(ta)
    for row in Self.pairRows(tb) where !pairs.contains(row) { pairs.append(row) }
    let rows = pairs
    let work = min(estimatedWork(ta), estimatedWork(tb))
    let workers = Parallel.workers(for: work, unit: FullTextIndex.parallelWork, items: segments.count)
    let parts = Parallel.map(workers) { w -> Cooccurrences in
      var part = Cooccurrences()
      for s in (segments.count * w / workers)..<(segments.count * (w + 1) / workers) {
        cooccurrences(segments[s], ta, tb, rows: rows, within: within, into: &part)
      }
      return part
    }
    var all = Cooccurrences()
    for part in parts { all.append(part) }
    return all
  }

  /// `cooccurrences(_:_:_:rows:within:into:)` adds the articles of one segment holding both
  /// phrases (terms `ta` and `tb`), with their starts.
  func cooccurrences(
    _ seg: Segment, _ ta: [QueryTerm], _ tb: [QueryTerm], rows: [Int], within: DocSet?, into out: inout Cooccurrences
  ) {
    guard var ca = cursors(seg, terms: ta), var cb = cursors(seg, terms: tb) else { return }
    var sa = [PositionStream](repeating: PositionStream(), count: ca.count)
    var sb = [PositionStream](repeating: PositionStream(), count: cb.count)
    for k in ca.indices { sa[k] = PositionStream(ca[k], offset: ca[k].phraseOffset) }
    for k in cb.indices { sb[k] = PositionStream(cb[k], offset: cb[k].phraseOffset) }
    let la = ta.count
    let lb = tb.count
    seg.withStreams { postings in
      seg.pairRows.withUnsafeBufferPointer { pairRows in
        ca.withUnsafeMutableBufferPointer { ca in
          cb.withUnsafeMutableBufferPointer { cb in
            sa.withUnsafeMutableBufferPointer { sa in
              sb.withUnsafeMutableBufferPointer { sb in
                blocks: for block in 0..<pairRows.count / PairFilter.rows {
                  let base = block * PairFilter.rows
                  var mask = ~UInt64(0)
                  for row in rows { mask &= pairRows[base + row] }
                  if let within { mask &= within.word(containing: seg.firstDoc + block * PairFilter.blockSize) }
                  candidates: while mask != 0 {
                    let target = block * PairFilter.blockSize + mask.trailingZeroBitCount
                    mask &= mask - 1
                    guard target < seg.docCount else { break blocks }
                    switch Self.present(ca, sa, target, postings) {
                    case true?: break
                    case false?: continue candidates
                    case nil: break blocks
                    }
                    switch Self.present(cb, sb, target, postings) {
                    case true?: break
                    case false?: continue candidates
                    case nil: break blocks
                    }
                    let before = out.first.count
                    Self.forEachStart(sa, postings.poss, length: la) { start in
                      out.first.append(start)
                      return true
                    }
                    guard out.first.count > before else { continue candidates }
                    let beforeSecond = out.second.count
                    Self.forEachStart(sb, postings.poss, length: lb) { start in
                      out.second.append(start)
                      return true
                    }
                    guard out.second.count > beforeSecond else {
                      out.first.removeSubrange(before...)
                      continue candidates
                    }
                    out.articles.append(seg.firstDoc + target)
                    out.firstEnd.append(out.first.count)
                    out.secondEnd.append(out.second.count)
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

extension Proximity {
  /// `holdsInOnePart(_:_:lengths:title:distance:)` is `holds` for a distance in syllables, over
  /// an article's index positions: the two occurrences must stand in one part (the title takes
  /// positions below `title`, the body those above).
  func holdsInOnePart(_ a: ArraySlice<Int>, _ b: ArraySlice<Int>, lengths: (Int, Int), title: Int, distance n: Int) -> Bool {
    for x in a {
      for y in b where (x < title) == (y < title) {
        if y >= x + lengths.0, y - (x + lengths.0) <= n { return true }
        if !ordered, x >= y + lengths.1, x - (y + lengths.1) <= n { return true }
      }
    }
    return false
  }
}
