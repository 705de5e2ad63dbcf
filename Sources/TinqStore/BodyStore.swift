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

  /// `bodyPrefix(of:bytes:)` decodes the beginning of a body, `bytes` bytes or a little more (it
  /// stops between syllables), and tells whether that is the whole body: ordering by body reads
  /// a few hundred bytes of each, not all of it.
  public func bodyPrefix(of ordinal: Int, bytes: Int) -> (text: String, isWhole: Bool) {
    pieces.decode(encoded(of: ordinal), maxBytes: bytes)
  }
}
