import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

extension FullTextIndex {
  /// `Builder` builds the index and the body store one segment at a time, so the caller can
  /// index segments as articles arrive and schedule them beside other work on the same cores.
  struct Builder: Sendable {
    let lexicon: Lexicon
    let pieces: PieceTable.Builder
    /// The piece caches, kept between segments (one per worker at a time).
    let caches = Reusable { PieceCache() }
    /// Whether `assemble` numbers the pieces again by frequency (`PieceTable.byFrequency`): a new
    /// build does; a build that keeps another store's segments keeps their numbers, and so their
    /// bytes.
    let renumbers: Bool

    /// `init()` starts with an empty lexicon and piece table.
    init() {
      lexicon = Lexicon()
      pieces = PieceTable.Builder()
      renumbers = true
    }

    /// `init(continuing:pieces:)` starts with copies of a built index's lexicon and piece table,
    /// so that segments built before keep their numbers and new ones add to them.
    init(continuing index: FullTextIndex, pieces table: PieceTable) {
      lexicon = Lexicon(state: index.lexicon.state.withLock { $0 })
      pieces = PieceTable.Builder(table)
      renumbers = false
    }

    /// `part(_:index:bodies:)` is segment `s` of a built index and body store, as `segment(_:texts:)`
    /// made it, for a build that keeps it.
    static func part(_ s: Int, index: FullTextIndex, bodies: BodyStore) -> Part {
      let lo = s * FullTextIndex.segmentSize
      let hi = min(index.universe, lo + FullTextIndex.segmentSize)
      return (
        index.segments[s], Array(index.titleLength[lo..<hi]), bodies.segments[s], Array(bodies.starts[lo..<hi]),
        Array(index.documentLength[lo..<hi])
      )
    }

    /// What one segment produces: its postings, title lengths, encoded bodies, body starts and
    /// document lengths.
    typealias Part = (Segment, [UInt32], Column<UInt8>, [UInt32], [UInt32])

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
      var lengths: [UInt32] = []
      lengths.reserveCapacity(texts.count)
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
        lengths.append(UInt32(tokens.count - 1))
        builder.add(tokens: tokens)
      }
      // The bodies of earlier segments were freed once encoded: give their pages back every few
      // segments (each call walks the heap, so every segment would cost seconds on 100,000
      // articles).
      if s % 4 == 3 { Memory.releaseFree() }
      return (builder.finish(), titles, Column(copying: encoded.bytes), starts, lengths)
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
    func assemble(_ parts: inout [Part], articles n: Int) -> (FullTextIndex, BodyStore) {
      let table = renumbers ? pieces.freeze().byFrequency(&parts) : pieces.freeze()
      var titleLength: [UInt32] = []
      titleLength.reserveCapacity(n)
      var starts: [UInt32] = []
      starts.reserveCapacity(n)
      var lengths: [UInt32] = []
      lengths.reserveCapacity(n)
      for p in parts {
        titleLength.append(contentsOf: p.1)
        starts.append(contentsOf: p.3)
        lengths.append(contentsOf: p.4)
      }
      let index = FullTextIndex(
        lexicon: lexicon, segments: parts.map(\.0), titleLength: titleLength, documentLength: lengths, universe: n)
      var bodies = BodyStore(
        pieces: table, segments: parts.map(\.2), starts: starts, segmentSize: FullTextIndex.segmentSize)
      bodies.marks = BodyMarks(bodies)
      return (index, bodies)
    }
  }
}
