import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

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
    /// The bits of every variant written, so that `recode` knows how many bits they need.
    var variants: UInt32 = 0
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
        if flag != 0 {
          slot.pointee.pos.append(t.variant)
          slot.pointee.variants |= t.variant
        }
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
    let bits = (0..<slotCount).map { recode($0) }
    // Built as arrays, then copied once into the segment's columns.
    var terms: [UInt32] = []
    var docStart: [UInt32] = []
    var posStart: [UInt32] = []
    var termDocs: [UInt32] = []
    var denseStart: [UInt32] = []
    var variantBits: [UInt8] = []
    var docStream: [UInt8] = []
    var posStream: [UInt8] = []
    var dense: [UInt16] = []
    let order = (0..<slotCount).sorted { slots[$0].term < slots[$1].term }
    var docBytes = 1
    var posBytes = 1
    var denseTerms = 0
    for s in 0..<slotCount {
      if isDense(s) { denseTerms += 1 } else { docBytes += slots[s].doc.count }
      posBytes += slots[s].pos.count
    }
    terms.reserveCapacity(order.count)
    docStart.reserveCapacity(order.count + 1)
    posStart.reserveCapacity(order.count + 1)
    termDocs.reserveCapacity(order.count)
    denseStart.reserveCapacity(order.count)
    variantBits.reserveCapacity(order.count)
    docStream.reserveCapacity(docBytes)
    posStream.reserveCapacity(posBytes)
    dense.reserveCapacity(denseTerms * (docCount + 1) + 1)
    for s in order {
      terms.append(slots[s].term)
      docStart.append(UInt32(docStream.count))
      posStart.append(UInt32(posStream.count))
      termDocs.append(slots[s].docs)
      variantBits.append(bits[s])
      if isDense(s) {
        denseStart.append(UInt32(dense.count))
        appendOffsets(of: slots[s].doc.bytes, to: &dense)
      } else {
        denseStart.append(Segment.sparse)
        docStream.append(contentsOf: slots[s].doc.bytes)
      }
      posStream.append(contentsOf: slots[s].pos.bytes)
    }
    docStart.append(UInt32(docStream.count))
    posStart.append(UInt32(posStream.count))
    seg.pairRows = Column(copying: UnsafeBufferPointer(start: pairRows, count: PairFilter.words(forDocs: docCount)))
    // One element past the end of each stream, so that none is empty.
    docStream.append(0)
    posStream.append(0)
    dense.append(0)
    seg.terms = Column(terms)
    seg.docStart = Column(docStart)
    seg.posStart = Column(posStart)
    seg.termDocs = Column(termDocs)
    seg.denseStart = Column(denseStart)
    seg.variantBits = Column(variantBits)
    seg.docStream = Column(docStream)
    seg.posStream = Column(posStream)
    seg.dense = Column(dense)
    return seg
  }

  /// `recode(_:)` rewrites slot `s`'s positions from the form `add(tokens:)` writes (a varint of
  /// the gap and a flag bit, then the variant when the flag is set) into their stored form: one
  /// `PositionCode` of the gap shifted past as many bits as the slot's highest variant needs,
  /// the variant in them. It rewrites the byte lengths in the slot's doc entries to match, and
  /// returns the number of bits.
  private func recode(_ s: Int) -> UInt8 {
    let slot = slots + s
    let old = slot.pointee.pos.bytes
    let entries = slot.pointee.doc.bytes
    guard let p = old.baseAddress, let d = entries.baseAddress else { return 0 }
    let bits = UInt64(32 - slot.pointee.variants.leadingZeroBitCount)
    var pos = ByteRun()
    var doc = ByteRun()
    // Room for every code to take two bytes more than before, so the run rarely grows.
    pos.reserve(old.count + old.count / 8 + 16)
    doc.reserve(entries.count + 16)
    var i = 0
    var e = 0
    while e < entries.count {
      let (gap, length) = VarInt.readEntry(d, &e, entries.count)
      let end = min(i + length, old.count)
      let start = pos.count
      while i < end {
        let code = VarInt.read(p, &i, end)
        let variant = code & 1 != 0 && i < end ? VarInt.read(p, &i, end) : 0
        let value = UInt64(code &>> 1) &<< bits | UInt64(variant)
        if value < PositionCode.oneByte, pos.count < pos.capacity {
          pos.appendByte(UInt8(truncatingIfNeeded: value))
        } else {
          PositionCode.append(value, to: &pos)
        }
      }
      doc.append(UInt32(gap))
      doc.append(UInt32(pos.count - start))
    }
    slot.pointee.pos.free()
    slot.pointee.doc.free()
    slot.pointee.pos = pos
    slot.pointee.doc = doc
    return UInt8(bits)
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
