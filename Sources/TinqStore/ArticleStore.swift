import Dispatch
import Synchronization
import TinqFacts
import TinqSupport
import TinqText

/// `CitedDocument` is one distinct legal document cited in the corpus, with the articles citing it.
public struct CitedDocument: Sendable {
  /// The citation as first seen (number, type, issuer, year, partial).
  public var citation: Citation
  /// The ordinals of the articles citing it, increasing.
  public var articles: [Int]
  /// The number taken apart once, so a query tests hundreds of documents in microseconds.
  let parsed: CitationPattern?
  let folded: String

  package init(citation: Citation, articles: [Int]) {
    self.citation = citation
    self.articles = articles
    parsed = CitationPattern.parse(citation.number, type: citation.type)
    folded = Fold.matchKey(citation.number, bare: true)
  }
}

/// `NamedEntity` is one distinct person or organisation in the corpus.
public struct NamedEntity: Sendable {
  /// The name as first seen.
  public var name: String
  /// For an organisation, its abbreviation, when known.
  public var abbreviation: String?
  /// For a person, the ranks seen across articles, in order of first sight.
  public var ranks: [String]
  /// For a person, the positions seen across articles, in order of first sight.
  public var positions: [String]
  /// The ordinals of the articles mentioning it, increasing.
  public var articles: [Int]

  package init(name: String, abbreviation: String?, ranks: [String], positions: [String], articles: [Int]) {
    self.name = name
    self.abbreviation = abbreviation
    self.ranks = ranks
    self.positions = positions
    self.articles = articles
  }
}

/// `ArticleStore` holds a corpus in memory with the indexes the evaluator needs: by citation, by
/// person, by organisation, by year and date, by exact id, source and author, and a positional
/// full-text index over title and body. It is immutable once built, so any number of queries may
/// read it at once.
public struct ArticleStore: Sendable {
  /// The articles in load order, *without their bodies* (see `body(of:)` and `article(_:)`); an
  /// article's position here is its *ordinal*.
  public let metadata: ArticleTable
  /// The bodies, compactly encoded.
  public let bodies: BodyStore
  /// The positional full-text index over title and body.
  public let fullText: FullTextIndex
  /// Distinct cited documents, in order of first citation.
  public private(set) var documents: [CitedDocument]
  /// Distinct people, in order of first mention.
  public private(set) var people: [NamedEntity]
  /// Distinct organisations, in order of first mention.
  public private(set) var organizations: [NamedEntity]

  /// The small indexes: built with the store after a load; on first use when opened from a
  /// snapshot, which then reads only the first fields of each record.
  let small: Deferred<SmallIndexes>
  var idIndex: [String: Int] { small.value.idIndex }
  /// Whether the small indexes are built (always after a load; on first use from a snapshot).
  package var smallIndexesBuilt: Bool { small.isComputed }
  var sortedIDs: [(id: String, ordinal: Int)] { small.value.sortedIDs }
  let entityByToned: [String: [Int]]  // person or organisation (negative-free: people first, then orgs offset)
  let entityByBare: [String: [Int]]
  /// Per year, the articles dated in it.
  var byYear: [Int: DocSet] { small.value.byYear }
  /// Per article, the year of its date (`Int32.min` when unknown), from the year index: take it
  /// once and read it for many articles.
  package var articleYears: [Int32] { small.value.years }
  /// Articles with a date, sorted by date ordinal (stable by article ordinal).
  public var dateOrder: [(ordinal: Int, article: Int)] { small.value.dateOrder }
  /// Source and author values → articles, folded as `=` compares them.
  var bySource: EqualityIndex { small.value.bySource }
  var byAuthor: EqualityIndex { small.value.byAuthor }
  /// Sort keys of short text fields, built on first use and kept (see `SortKeyCache`).
  public let sortKeys: SortKeyCache
  /// Every syllable's frequency in the whole corpus's bodies, counted on first use and kept.
  let corpusTermsCache: CorpusTermsCache
  /// The stories (clusters of near-copies), computed on first use and kept (see `stories`).
  let storyCache: StoryCache

  /// The number of articles.
  public var count: Int { metadata.count }

  /// `body(of:)` returns the body of the article with this ordinal.
  public func body(of ordinal: Int) -> String { bodies.body(of: ordinal) }

