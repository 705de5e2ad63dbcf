import TinqFacts
import TinqSupport
import TinqText

/// `CorpusEvidence` is what a corpus, taken whole, settles that one article cannot: short
/// citations that name one document (`CitationResolver`) and bare names that another article
/// names with a rank, title or role (`PeopleResolver`). Every way a corpus is built runs it once.
public enum CorpusEvidence {
  /// `resolve(_:)` applies both to the articles of one corpus.
  public static func resolve(_ articles: inout [Article]) {
    CitationResolver.resolve(&articles)
    PeopleResolver.resolve(&articles)
  }
}
