import TinqSupport
import TinqText

/// `Occurrence` is one place a phrase stands in an article: its first syllable's position in the
/// full-text index (title syllables `0..<t`, the body's from `t + 1`) and its length in syllables.
public struct Occurrence: Sendable, Hashable {
  /// The article's ordinal.
  public var article: Int
  /// The index position of the first syllable.
  public var position: Int
  /// The number of syllables.
  public var length: Int

  public init(article: Int, position: Int, length: Int) {
    self.article = article
    self.position = position
    self.length = length
  }
}

extension FullTextIndex {
  /// `occurrences(of:scope:within:)` lists every place `phrase` occurs (in `scope`) in the
  /// articles of `within` (all when nil), by article and then position. The articles come from
  /// `documents(containing:)`; in each, the terms' position streams are walked together to the
  /// end instead of stopping at the first match. Overlapping matches (`a a` in `a a a`) are all
  /// listed.
  public func occurrences(of phrase: Phrase, scope: TextScope = .titleOrBody, within: DocSet? = nil) -> [Occurrence] {
    guard !phrase.isEmpty, let terms = resolve(phrase), !segments.isEmpty else { return [] }
    // A few articles (a page of results, a snippet's rows) are looked up one by one: walking the
    // pair filter of every segment first would cost more than it saves.
    let length = phrase.bareKeys.count
    if terms.count > 1, within.map({ $0.count > Self.directLookup }) ?? true {
      // Many articles: the pair filter gives the candidates, as for `documents(containing:)`,
      // and every start is read in the same pass.
      let rows = Self.pairRows(terms)
      let workers = min(
        segments.count,
        Parallel.workers(for: estimatedWork(terms), unit: FullTextIndex.parallelWork, items: segments.count))
      let parts = Parallel.map(workers) { w -> [Occurrence] in
        var out: [Occurrence] = []
        for s in (segments.count * w / workers)..<(segments.count * (w + 1) / workers) {
          collect(segments[s], terms: terms, length: length, rows: rows, within: within, scope: scope, into: &out)
        }
        return out
      }
      return parts.count == 1 ? parts[0] : parts.flatMap { $0 }
    }
    let docs: DocSet
    if let within, within.count <= Self.directLookup {
      docs = within
    } else {
      docs = documents(containing: phrase, scope: scope, within: within)
    }
    guard !docs.isEmpty else { return [] }
    // The members by segment (they come in order).
    var bySegment: [(segment: Int, members: [Int])] = []
    docs.forEach { d in
      let s = d / FullTextIndex.segmentSize
      if bySegment.last?.segment == s { bySegment[bySegment.count - 1].members.append(d) } else { bySegment.append((s, [d])) }
    }
    let groups = bySegment
    let workers = min(groups.count, Parallel.workers(for: docs.count * 8, unit: FullTextIndex.parallelWork, items: groups.count))
    let parts = Parallel.map(max(1, workers)) { w -> [Occurrence] in
      var out: [Occurrence] = []
      let lo = groups.count * w / max(1, workers)
      let hi = groups.count * (w + 1) / max(1, workers)
      for (s, members) in groups[lo..<hi] where s < segments.count {
        collect(segments[s], terms: terms, length: length, members: members, scope: scope, into: &out)
      }
      return out
    }
    return parts.flatMap { $0 }
  }

  /// The pair-filter rows of a phrase's adjacent syllables, each once.
  static func pairRows(_ terms: [QueryTerm]) -> [Int] {
    var rows: [Int] = []
    for k in terms.indices.dropFirst() {
      let row = PairFilter.row(terms[k - 1].bare, terms[k].bare)
      if !rows.contains(row) { rows.append(row) }
    }
    return rows
  }

  /// `collect(_:terms:length:rows:within:scope:into:)` appends the occurrences of a phrase of
  /// several syllables in one segment's articles of `within` (all when nil): every start of each
  /// candidate `forEachCandidate` finds.
  func collect(
    _ seg: Segment, terms: [QueryTerm], length: Int, rows: [Int], within: DocSet?, scope: TextScope,
    into out: inout [Occurrence]
  ) {
    forEachCandidate(seg, terms: terms, rows: rows, within: within) { article, st, poss in
      forEachStart(st, poss, article: article, length: length, scope: scope) { start in
        out.append(Occurrence(article: article, position: start, length: length))
      }
    }
  }

  /// `forEachCandidate(_:terms:rows:within:_:)` calls `body` with each article of the segment
  /// (of `within`, all when nil) that holds every term, its streams set on the terms' positions:
  /// the candidates come from the pair filter's `rows`, and each term is looked up in each (the
  /// rarest first). Whether the terms stand together is for `body` to read.
  @inline(__always)
  func forEachCandidate(
    _ seg: Segment, terms: [QueryTerm], rows: [Int], within: DocSet?,
    _ body: (Int, UnsafeMutableBufferPointer<PositionStream>, UnsafePointer<UInt8>) -> Void
  ) {
    guard let cursors = cursors(seg, terms: terms) else { return }
    forEachCandidate(seg, cursors: cursors, rows: rows, within: within, body)
  }

