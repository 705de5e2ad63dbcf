import CPrefetch
import Synchronization
import TinqText

/// `Lexicon` interns syllables: each distinct bare key gets an id, and each toned form of it a
/// small *variant* number, so positions can be stored under the bare key with one extra byte that
/// says which diacritics the text had.
///
/// Built concurrently (workers keep a local cache and take the lock only on a miss), then frozen.
final class Lexicon: Sendable {
  struct Entry: Sendable {
    var bare: UInt32
    var variant: UInt32
  }

  struct State {
    var bareIDs: [String: UInt32] = [:]
    var tonedIDs: [String: Entry] = [:]
    var variants: [[String]] = []  // per bare id: toned keys in variant order
  }

  let state = Mutex(State())

  /// `intern(_:)` returns the entry of a raw syllable (as it appeared in the text).
  func intern(_ syllable: Substring) -> Entry {
    let toned = Fold.tonedKey(syllable.unicodeScalars)
    return state.withLock { s in
      if let e = s.tonedIDs[toned] { return e }
      let bare = Fold.bareKey(syllable.unicodeScalars)
      let bareID: UInt32
      if let id = s.bareIDs[bare] {
        bareID = id
      } else {
        bareID = UInt32(s.variants.count)
        s.bareIDs[bare] = bareID
        s.variants.append([])
      }
      let e = Entry(bare: bareID, variant: UInt32(s.variants[Int(bareID)].count))
      s.variants[Int(bareID)].append(toned)
      s.tonedIDs[toned] = e
      return e
    }
  }

  func bareID(_ key: String) -> UInt32? { state.withLock { $0.bareIDs[key] } }
  func entry(toned key: String) -> Entry? { state.withLock { $0.tonedIDs[key] } }
  var count: Int { state.withLock { $0.variants.count } }
}

/// Little-endian base-128 integers, the compact form of every posting (`ByteRun.append(_:)`
/// writes them).
enum VarInt {
  /// `readEntry(_:_:_:)` reads a doc-stream entry at `i`: the gap from the previous document
  /// and the byte length of its positions (0 when the stream is cut short).
  @inline(__always)
  static func readEntry(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> (gap: Int, length: Int) {
    let gap = Int(read(p, &i, end))
    return (gap, i < end ? Int(read(p, &i, end)) : 0)
  }

  /// `read(_:_:_:)` reads the varint at `i` (which must be below `end`) and moves past it; one
  /// byte, the common case, takes one branch.
  @inline(__always)
  static func read(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt32 {
    let b = p[i]
    i += 1
    if b < 0x80 { return UInt32(b) }
    var result = UInt32(b & 0x7F)
    var shift: UInt32 = 7
    while i < end {
      let next = p[i]
      i += 1
      result |= UInt32(next & 0x7F) << shift
      if next < 0x80 || shift >= 28 { break }
      shift += 7
    }
    return result
  }
}

/// `Segment` is the positional index of a contiguous run of articles (built by one worker).
///
/// For each term present (sorted by bare id): its documents and a position stream of (position
/// delta, variant) pairs, all varints. A term in most of the segment's articles is *dense*: for
/// each article, where its positions start (and so how many bytes they take, none when it is
/// absent), so a search finds an article's positions with two loads. Any other term has a doc
/// stream of (doc delta, byte length of its positions) pairs, read in order.
struct Segment: Sendable {
  var firstDoc: Int
  var docCount: Int
  var terms: [UInt32] = []  // sorted bare ids
  var docStart: [UInt32] = []  // per term: offset into docStream; one extra at the end
  var posStart: [UInt32] = []  // per term: offset into posStream
  var termDocs: [UInt32] = []  // per term: number of documents
  /// Per term: where its `dense` offsets start, or `Segment.sparse`.
  var denseStart: [UInt32] = []
  var docStream: [UInt8] = []
  var posStream: [UInt8] = []
  /// Dense terms' offsets: per article and one past the last, where its positions start,
  /// relative to the term's `posStart`.
  var dense: [UInt16] = []
  /// The `PairFilter` rows of the segment's blocks of articles, block after block.
  var pairRows: [UInt64] = []

  func slot(of term: UInt32) -> Int? {
    var lo = 0
    var hi = terms.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if terms[mid] < term { lo = mid + 1 } else { hi = mid }
    }
    return lo < terms.count && terms[lo] == term ? lo : nil
  }

  /// The segment's postings, for the length of one search.
  struct Streams {
    let docs: UnsafePointer<UInt8>
    let poss: UnsafePointer<UInt8>
    let dense: UnsafePointer<UInt16>
  }

  /// `withStreams(_:)` calls `body` with the segment's postings. (`finish()` leaves none of
  /// the three empty, so each has an address.)
  func withStreams(_ body: (Streams) -> Void) {
    docStream.withUnsafeBufferPointer { docs in
      posStream.withUnsafeBufferPointer { poss in
        dense.withUnsafeBufferPointer { dense in
          guard let d = docs.baseAddress, let p = poss.baseAddress, let o = dense.baseAddress else { return }
          body(Streams(docs: d, poss: p, dense: o))
        }
      }
    }
  }

  /// The `denseStart` of a term whose documents are in the doc stream.
  static let sparse = UInt32.max

  /// `isDense(docs:of:positionBytes:)` tells whether a term in `docs` of `docCount` articles,
  /// with this many bytes of positions, is kept dense: when it is in three articles in four
  /// (where the offsets take about the room of its doc stream) and its offsets fit 16 bits.
  static func isDense(docs: Int, of docCount: Int, positionBytes: Int) -> Bool {
    docs * 4 >= docCount * 3 && positionBytes <= Int(UInt16.max)
  }
}

/// `ByteRun` is a growable byte buffer in memory the segment builder manages itself: appending a
/// varint to a term's postings is a few stores, with none of the copy-on-write checks an array of
/// arrays costs on every append.
struct ByteRun {
  var base: UnsafeMutablePointer<UInt8>? = nil
  var count = 0
  var capacity = 0

