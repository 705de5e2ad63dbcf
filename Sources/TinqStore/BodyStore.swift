import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

/// `BodyStore` keeps every article body as a sequence of piece numbers (see `PieceTable`),
/// about a third of the text's size, and decodes one on demand.
public struct BodyStore: Sendable {
  let pieces: PieceTable
  let segments: [[UInt8]]
  let starts: [UInt32]
  let segmentSize: Int
  /// Where every `PieceMarks.every`th piece of each body starts, found on first use and kept.
  let marksCache = PieceMarksCache()

  /// The bytes held by encoded bodies and the piece table.
  public var byteCount: Int { segments.reduce(0) { $0 + $1.count } + pieces.arena.count + pieces.offsets.count * 4 }

  /// `body(of:)` decodes the body of the article with this ordinal.
  public func body(of ordinal: Int) -> String { bodyPrefix(of: ordinal, bytes: .max).text }

  /// `encoded(of:)` is a body as stored: its piece numbers. A piece has one number in the whole
  /// store, so two bodies are equal exactly when their encodings are: counting by body compares
  /// these, a third of the text's size and nothing decoded.
  public func encoded(of ordinal: Int) -> ArraySlice<UInt8> {
    guard ordinal >= 0, ordinal < starts.count else { return [] }
    let segment = segments[ordinal / segmentSize]
    let start = Int(starts[ordinal])
    let next = ordinal + 1
    let end = next < starts.count && next / segmentSize == ordinal / segmentSize ? Int(starts[next]) : segment.count
    return segment[start..<end]
  }

  /// `bodyPrefix(of:bytes:)` decodes the beginning of a body, `bytes` bytes or a little more (it
  /// stops between syllables), and tells whether that is the whole body: ordering by body reads
  /// a few hundred bytes of each, not all of it.
  public func bodyPrefix(of ordinal: Int, bytes: Int) -> (text: String, isWhole: Bool) {
    pieces.decode(encoded(of: ordinal), maxBytes: bytes)
  }
}

/// `PieceMarks` is where every `every`th piece of each body starts, so that reading a body from
/// its middle steps over at most `every` pieces instead of all those before.
struct PieceMarks: Sendable {
  static let every = 64
  /// Per article: where its marks start in `offsets`; one more at the end.
  let first: [UInt32]
  /// Per article, for pieces `every`, `2 * every`, ...: the piece's first byte in the segment.
  let offsets: [UInt32]

  /// The byte where piece `k * every` of the body of `ordinal` starts, for the greatest `k`
  /// (at least 1) with `k * every <= piece`, and that piece's number; nil when there is none.
  @inline(__always)
  func mark(of ordinal: Int, atOrBefore piece: Int) -> (byte: Int, piece: Int)? {
    let k = piece / Self.every
    guard k >= 1, ordinal >= 0, ordinal + 1 < first.count else { return nil }
    let lo = Int(first[ordinal])
    let count = Int(first[ordinal + 1]) - lo
    guard count > 0 else { return nil }
    let m = min(k, count)
    return (Int(offsets[lo + m - 1]), m * Self.every)
  }
}

/// `PieceMarksCache` holds a store's `PieceMarks` once found.
final class PieceMarksCache: Sendable {
  let value = Mutex<PieceMarks?>(nil)
}

extension BodyStore {
  /// `marks()` is where every `PieceMarks.every`th piece of each body starts: every body is
  /// stepped through once, on first use, on every core, and the marks kept for the store's life.
  func marks() -> PieceMarks {
    if let known = marksCache.value.withLock({ $0 }) { return known }
    let segmentCount = segments.count
    let workers = Parallel.workers(for: segmentCount, unit: 1, items: segmentCount)
    let parts = Parallel.map(workers) { w -> (counts: [UInt32], offsets: [UInt32]) in
      var counts: [UInt32] = []
      var offsets: [UInt32] = []
      for s in (segmentCount * w / workers)..<(segmentCount * (w + 1) / workers) {
        let lo = s * segmentSize
        let hi = min(starts.count, lo + segmentSize)
        guard lo < hi else { continue }
        let segment = segments[s]
        for ordinal in lo..<hi {
          let start = Int(starts[ordinal])
          let end = ordinal + 1 < hi ? Int(starts[ordinal + 1]) : segment.count
          // Stepped over as a cursor steps, 32 bytes at a time where it can.
          var cursor = PieceCursor(bytes: segment, start: start, end: min(end, segment.count))
          var marks: UInt32 = 0
          var target = PieceMarks.every
          while true {
            cursor.skip(to: target)
            guard cursor.index == target, let byte = cursor.byte else { break }
            offsets.append(UInt32(truncatingIfNeeded: byte))
            marks += 1
            target += PieceMarks.every
          }
          counts.append(marks)
        }
      }
      return (counts, offsets)
    }
    var first: [UInt32] = [0]
    first.reserveCapacity(starts.count + 1)
    var offsets: [UInt32] = []
    for part in parts {
      let base = UInt32(truncatingIfNeeded: offsets.count)
      var running: UInt32 = 0
      for c in part.counts {
        running += c
        first.append(base + running)
      }
      offsets += part.offsets
    }
    let marks = PieceMarks(first: first, offsets: offsets)
    marksCache.value.withLock { if $0 == nil { $0 = marks } }
    return marks
  }
}
