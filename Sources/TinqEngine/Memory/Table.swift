import TinqFacts
import TinqStore
import TinqSupport
import TinqSyntax
import TinqText

/// `Table` is a collection of the in-memory store seen as rows of typed values, read through the
/// field registry: what the row-by-row parts of the memory backend (scans, ordering, grouping,
/// projection) work on. Articles are read straight from the store; the derived collections
/// (`citations`, `people`, `organizations`) from its entity lists, `stories` from its clusters.
struct Table {
  let collection: CollectionKind
  let count: Int
  private let read: (Int, Int) -> Value
  /// For the articles collection, the article of a row without its body (article predicates need
  /// more than fields).
  private(set) var article: ((Int) -> Article)? = nil

  /// For the articles collection, the store's cache of short sort keys.
  private(set) var sortKeyCache: SortKeyCache? = nil

  /// For the articles collection, the beginning of a row's body, at least this many bytes (or
  /// the whole body), and whether it is the whole.
  private(set) var bodyPrefix: ((_ row: Int, _ bytes: Int) -> (text: String, isWhole: Bool))? = nil

  /// For the articles collection, a row's body as stored (see `BodyStore.encoded(of:)`): equal
  /// bodies have equal encodings.
  private(set) var encodedBody: ((_ row: Int) -> Column<UInt8>)? = nil

  /// `prefix(_:_:scalars:)` is the beginning of a row's text under `field`, at least `scalars`
  /// scalars when the text has them, and whether it is the whole text: the body is decoded only
  /// that far; nil when the value is not a text.
  func prefix(_ field: Field, _ row: Int, scalars: Int) -> (text: String, isWhole: Bool)? {
    if field.textScope == .body, field.derived == nil, let bodyPrefix {
      // A scalar takes four bytes at most.
      return bodyPrefix(row, scalars * 4)
    }
    switch value(field, row) {
    case .text(let s): return (s, true)
    case .list(let items): if case .text(let s)? = items.first { return (s, true) }
    case .object(_, let values): if case .text(let s)? = values.first { return (s, true) }
    default: break
    }
    return nil
  }

  /// `isRanked(_:)` tells whether a field has ranks (see `ranks(_:)`): the short text fields of
  /// articles.
  static func isRanked(_ field: Field) -> Bool {
    field.collection == .articles && field.type == .text && field.textScope != .body
  }

  /// `ranks(_:)` is the rank of every row's value in alphabetical order, for a short text field
  /// of articles (not the body), from the store's cache; nil for other fields.
  func ranks(_ field: Field) -> SortKeyCache.Ranks? {
    guard let cache = sortKeyCache, Self.isRanked(field) else { return nil }
    return cache.ranks(for: field.name, count: count) { row in
      if case .text(let s) = value(field, row) { return s }
      return nil
    }
  }

  /// `position(of:among:field:)` is where a typed text falls among a field's ranked values: the
  /// number of ranks below it, and whether one rank equals it.
  func position(of typed: String, among ranks: SortKeyCache.Ranks, field: Field) -> (below: Int32, equal: Bool) {
    let key = VietnameseCollation.sortKey(typed)
    func keyOf(_ rank: Int) -> [UInt32] {
      if case .text(let s) = value(field, Int(ranks.representative[rank])) { return VietnameseCollation.sortKey(s) }
      return []
    }
    var low = 0
    var high = ranks.representative.count
    while low < high {
      let mid = (low + high) / 2
      if keyOf(mid).lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
    }
    let equal = low < ranks.representative.count && keyOf(low) == key
    return (Int32(low), equal)
  }

  /// `RankedField` is a field's ranks with where typed texts fall among them.
  struct RankedField {
    let table: Table
    let field: Field
    let ranks: SortKeyCache.Ranks
    /// The number of ranks.
    var count: Int32 { Int32(ranks.representative.count) }
    /// Where a typed text falls among the ranks.
    func position(of typed: String) -> (below: Int32, equal: Bool) {
      table.position(of: typed, among: ranks, field: field)
    }
  }

  /// `rows(_:negated:_:)` is the rows whose value under a ranked field has a rank in the range
  /// that `ranges` gives (or, negated, a known value outside it), read from the ranks alone:
  /// the typed texts are placed among the distinct values once, then each row is one integer
  /// comparison.
  func rows(_ field: Field, negated: Bool = false, _ ranges: (RankedField) -> Range<Int32>) -> DocSet {
    guard let ranks = ranks(field) else { return DocSet(universe: count) }
    let range = ranges(RankedField(table: self, field: field, ranks: ranks))
    var set = DocSet(universe: count)
    for (row, rank) in ranks.ofArticle.enumerated() where rank >= 0 && range.contains(rank) != negated {
      set.insert(row)
    }
    return set
  }

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
      table.sortKeyCache = store.sortKeys
      table.bodyPrefix = { store.bodies.bodyPrefix(of: $0, bytes: $1) }
      table.encodedBody = { store.bodies.encoded(of: $0) }
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
    case .stories:
      let fields = Registry.stories
      let stories = store.stories.all
      return Table(collection: collection, count: stories.count) {
        fields[$0].read(StoryRow(story: stories[$1], store: store))
      }
    }
  }

  private init(collection: CollectionKind, count: Int, read: @escaping (Int, Int) -> Value) {
    self.collection = collection
    self.count = count
    self.read = read
  }
}