  @inline(__always)
  mutating func append(_ value: UInt32) {
    if capacity - count < 5 { grow() }
    guard let p = base else { return }
    var v = value
    while v >= 0x80 {
      p[count] = UInt8(truncatingIfNeeded: v) | 0x80
      count += 1
      v >>= 7
    }
    p[count] = UInt8(v)
    count += 1
  }

  mutating func grow() { reserve(max(32, capacity * 2)) }

  /// `reserve(_:)` makes room for `bytes` in all (pages of room never written are never touched).
  mutating func reserve(_ bytes: Int) {
    guard bytes > capacity else { return }
    let bigger = bytes
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
    if let base {
      p.update(from: base, count: count)
      base.deallocate()
    }
    base = p
    capacity = bigger
  }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  func free() { base?.deallocate() }
}

/// `SegmentBuilder` accumulates one segment, article by article, in one pass over each article's
/// tokens: every term has a slot with its document and position runs, and the slots an article
/// touched close their document entry when it ends. Slots live in memory the builder manages, so
/// the per-token work is a few loads and stores.
final class SegmentBuilder {
  /// What the builder keeps for one term of the segment.
  struct Slot {
    var term: UInt32
    var docs: UInt32 = 0
    /// The article whose entry is open (its positions are being written), or -1.
    var openDoc: Int = -1
    /// The article of the last closed entry, or -1.
    var closedDoc: Int = -1
    var lastPos: UInt32 = 0
    /// Where the open article's positions start in `pos`.
    var mark: Int = 0
    var doc = ByteRun()
    var pos = ByteRun()
  }

