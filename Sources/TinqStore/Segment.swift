import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

/// `Segment` is the positional index of a contiguous run of articles (built by one worker).
///
/// For each term present (sorted by bare id): its documents (varints) and a position stream of
/// `PositionCode`s, each a position's gap with its variant in the low bits. A term in most of
/// the segment's articles is *dense*: for each article, where its positions start (and so how
/// many bytes they take, none when it is absent), so a search finds an article's positions with
/// two loads. Any other term has a doc stream of (doc delta, byte length of its positions)
/// pairs, read in order.
struct Segment: Sendable {
  var firstDoc: Int
  var docCount: Int
  var terms = Column<UInt32>()  // sorted bare ids
  var docStart = Column<UInt32>()  // per term: offset into docStream; one extra at the end
  var posStart = Column<UInt32>()  // per term: offset into posStream
  var termDocs = Column<UInt32>()  // per term: number of documents
  /// Per term: where its `dense` offsets start, or `Segment.sparse`.
  var denseStart = Column<UInt32>()
  /// Per term: how many low bits of each of its position codes hold the variant (enough for the
  /// highest variant of it in the segment; 0 when all are the first-seen form).
  var variantBits = Column<UInt8>()
  var docStream = Column<UInt8>()
  var posStream = Column<UInt8>()
  /// Dense terms' offsets: per article and one past the last, where its positions start,
  /// relative to the term's `posStart`.
  var dense = Column<UInt16>()
  /// The `PairFilter` rows of the segment's blocks of articles, block after block.
  var pairRows = Column<UInt64>()

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
