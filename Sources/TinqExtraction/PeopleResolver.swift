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
    // Foreign surnames: the last word of names a foreign first word opens (`David Moyes`), by the
    // number of articles that name them so; and every word of an organisation's name (`Ford`).
    var surnameArticles: [String: Int] = [:]
    var orgWords: Set<Substring> = []
    let vietnameseFamilyNames = Set(People.surnameNames.map { Substring($0) })
    for article in articles {
      var surnames: Set<Substring> = []
      for p in article.people where p.name.utf8.contains(0x20) {
        known.insert(UTF8Key(p.name))
        let parts = p.name.split(separator: " ")
        if let first = parts.first, let last = parts.last, parts.count >= 2,
          !vietnameseFamilyNames.contains(first)
        {
          surnames.insert(last)
        }
      }
      for s in surnames { surnameArticles[String(s), default: 0] += 1 }
      for o in article.organizations {
        for part in o.name.split(separator: " ") { orgWords.insert(part) }
        if let a = o.abbreviation { for part in a.split(separator: " ") { orgWords.insert(part) } }
      }
    }
    for index in articles.indices where !articles[index].nameCandidates.isEmpty {
      var article = articles[index]
      var have = Set(article.people.map { UTF8Key($0.name) })
      let lastWords = Set(article.people.compactMap { $0.name.split(separator: " ").last.map(String.init) })
      for c in article.nameCandidates {
        if c.provenance.rule == "surname" {
          // Known as the surname of a foreigner in two articles or more, never part of a body's
          // name, and not the short form of a person this article names in full.
          guard surnameArticles[c.name, default: 0] >= 2, !orgWords.contains(Substring(c.name)),
            !lastWords.contains(c.name), have.insert(UTF8Key(c.name)).inserted
          else { continue }
          var p = c
          p.provenance.rule = "surname (known in corpus)"
          article.people.append(p)
        } else if known.contains(UTF8Key(c.name)) && have.insert(UTF8Key(c.name)).inserted {
          var p = c
          p.provenance.rule = "name (known in corpus)"
          article.people.append(p)
        }
      }
      article.nameCandidates = []
      articles[index] = article
    }
  }
}