  /// `article(_:)` returns the article with this ordinal, body included.
  public func article(_ ordinal: Int) -> Article {
    var a = metadata[ordinal]
    a.body = bodies.body(of: ordinal)
    return a
  }

  /// The articles' ids in load order (from a snapshot, without decoding the rest of the records).
  public var ids: [String] { metadata.indices.map { metadata.head($0).id } }

  /// Every article in load order, bodies included (decodes every body: for small corpora).
  public var articles: [Article] { metadata.indices.map(article) }

  /// `init(articles:)` builds every index, using both cores for the full-text index.
  public init(articles: [Article]) {
    var articles = articles
    self.init(taking: &articles)
  }

  /// `entities(documents:people:organizations:)` is a store of no articles whose derived
  /// collections are the given lists, read elsewhere (from a database): the in-memory engine
  /// answers statements over `citations`, `people` and `organizations` from it, with the
  /// articles' ordinals in the lists counted but never read.
  package static func entities(documents: [CitedDocument], people: [NamedEntity], organizations: [NamedEntity]) -> ArticleStore {
    var store = ArticleStore(articles: [])
    store.documents = documents
    store.people = people
    store.organizations = organizations
    return store
  }

  /// `init(taking:)` builds the store from articles the caller gives up: each body is freed as
  /// soon as it is encoded (when the array is not shared), so the text is never held twice.
  public init(taking articles: inout [Article]) {
    var builder = StoreBuilder()
    self = builder.build(&articles)
  }

  init(
    metadata: ArticleTable, text: (FullTextIndex, BodyStore), documents: [CitedDocument], names: Names,
    indexes: Deferred<SmallIndexes>, terms: Deferred<CorpusTerms?>? = nil
  ) {
    let (fullText, bodies) = text
    self.fullText = fullText
    self.bodies = bodies
    self.metadata = metadata
    self.documents = documents
    people = names.people
    organizations = names.orgs
    entityByToned = names.toned
    entityByBare = names.bare
    small = indexes
    sortKeys = SortKeyCache()
    corpusTermsCache = CorpusTermsCache(stored: terms)
    storyCache = StoryCache()
  }

  /// `buildDocuments(_:)` gathers the distinct cited documents with the articles citing them.
  static func buildDocuments(_ articles: [ArticleFacts]) -> [CitedDocument] {
    var docs: [CitedDocument] = []
    // Keyed by bytes: citations come from ingested (NFC) text.
    var docIndex: [UTF8Key: Int] = [:]
    for (i, a) in articles.enumerated() {
      for c in a.citations {
        let key = UTF8Key((c.isPartial ? "~" + (c.type ?? "") + " " : "") + c.number)
        if let d = docIndex[key] {
          if docs[d].articles.last != i { docs[d].articles.append(i) }
        } else {
          docIndex[key] = docs.count
          docs.append(CitedDocument(citation: c, articles: [i]))
        }
      }
    }
    return docs
  }

  typealias Names = (people: [NamedEntity], orgs: [NamedEntity], toned: [String: [Int]], bare: [String: [Int]])

