import TinqFacts
import TinqStore
import TinqSyntax

/// `Table` is a collection seen as rows of typed values, the form the row-by-row parts of the
/// evaluator, ordering and `select` work on. Articles are read straight from the store; the derived
/// collections (`citations`, `people`, `organizations`) are built from its entity lists.
struct Table {
  let collection: CollectionKind
  let count: Int
  let value: (String, Int) -> Value
  /// For the articles collection, the article of a row without its body (article predicates need
  /// more than fields).
  var article: ((Int) -> Article)? = nil

  static func of(_ collection: CollectionKind, in store: ArticleStore) -> Table {
    switch collection {
    case .articles:
      return Table(
        collection: collection, count: store.count,
        value: { field, i in
          field == "body" ? .text(store.body(of: i)) : ArticleFields.value(field, of: store.metadata[i])
        },
        article: { store.metadata[$0] })
    case .citations:
      let docs = store.documents
      return Table(collection: collection, count: docs.count) { field, i in
        let d = docs[i]
        switch field {
        case "number": return .text(d.citation.number)
        case "type": return d.citation.type.map(Value.text) ?? .null
        case "issuer": return d.citation.issuer.map(Value.text) ?? .null
        case "year": return d.citation.year.map(Value.integer) ?? .null
        case "partial": return .integer(d.citation.isPartial ? 1 : 0)
        case "articles": return .integer(d.articles.count)
        default: return .null
        }
      }
    case .people:
      let people = store.people
      return Table(collection: collection, count: people.count) { field, i in
        let p = people[i]
        switch field {
        case "name": return .text(p.name)
        case "ranks": return .list(p.ranks.map(Value.text))
        case "positions": return .list(p.positions.map(Value.text))
        case "articles": return .integer(p.articles.count)
        default: return .null
        }
      }
    case .organizations:
      let orgs = store.organizations
      return Table(collection: collection, count: orgs.count) { field, i in
        let o = orgs[i]
        switch field {
        case "name": return .text(o.name)
        case "abbreviation": return o.abbreviation.map(Value.text) ?? .null
        case "articles": return .integer(o.articles.count)
        default: return .null
        }
      }
    }
  }
}

/// `ArticleFields` reads an article's fields as typed values.
public enum ArticleFields {
  /// `value(_:of:)` returns the named field of an article (`.null` when unknown).
  public static func value(_ field: String, of a: Article) -> Value {
    switch field {
    case "id": return .text(a.id)
    case "title": return a.title.map(Value.text) ?? .null
    case "date": return a.date.map(Value.date) ?? .null
    case "year": return a.year.map(Value.integer) ?? .null
    case "source": return a.source.map(Value.text) ?? .null
    case "author": return a.author.map(Value.text) ?? .null
    case "url": return a.url.map(Value.text) ?? .null
    case "body": return .text(a.body)
    case "citations": return .list(a.citations.map { .text($0.number) })
    case "people":
      return .list(
        a.people.map {
          .object(
            keys: ["name", "rank", "positions"],
            values: [.text($0.name), $0.rank.map(Value.text) ?? .null, .list($0.positions.map(Value.text))])
        })
    case "organizations": return .list(a.organizations.map { .text($0.name) })
    default: return .null
    }
  }

  /// The columns of an article row when no `select` is given.
  public static let defaultColumns = [
    "id", "title", "date", "year", "source", "author", "citations", "people", "organizations",
  ]
}

/// The columns each collection shows when no `select` is given.
func defaultColumns(_ c: CollectionKind) -> [String] {
  c == .articles ? ArticleFields.defaultColumns : Schema.fields(of: c).map(\.name)
}
