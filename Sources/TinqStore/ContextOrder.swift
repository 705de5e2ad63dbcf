import CPrefetch
import TinqSupport
import TinqText

// Sorting a concordance by its context without building it: each context is read as the piece
// numbers of its syllables (a title's syllables get numbers of their own), two contexts are
// compared syllable by syllable (the same number is the same syllable, so most comparisons read
// no key), and a syllable's collation key is made only when two differ, once per statement.

extension ArticleStore {
  /// `contextOrder(_:side:syllables:descending:first:stop:)` is the order that sorting
  /// `occurrences` by `contextKeys(_:side:syllables:)` gives, as indices into `occurrences`, cut to
  /// its first `first`: by context (ascending, or descending when asked), ties in the order given.
  /// The first are kept in a bounded heap, so a `limit` costs about one comparison per occurrence.
  public func contextOrder(
    _ occurrences: [Occurrence], side: ContextSide, syllables n: Int, descending: Bool, first: Int,
    stop: @Sendable () -> Bool = { false }
  ) -> [Int] {
    guard !occurrences.isEmpty, first > 0 else { return [] }
    if !descending {
      // An empty context comes first, and all are alike: when there are `first` of them, they
      // are the answer, in the order given, and no text is read. The index tells which they are.
      var empty: [Int] = []
      for (i, o) in occurrences.enumerated() where n <= 0 || fullText.isAtEdge(o, side: side) {
        empty.append(i)
        if empty.count == first { return empty }
      }
    }
    // The index tells, from the letters of the syllable next to each occurrence, a few that hold
    // the first; only those are read.
    if n > 0, let chosen = contextCandidates(occurrences, side: side, descending: descending, first: first, stop: stop) {
      let order = exactContextOrder(
        chosen.map { occurrences[$0] }, side: side, syllables: n, descending: descending, first: first, stop: stop)
      return order.map { chosen[$0] }
    }
    return exactContextOrder(occurrences, side: side, syllables: n, descending: descending, first: first, stop: stop)
  }

  /// `exactContextOrder(_:side:syllables:descending:first:stop:)` is `contextOrder` reading
  /// every occurrence's context.
  func exactContextOrder(
    _ occurrences: [Occurrence], side: ContextSide, syllables n: Int, descending: Bool, first: Int,
    stop: @Sendable () -> Bool
  ) -> [Int] {
    let contexts = contextTokens(occurrences, side: side, syllables: max(0, n), stop: stop)
    let comparer = ContextComparer(contexts: contexts, pieces: bodies.pieces)
    let before: (Int, Int) -> Bool = { a, b in
      let c = comparer.compare(a, b)
      if c != 0 { return descending ? c > 0 : c < 0 }
      return a < b
    }
    if first >= occurrences.count { return occurrences.indices.sorted(by: before) }
    var heap = BoundedHeap<Int>(capacity: first, before: before)
    for i in occurrences.indices { heap.offer(i) }
    return heap.sorted()
  }

