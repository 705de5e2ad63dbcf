import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

extension FullTextIndex {
  /// One syllable of a query: its bare id and, for a toned query, the one variant allowed.
  struct QueryTerm {
    var bare: UInt32
    var variant: UInt32?
  }

  /// `resolve(_:)` maps a phrase to query terms, or nil when some syllable never occurs.
  func resolve(_ phrase: Phrase) -> [QueryTerm]? {
    var terms: [QueryTerm] = []
    for (i, bare) in phrase.bareKeys.enumerated() {
      if let toned = phrase.tonedKeys {
        guard let e = lexicon.entry(toned: toned[i]) else { return nil }
        terms.append(QueryTerm(bare: e.bare, variant: e.variant))
      } else {
        guard let id = lexicon.bareID(bare) else { return nil }
        terms.append(QueryTerm(bare: id, variant: nil))
      }
    }
    return terms
  }

  /// `documents(containing:scope:within:)` returns the articles in which `phrase` occurs (in
  /// `scope`), considering only articles in `within` when given. A phrase whose rarest syllable
  /// is in many articles is searched on every core, each taking a run of segments.
  public func documents(containing phrase: Phrase, scope: TextScope = .titleOrBody, within: DocSet? = nil) -> DocSet {
    documents(containing: phrase, scope: scope, within: within, workers: nil)
  }

  /// `documents(containing:scope:within:workers:)` is `documents(containing:scope:within:)` on
  /// `workers` cores, or as many as the work is worth when nil.
  func documents(containing phrase: Phrase, scope: TextScope, within: DocSet?, workers: Int?) -> DocSet {
    var result = DocSet(universe: universe)
    guard !phrase.isEmpty, let terms = resolve(phrase), !segments.isEmpty else { return result }
    // Only the segments `within` reaches into are read, and they decide how many cores it is worth.
    let span = segmentSpan(within)
    let work = estimatedWork(terms, in: span)
    let workers = min(
      span.count, workers ?? Parallel.workers(for: work, unit: FullTextIndex.parallelWork, items: span.count))
    if workers <= 1 {
      for s in span { search(segments[s], terms: terms, scope: scope, within: within, into: &result) }
      return result
    }
    let parts = Parallel.map(workers) { w in
      var part = DocSet(universe: universe)
      for s in (span.lowerBound + span.count * w / workers)..<(span.lowerBound + span.count * (w + 1) / workers) {
        search(segments[s], terms: terms, scope: scope, within: within, into: &part)
      }
      return part
    }
    for part in parts { result.formUnion(part) }
    return result
  }

  /// Postings (driving documents) below which a search stays on one core: starting workers
  /// costs more than it saves.
  static let parallelWork = 20_000

  /// `segmentSpan(_:)` is the segments from the first to the last holding some of `within` (all
  /// when nil).
  func segmentSpan(_ within: DocSet?) -> Range<Int> {
    guard let within else { return 0..<segments.count }
    guard let lo = within.words.firstIndex(where: { $0 != 0 }), let hi = within.words.lastIndex(where: { $0 != 0 })
    else { return 0..<0 }
    return min(segments.count, lo * 64 / Self.segmentSize)..<min(segments.count, hi * 64 / Self.segmentSize + 1)
  }

  /// `estimatedWork(_:in:)` is the number of documents the phrase's rarest term drives through
  /// in the segments `span` (all when nil).
  func estimatedWork(_ terms: [QueryTerm], in span: Range<Int>? = nil) -> Int {
    var total = 0
    for seg in segments[span ?? segments.indices] {
      var fewest = UInt32.max
      for t in terms {
        guard let slot = seg.slot(of: t.bare) else {
          fewest = 0
          break
        }
        fewest = min(fewest, seg.termDocs[slot])
      }
      total += Int(fewest)
    }
    return total
  }

  /// A term's postings within one segment.
  struct Cursor {
    var docPtr: Int
    var docEnd: Int
    var posPtr: Int
    /// Where the term's positions start in the position stream.
    var posBase: Int
    /// A dense term: where its offsets start in `dense`; otherwise -1.
    var dense: Int
    /// The number of articles in the segment.
    var docCount: Int
    var doc: Int = -1
    var posLen: Int = 0
    var count: UInt32
    var phraseOffset: Int
    /// The one variant a toned query allows, or `anyVariant`.
    var variant: UInt32
    /// How many low bits of each position code hold the variant (`Segment.variantBits`).
    var variantBits: UInt8
  }

  static let anyVariant = UInt32.max

