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

  /// The number of syllables of every article's title and body together.
  public var corpusSyllables: Int { documentLength.reduce(0) { $0 + Int($1) } }

  /// The mean number of syllables of an article.
  public var averageDocumentSyllables: Double {
    documentLength.isEmpty ? 0 : Double(corpusSyllables) / Double(documentLength.count)
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

/// An article and its relevance score.
public typealias ScoredArticle = (article: Int, score: Double)

extension FullTextIndex {
  /// `relevanceRanking(of:in:basis:first:highestFirst:)` is the articles of `articles` ordered
  /// by their `relevanceScores` (highest first, or lowest first), ties in article order, those
  /// the phrases do not score (a `contains` under `or`) scoring 0, cut to the first `first`.
  /// One phrase ranked highest first for fewer rows than there are articles is `topScores`.
  public func relevanceRanking(
    of phrases: [(Phrase, TextScope)], in articles: DocSet, basis: RelevanceBasis? = nil, first: Int = .max,
    highestFirst: Bool = true
  ) -> [ScoredArticle] {
    let before: (ScoredArticle, ScoredArticle) -> Bool = { a, b in
      if a.score != b.score { return highestFirst ? a.score > b.score : a.score < b.score }
      return a.article < b.article
    }
    var ranked: [ScoredArticle]
    // Whether `ranked` holds every article the phrases score.
    let complete: Bool
    if phrases.count == 1, highestFirst, first < articles.count {
      ranked = topScores(of: phrases[0].0, scope: phrases[0].1, in: articles, basis: basis, first: first)
      // Fewer than asked: no article was passed over, so these are all.
      complete = ranked.count < first
    } else {
      ranked = relevanceScores(of: phrases, in: articles, basis: basis)
      complete = true
    }
    if complete, ranked.count < articles.count {
      let scored = DocSet(universe: articles.universe, members: ranked.map(\.article))
      ranked += articles.subtracting(scored).members.map { ($0, 0.0) }
    }
    guard first < ranked.count else { return ranked.sorted(by: before) }
    var heap = BoundedHeap<ScoredArticle>(capacity: first, before: before)
    for r in ranked { heap.offer(r) }
    return heap.sorted()
  }

  /// `topScores(of:scope:in:basis:first:)` is the `first` articles of `articles` that one phrase
  /// scores highest (ties in article order), as `relevanceScores` scores them, or all it scores
  /// when they are fewer. Each core keeps its best in a heap; once that is full, an article whose
  /// score cannot reach the last kept, even were every position of one term a match, is passed
  /// over without matching the phrase.
  func topScores(of phrase: Phrase, scope: TextScope, in articles: DocSet, basis: RelevanceBasis?, first: Int)
    -> [ScoredArticle]
  {
    guard !phrase.isEmpty, first > 0, let terms = resolve(phrase), !segments.isEmpty else { return [] }
    let n = basis.map { $0.documents.first ?? 0 } ?? documents(containing: phrase, scope: scope).count
    guard n > 0 else { return [] }
    let idf = BM25.idf(documents: basis?.articles ?? universe, containing: n)
    let average = basis?.averageDocumentSyllables ?? averageDocumentSyllables
    let length = phrase.bareKeys.count
    let rows = Self.pairRows(terms)
    let workers = min(
      segments.count,
      Parallel.workers(for: estimatedWork(terms), unit: FullTextIndex.parallelWork, items: segments.count))
    let parts = Parallel.map(max(1, workers)) { w -> [ScoredArticle] in
      var heap = BoundedHeap<ScoredArticle>(capacity: first, before: Self.higherScore)
      for s in (segments.count * w / max(1, workers))..<(segments.count * (w + 1) / max(1, workers)) {
        forEachCandidate(segments[s], terms: terms, rows: rows, within: articles) { article, st, poss in
          let title = Int(titleLength[article])
          let syllables = Double(documentSyllables(of: article))
          if let last = heap.lastKept {
            // Each match holds a position of the term with the fewest bytes: a match starting in
            // the title counts `BM25.titleWeight` times, one in the body once. The margin covers
            // rounding.
            var stream = st[0]
            for k in 1..<st.count where st[k].end - st[k].ptr < stream.end - stream.ptr { stream = st[k] }
            var most = 0.0
            while stream.next(poss) { most += stream.pos - stream.offset < title ? BM25.titleWeight : 1 }
            let best = idf * BM25.term(frequency: most, length: syllables, average: average)
            if best * (1 + 1e-9) < last.score { return }
          }
          var f = 0.0
          forEachStart(st, poss, article: article, length: length, scope: scope) { start in
            f += start < title ? BM25.titleWeight : 1
          }
          guard f > 0 else { return }
          heap.offer((article, idf * BM25.term(frequency: f, length: syllables, average: average)))
        }
      }
      return heap.sorted()
    }
    var heap = BoundedHeap<ScoredArticle>(capacity: first, before: Self.higherScore)
    for part in parts { for r in part { heap.offer(r) } }
    return heap.sorted()
  }

  /// The order of a ranking, highest score first, ties in article order.
  static func higherScore(_ a: ScoredArticle, _ b: ScoredArticle) -> Bool {
    a.score != b.score ? a.score > b.score : a.article < b.article
  }
}
