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

/// `RelevanceBasis` is what BM25 weighs phrases by when the articles at hand are not the whole
/// corpus (the articles a PostgreSQL backend read for a statement): the corpus's number of
/// articles, their syllables, and for each phrase the articles holding it.
public struct RelevanceBasis: Sendable, Equatable {
  public var articles: Int
  public var syllables: Int
  /// Per phrase, in the order the phrases are scored in: the articles of the corpus holding it.
  public var documents: [Int]

  public init(articles: Int, syllables: Int, documents: [Int]) {
    self.articles = articles
    self.syllables = syllables
    self.documents = documents
  }

  /// The mean number of syllables of an article, as `FullTextIndex.averageDocumentSyllables`
  /// computes it over the whole corpus.
  public var averageDocumentSyllables: Double { articles == 0 ? 0 : Double(syllables) / Double(articles) }
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
  /// With a `basis`, the corpus's figures are its, not this index's.
  public func relevance(of phrases: [(Phrase, TextScope)], in articles: DocSet, basis: RelevanceBasis? = nil) -> [Int: Double] {
    var scores: [Int: Double] = [:]
    for (article, score) in relevanceScores(of: phrases, in: articles, basis: basis) { scores[article] = score }
    return scores
  }

  /// `relevanceScores(of:in:)` is `relevance(of:in:)` as (article, score) pairs in article order:
  /// what ranking sorts.
  public func relevanceScores(
    of phrases: [(Phrase, TextScope)], in articles: DocSet, basis: RelevanceBasis? = nil
  ) -> [(article: Int, score: Double)] {
    var scores = [Double](repeating: 0, count: universe)
    var touched = DocSet(universe: universe)
    let average = basis?.averageDocumentSyllables ?? averageDocumentSyllables
    for (k, (phrase, scope)) in phrases.enumerated() {
      let n = basis.map { k < $0.documents.count ? $0.documents[k] : 0 } ?? documents(containing: phrase, scope: scope).count
      guard n > 0 else { continue }
      let idf = BM25.idf(documents: basis?.articles ?? universe, containing: n)
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