  /// `contextTokens(_:side:syllables:stop:)` reads the `n` syllables of each occurrence's context
  /// on one side, nearest first, as tokens (see `ContextTokens`). Each article is read once for
  /// its occurrences, a body only over the pieces the contexts cover; many articles are read on
  /// every core.
  func contextTokens(_ occurrences: [Occurrence], side: ContextSide, syllables n: Int, stop: @Sendable () -> Bool)
    -> ContextTokens
  {
    let (order, runs) = Self.articleRuns(occurrences)
    let pieceCount = UInt32(clamping: bodies.pieces.count)
    let workers = Parallel.workers(for: runs.count, unit: 256, items: runs.count)
    let parts = Parallel.map(workers) { w -> ContextTokens.Part in
      var part = ContextTokens.Part()
      let mine = runs[(runs.count * w / workers)..<(runs.count * (w + 1) / workers)]
      if let lo = mine.first?.lowerBound, let hi = mine.last?.upperBound {
        part.indices.reserveCapacity(hi - lo)
        part.tokens.reserveCapacity((hi - lo) * n)
      }
      for (count, r) in mine.enumerated() {
        // Asked every 256 articles whether to give up: the caller throws away what is read.
        if count % 256 == 255, stop() { break }
        // The bodies a few articles ahead start loading (see `BodyStore.prefetch`).
        for stage in 0..<3 {
          let ahead = mine.startIndex + count + (3 - stage) * 4
          guard ahead < mine.endIndex else { continue }
          let o = occurrences[order[runs[ahead].lowerBound]]
          let start = o.position - fullText.titleSyllables(of: o.article) - 1
          if start >= 0 { bodies.prefetch(o.article, piece: side == .right ? start + o.length : max(0, start - n), stage: stage) }
        }
        let article = occurrences[order[r.lowerBound]].article
        let titleLength = article >= 0 && article < self.count ? fullText.titleSyllables(of: article) : 0
        // The body is read forward, one context's pieces at a time: the contexts move forward
        // with the occurrences, which come in order.
        var window: BodyWindow? = nil
        var title: PartText? = nil
        for k in r {
          let o = occurrences[order[k]]
          part.indices.append(order[k])
          var written = 0
          if article >= 0, article < self.count {
            if o.position < titleLength {
              if title == nil { title = PartText(metadata[article].title ?? "") }
              if let text = title {
                let range = Self.contextRange(side: side, start: o.position, length: o.length, n: n, end: text.syllables)
                for s in range.syllables {
                  part.tokens.append(part.token(word: text.syllable(s), pieceCount: pieceCount))
                  written += 1
                }
              }
            } else {
              let start = o.position - titleLength - 1
              if window == nil { window = bodies.window(of: article) }
              let range = Self.contextRange(side: side, start: start, length: o.length, n: n, end: .max)
              if let (lo, hi) = range.bounds {
                window?.load(lo...hi)
              }
              for s in range.syllables {
                guard let id = window?.piece(s) else { break }
                part.tokens.append(id)
                written += 1
              }
            }
          }
          for _ in written..<n { part.tokens.append(ContextTokens.absent) }
        }
      }
      return part
    }
    return ContextTokens(merging: parts, occurrences: occurrences.count, syllables: n, pieceCount: pieceCount)
  }

  /// `articleRuns(_:)` is the occurrences' indices by article and position, and the runs of
  /// them in one article.
  static func articleRuns(_ occurrences: [Occurrence]) -> (order: [Int], runs: [Range<Int>]) {
    // The occurrences usually come by article and position already.
    var inOrder = true
    for i in occurrences.indices.dropFirst() {
      let a = occurrences[i - 1]
      let b = occurrences[i]
      if (a.article, a.position) > (b.article, b.position) {
        inOrder = false
        break
      }
    }
    let order =
      inOrder
      ? Array(occurrences.indices)
      : occurrences.indices.sorted {
        (occurrences[$0].article, occurrences[$0].position) < (occurrences[$1].article, occurrences[$1].position)
      }
    var runs: [Range<Int>] = []
    var i = 0
    while i < order.count {
      var j = i + 1
      while j < order.count, occurrences[order[j]].article == occurrences[order[i]].article { j += 1 }
      runs.append(i..<j)
      i = j
    }
    return (order, runs)
  }

  /// `contextRange(side:start:length:n:end:)` is the syllables of a context, nearest first, of
  /// an occurrence at `start` in a part of `end` syllables (what `contextKeys` reads), and the
  /// lowest and highest of them (nil when there are none).
  static func contextRange(side: ContextSide, start: Int, length: Int, n: Int, end: Int) -> (
    syllables: StrideTo<Int>, bounds: (lo: Int, hi: Int)?
  ) {
    switch side {
    case .right:
      let lo = max(0, start + length)
      let hi = min(end, start + length + n)
      return lo < hi ? (stride(from: lo, to: hi, by: 1), (lo, hi - 1)) : (stride(from: 0, to: 0, by: 1), nil)
    case .left:
      let lo = max(0, start - n)
      let hi = min(end, start)
      return lo < hi ? (stride(from: hi - 1, to: lo - 1, by: -1), (lo, hi - 1)) : (stride(from: 0, to: 0, by: 1), nil)
    }
  }
}

/// `ContextTokens` is the context of each occurrence, `syllables` tokens per occurrence, nearest
/// first: a body syllable as its piece number, a title syllable as `pieceCount` plus its index in
/// `words`, and `absent` past the context's end.
struct ContextTokens {
  static let absent = UInt32.max
  var syllables: Int
  var pieceCount: UInt32
  var tokens: [UInt32]
  var words: [String]

  /// `Part` is what one worker read: for each occurrence it took (by index), its `syllables`
  /// tokens, and the title words it numbered (a title syllable's token is `pieceCount` plus the
  /// word's number here).
  struct Part {
    var indices: [Int] = []
    var tokens: [UInt32] = []
    var words: [String] = []
    private var wordIndex: [String: UInt32] = [:]