  /// `cursors(_:terms:)` is a cursor on each term's postings in the segment, rarest first, or
  /// nil when some term is not in it.
  func cursors(_ seg: Segment, terms: [QueryTerm]) -> [Cursor]? {
    var cursors: [Cursor] = []
    cursors.reserveCapacity(terms.count)
    for (k, t) in terms.enumerated() {
      guard let slot = seg.slot(of: t.bare) else { return nil }
      let dense = seg.denseStart[slot]
      cursors.append(
        Cursor(
          docPtr: Int(seg.docStart[slot]), docEnd: Int(seg.docStart[slot + 1]), posPtr: Int(seg.posStart[slot]),
          posBase: Int(seg.posStart[slot]), dense: dense == Segment.sparse ? -1 : Int(dense), docCount: seg.docCount,
          count: seg.termDocs[slot], phraseOffset: k, variant: t.variant ?? Self.anyVariant,
          variantBits: seg.variantBits[slot]))
    }
    cursors.sort { $0.count < $1.count }
    return cursors
  }

  /// `search(_:terms:scope:within:into:)` adds the segment's articles holding the phrase to
  /// `result`. A bare syllable's documents are read off its postings in order. A phrase of
  /// several takes its candidates from the `PairFilter` (`forEachCandidate`), and where all its
  /// terms are present the positions are compared.
  func search(_ seg: Segment, terms: [QueryTerm], scope: TextScope, within: DocSet?, into result: inout DocSet) {
    // A segment holding none of `within` is not read.
    if let within, !within.hasMembers(in: seg.firstDoc..<(seg.firstDoc + seg.docCount)) { return }
    guard let cursors = cursors(seg, terms: terms) else { return }
    if cursors.count == 1 {
      searchTerm(seg, cursors[0], scope: scope, within: within, into: &result)
      return
    }
    let length = terms.count
    forEachCandidate(seg, cursors: cursors, rows: Self.pairRows(terms), within: within) { global, st, poss in
      if Self.phraseOccurs(st, poss, length: length, title: Int(titleLength[global]), scope: scope) { result.insert(global) }
    }
  }

  /// `searchTerm(_:_:scope:within:into:)` adds the segment's articles holding one syllable (in
  /// `scope`, in the one form a toned query allows) to `result`, reading its postings in order.
  func searchTerm(_ seg: Segment, _ cursor: Cursor, scope: TextScope, within: DocSet?, into result: inout DocSet) {
    var c = cursor
    let needsPositions = scope != .titleOrBody || c.variant != Self.anyVariant
    var stream = PositionStream(c, offset: 0)
    seg.withStreams { postings in
      withUnsafeMutablePointer(to: &stream) { st in
        while Self.advance(&c, postings) {
          let global = seg.firstDoc + c.doc
          if let within, !within.contains(global) { continue }
          if needsPositions {
            st.pointee.ptr = c.posPtr
            st.pointee.end = c.posPtr + c.posLen
            st.pointee.pos = Int.min
            let title = Int(titleLength[global])
            let one = UnsafeMutableBufferPointer(start: st, count: 1)
            guard Self.phraseOccurs(one, postings.poss, length: 1, title: title, scope: scope) else { continue }
          }
          result.insert(global)
        }
      }
    }
  }

  /// One term's positions in one document, decoded as they are needed.
  struct PositionStream {
    var ptr = 0
    var end = 0
    var offset = 0
    var variant = FullTextIndex.anyVariant
    /// How many low bits of a code hold the variant; the rest is the gap from the position before.
    var bits: UInt64 = 0
    var pos = Int.min

    init() {}

    /// `init(_:offset:)` is a stream on a cursor's term, standing at `offset` in the phrase.
    init(_ cursor: Cursor, offset: Int) {
      self.offset = offset
      variant = cursor.variant
      bits = UInt64(cursor.variantBits)
    }

    /// Moves to the next position holding the wanted variant; false at the end.
    @inline(__always)
    mutating func next(_ p: UnsafePointer<UInt8>) -> Bool {
      while ptr < end {
        let code = PositionCode.read(p, &ptr, end)
        // The first gap is from position 0.
        pos = (pos == Int.min ? 0 : pos) &+ Int(truncatingIfNeeded: code >> bits)
        if variant == FullTextIndex.anyVariant || variant == UInt32(truncatingIfNeeded: code & ((1 << bits) &- 1)) {
          return true
        }
      }
      return false
    }
  }

  /// `phraseOccurs` finds the first start at which every term stands at its offset (leapfrogging
  /// the streams forward, never back), and stops there: a document needs one occurrence.
  @inline(__always)
  static func phraseOccurs(
    _ streams: UnsafeMutableBufferPointer<PositionStream>, _ poss: UnsafePointer<UInt8>, length: Int, title: Int,
    scope: TextScope
  ) -> Bool {
    var occurs = false
    forEachStart(streams, poss, length: length) { candidate in
      switch scope {
      case .titleOrBody:
        occurs = true
        return false
      case .title:
        // Later starts are further from the title.
        occurs = candidate + length - 1 < title
        return false
      case .body:
        occurs = candidate > title
        return !occurs
      }
    }
    return occurs
  }

