import TinqFacts
import TinqSupport
import TinqText

/// `PairFilter` is a bit-sliced signature of the adjacent syllable pairs of every article, which
/// narrows a phrase search to the articles that can hold it before any position is read.
///
/// A phrase's syllables are often each in most articles while the phrase is in few (`phối hợp
/// giữa hai lực lượng được Đảng`: every syllable in 90% of articles, the phrase in 10%); its
/// pairs are what set it apart (`lượng được` is in 10%). Each pair of bare syllables that stand
/// next to each other in an article hashes to one of `rows` rows, and the article's bit is set
/// in that row. Articles come in blocks of 64, one word per row per block, so the articles of a
/// block that may hold every pair of a phrase are the `and` of one word per pair: a phrase of
/// eight syllables reads seven words per 64 articles.
///
/// A set bit may come from another pair of the same row (about one row in seven for an article
/// of a thousand syllables), so the filter only rules articles out; positions decide.
enum PairFilter {
  /// log2 of the rows per block.
  static let rowBits = 12
  static let rows = 1 << rowBits
  /// Articles per block: one bit of a row word each.
  static let blockSize = 64

  /// `row(_:_:)` is the row of the pair of bare ids `a` then `b`.
  @inline(__always)
  static func row(_ a: UInt32, _ b: UInt32) -> Int {
    let key = UInt64(a) << 32 | UInt64(b)
    return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - rowBits))
  }

  /// The number of words the blocks of `docCount` articles take.
  static func words(forDocs docCount: Int) -> Int {
    (docCount + blockSize - 1) / blockSize * rows
  }
}
