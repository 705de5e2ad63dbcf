import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

/// `BodyStore` keeps every article body as a sequence of piece numbers (see `PieceTable`),
/// about a third of the text's size, and decodes one on demand.
public struct BodyStore: Sendable {
  let pieces: PieceTable
  let segments: [Column<UInt8>]
  let starts: [UInt32]
  let segmentSize: Int
  /// Where every `BodyMarks.stride`-th piece of each body starts: made when a store is built and
  /// kept in its snapshot; nil for a snapshot written without them (bodies are then stepped
  /// through from their start).
  var marks: BodyMarks? = nil

  /// The bytes held by encoded bodies and the piece table.
  public var byteCount: Int { segments.reduce(0) { $0 + $1.count } + pieces.arena.count + pieces.offsets.count * 4 }

  /// `body(of:)` decodes the body of the article with this ordinal.
  public func body(of ordinal: Int) -> String { bodyPrefix(of: ordinal, bytes: .max).text }

  /// `encoded(of:)` is a body as stored: its piece numbers. A piece has one number in the whole
  /// store, so two bodies are equal exactly when their encodings are: counting by body compares
  /// these, a third of the text's size and nothing decoded.
  public func encoded(of ordinal: Int) -> Column<UInt8> {
    guard ordinal >= 0, ordinal < starts.count else { return Column() }
    let segment = segments[ordinal / segmentSize]
    let start = Int(starts[ordinal])
    let next = ordinal + 1
    let end = next < starts.count && next / segmentSize == ordinal / segmentSize ? Int(starts[next]) : segment.endIndex
    return segment[start..<end]
  }

  /// `prefetch(_:piece:stage:)` starts loading, without waiting for it, what reading piece
  /// `piece` of body `ordinal` needs, one step of the chain at a time: stage 0 the body's start and
  /// its marks' place, stage 1 its mark before the piece, stage 2 the bytes there and the shape of
  /// the body's first piece. A reader going through many bodies asks for each stage a few bodies
  /// ahead of the next, so that each finds in the cache what the one before brought in.
  func prefetch(_ ordinal: Int, piece: Int, stage: Int) {
    guard ordinal >= 0, ordinal < starts.count else { return }
    let start = Int(starts[ordinal])
    let segment = segments[ordinal / segmentSize]
    guard start < segment.count else { return }
    let mark = piece / BodyMarks.stride
    switch stage {
    case 0:
      segment.withUnsafeBufferPointer { p in if let b = p.baseAddress { tinq_prefetch(b + start) } }
      marks?.first.withUnsafeBufferPointer { p in if let b = p.baseAddress, ordinal < p.count { tinq_prefetch(b + ordinal) } }
    case 1:
      guard mark > 0, let marks, ordinal + 1 < marks.first.count else { return }
      let at = Int(marks.first[ordinal]) + mark - 1
      guard at < Int(marks.first[ordinal + 1]) else { return }
      marks.offsets.withUnsafeBufferPointer { p in if let b = p.baseAddress, at < p.count { tinq_prefetch(b + at) } }
    default:
      let first = segment[start]
      if first < 0x80, Int(first) < pieces.shapes.count {
        pieces.shapes.withUnsafeBufferPointer { p in if let b = p.baseAddress { tinq_prefetch(b + Int(first)) } }
      }
      let marked = marks?.of(ordinal)
      guard mark > 0, let marked, mark <= marked.count else { return }
      let at = start + Int(marked[marked.startIndex + mark - 1])
      guard at < segment.count else { return }
      segment.withUnsafeBufferPointer { p in
        if let b = p.baseAddress {
          tinq_prefetch(b + at)
          tinq_prefetch(b + min(at + 64, p.count - 1))
        }
      }
    }
  }

  /// `bodyPrefix(of:bytes:)` decodes the beginning of a body, `bytes` bytes or a little more (it
  /// stops between syllables), and tells whether that is the whole body: ordering by body reads
  /// a few hundred bytes of each, not all of it.
  public func bodyPrefix(of ordinal: Int, bytes: Int) -> (text: String, isWhole: Bool) {
    pieces.decode(encoded(of: ordinal), maxBytes: bytes)
  }
}

/// `BodyMarks` says where every `stride`-th piece of each body starts, so that reading a body from
/// its middle (a concordance line's context) jumps close to it instead of stepping over every
/// piece before.
struct BodyMarks: Sendable {
  /// Pieces from one mark to the next.
  static let stride = 64
  /// Per article, and one past the last: where its marks start in `offsets`.
  let first: Column<UInt32>
  /// Per article, the byte offset from its body's start of its pieces `stride`, `2 * stride`, ...
  /// (those it has).
  let offsets: Column<UInt32>
  /// Per article, 1 when its body opens with a separator alone (syllable `s` is then piece
  /// `s + 1`), else 0: a reader entering the body at a mark need not read its start.
  let leads: Column<UInt8>

  init(first: Column<UInt32>, offsets: Column<UInt32>, leads: Column<UInt8>) {
    self.first = first
    self.offsets = offsets
    self.leads = leads
  }

  /// `init(_:)` finds the marks of every body, many articles on every core.
  init(_ bodies: BodyStore) {
    let n = bodies.starts.count
    let workers = Parallel.workers(for: n, unit: 4096, items: n)
    let parts = Parallel.map(workers) { w -> (counts: [UInt32], offsets: [UInt32], leads: [UInt8]) in
      var counts: [UInt32] = []
      var offsets: [UInt32] = []
      var leads: [UInt8] = []
      for a in (n * w / workers)..<(n * (w + 1) / workers) {
        let before = offsets.count
        var cursor = bodies.cursor(of: a)
        leads.append(cursor.next().map { bodies.pieces.wordLength($0) == 0 } == true ? 1 : 0)
        bodies.encoded(of: a).withUnsafeBufferPointer { p in
          var pieces = 0
          for (k, byte) in p.enumerated() where byte < 0x80 {
            // A varint ends here: the next piece starts after it.
            pieces += 1
            if pieces % Self.stride == 0, k + 1 < p.count { offsets.append(UInt32(k + 1)) }
          }
        }
        counts.append(UInt32(offsets.count - before))
      }
      return (counts, offsets, leads)
    }
    var first: [UInt32] = [0]
    first.reserveCapacity(n + 1)
    var offsets: [UInt32] = []
    offsets.reserveCapacity(parts.reduce(0) { $0 + $1.offsets.count })
    var leads: [UInt8] = []
    leads.reserveCapacity(n)
    for part in parts {
      for c in part.counts { first.append((first.last ?? 0) + c) }
      offsets += part.offsets
      leads += part.leads
    }
    self.first = Column(first)
    self.offsets = Column(offsets)
    self.leads = Column(leads)
  }

  /// The marks of article `ordinal` (none for an unknown one).
  func of(_ ordinal: Int) -> Column<UInt32> {
    guard ordinal >= 0, ordinal + 1 < first.count else { return Column() }
    let lo = Int(first[ordinal])
    let hi = Int(first[ordinal + 1])
    guard lo <= hi, hi <= offsets.count else { return Column() }
    return offsets[lo..<hi]
  }
}
