#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TinqSupport
import TinqText

/// `BM25` holds the parameters of Okapi BM25 as Tinq ranks articles by it: the usual `k1` and
/// `b`, document length in syllables (title and body), and a match in the title counting as
/// `titleWeight` matches in the body.
public enum BM25 {
  public static let k1 = 1.2
  public static let b = 0.75
  public static let titleWeight = 2.0

  /// `idf(documents:containing:)` is the inverse document frequency of a phrase found in `n` of
  /// `total` articles (the `+ 1` keeps it positive for a phrase in most articles, as Lucene does).
  public static func idf(documents total: Int, containing n: Int) -> Double {
    let t = Double(total)
    let d = Double(n)
    return log((t - d + 0.5) / (d + 0.5) + 1)
  }

  /// `term(frequency:length:average:)` is one phrase's saturated, length-normalised frequency.
  public static func term(frequency tf: Double, length: Double, average: Double) -> Double {
    guard tf > 0 else { return 0 }
    let norm = k1 * (1 - b + b * length / max(average, 1))
    return tf * (k1 + 1) / (tf + norm)
  }
}

extension FullTextIndex {
  /// The number of syllables of an article's title and body.
  public func documentSyllables(of ordinal: Int) -> Int {
    ordinal >= 0 && ordinal < documentLength.count ? Int(documentLength[ordinal]) : 0
  }

  /// The mean number of syllables of an article.
  public var averageDocumentSyllables: Double {
    documentLength.isEmpty ? 0 : Double(documentLength.reduce(0) { $0 + Int($1) }) / Double(documentLength.count)
  }

  /// `relevance(of:in:)` scores each article of `articles` by BM25 over the phrases (each in its
  /// part): for every phrase, its idf over the whole corpus times its saturated frequency in the
  /// article, a title match counting `BM25.titleWeight` times. Articles holding none score 0.
  public func relevance(of phrases: [(Phrase, TextScope)], in articles: DocSet) -> [Int: Double] {
    var scores: [Int: Double] = [:]
    for (article, score) in relevanceScores(of: phrases, in: articles) { scores[article] = score }
    return scores
  }

  /// `relevanceScores(of:in:)` is `relevance(of:in:)` as (article, score) pairs in article order:
  /// what ranking sorts.
  public func relevanceScores(of phrases: [(Phrase, TextScope)], in articles: DocSet) -> [(article: Int, score: Double)] {
    var scores = [Double](repeating: 0, count: universe)
    var touched = DocSet(universe: universe)
    let average = averageDocumentSyllables
    for (phrase, scope) in phrases {
      let n = documents(containing: phrase, scope: scope).count
      guard n > 0 else { continue }
      let idf = BM25.idf(documents: universe, containing: n)
      let found = occurrences(of: phrase, scope: scope, within: articles)
      var i = 0
      // Occurrences come by article: each article's frequency is summed in one run.
      while i < found.count {
        let article = found[i].article
        var f = 0.0
        while i < found.count, found[i].article == article {
          f += found[i].position < Int(titleLength[article]) ? BM25.titleWeight : 1
          i += 1
        }
        scores[article] += idf * BM25.term(frequency: f, length: Double(documentSyllables(of: article)), average: average)
        touched.insert(article)
      }
    }
    return touched.members.map { ($0, scores[$0]) }
  }
}
