// Synthetic near-copies: an article republished under another outlet, edited, truncated or
// re-headlined, with the truth of which article each copy copies, for measuring the story
// clustering (issue #14 §4). Like the articles, each copy is a pure function of the seed and the
// original's index.

import TinqSupport

/// `CopyKind` is one way a copy differs from its original.
enum CopyKind: String, Sendable, CaseIterable {
  /// The same text under another outlet.
  case republished
  /// About one word in fifty replaced or dropped, and one paragraph left out.
  case edited
  /// The first half to nine tenths of its lines.
  case truncated
  /// A new first line (the headline) above the same text.
  case reheadlined
}

/// `SyntheticCopy` is one copy with what it copies.
struct SyntheticCopy: Sendable {
  var article: GeneratedArticle
  /// The id of the article copied.
  var original: String
  var kinds: [CopyKind]
}

/// `CopyMaker` makes the near-copies of generated articles.
struct CopyMaker: Sendable {
  let seed: UInt64
  /// The fraction of originals that get copies (one to three each).
  let rate: Double

  static let outlets = ["CT", "BDK", "QĐND", "CAND", "BCA", "PLO", "TTXVN", "VOV"]
  /// Words an editor swaps in.
  static let substitutes = ["cũng", "đã", "vừa", "được", "nhiều", "các", "những", "rất", "đồng thời", "tiếp tục"]
  static let headlines = [
    "Tin mới nhất trong ngày", "Điểm tin buổi sáng", "Thông tin đáng chú ý", "Cập nhật tin tức địa phương",
    "Bản tin thời sự tổng hợp",
  ]

  /// `copies(of:index:)` is the copies of article number `index` (none for most).
  func copies(of original: GeneratedArticle, index: Int) -> [SyntheticCopy] {
    var rng = SplitMix64(seed: seed ^ 0x636F_7069_6573 ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
    guard rng.chance(rate) else { return [] }
    var out: [SyntheticCopy] = []
    for n in 1...rng.between(1, 3) {
      var kinds: [CopyKind] = []
      for kind in CopyKind.allCases where rng.chance(kind == .republished ? 0.8 : 0.4) { kinds.append(kind) }
      if kinds.isEmpty { kinds = [.republished] }
      var text = original.text
      var source = original.source
      for kind in kinds {
        switch kind {
        case .republished:
          source = rng.pick(Self.outlets.filter { $0 != original.source })
        case .edited:
          text = edited(text, &rng)
        case .truncated:
          let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
          let keep = max(2, lines.count * rng.between(50, 90) / 100)
          text = lines.prefix(keep).joined(separator: "\n")
        case .reheadlined:
          var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
          if !lines.isEmpty { lines[0] = rng.pick(Self.headlines) + " \(index % 97 + n)" }
          text = lines.joined(separator: "\n")
        }
      }
      let copy = GeneratedArticle(id: original.id + "-copy\(n)", text: text, url: nil, source: source)
      out.append(SyntheticCopy(article: copy, original: original.id, kinds: kinds))
    }
    return out
  }

  /// `edited(_:_:)` replaces or drops about one word in fifty of the body and leaves out one
  /// paragraph (not the first two lines).
  func edited(_ text: String, _ rng: inout SplitMix64) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.count > 4 { lines.remove(at: rng.between(2, lines.count - 1)) }
    for i in lines.indices where i >= 2 {
      var words = lines[i].split(separator: " ").map(String.init)
      var j = 0
      while j < words.count {
        if rng.chance(0.02) {
          if rng.chance(0.5) { words.remove(at: j) } else { words[j] = rng.pick(Self.substitutes) }
        }
        j += 1
      }
      lines[i] = words.joined(separator: " ")
    }
    return lines.joined(separator: "\n")
  }
}