  /// `buildNames(_:)` gathers the distinct people and organisations with the articles mentioning
  /// them, and the folded names (toned and bare) that find them.
  static func buildNames(_ articles: [ArticleFacts]) -> Names {
    var people: [NamedEntity] = []
    var orgs: [NamedEntity] = []
    // Keyed by bytes: the folded keys come from `MatchKeys`.
    var personIndex: [UTF8Key: Int] = [:]
    var orgIndex: [UTF8Key: Int] = [:]
    var keys = MatchKeys()
    /// The entity under `key`, made with `make` the first time the key is seen.
    func entity(
      _ key: String, _ index: inout [UTF8Key: Int], _ list: inout [NamedEntity], make: () -> NamedEntity
    ) -> Int {
      let key = UTF8Key(key)
      if let found = index[key] { return found }
      index[key] = list.count
      list.append(make())
      return list.count - 1
    }
    for (i, a) in articles.enumerated() {
      for p in a.people {
        let e = entity(keys.toned(p.name), &personIndex, &people) {
          NamedEntity(name: p.name, abbreviation: nil, ranks: [], positions: [], articles: [])
        }
        if let r = p.rank, !people[e].ranks.contains(r) { people[e].ranks.append(r) }
        for pos in p.positions where !people[e].positions.contains(pos) { people[e].positions.append(pos) }
        if people[e].articles.last != i { people[e].articles.append(i) }
      }
      for o in a.organizations {
        let e = entity(keys.toned(o.name), &orgIndex, &orgs) {
          NamedEntity(name: o.name, abbreviation: o.abbreviation, ranks: [], positions: [], articles: [])
        }
        if orgs[e].abbreviation == nil { orgs[e].abbreviation = o.abbreviation }
        if orgs[e].articles.last != i { orgs[e].articles.append(i) }
      }
    }
    // Entity keys: people are 0..<people.count, organisations follow.
    var toned: [String: [Int]] = [:]
    var bare: [String: [Int]] = [:]
    func add(_ name: String, _ entity: Int) {
      let t = keys.toned(name)
      let b = keys.bare(name)
      if !(toned[t]?.contains(entity) ?? false) { toned[t, default: []].append(entity) }
      if !(bare[b]?.contains(entity) ?? false) { bare[b, default: []].append(entity) }
    }
    for (e, p) in people.enumerated() { add(p.name, e) }
    for (e, o) in orgs.enumerated() {
      add(o.name, people.count + e)
      if let abbr = o.abbreviation { add(abbr, people.count + e) }
    }
    return (people, orgs, toned, bare)
  }

  // MARK: - Lookups the planner uses

  /// `documents(matching:)` returns the distinct documents a user's number can mean.
  public func documents(matching text: String) -> [CitedDocument] {
    let query = CitationQuery(text)
    return documents.filter { query.matches(parsed: $0.parsed, folded: $0.folded) }
  }

  /// `articles(citing:)` returns the articles citing a document the user's number can mean.
  public func articles(citing text: String) -> DocSet {
    var set = DocSet(universe: count)
    for d in documents(matching: text) { for i in d.articles { set.insert(i) } }
    return set
  }

  /// `entities(named:)` returns the people (0..<people.count) and organisations (after them)
  /// whose name or abbreviation is `text`, folded: without diacritics when typed without them.
  public func entities(named text: String) -> [Int] {
    let query = NameQuery(text)
    let map = query.bare ? entityByBare : entityByToned
    guard query.keys.count > 1 else { return map[query.key] ?? [] }
    var found: [Int] = []
    for k in query.keys { for e in map[k] ?? [] where !found.contains(e) { found.append(e) } }
    return found
  }

  /// `articles(mentioning:)` returns the articles in which a person or organisation so named was extracted.
  public func articles(mentioning text: String) -> DocSet {
    var set = DocSet(universe: count)
    for e in entities(named: text) {
      let list = e < people.count ? people[e].articles : organizations[e - people.count].articles
      for i in list { set.insert(i) }
    }
    return set
  }

  /// `articles(inYears:)` returns the articles dated in the closed range of years.
  public func articles(inYears range: ClosedRange<Int>) -> DocSet {
    var set = DocSet(universe: count)
    for (y, s) in byYear where range.contains(y) { set.formUnion(s) }
    return set
  }

  /// `articles(dated:)` returns the articles whose date passes `predicate` (called once per
  /// distinct date precision run, via the sorted date order).
  public func articles(datedWhere predicate: (PartialDate) -> Bool) -> DocSet {
    var set = DocSet(universe: count)
    for entry in dateOrder {
      if let d = metadata[entry.article].date, predicate(d) { set.insert(entry.article) }
    }
    return set
  }

  /// The years articles are dated in, each with its articles, in increasing order.
  public var years: [(year: Int, articles: DocSet)] {
    byYear.sorted { $0.key < $1.key }.map { (year: $0.key, articles: $0.value) }
  }

  /// Every article with a date.
  public var dated: DocSet { small.value.dated }

  /// `ordinal(ofID:)` returns the article with exactly this id.
  public func ordinal(ofID id: String) -> Int? { idIndex[id] }

