import TinqFacts
import TinqStore
import TinqSyntax

/// `FieldType` is the type of a field in a collection.
public enum FieldType: String, Sendable, Equatable {
  /// `text`, `integer` and `date` are single values; a date may be partial (a year, a month).
  case text, integer, date
  /// A fractional number (a relevance score).
  case number
  /// A list of text values (citations, people, ranks, ...).
  case textList = "list of text"
}

/// `FieldIndex` is the store index that answers comparisons on a field without reading rows.
enum FieldIndex: Sendable, Equatable {
  /// The exact id index (`=` only).
  case id
  /// The year index (comparisons, `between`, `in`, `is null`); ordering walks the date order.
  case year
  /// The date order (comparisons, `between`, `is null`); ordering walks it.
  case date
  /// The folded equality index of sources (`=`, `!=`, `in`).
  case source
  /// The folded equality index of authors (`=`, `!=`, `in`).
  case author
  /// The people index, by name (`=` and `in` on the list of people).
  case people
  /// The organisation index, by name (`=` and `in` on the list of organisations).
  case organizations
}

/// `QueryDerived` names a field whose value comes from the query as well as the article: the
/// backend computes it for the rows it returns. It can be selected (and `score` ordered by), never
/// tested in `where` nor counted by.
public enum QueryDerived: String, Sendable, Equatable {
  /// The passage that best shows the `contains` phrases, matches marked.
  case snippet
  /// The article's BM25 relevance to the `contains` phrases; `order by relevance` sorts by it,
  /// highest first.
  case score
}

/// `Field` is a resolved reference to one field of a collection: what a checked query carries
/// instead of a name. Everything about it comes from its entry in the registry below.
public struct Field: Sendable, Hashable, CustomStringConvertible {
  /// The collection the field belongs to.
  public let collection: CollectionKind
  /// The field name, lowercase, as written in queries.
  public let name: String
  /// The type, which decides the predicates and literals the checker accepts.
  public let type: FieldType
  /// One line for `.schema` and error messages.
  public let summary: String
  /// The column of the PostgreSQL schema the field maps to (see `docs/`).
  public let column: String
  /// Shown when a query has no `select`.
  public let isDefaultColumn: Bool
  /// The article's provenance entry that explains the value (`year` and `month` come from the date).
  public let provenanceKey: String
  /// For a period of the date (`month`, `quarter`, `week`, `day`): which, so that counting by it
  /// fills the gaps.
  let period: Period?
  /// The entry's position in its collection's registry.
  let slot: Int
  /// The index that answers comparisons on it, if any.
  let index: FieldIndex?
  /// The part of the full-text index that answers `FIELD contains`, if any.
  let textScope: TextScope?
  /// What the backend computes from the query, for a field it does not read from the row.
  public let derived: QueryDerived?

  public var description: String { name }

  public static func == (a: Field, b: Field) -> Bool { a.collection == b.collection && a.slot == b.slot }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(collection)
    hasher.combine(slot)
  }
}

/// `FieldDefinition` is one registry entry: a field's name, type and summary, how to read it
/// from a row, which index answers it and which column holds it. A field is added by adding an
/// entry; the checker, planner, evaluator, renderers, completion and `.schema` all read these.
struct FieldDefinition<Row>: Sendable {
  let name: String
  let type: FieldType
  let summary: String
  let column: String
  let isDefaultColumn: Bool
  let provenanceKey: String
  let index: FieldIndex?
  let textScope: TextScope?
  let period: Period?
  let derived: QueryDerived?
  let read: @Sendable (Row) -> Value

  init(
    _ name: String, _ type: FieldType, _ summary: String, column: String? = nil, shown: Bool = true,
    explainedBy: String? = nil, index: FieldIndex? = nil, textScope: TextScope? = nil, period: Period? = nil,
    derived: QueryDerived? = nil, read: @escaping @Sendable (Row) -> Value
  ) {
    self.name = name
    self.derived = derived
    self.period = period
    self.provenanceKey = explainedBy ?? name
    self.type = type
    self.summary = summary
    self.column = column ?? name
    self.isDefaultColumn = shown
    self.index = index
    self.textScope = textScope
    self.read = read
  }
}

