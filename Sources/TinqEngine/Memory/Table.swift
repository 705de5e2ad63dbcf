import TinqFacts
import TinqStore
import TinqSyntax

/// `Table` is a collection of the in-memory store seen as rows of typed values, read through the
/// field registry: what the row-by-row parts of the memory backend (scans, ordering, grouping,
/// projection) work on. Articles are read straight from the store; the derived collections
/// (`citations`, `people`, `organizations`) from its entity lists.
struct Table {
  let collection: CollectionKind
  let count: Int
  private let read: (Int, Int) -> Value
  /// For the articles collection, the article of a row without its body (article predicates need
  /// more than fields).
  private(set) var article: ((Int) -> Article)? = nil

  /// `value(_:_:)` reads one field of one row.
  func value(_ field: Field, _ row: Int) -> Value { read(field.slot, row) }

  static func of(_ collection: CollectionKind, in store: ArticleStore) -> Table {
    switch collection {
    case .articles:
      let fields = Registry.articles
      var table = Table(collection: collection, count: store.count) { slot, i in
        fields[slot].read(ArticleRow(store: store, ordinal: i))
      }
      table.article = { store.metadata[$0] }
      return table
    case .citations:
      let fields = Registry.citations
      let docs = store.documents
      return Table(collection: collection, count: docs.count) { fields[$0].read(docs[$1]) }
    case .people:
      let fields = Registry.people
      let people = store.people
      return Table(collection: collection, count: people.count) { fields[$0].read(people[$1]) }
    case .organizations:
      let fields = Registry.organizations
      let orgs = store.organizations
      return Table(collection: collection, count: orgs.count) { fields[$0].read(orgs[$1]) }
    }
  }

  private init(collection: CollectionKind, count: Int, read: @escaping (Int, Int) -> Value) {
    self.collection = collection
    self.count = count
    self.read = read
  }
}