  let firstDoc: Int
  // A builder belongs to the one worker building its segment, so the per-token dynamic
  // exclusivity checks on these properties, a runtime call each, guard against nothing.
  @exclusivity(unchecked) private(set) var docCount = 0
  @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
  @exclusivity(unchecked) private var slotCount = 0
  @exclusivity(unchecked) private var slotCapacity = 1024
  /// Bare id → slot + 1 (0: no slot yet).
  @exclusivity(unchecked) private var slotOf: UnsafeMutablePointer<Int32>
  @exclusivity(unchecked) private var slotOfCount = 1 << 14
  private var touched: [Int32] = []
  /// The `PairFilter` rows, a block of them per 64 articles, for `capacity` articles.
  @exclusivity(unchecked) private var pairRows: UnsafeMutablePointer<UInt64>
  @exclusivity(unchecked) private var capacity: Int

  /// `init(firstDoc:capacity:)` makes the builder of a segment of `capacity` articles (more
  /// take a copy).
  init(firstDoc: Int, capacity: Int) {
    self.firstDoc = firstDoc
    self.capacity = max(capacity, 1)
    pairRows = .allocate(capacity: PairFilter.words(forDocs: self.capacity))
    pairRows.initialize(repeating: 0, count: PairFilter.words(forDocs: self.capacity))
    slots = .allocate(capacity: slotCapacity)
    slotOf = .allocate(capacity: slotOfCount)
    slotOf.initialize(repeating: 0, count: slotOfCount)
  }

  deinit {
    for s in 0..<slotCount {
      slots[s].doc.free()
      slots[s].pos.free()
    }
    slots.deinitialize(count: slotCount)
    slots.deallocate()
    slotOf.deallocate()
    pairRows.deallocate()
  }

  /// `slot(for:)` is the slot of a term, made on first sight.
  @inline(__always)
  private func slot(for term: UInt32) -> Int {
    let t = Int(term)
    if t >= slotOfCount {
      let bigger = max(slotOfCount * 2, t + 1)
      let p = UnsafeMutablePointer<Int32>.allocate(capacity: bigger)
      p.update(from: slotOf, count: slotOfCount)
      (p + slotOfCount).initialize(repeating: 0, count: bigger - slotOfCount)
      slotOf.deallocate()
      slotOf = p
      slotOfCount = bigger
    }
    let known = Int(slotOf[t]) - 1
    if known >= 0 { return known }
    if slotCount == slotCapacity {
      let bigger = slotCapacity * 2
      let p = UnsafeMutablePointer<Slot>.allocate(capacity: bigger)
      p.moveInitialize(from: slots, count: slotCount)
      slots.deallocate()
      slots = p
      slotCapacity = bigger
    }
    (slots + slotCount).initialize(to: Slot(term: term))
    slotOf[t] = Int32(slotCount + 1)
    slotCount += 1
    return slotCount - 1
  }

  /// `add(tokens:)` adds the next article: its tokens in order, (bare id, variant), with
  /// `UInt32.max` as a gap token that takes a position but is not indexed.
  func add(tokens: [Lexicon.Entry]) {
    let doc = docCount
    docCount += 1
    var touched = self.touched
    self.touched = []
    touched.removeAll(keepingCapacity: true)
    if doc >= capacity { growPairRows() }
    let rows = pairRows + doc / PairFilter.blockSize * PairFilter.rows
    let bit: UInt64 = 1 << UInt64(doc % PairFilter.blockSize)
    tokens.withUnsafeBufferPointer { tokens in
      var previous = UInt32.max
      for index in 0..<tokens.count {
        let t = tokens[index]
        guard t.bare != UInt32.max else {
          previous = UInt32.max
          continue
        }
        if previous != UInt32.max { rows[PairFilter.row(previous, t.bare)] |= bit }
        previous = t.bare
        let s = slot(for: t.bare)
        let slot = slots + s
        let pos = UInt32(truncatingIfNeeded: index)
        // Most occurrences are a term's first-seen (variant 0) form: a low bit says whether a
        // variant number follows, so they cost no extra byte.
        let flag: UInt32 = t.variant == 0 ? 0 : 1
        if slot.pointee.openDoc != doc {
          slot.pointee.openDoc = doc
          slot.pointee.mark = slot.pointee.pos.count
          slot.pointee.pos.append(pos << 1 | flag)
          touched.append(Int32(s))
        } else {
          slot.pointee.pos.append((pos &- slot.pointee.lastPos) << 1 | flag)
        }
        if flag != 0 { slot.pointee.pos.append(t.variant) }
        slot.pointee.lastPos = pos
      }
    }
    // Close this article's entry in every slot it touched: the gap from the slot's previous
    // article (from -1 for its first), and how many position bytes follow.
    for s in touched {
      let slot = slots + Int(s)
      slot.pointee.doc.append(UInt32(doc - slot.pointee.closedDoc))
      slot.pointee.doc.append(UInt32(slot.pointee.pos.count - slot.pointee.mark))
      slot.pointee.closedDoc = doc
      slot.pointee.docs += 1
    }
    self.touched = touched
  }

