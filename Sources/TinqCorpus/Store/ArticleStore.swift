import Dispatch
import Synchronization
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

  init(citation: Citation, articles: [Int]) {
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
}

/// `ArticleStore` holds a corpus in memory with the indexes the evaluator needs: by citation, by
/// person, by organisation, by year and date, by exact id, source and author, and a positional
/// full-text index over title and body. It is immutable once built, so any number of queries may
/// read it at once.
public struct ArticleStore: Sendable {
  /// The articles in load order, *without their bodies* (see `body(of:)` and `article(_:)`); an
  /// article's position here is its *ordinal*.
  public let metadata: [Article]
  /// The bodies, compactly encoded.
  public let bodies: BodyStore
  /// The positional full-text index over title and body.
  public let fullText: FullTextIndex
  /// Distinct cited documents, in order of first citation.
  public let documents: [CitedDocument]
  /// Distinct people, in order of first mention.
  public let people: [NamedEntity]
  /// Distinct organisations, in order of first mention.
  public let organizations: [NamedEntity]

  let idIndex: [String: Int]
  let sortedIDs: [(id: String, ordinal: Int)]
  let entityByToned: [String: [Int]]  // person or organisation (negative-free: people first, then orgs offset)
  let entityByBare: [String: [Int]]
  /// Per year, the articles dated in it.
  let byYear: [Int: DocSet]
  /// Articles with a date, sorted by date ordinal (stable by article ordinal).
  public let dateOrder: [(ordinal: Int, article: Int)]
  /// Source and author values → articles, folded as `=` compares them.
  let bySource: EqualityIndex
  let byAuthor: EqualityIndex

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

  /// Every article in load order, bodies included (decodes every body: for small corpora).
  public var articles: [Article] { metadata.indices.map(article) }

  /// `init(articles:)` builds every index, using both cores for the full-text index.
  public init(articles: [Article]) {
    var articles = articles
    self.init(taking: &articles)
  }

  /// `init(taking:)` builds the store from articles the caller gives up: each body is freed as
  /// soon as it is encoded (when the array is not shared), so the text is never held twice.
  public init(taking articles: inout [Article]) {
    var builder = StoreBuilder()
    self = builder.build(&articles)
  }

  init(
    metadata: [Article], text: (FullTextIndex, BodyStore), documents: [CitedDocument], names: Names,
    indexes: SmallIndexes
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
    idIndex = indexes.idIndex
    sortedIDs = indexes.sortedIDs
    byYear = indexes.byYear
    dateOrder = indexes.dateOrder
    dated = indexes.dated
    bySource = indexes.bySource
    byAuthor = indexes.byAuthor
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
    return (query.bare ? entityByBare[query.key] : entityByToned[query.key]) ?? []
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
  public let dated: DocSet

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

  public func articles(withAuthor value: String) -> DocSet { byAuthor.lookup(value) }
}

/// `StoreBuilder` builds an `ArticleStore` while a corpus is still loading: the loader hands it
/// the articles after each batch, and each complete segment's titles and bodies go to a
/// background indexer that runs beside the loader's extraction on the same cores. The bodies
/// leave the articles as they go, so the bodies of a whole corpus are never held as strings at
/// once.
public struct StoreBuilder: Sendable {
  let text: FullTextIndex.Builder
  let background: BackgroundIndexer
  /// The segments handed to the background indexer.
  var queued = 0

  /// `init()` starts an empty build.
  public init() {
    text = FullTextIndex.Builder()
    background = BackgroundIndexer(text)
  }

  /// `indexCompleteSegments(of:)` hands the complete segments of `articles` not indexed yet to
  /// the background indexer, emptying their bodies. Articles already handed over must not change
  /// afterwards, except for their citations.
  public mutating func indexCompleteSegments(of articles: inout [Article]) {
    let complete = articles.count / FullTextIndex.segmentSize
    while queued < complete {
      let s = queued
      background.submit((s, FullTextIndex.Builder.texts(of: &articles, segment: s)))
      queued += 1
    }
  }