    /// `token(word:pieceCount:)` is the token of a title syllable, its word numbered on first sight.
    mutating func token(word: String, pieceCount: UInt32) -> UInt32 {
      if let known = wordIndex[word] { return pieceCount &+ known }
      let local = UInt32(clamping: words.count)
      wordIndex[word] = local
      words.append(word)
      return pieceCount &+ local
    }
  }
}

extension ContextTokens {
  /// `init(merging:occurrences:syllables:pieceCount:)` puts the workers' parts together, each
  /// occurrence's tokens at its index, the title words renumbered after those of earlier parts.
  init(merging parts: [Part], occurrences: Int, syllables n: Int, pieceCount: UInt32) {
    self.init(
      syllables: n, pieceCount: pieceCount, tokens: [UInt32](repeating: Self.absent, count: occurrences * n), words: [])
    for part in parts {
      let shift = UInt32(clamping: words.count)
      for (k, index) in part.indices.enumerated() {
        for j in 0..<n {
          let t = part.tokens[k * n + j]
          tokens[index * n + j] = t != Self.absent && t >= pieceCount ? t &+ shift : t
        }
      }
      words += part.words
    }
  }
}

/// `ContextComparer` compares two occurrences' contexts as `contextKeys` would: syllable by
/// syllable in Vietnamese order, a context that ends first before one it begins. A token's
/// collation key is made the first time a comparison needs it and kept.
final class ContextComparer {
  let contexts: ContextTokens
  let pieces: PieceTable
  /// The keys made so far, by token: a few thousand distinct syllables at most are compared.
  private var keys: [UInt32: [UInt32]] = [:]

  init(contexts: ContextTokens, pieces: PieceTable) {
    self.contexts = contexts
    self.pieces = pieces
  }

  /// The collation key of a token (never empty: `sortKey` gives at least its two separators).
  func key(_ t: UInt32) -> [UInt32] {
    if let known = keys[t] { return known }
    let key: [UInt32]
    if t < contexts.pieceCount {
      key = VietnameseCollation.sortKey(pieces.word(t))
    } else {
      let w = Int(t - contexts.pieceCount)
      key = w < contexts.words.count ? VietnameseCollation.sortKey(contexts.words[w]) : []
    }
    keys[t] = key
    return key
  }

  /// `compare(_:_:)` is below 0 when occurrence `a`'s context comes first, 0 when the two are
  /// alike, above 0 otherwise.
  func compare(_ a: Int, _ b: Int) -> Int {
    let n = contexts.syllables
    return contexts.tokens.withUnsafeBufferPointer { t in
      for k in 0..<n {
        let x = t[a * n + k]
        let y = t[b * n + k]
        if x == y {
          if x == ContextTokens.absent { return 0 }
          continue
        }
        if x == ContextTokens.absent { return -1 }
        if y == ContextTokens.absent { return 1 }
        let kx = key(x)
        let ky = key(y)
        if kx == ky { continue }
        return kx.lexicographicallyPrecedes(ky) ? -1 : 1
      }
      return 0
    }
  }
}

extension ArticleStore {
  /// Fewer occurrences than this are sorted by reading all their contexts at once.
  static let firstSyllableMinimum = 1024