  /// `growPairRows()` doubles the articles the pair rows have room for.
  private func growPairRows() {
    let old = PairFilter.words(forDocs: capacity)
    let new = PairFilter.words(forDocs: capacity * 2)
    let p = UnsafeMutablePointer<UInt64>.allocate(capacity: new)
    p.moveInitialize(from: pairRows, count: old)
    (p + old).initialize(repeating: 0, count: new - old)
    pairRows.deallocate()
    pairRows = p
    capacity *= 2
  }

  /// `finish()` packs the segment into its compact form, terms in increasing bare id.
  func finish() -> Segment {
    var seg = Segment(firstDoc: firstDoc, docCount: docCount)
    let order = (0..<slotCount).sorted { slots[$0].term < slots[$1].term }
    var docBytes = 1
    var posBytes = 1
    var denseTerms = 0
    for s in 0..<slotCount {
      if isDense(s) { denseTerms += 1 } else { docBytes += slots[s].doc.count }
      posBytes += slots[s].pos.count
    }
    seg.terms.reserveCapacity(order.count)
    seg.docStart.reserveCapacity(order.count + 1)
    seg.posStart.reserveCapacity(order.count + 1)
    seg.termDocs.reserveCapacity(order.count)
    seg.denseStart.reserveCapacity(order.count)
    seg.docStream.reserveCapacity(docBytes)
    seg.posStream.reserveCapacity(posBytes)
    seg.dense.reserveCapacity(denseTerms * (docCount + 1) + 1)
    for s in order {
      seg.terms.append(slots[s].term)
      seg.docStart.append(UInt32(seg.docStream.count))
      seg.posStart.append(UInt32(seg.posStream.count))
      seg.termDocs.append(slots[s].docs)
      if isDense(s) {
        seg.denseStart.append(UInt32(seg.dense.count))
        appendOffsets(of: slots[s].doc.bytes, to: &seg.dense)
      } else {
        seg.denseStart.append(Segment.sparse)
        seg.docStream.append(contentsOf: slots[s].doc.bytes)
      }
      seg.posStream.append(contentsOf: slots[s].pos.bytes)
    }
    seg.docStart.append(UInt32(seg.docStream.count))
    seg.posStart.append(UInt32(seg.posStream.count))
    seg.pairRows = Array(UnsafeBufferPointer(start: pairRows, count: PairFilter.words(forDocs: docCount)))
    // One element past the end of each stream, so that none is empty.
    seg.docStream.append(0)
    seg.posStream.append(0)
    seg.dense.append(0)
    return seg
  }

  /// `isDense(_:)` tells whether slot `s`'s term is kept dense.
  private func isDense(_ s: Int) -> Bool {
    Segment.isDense(docs: Int(slots[s].docs), of: docCount, positionBytes: slots[s].pos.count)
  }