  /// `build(_:)` waits for the background indexer, indexes what is left of `articles` and builds
  /// the store; the names, the small indexes and the cited documents are three more jobs beside
  /// the last segments, on the same cores (the longest first).
  public mutating func build(_ articles: inout [Article]) -> ArticleStore {
    let light = articles.map {
      ArticleFacts(
        id: $0.id, date: $0.date, source: $0.source, author: $0.author, citations: $0.citations, people: $0.people,
        organizations: $0.organizations)
    }
    enum Part: Sendable {
      case segment(Int, FullTextIndex.Builder.Part)
      case documents([CitedDocument])
      case names(ArticleStore.Names)
      case small(SmallIndexes)
    }
    // The segments the background indexer has not started, and those never handed to it, are
    // indexed here beside the entities and the small indexes.
    let notStarted = background.takeWaiting()
    let first = queued
    let jobs =
      notStarted
      + (first..<max(first, FullTextIndex.Builder.segments(articles.count))).map {
        ($0, FullTextIndex.Builder.texts(of: &articles, segment: $0))
      }
    let text = self.text
    let done = Parallel.map(jobs.count + 3) { job -> Part in
      switch job {
      case 0: .names(ArticleStore.buildNames(light))
      case 1: .small(SmallIndexes(light))
      case 2: .documents(ArticleStore.buildDocuments(light))
      default: .segment(jobs[job - 3].segment, text.segment(jobs[job - 3].segment, texts: jobs[job - 3].texts))
      }
    }
    var parts = background.finish()
    var documents: [CitedDocument]? = nil
    var names: ArticleStore.Names? = nil
    var small: SmallIndexes? = nil
    for part in done {
      switch part {
      case .segment(let s, let p): parts[s] = p
      case .documents(let d): documents = d
      case .names(let n): names = n
      case .small(let s): small = s
      }
    }
    let ordered = parts.keys.sorted().compactMap { parts[$0] }
    return ArticleStore(
      metadata: articles, text: text.assemble(ordered, articles: articles.count),
      documents: documents ?? ArticleStore.buildDocuments(light), names: names ?? ArticleStore.buildNames(light),
      indexes: small ?? SmallIndexes(light))
  }
}

/// `BackgroundIndexer` indexes segments on a thread of its own while the loader extracts the next
/// articles on every core: the system shares the cores between them, so neither the loader's
/// waits for its slowest worker nor its reading leaves a core idle. A few segments at most wait
/// their turn (with their bodies); beyond that, `submit` waits.
final class BackgroundIndexer: Sendable {
  /// A segment to index: its number and its articles' titles and bodies.
  typealias Job = (segment: Int, texts: [FullTextIndex.Builder.Text])

  private struct State {
    var waiting: [Job] = []
    var done: [Int: FullTextIndex.Builder.Part] = [:]
  }

  private let text: FullTextIndex.Builder
  private let state = Mutex(State())
  private let queue = DispatchQueue(label: "tinq.index")
  private let group = DispatchGroup()
  private let room = DispatchSemaphore(value: 4)

  init(_ text: FullTextIndex.Builder) { self.text = text }

  /// `submit(_:)` queues the indexing of a segment.
  func submit(_ job: Job) {
    room.wait()
    state.withLock { $0.waiting.append(job) }
    queue.async(group: group) {
      // `finish` may have taken the job back; then there is nothing to do.
      guard let job = self.state.withLock({ $0.waiting.isEmpty ? nil : $0.waiting.removeFirst() }) else { return }
      let part = self.text.segment(job.segment, texts: job.texts)
      self.state.withLock { $0.done[job.segment] = part }
      self.room.signal()
    }
  }

  /// `takeWaiting()` takes back the segments not started yet, for the caller to index on every
  /// core; no segment may be submitted afterwards.
  func takeWaiting() -> [Job] {
    let taken = state.withLock { s in
      defer { s.waiting = [] }
      return s.waiting
    }
    // Their room is free again (a semaphore must be back at its start value when it goes).
    for _ in taken { room.signal() }
    return taken
  }

  /// `finish()` waits for the segment in progress and returns the parts done, by segment.
  func finish() -> [Int: FullTextIndex.Builder.Part] {
    group.wait()
    return state.withLock { $0.done }
  }
}

/// The small fields of an article that the small indexes read, copied out so they can be built
/// while the full-text build empties the bodies.
struct ArticleFacts: Sendable {
  var id: String
  var date: PartialDate?
  var source: String?
  var author: String?
  var citations: [Citation]
  var people: [PersonMention]
  var organizations: [OrganizationMention]
}

/// `MatchKeys` remembers the folded keys of names already seen: a corpus names the same people
/// and organisations in article after article.
struct MatchKeys {
  // Keyed by bytes: the names come from ingested (NFC) text.
  private var tonedKeys: [UTF8Key: String] = [:]
  private var bareKeys: [UTF8Key: String] = [:]