  /// `forEachStart` calls `found` with each start at which every term stands at its offset, in
  /// ascending order, leapfrogging the streams forward, until `found` returns false or a stream
  /// ends.
  @inline(__always)
  static func forEachStart(
    _ streams: UnsafeMutableBufferPointer<PositionStream>, _ poss: UnsafePointer<UInt8>, length: Int,
    _ found: (Int) -> Bool
  ) {
    var candidate = -length - 1
    while true {
      var aligned = true
      for k in 0..<streams.count {
        let want = candidate + streams[k].offset
        while streams[k].pos < want {
          if !streams[k].next(poss) { return }
        }
        if streams[k].pos > want {
          candidate = streams[k].pos - streams[k].offset
          aligned = false
          break
        }
      }
      if aligned {
        if !found(candidate) { return }
        candidate += 1
      }
    }
  }

  /// `advance(_:_:)` moves a cursor to its next document; false (and `doc` past every document)
  /// at the end.
  @inline(__always)
  static func advance(_ c: inout Cursor, _ postings: Segment.Streams) -> Bool {
    if c.dense >= 0 {
      let offsets = postings.dense + c.dense
      var d = c.doc + 1
      while d < c.docCount, offsets[d + 1] == offsets[d] { d += 1 }
      guard d < c.docCount else {
        c.doc = Int.max
        return false
      }
      c.doc = d
      c.posPtr = c.posBase + Int(offsets[d])
      c.posLen = Int(offsets[d + 1]) - Int(offsets[d])
      tinq_prefetch(postings.poss + c.posPtr)
      return true
    }
    guard c.docPtr < c.docEnd else {
      c.doc = Int.max
      return false
    }
    c.posPtr += c.posLen
    let (delta, length) = VarInt.readEntry(postings.docs, &c.docPtr, c.docEnd)
    c.posLen = length
    // This document's positions are read soon if it is a candidate, and the next document's
    // follow them: start loading both.
    tinq_prefetch(postings.poss + c.posPtr)
    tinq_prefetch(postings.poss + c.posPtr + c.posLen)
    // Deltas start from -1 (the builder's `lastDoc`), so the first one is the doc plus one.
    c.doc += delta
    return true
  }

  /// What `find(_:_:_:)` found.
  enum Found {
    case found, absent
    /// The term is in no later document of the segment.
    case exhausted
  }

  /// `present(_:_:_:_:)` looks every cursor's term up in document `target` (`find`): true when all
  /// are there, each stream then set on its term's positions; false when one is absent; nil when
  /// one is in no later document of the segment.
  @inline(__always)
  static func present(
    _ cur: UnsafeMutableBufferPointer<Cursor>, _ st: UnsafeMutableBufferPointer<PositionStream>, _ target: Int,
    _ postings: Segment.Streams
  ) -> Bool? {
    for k in 0..<cur.count {
      switch find(&cur[k], target, postings) {
      case .found: continue
      case .absent: return false
      case .exhausted: return nil
      }
    }
    for k in 0..<cur.count {
      st[k].ptr = cur[k].posPtr
      st[k].end = cur[k].posPtr + cur[k].posLen
      st[k].pos = Int.min
    }
    return true
  }

  /// `find(_:_:_:)` looks a term up in document `target`, which must not be before the last one
  /// it was asked for; when found, the cursor holds its positions, whose first bytes are
  /// prefetched. A dense term takes two loads; any other reads its doc stream up to `target`.
  @inline(__always)
  static func find(_ c: inout Cursor, _ target: Int, _ postings: Segment.Streams) -> Found {
    if c.dense >= 0 {
      let offsets = postings.dense + c.dense + target
      let start = Int(offsets[0])
      let end = Int(offsets[1])
      guard end > start else { return .absent }
      c.posPtr = c.posBase + start
      c.posLen = end - start
      tinq_prefetch(postings.poss + c.posPtr)
      return .found
    }
    var doc = c.doc
    if doc < target {
      var ptr = c.docPtr
      var posPtr = c.posPtr
      var posLen = c.posLen
      let end = c.docEnd
      while doc < target {
        guard ptr < end else {
          c.doc = Int.max
          return .exhausted
        }
        posPtr += posLen
        let (gap, length) = VarInt.readEntry(postings.docs, &ptr, end)
        doc += gap
        posLen = length
      }
      c.doc = doc
      c.docPtr = ptr
      c.posPtr = posPtr
      c.posLen = posLen
      tinq_prefetch(postings.poss + posPtr)
    }
    return doc == target ? .found : .absent
  }
}
