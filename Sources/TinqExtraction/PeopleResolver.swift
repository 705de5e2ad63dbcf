import TinqText
import TinqFacts
import TinqSupport

/// `PeopleResolver` uses the corpus as evidence for names that one article alone leaves in doubt:
/// `Phạm Thành` standing bare in one article is a person when another article of the corpus names
/// `Phạm Thành` with a rank, a title, a role or in full. Places never qualify: extraction never
/// names a listed place a person, so no place is in the evidence.
public enum PeopleResolver {
  /// `resolve(_:)` adds to each article the candidate names that the corpus knows as people, and
  /// clears the candidates.
  public static func resolve(_ articles: inout [Article]) {
    var known: Set<UTF8Key> = []
    for article in articles {
      for p in article.people where p.name.utf8.contains(0x20) { known.insert(UTF8Key(p.name)) }
    }
    for index in articles.indices where !articles[index].nameCandidates.isEmpty {
      var article = articles[index]
      var have = Set(article.people.map { UTF8Key($0.name) })
      for c in article.nameCandidates where known.contains(UTF8Key(c.name)) && have.insert(UTF8Key(c.name)).inserted {
        var p = c
        p.provenance.rule = "name (known in corpus)"
        article.people.append(p)
      }
      article.nameCandidates = []
      articles[index] = article
    }
  }
}