  mutating func toned(_ name: String) -> String {
    let key = UTF8Key(name)
    if let k = tonedKeys[key] { return k }
    let k = Fold.matchKey(name, bare: false)
    tonedKeys[key] = k
    return k
  }

  mutating func bare(_ name: String) -> String {
    let key = UTF8Key(name)
    if let k = bareKeys[key] { return k }
    let k = Fold.matchKey(name, bare: true)
    bareKeys[key] = k
    return k
  }
}

/// The indexes on small fields: exact id, id order, year, date order, source and author.
struct SmallIndexes: Sendable {
  var idIndex: [String: Int] = [:]
  var sortedIDs: [(id: String, ordinal: Int)] = []
  var byYear: [Int: DocSet] = [:]
  var dateOrder: [(ordinal: Int, article: Int)] = []
  var dated: DocSet
  var bySource: EqualityIndex
  var byAuthor: EqualityIndex

  init(_ articles: [ArticleFacts]) {
    let n = articles.count
    bySource = EqualityIndex(universe: n)
    byAuthor = EqualityIndex(universe: n)
    dated = DocSet(universe: n)
    var keys = MatchKeys()
    for (i, a) in articles.enumerated() {
      if idIndex[a.id] == nil { idIndex[a.id] = i }
      if let d = a.date {
        byYear[d.year, default: DocSet(universe: n)].insert(i)
        dateOrder.append((d.ordinal, i))
        dated.insert(i)
      }
      if let s = a.source { bySource.insert(s, i, keys: &keys) }
      if let s = a.author { byAuthor.insert(s, i, keys: &keys) }
    }
    dateOrder.sort { $0.ordinal != $1.ordinal ? $0.ordinal < $1.ordinal : $0.article < $1.article }
    sortedIDs = articles.enumerated().map { ($0.element.id, $0.offset) }.sorted { $0.id < $1.id }
  }
}

struct EqualityIndex: Sendable {
  let universe: Int
  var toned: [String: [Int32]] = [:]
  var bare: [String: [Int32]] = [:]

  init(universe: Int) { self.universe = universe }

  mutating func insert(_ value: String, _ ordinal: Int, keys: inout MatchKeys) {
    toned[keys.toned(value), default: []].append(Int32(ordinal))
    bare[keys.bare(value), default: []].append(Int32(ordinal))
  }

  func lookup(_ value: String) -> DocSet {
    let useBare = !Fold.hasDiacritics(value)
    let list = (useBare ? bare : toned)[Fold.matchKey(value, bare: useBare)] ?? []
    return DocSet(universe: universe, members: list)
  }
}

/// `CitationQuery` is what a user typed after `cites`, ready to test documents with; the index
/// and the row-by-row check use this one definition.
public struct CitationQuery: Sendable {
  let pattern: CitationPattern?
  let folded: String

  /// `init(_:)` reads the typed number.
  public init(_ text: String) {
    pattern = CitationPattern.parse(text)
    folded = Fold.matchKey(text, bare: true)
  }

  /// `matches(_:)` tells whether a citation is a document the typed number can mean.
  public func matches(_ c: Citation) -> Bool {
    matches(parsed: CitationPattern.parse(c.number, type: c.type), folded: Fold.matchKey(c.number, bare: true))
  }

  func matches(parsed: CitationPattern?, folded documentFolded: String) -> Bool {
    if let pattern {
      guard let parsed else { return false }
      return pattern.matches(parsed)
    }
    return documentFolded == folded
  }
}

/// `NameQuery` is what a user typed after `mentions`, folded as names are compared.
public struct NameQuery: Sendable {
  let bare: Bool
  let key: String

  /// `init(_:)` folds the typed name: without diacritics when typed without them.
  public init(_ text: String) {
    bare = !Fold.hasDiacritics(text)
    key = Fold.matchKey(text, bare: bare)
  }

  /// `matches(_:)` tells whether a name (or abbreviation) is the one typed.
  public func matches(_ name: String) -> Bool { Fold.matchKey(name, bare: bare) == key }

  /// `matches(_:)` tells whether the article mentions the person or organisation.
  public func mentionedIn(_ a: Article) -> Bool {
    a.people.contains { matches($0.name) }
      || a.organizations.contains { matches($0.name) || ($0.abbreviation.map(matches) ?? false) }
  }
}