/// `ArticleRow` is one article as the article fields read it: from a store, the metadata without
/// decoding the body and the body on demand; or an article in hand (`show`), body included.
struct ArticleRow {
  let article: Article
  let store: ArticleStore?
  let ordinal: Int

  init(store: ArticleStore, ordinal: Int) {
    self.article = store.metadata[ordinal]
    self.store = store
    self.ordinal = ordinal
  }

  init(_ article: Article) {
    self.article = article
    self.store = nil
    self.ordinal = 0
  }

  var body: String { store?.body(of: ordinal) ?? article.body }
}

/// `StoryRow` is one story as the story fields read it: the story and the store its articles
/// are in.
struct StoryRow {
  let story: Story
  let store: ArticleStore
}

extension Value {
  static func of(_ s: String?) -> Value { s.map(Value.text) ?? .null }
  static func of(_ i: Int?) -> Value { i.map(Value.integer) ?? .null }
  static func texts(_ items: [String]) -> Value { .list(items.map(Value.text)) }
}

/// `Registry` is the one table of every collection's fields.
enum Registry {
  static let articles: [FieldDefinition<ArticleRow>] = [
    .init("id", .text, "file name without extension, JSONL id, or file:line", index: .id) { .text($0.article.id) },
    .init("title", .text, "headline, when the text has one", textScope: .title) { .of($0.article.title) },
    .init("date", .date, "publication date, to the precision found", index: .date) { $0.article.date.map(Value.date) ?? .null },
    .init("year", .integer, "year of the date", explainedBy: "date", index: .year) { .of($0.article.year) },
    .init("month", .date, "the date's month, e.g. 2021-06, when the date has one", shown: false, explainedBy: "date", period: .month) {
      Period.month.value(of: $0.article.date)
    },
    .init("quarter", .text, "the date's quarter, e.g. 2021-Q2, when the date has a month", shown: false, explainedBy: "date", period: .quarter) {
      Period.quarter.value(of: $0.article.date)
    },
    .init("week", .text, "the date's ISO week, e.g. 2021-W23, when the date has a day", shown: false, explainedBy: "date", period: .week) {
      Period.week.value(of: $0.article.date)
    },
    .init("day", .date, "the date, when it has a day", shown: false, explainedBy: "date", period: .day) {
      Period.day.value(of: $0.article.date)
    },
    .init("source", .text, "outlet marker, e.g. CT, BDK", index: .source) { .of($0.article.source) },
    .init("author", .text, "byline or signature", index: .author) { .of($0.article.author) },
    .init("url", .text, "URL, from JSONL metadata", shown: false) { .of($0.article.url) },
    .init("body", .text, "article text without scraper residue", shown: false, textScope: .body) {
      .text($0.body)
    },
    .init(
      "snippet", .text, "the passage that best shows the `contains` phrases, matches marked", shown: false,
      derived: .snippet
    ) { _ in .null },
    .init(
      "score", .number, "BM25 relevance to the `contains` phrases (`order by relevance`: highest first)", shown: false,
      derived: .score
    ) { _ in .null },
    .init("citations", .textList, "canonical numbers of cited documents", column: "citations.number") {
      .texts($0.article.citations.map(\.number))
    },
    .init("people", .textList, "names of people mentioned", column: "people.name", index: .people) {
      .list(
        $0.article.people.map {
          .object(keys: ["name", "rank", "positions"], values: [.text($0.name), .of($0.rank), .texts($0.positions)])
        })
    },
    .init("organizations", .textList, "organisations mentioned", column: "organizations.name", index: .organizations) {
      .texts($0.article.organizations.map(\.name))
    },
    .init("story", .text, "the story (cluster of near-copies) it belongs to: the id of the story's earliest article", shown: false) {
      row in .text(row.store.map { $0.stories.story(of: row.ordinal).id } ?? row.article.id)
    },
  ]