  /// `appendOffsets(of:to:)` turns a doc stream into a dense term's offsets: where each
  /// article's positions start, and where they end after the last.
  private func appendOffsets(of stream: UnsafeBufferPointer<UInt8>, to dense: inout [UInt16]) {
    let start = dense.count
    dense.append(contentsOf: repeatElement(0, count: docCount + 1))
    dense.withUnsafeMutableBufferPointer { all in
      guard let out = all.baseAddress.map({ $0 + start }) else { return }
      var next = 0
      var offset = 0
      if let p = stream.baseAddress {
        var i = 0
        var doc = -1
        while i < stream.count {
          let (gap, length) = VarInt.readEntry(p, &i, stream.count)
          doc += gap
          while next <= min(doc, docCount) {
            out[next] = UInt16(truncatingIfNeeded: offset)
            next += 1
          }
          offset += length
        }
      }
      while next <= docCount {
        out[next] = UInt16(truncatingIfNeeded: offset)
        next += 1
      }
    }
  }
}

/// Which part of an article a phrase must occur in.
public enum TextScope: Sendable, Equatable {
  case titleOrBody, title, body
}

/// `FullTextIndex` is the positional index over the folded syllables of every article's title and
/// body, in segments of contiguous articles. Title syllables take positions `0..<t`, the body
/// starts at `t + 1`, so no phrase spans the two.
public struct FullTextIndex: Sendable {
  let lexicon: Lexicon
  let segments: [Segment]
  /// Per article: the number of title positions (the body starts one after).
  let titleLength: [UInt32]
  /// The number of articles.
  public let universe: Int

  /// The number of distinct bare syllables.
  public var vocabularySize: Int { lexicon.count }

  /// The bytes held by postings (for the benchmark's memory accounting).
  public var postingBytes: Int {
    segments.reduce(0) {
      $0 + $1.docStream.count + $1.posStream.count + $1.dense.count * 2 + $1.pairRows.count * 8 + $1.terms.count * 20
    }
  }

  /// The number of articles in a segment.
  static let segmentSize = 1024

  /// `Builder` builds the index and the body store one segment at a time, so the caller can
  /// index segments as articles arrive and schedule them beside other work on the same cores.
  struct Builder: Sendable {
    let lexicon = Lexicon()
    let pieces = PieceTable.Builder()
    /// The piece caches, kept between segments (one per worker at a time).
    let caches = Reusable { PieceCache() }

    /// What one segment produces: its postings, title lengths, encoded bodies and body starts.
    typealias Part = (Segment, [UInt32], [UInt8], [UInt32])

    /// The number of segments `count` articles make, the last one possibly short.
    static func segments(_ count: Int) -> Int { (count + FullTextIndex.segmentSize - 1) / FullTextIndex.segmentSize }

    /// The text of one article that the index reads: its title and body.
    typealias Text = (title: String?, body: String)

    /// `segment(_:texts:)` indexes segment `s`, whose articles have these titles and bodies, and
    /// encodes the bodies.
    func segment(_ s: Int, texts: [Text]) -> Part {
      let lo = s * FullTextIndex.segmentSize
      let builder = SegmentBuilder(firstDoc: lo, capacity: texts.count)
      let cache = caches.take()
      defer { caches.give(cache) }
      let scanner = SyllableScanner(cache: cache, lexicon: lexicon, pieceTable: pieces)
      var tokens: [Lexicon.Entry] = []
      var titles: [UInt32] = []
      var encoded = ByteRun()
      defer { encoded.free() }
      var starts: [UInt32] = []
      titles.reserveCapacity(texts.count)
      starts.reserveCapacity(texts.count)
      // Encoded bodies take about a quarter of the text: with room for half, the buffer is not
      // copied as it grows, and the pages of the room left unused are never touched.
      encoded.reserve(texts.reduce(0) { $0 + $1.body.utf8.count } / 2)
      for d in texts.indices {
        tokens.removeAll(keepingCapacity: true)
        if let title = texts[d].title {
          scanner.scan(title, into: &tokens)
        }
        titles.append(UInt32(tokens.count))
        tokens.append(Lexicon.Entry(bare: UInt32.max, variant: 0))
        starts.append(UInt32(encoded.count))
        withUnsafeMutablePointer(to: &encoded) { out in
          scanner.scan(texts[d].body, into: &tokens, encodingInto: out)
        }
        builder.add(tokens: tokens)
      }
      // The bodies of earlier segments were freed once encoded: give their pages back every few
      // segments (each call walks the heap, so every segment would cost seconds on 100,000
      // articles).
      if s % 4 == 3 { Memory.releaseFree() }
      return (builder.finish(), titles, Array(encoded.bytes), starts)
    }

