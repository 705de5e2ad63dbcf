import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

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
  /// Per article: the number of syllables of its title and body.
  let documentLength: [UInt32]
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
}