  /// `contextCandidates(_:side:descending:first:minimum:stop:)` is some of the occurrences (indices into
  /// `occurrences`, ascending) among which are the first `first` in context order: those whose
  /// nearest syllable comes no later (no earlier, descending) than the `first`-th's. Only that
  /// syllable of each is read, through the bodies' marks. Nil when the store keeps no marks, or
  /// too few occurrences (fewer than `minimum`) or too many candidates make the narrowing not
  /// worth it.
  ///
  /// Contexts compare first by their nearest syllable, so an occurrence whose nearest syllable
  /// comes after that of `first` others (or which has none, descending) is not among the first.
  func contextCandidates(
    _ occurrences: [Occurrence], side: ContextSide, descending: Bool, first: Int,
    minimum: Int = firstSyllableMinimum, stop: @Sendable () -> Bool
  ) -> [Int]? {
    // Without marks (a snapshot written before them), reading the nearest syllables costs about
    // what reading the whole contexts does: the plain sort is as fast.
    guard let marks = bodies.marks, occurrences.count >= minimum, first <= occurrences.count / 8 else { return nil }
    let nearest = nearestTokens(occurrences, side: side, marks: marks, stop: stop)
    if stop() { return nil }
    // The distinct syllables, ranked by their collation keys (equal keys share a rank).
    let distinct = Array(Set(nearest.tokens.filter { $0 != ContextTokens.absent }))
    let comparer = ContextComparer(contexts: nearest, pieces: bodies.pieces)
    let keys = distinct.map { comparer.key($0) }
    let byKey = distinct.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
    var rankOf: [UInt32: Int] = [:]
    rankOf.reserveCapacity(distinct.count)
    var rank = 0
    for (k, d) in byKey.enumerated() {
      if k > 0, keys[byKey[k - 1]] != keys[d] { rank += 1 }
      rankOf[distinct[d]] = rank + 1
    }
    // Per occurrence: its nearest syllable's rank, 0 for an empty context (which comes first).
    let ranks = nearest.tokens.map { $0 == ContextTokens.absent ? 0 : rankOf[$0] ?? 0 }
    // The rank of the `first`-th: how many occurrences have each rank, counted from the first.
    var counts = [Int](repeating: 0, count: rank + 2)
    for r in ranks { counts[r] += 1 }
    var seen = 0
    var threshold = descending ? counts.count - 1 : 0
    for step in counts.indices {
      threshold = descending ? counts.count - 1 - step : step
      seen += counts[threshold]
      if seen >= first { break }
    }
    guard seen <= occurrences.count / 4 else { return nil }
    return ranks.indices.filter { descending ? ranks[$0] >= threshold : ranks[$0] <= threshold }
  }
}