    /// `texts(of:segment:)` moves the bodies of segment `s` out of `articles` (leaving them
    /// empty) together with the titles, for `segment(_:texts:)`.
    static func texts(of articles: inout [Article], segment s: Int) -> [Text] {
      let lo = s * FullTextIndex.segmentSize
      let hi = min(articles.count, lo + FullTextIndex.segmentSize)
      var texts: [Text] = []
      texts.reserveCapacity(max(0, hi - lo))
      for d in lo..<max(lo, hi) {
        texts.append((articles[d].title, articles[d].body))
        articles[d].body = ""
      }
      return texts
    }

    /// `assemble(_:articles:)` joins the segments, in order, into the index and the body store.
    func assemble(_ parts: [Part], articles n: Int) -> (FullTextIndex, BodyStore) {
      var titleLength: [UInt32] = []
      titleLength.reserveCapacity(n)
      var starts: [UInt32] = []
      starts.reserveCapacity(n)
      for p in parts {
        titleLength.append(contentsOf: p.1)
        starts.append(contentsOf: p.3)
      }
      let index = FullTextIndex(lexicon: lexicon, segments: parts.map(\.0), titleLength: titleLength, universe: n)
      let bodies = BodyStore(
        pieces: pieces.freeze(), segments: parts.map(\.2), starts: starts, segmentSize: FullTextIndex.segmentSize)
      return (index, bodies)
    }
  }

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
    let workers = min(
      segments.count,
      workers ?? Parallel.workers(for: estimatedWork(terms), unit: FullTextIndex.parallelWork, items: segments.count))
    if workers <= 1 {
      for seg in segments { search(seg, terms: terms, scope: scope, within: within, into: &result) }
      return result
    }
    let parts = Parallel.map(workers) { w in
      var part = DocSet(universe: universe)
      for s in (segments.count * w / workers)..<(segments.count * (w + 1) / workers) {
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

  /// `estimatedWork(_:)` is the number of documents the phrase's rarest term drives through.
  func estimatedWork(_ terms: [QueryTerm]) -> Int {
    var total = 0
    for seg in segments {
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
          count: seg.termDocs[slot], phraseOffset: k, variant: t.variant ?? Self.anyVariant))
    }
    cursors.sort { $0.count < $1.count }
    return cursors
  }

  /// `search(_:terms:scope:within:into:)` adds the segment's articles holding the phrase to
  /// `result`. A bare syllable's documents are read off its postings in order. A phrase of
  /// several takes its candidates from the `PairFilter`, 64 articles at a time; each term is
  /// looked up in each candidate (the rarest first, which rules most out), and where all are
  /// present the positions are compared.
  func search(_ seg: Segment, terms: [QueryTerm], scope: TextScope, within: DocSet?, into result: inout DocSet) {
    guard var cursors = cursors(seg, terms: terms) else { return }
    if cursors.count == 1 {
      searchTerm(seg, cursors[0], scope: scope, within: within, into: &result)
      return
    }
    var rows: [Int] = []
    for k in 1..<terms.count {
      let row = PairFilter.row(terms[k - 1].bare, terms[k].bare)
      if !rows.contains(row) { rows.append(row) }
    }
    let length = terms.count
    var streams = [PositionStream](repeating: PositionStream(), count: cursors.count)
    seg.withStreams { postings in
      seg.pairRows.withUnsafeBufferPointer { pairRows in
        cursors.withUnsafeMutableBufferPointer { cur in
          streams.withUnsafeMutableBufferPointer { st in
            for k in 0..<cur.count {
              st[k] = PositionStream(offset: cur[k].phraseOffset, variant: cur[k].variant)
            }
            blocks: for b in 0..<pairRows.count / PairFilter.rows {
              let base = b * PairFilter.rows
              var mask = ~UInt64(0)
              for row in rows { mask &= pairRows[base + row] }
              if let within { mask &= within.word(containing: seg.firstDoc + b * PairFilter.blockSize) }
              candidates: while mask != 0 {
                let target = b * PairFilter.blockSize + mask.trailingZeroBitCount
                mask &= mask - 1
                for k in 0..<cur.count {
                  switch Self.find(&cur[k], target, postings) {
                  case .found: continue
                  case .absent: continue candidates
                  case .exhausted: break blocks
                  }
                }
                for k in 0..<cur.count {
                  st[k].ptr = cur[k].posPtr
                  st[k].end = cur[k].posPtr + cur[k].posLen
                  st[k].pos = Int.min
                }
                let global = seg.firstDoc + target
                let title = Int(titleLength[global])
                guard Self.phraseOccurs(st, postings.poss, length: length, title: title, scope: scope) else { continue }
                result.insert(global)
              }
            }
          }
        }
      }
    }
  }