  static let citations: [FieldDefinition<CitedDocument>] = [
    .init("number", .text, "canonical number, e.g. 03/2019/NĐ-CP (or the short form when unresolved)") { .text($0.citation.number) },
    .init("type", .text, "document type, e.g. Nghị định") { .of($0.citation.type) },
    .init("issuer", .text, "issuer code, e.g. CP, TW") { .of($0.citation.issuer) },
    .init("year", .integer, "year in the number") { .of($0.citation.year) },
    .init("partial", .integer, "1 when only a short reference was found, else 0") { .integer($0.citation.isPartial ? 1 : 0) },
    .init("articles", .integer, "number of articles citing it") { .integer($0.articles.count) },
  ]

  static let people: [FieldDefinition<NamedEntity>] = [
    .init("name", .text, "full name") { .text($0.name) },
    .init("ranks", .textList, "ranks seen, across articles") { .texts($0.ranks) },
    .init("positions", .textList, "positions seen, across articles") { .texts($0.positions) },
    .init("articles", .integer, "number of articles mentioning the person") { .integer($0.articles.count) },
  ]

  static let organizations: [FieldDefinition<NamedEntity>] = [
    .init("name", .text, "full name") { .text($0.name) },
    .init("abbreviation", .text, "common abbreviation, e.g. BCA") { .of($0.abbreviation) },
    .init("articles", .integer, "number of articles mentioning it") { .integer($0.articles.count) },
  ]

  static let stories: [FieldDefinition<StoryRow>] = [
    .init("id", .text, "the story's id: the id of its earliest article (by date, undated last, ties by id)") { .text($0.story.id) },
    .init("title", .text, "the earliest article's title") { .of($0.store.metadata[$0.story.earliest].title) },
    .init("copies", .integer, "number of articles in the story, the earliest included") { .integer($0.story.copies) },
    .init("sources", .textList, "outlets that ran it, in the order of their first copy") { .texts($0.story.sources) },
    .init("first", .date, "the earliest date among its copies") { $0.story.first.map(Value.date) ?? .null },
    .init("last", .date, "the latest date among its copies") { $0.story.last.map(Value.date) ?? .null },
    .init("articles", .textList, "ids of its articles, earliest first", shown: false) {
      row in .texts(row.story.members.map { row.store.metadata[$0].id })
    },
  ]

  static func fields<Row>(_ collection: CollectionKind, _ definitions: [FieldDefinition<Row>]) -> [Field] {
    definitions.enumerated().map { slot, d in
      Field(
        collection: collection, name: d.name, type: d.type, summary: d.summary, column: d.column,
        isDefaultColumn: d.isDefaultColumn, provenanceKey: d.provenanceKey, period: d.period, slot: slot, index: d.index,
        textScope: d.textScope, derived: d.derived)
    }
  }

  static let all: [CollectionKind: [Field]] = [
    .articles: fields(.articles, articles),
    .citations: fields(.citations, citations),
    .people: fields(.people, people),
    .organizations: fields(.organizations, organizations),
    .stories: fields(.stories, stories),
  ]
}

/// `Schema` is the language's view of the registry: the collections' fields by name, for the
/// checker, completion and `.schema`.
public enum Schema {
  /// `fields(of:)` lists a collection's fields in display order.
  public static func fields(of collection: CollectionKind) -> [Field] { Registry.all[collection] ?? [] }

  /// `field(_:in:)` finds a field by (lowercased) name.
  public static func field(_ name: String, in collection: CollectionKind) -> Field? {
    fields(of: collection).first { $0.name == name }
  }

  /// `value(_:of:)` reads an article field from an article in hand.
  public static func value(_ field: Field, of article: Article) -> Value {
    guard field.collection == .articles, Registry.articles.indices.contains(field.slot) else { return .null }
    return Registry.articles[field.slot].read(ArticleRow(article))
  }

  /// `defaultColumns(of:)` is what a query without `select` shows.
  public static func defaultColumns(of collection: CollectionKind) -> [Field] {
    fields(of: collection).filter(\.isDefaultColumn)
  }

  /// The predicates that only make sense on articles.
  public static let articlePredicates = [Keyword.cites, .mentions, .contains].map(\.rawValue)
}