extension ArticleStore {
  /// `nearestTokens(_:side:marks:stop:)` is `contextTokens(_:side:syllables:stop:)` for one
  /// syllable, read through the bodies' marks: each occurrence's body is entered at the mark
  /// before its neighbour and stepped from there, its bytes read in place, with the bytes a few
  /// occurrences ahead prefetched; the articles of one segment are read in one go.
  func nearestTokens(_ occurrences: [Occurrence], side: ContextSide, marks: BodyMarks, stop: @Sendable () -> Bool)
    -> ContextTokens
  {
    let (order, runs) = Self.articleRuns(occurrences)
    let pieceCount = UInt32(clamping: bodies.pieces.count)
    let workers = Parallel.workers(for: runs.count, unit: 256, items: runs.count)
    let stride = BodyMarks.stride
    let parts = Parallel.map(workers) { w -> ContextTokens.Part in
      var part = ContextTokens.Part()
      let mine = runs[(runs.count * w / workers)..<(runs.count * (w + 1) / workers)]
      part.indices.reserveCapacity(mine.reduce(0) { $0 + $1.count })
      part.tokens.reserveCapacity(part.indices.capacity)
      // Runs of one segment at a time.
      var chunkStart = mine.startIndex
      while chunkStart < mine.endIndex {
        if stop() { break }
        let segment = occurrences[order[runs[chunkStart].lowerBound]].article / bodies.segmentSize
        var chunkEnd = chunkStart + 1
        while chunkEnd < mine.endIndex, occurrences[order[runs[chunkEnd].lowerBound]].article / bodies.segmentSize == segment {
          chunkEnd += 1
        }
        let chunk = chunkStart..<chunkEnd
        chunkStart = chunkEnd
        let bytes = segment >= 0 && segment < bodies.segments.count ? bodies.segments[segment] : Column()
        bytes.withUnsafeBufferPointer { seg in
          marks.first.withUnsafeBufferPointer { first in
            marks.offsets.withUnsafeBufferPointer { offsets in
              marks.leads.withUnsafeBufferPointer { leads in
                bodies.starts.withUnsafeBufferPointer { starts in
                  // The bytes of a body in its segment (empty for an unknown article).
                  func body(_ a: Int) -> Range<Int> {
                    guard a >= 0, a < starts.count, a / bodies.segmentSize == segment else { return 0..<0 }
                    let lo = Int(starts[a])
                    let hi = a + 1 < starts.count && (a + 1) / bodies.segmentSize == segment ? Int(starts[a + 1]) : seg.count
                    return lo <= hi && hi <= seg.count ? lo..<hi : 0..<0
                  }
                  // Where the body's piece `p` can be stepped to from: the mark at or before it.
                  func entry(_ a: Int, _ p: Int, _ range: Range<Int>) -> (at: Int, index: Int) {
                    guard a + 1 < first.count else { return (range.lowerBound, 0) }
                    let m = min(p / stride, Int(first[a + 1]) - Int(first[a]))
                    guard m > 0, Int(first[a]) + m - 1 < offsets.count else { return (range.lowerBound, 0) }
                    let at = range.lowerBound + Int(offsets[Int(first[a]) + m - 1])
                    return at > range.lowerBound && at < range.upperBound ? (at, m * stride) : (range.lowerBound, 0)
                  }
                  guard let base = seg.baseAddress else {
                    for r in chunk {
                      for k in runs[r] {
                        part.indices.append(order[k])
                        part.tokens.append(ContextTokens.absent)
                      }
                    }
                    return
                  }
                  // Where each occurrence's body is entered (the mark before its neighbour's
                  // syllable; -1 for none), found first: the marks are read in order, and the
                  // bodies' bytes can then be prefetched where they will be read.
                  var plan: [(at: Int, index: Int)] = []
                  for r in chunk {
                    let article = occurrences[order[runs[r].lowerBound]].article
                    let known = article >= 0 && article < self.count
                    let titleLength = known ? fullText.titleSyllables(of: article) : 0
                    let range = known ? body(article) : 0..<0
                    for k in runs[r] {
                      let o = occurrences[order[k]]
                      let context = Self.contextRange(
                        side: side, start: o.position - titleLength - 1, length: o.length, n: 1, end: .max)
                      if known, o.position >= titleLength, !range.isEmpty, let s = context.syllables.first(where: { _ in true }) {
                        plan.append(entry(article, s, range))
                      } else {
                        plan.append((-1, 0))
                      }
                    }
                  }
                  var q = 0
                  for r in chunk {
                    let article = occurrences[order[runs[r].lowerBound]].article
                    let known = article >= 0 && article < self.count
                    let titleLength = known ? fullText.titleSyllables(of: article) : 0
                    let range = known ? body(article) : 0..<0
                    // 1 when the body opens with a separator alone: syllable `s` is then piece `s + 1`.
                    let lead = article >= 0 && article < leads.count && leads[article] != 0 ? 1 : 0
                    var title: PartText? = nil
                    for k in runs[r] {
                      let o = occurrences[order[k]]
                      part.indices.append(order[k])
                      var token = ContextTokens.absent
                      // The bytes where the occurrence 8 ahead will be read.
                      if q + 8 < plan.count, plan[q + 8].at >= 0 {
                        tinq_prefetch(base + plan[q + 8].at)
                        if plan[q + 8].at + 64 < seg.count { tinq_prefetch(base + plan[q + 8].at + 64) }
                      }
                      let planned = plan[q]
                      q += 1
                      if known, o.position < titleLength {
                        if title == nil { title = PartText(metadata[article].title ?? "") }
                        if let text = title {
                          let range = Self.contextRange(side: side, start: o.position, length: o.length, n: 1, end: text.syllables)
                          if let s = range.syllables.first(where: { _ in true }) {
                            token = part.token(word: text.syllable(s), pieceCount: pieceCount)
                          }
                        }
                      } else if known, !range.isEmpty {
                        let start = o.position - titleLength - 1
                        let context = Self.contextRange(side: side, start: start, length: o.length, n: 1, end: .max)
                        if let s = context.syllables.first(where: { _ in true }) {
                          let p = s + lead
                          var (i, index) = planned.at >= 0 ? planned : entry(article, p, range)
                          // Eight bytes holding fewer ends of pieces than are left to pass are
                          // passed whole (as `PieceCursor.skip` does), then one piece at a time.
                          var left = p - index
                          while left > 8, i + 8 <= range.upperBound {
                            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                            let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
                            guard ends < left else { break }
                            left -= ends
                            i += 8
                          }
                          while left > 0, i < range.upperBound {
                            while i < range.upperBound, base[i] >= 0x80 { i += 1 }
                            i += 1
                            left -= 1
                          }
                          index = p - left
                          if index == p, i < range.upperBound { token = VarInt.read(base, &i, range.upperBound) }
                        }
                      }
                      part.tokens.append(token)
                    }
                  }
                }
              }
            }
          }
        }
      }
      return part
    }
    return ContextTokens(merging: parts, occurrences: occurrences.count, syllables: 1, pieceCount: pieceCount)
  }
}