  /// `ordinals(withIDPrefix:)` returns the articles whose id starts with `prefix`, in id order.
  public func ordinals(withIDPrefix prefix: String) -> [Int] {
    var lo = 0
    var hi = sortedIDs.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sortedIDs[mid].id < prefix { lo = mid + 1 } else { hi = mid }
    }
    var out: [Int] = []
    var i = lo
    while i < sortedIDs.count, sortedIDs[i].id.hasPrefix(prefix) {
      out.append(sortedIDs[i].ordinal)
      i += 1
    }
    return out
  }

  /// `articles(withSource:)` and `articles(withAuthor:)` answer equality on those fields, folded
  /// for case and tone placement.
  public func articles(withSource value: String) -> DocSet { bySource.lookup(value) }

  /// The articles whose source is known.
  public var sourced: DocSet { bySource.present }

  /// The articles whose author is known.
  public var authored: DocSet { byAuthor.present }

  /// `articles(withPersonNamed:)` returns the articles with a person of that name (not an
  /// abbreviation), folded as `=` compares text: what `people = NAME` means.
  public func articles(withPersonNamed text: String) -> DocSet {
    let query = NameQuery(text)
    var set = DocSet(universe: count)
    for e in entities(named: text) where e < people.count && query.matchesExactly(people[e].name) {
      for i in people[e].articles { set.insert(i) }
    }
    return set
  }

  /// `articles(withOrganizationNamed:)` is `articles(withPersonNamed:)` for organisations:
  /// what `organizations = NAME` means (an abbreviation alone is not the name).
  public func articles(withOrganizationNamed text: String) -> DocSet {
    let query = NameQuery(text)
    var set = DocSet(universe: count)
    for e in entities(named: text) where e >= people.count && query.matchesExactly(organizations[e - people.count].name) {
      for i in organizations[e - people.count].articles { set.insert(i) }
    }
    return set
  }

  public func articles(withAuthor value: String) -> DocSet { byAuthor.lookup(value) }
}

/// `SortKeyCache` keeps, per short text field of the articles (title, source, author, ...), the
/// rank of every article's value in Vietnamese alphabetical order, built the first time a query
/// orders or compares by that field and shared by every later query on the same store: ordering
/// 300,000 articles by title then compares integers, and `title between A and B` finds where A
/// and B fall among the distinct titles once. Each distinct value is collated once. Safe to use
/// from many threads.
public final class SortKeyCache: Sendable {
  /// One field's ranks.
  public struct Ranks: Sendable {
    /// Per article: the rank of its value among the distinct values (equal collation keys share
    /// a rank), or -1 when the value is unknown.
    public var ofArticle: [Int32]
    /// Per rank: one article holding a value of that rank, to compare a typed text with.
    public var representative: [Int32]
  }

  /// One field's ranks, built once: a query that needs them while another thread builds them
  /// (a warm-up after loading) waits for that build instead of repeating it.
  private final class Slot: Sendable {
    let ranks = Mutex<Ranks?>(nil)
  }
  private let slots = Mutex<[String: Slot]>([:])

  public init() {}

  /// `ranks(for:count:value:)` returns the field's ranks, building them the first time from
  /// `value` (the article's text, nil when unknown) for each of `count` articles.
  public func ranks(for field: String, count: Int, value: (Int) -> String?) -> Ranks {
    let slot = slots.withLock { slots in
      if let known = slots[field] { return known }
      let made = Slot()
      slots[field] = made
      return made
    }
    return slot.ranks.withLock { ranks in
      if let known = ranks { return known }
      let built = Self.build(count: count, value: value)
      ranks = built
      return built
    }
  }

  private static func build(count: Int, value: (Int) -> String?) -> Ranks {
    var distinct: [String: Int32] = [:]
    var texts: [String] = []
    var first: [Int32] = []
    var ofText = [Int32](repeating: -1, count: count)
    for i in 0..<count {
      guard let s = value(i) else { continue }
      if let d = distinct[s] {
        ofText[i] = d
      } else {
        let d = Int32(texts.count)
        distinct[s] = d
        texts.append(s)
        first.append(Int32(i))
        ofText[i] = d
      }
    }
    let keys = texts.map(VietnameseCollation.sortKey)
    let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
    var rankOfText = [Int32](repeating: 0, count: texts.count)
    var representative: [Int32] = []
    for (position, t) in order.enumerated() {
      if position == 0 || keys[order[position - 1]] != keys[t] { representative.append(first[t]) }
      rankOfText[t] = Int32(representative.count - 1)
    }
    return Ranks(ofArticle: ofText.map { $0 < 0 ? -1 : rankOfText[Int($0)] }, representative: representative)
  }
}