  /// `forEachCandidate(_:cursors:rows:within:_:)` is the same with the terms' cursors found
  /// already (`cursors(_:terms:)`).
  @inline(__always)
  func forEachCandidate(
    _ seg: Segment, cursors: [Cursor], rows: [Int], within: DocSet?,
    _ body: (Int, UnsafeMutableBufferPointer<PositionStream>, UnsafePointer<UInt8>) -> Void
  ) {
    var cursors = cursors
    var streams = [PositionStream](repeating: PositionStream(), count: cursors.count)
    seg.withStreams { postings in
      seg.pairRows.withUnsafeBufferPointer { pairRows in
        cursors.withUnsafeMutableBufferPointer { cur in
          streams.withUnsafeMutableBufferPointer { st in
            for k in 0..<cur.count { st[k] = PositionStream(cur[k], offset: cur[k].phraseOffset) }
            blocks: for b in 0..<pairRows.count / PairFilter.rows {
              let base = b * PairFilter.rows
              var mask = ~UInt64(0)
              for row in rows { mask &= pairRows[base + row] }
              if let within { mask &= within.word(containing: seg.firstDoc + b * PairFilter.blockSize) }
              candidates: while mask != 0 {
                let target = b * PairFilter.blockSize + mask.trailingZeroBitCount
                mask &= mask - 1
                guard target < seg.docCount else { break blocks }
                switch Self.present(cur, st, target, postings) {
                case true?: break
                case false?: continue candidates
                case nil: break blocks
                }
                body(seg.firstDoc + target, st, postings.poss)
              }
            }
          }
        }
      }
    }
  }

  /// `forEachStart(_:_:article:length:scope:_:)` calls `found` with each start of the phrase in
  /// an article whose streams `present` set, kept to the part `scope` searches.
  @inline(__always)
  func forEachStart(
    _ st: UnsafeMutableBufferPointer<PositionStream>, _ poss: UnsafePointer<UInt8>, article: Int, length: Int,
    scope: TextScope, _ found: (Int) -> Void
  ) {
    let title = Int(titleLength[article])
    Self.forEachStart(st, poss, length: length) { start in
      switch scope {
      case .titleOrBody: break
      case .title: if start + length - 1 >= title { return false }
      case .body: if start <= title { return true }
      }
      found(start)
      return true
    }
  }

  /// The articles at most that `occurrences` looks up directly, without the pair filter.
  static let directLookup = 256

  /// `collect` appends the occurrences in the given articles of one segment (ascending ordinals,
  /// each known to hold the phrase).
  func collect(
    _ seg: Segment, terms: [QueryTerm], length: Int, members: [Int], scope: TextScope, into out: inout [Occurrence]
  ) {
    guard var cursors = cursors(seg, terms: terms) else { return }
    var streams = [PositionStream](repeating: PositionStream(), count: cursors.count)
    seg.withStreams { postings in
      cursors.withUnsafeMutableBufferPointer { cur in
        streams.withUnsafeMutableBufferPointer { st in
          for k in 0..<cur.count { st[k] = PositionStream(cur[k], offset: cur[k].phraseOffset) }
          documents: for global in members {
            guard Self.present(cur, st, global - seg.firstDoc, postings) == true else { continue documents }
            forEachStart(st, postings.poss, article: global, length: length, scope: scope) { start in
              out.append(Occurrence(article: global, position: start, length: length))
            }
          }
        }
      }
    }
  }

  /// `isAtEdge(_:side:)` tells whether no syllable of its part (title or body) stands on that
  /// side of an occurrence: it opens the part (left) or closes it (right). An occurrence outside
  /// the index's articles has nothing either side.
  public func isAtEdge(_ o: Occurrence, side: ContextSide) -> Bool {
    guard o.article >= 0, o.article < titleLength.count else { return true }
    let title = Int(titleLength[o.article])
    // Title positions are `0..<title`, the body's `title + 1 ... documentLength`.
    if o.position < title { return side == .left ? o.position == 0 : o.position + o.length >= title }
    return side == .left ? o.position <= title + 1 : o.position + o.length > Int(documentLength[o.article])
  }

  /// `titleSyllables(of:)` is the number of title positions of an article.
  public func titleSyllables(of ordinal: Int) -> Int {
    ordinal >= 0 && ordinal < titleLength.count ? Int(titleLength[ordinal]) : 0
  }
}
