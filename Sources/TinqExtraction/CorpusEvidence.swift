import TinqFacts
import TinqSupport
import TinqText

/// `CorpusEvidence` is what a corpus, taken whole, settles that one article cannot: short
/// citations that name one document (`CitationResolver`) and bare names that another article
/// names with a rank, title or role (`PeopleResolver`). Every way a corpus is built runs it once.
public enum CorpusEvidence {
  /// `resolve(_:)` applies both to the articles of one corpus, and returns what they had before
  /// (the partial citations and the name candidates), by ordinal, so that the pass can be run
  /// again with more articles (`restore(_:from:)`).
  @discardableResult
  package static func resolve(_ articles: inout [Article]) -> AsExtracted {
    var before = AsExtracted()
    for index in articles.indices {
      let partial = articles[index].citations.contains(where: \.isPartial)
      guard partial || !articles[index].nameCandidates.isEmpty else { continue }
      before.entries[index] = AsExtracted.Entry(
        citations: partial ? articles[index].citations : nil, candidates: articles[index].nameCandidates)
    }
    CitationResolver.resolve(&articles)
    PeopleResolver.resolve(&articles)
    return before
  }

  /// `restore(_:from:)` undoes `resolve` on one article, given what it had before (nil when it
  /// had no entry): the people the corpus confirmed leave, and the partial citations and the
  /// name candidates come back.
  package static func restore(_ article: inout Article, from entry: AsExtracted.Entry?) {
    article.people.removeAll { PeopleResolver.confirmedRules.contains($0.provenance.rule) }
    article.nameCandidates = entry?.candidates ?? []
    if let citations = entry?.citations { article.citations = citations }
  }
}