  /// `searchTerm(_:_:scope:within:into:)` adds the segment's articles holding one syllable (in
  /// `scope`, in the one form a toned query allows) to `result`, reading its postings in order.
  func searchTerm(_ seg: Segment, _ cursor: Cursor, scope: TextScope, within: DocSet?, into result: inout DocSet) {
    var c = cursor
    let needsPositions = scope != .titleOrBody || c.variant != Self.anyVariant
    var stream = PositionStream(offset: 0, variant: c.variant)
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
    var pos = Int.min

    /// Moves to the next position holding the wanted variant; false at the end.
    @inline(__always)
    mutating func next(_ p: UnsafePointer<UInt8>) -> Bool {
      if variant == FullTextIndex.anyVariant {
        // Any form will do: the next position is the one.
        guard ptr < end else { return false }
        let code = VarInt.read(p, &ptr, end)
        if code & 1 != 0, ptr < end { _ = VarInt.read(p, &ptr, end) }
        pos = (pos == Int.min ? 0 : pos) + Int(code >> 1)
        return true
      }
      while ptr < end {
        let code = VarInt.read(p, &ptr, end)
        let v = code & 1 == 0 ? 0 : VarInt.read(p, &ptr, end)
        // The first delta is from position 0.
        pos = (pos == Int.min ? 0 : pos) + Int(code >> 1)
        if variant != FullTextIndex.anyVariant, variant != v { continue }
        return true
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
    var candidate = -length - 1
    while true {
      var aligned = true
      for k in 0..<streams.count {
        let want = candidate + streams[k].offset
        while streams[k].pos < want {
          if !streams[k].next(poss) { return false }
        }
        if streams[k].pos > want {
          candidate = streams[k].pos - streams[k].offset
          aligned = false
          break
        }
      }
      if aligned {
        switch scope {
        case .titleOrBody: return true
        case .title:
          if candidate + length - 1 < title { return true }
          return false  // later starts are further from the title
        case .body:
          if candidate > title { return true }
        }
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

/// `BodyStore` keeps every article body as a sequence of piece numbers (see `PieceTable`),
/// about a third of the text's size, and decodes one on demand.
public struct BodyStore: Sendable {
  let pieces: PieceTable
  let segments: [[UInt8]]
  let starts: [UInt32]
  let segmentSize: Int

  /// The bytes held by encoded bodies and the piece table.
  public var byteCount: Int { segments.reduce(0) { $0 + $1.count } + pieces.arena.count + pieces.offsets.count * 4 }

  /// `body(of:)` decodes the body of the article with this ordinal.
  public func body(of ordinal: Int) -> String {
    guard ordinal >= 0, ordinal < starts.count else { return "" }
    let segment = segments[ordinal / segmentSize]
    let start = Int(starts[ordinal])
    let next = ordinal + 1
    let end = next < starts.count && next / segmentSize == ordinal / segmentSize ? Int(starts[next]) : segment.count
    return pieces.decode(segment[start..<end])
  }
}
