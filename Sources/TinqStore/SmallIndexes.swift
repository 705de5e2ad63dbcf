import Dispatch
import Synchronization
import TinqFacts
import TinqSupport
import TinqText

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

  init(_ a: Article) {
    id = a.id
    date = a.date
    source = a.source
    author = a.author
    citations = a.citations
    people = a.people
    organizations = a.organizations
  }
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
  /// Per article, its year (`Int32.min` when unknown): a count by year and something else reads
  /// it for every article, which an article's record would cost a copy.
  var years: [Int32] = []
  var dateOrder: [(ordinal: Int, article: Int)] = []
  var dated: DocSet
  var bySource: EqualityIndex
  var byAuthor: EqualityIndex

  /// `init(_:)` builds the indexes of articles' facts.
  init(_ articles: [ArticleFacts]) {
    self.init(articles.map { ArticleHead(id: $0.id, date: $0.date, source: $0.source, author: $0.author) })
  }

  /// `init(_:idOrder:)` builds the indexes; `idOrder`, the ordinals in id order as a snapshot
  /// keeps them, spares sorting the ids when it is that (a permutation, in order), and is
  /// ignored otherwise.
  init(_ articles: [ArticleHead], idOrder: [Int]? = nil) {
    let n = articles.count
    bySource = EqualityIndex(universe: n)
    byAuthor = EqualityIndex(universe: n)
    dated = DocSet(universe: n)
    var keys = MatchKeys()
    years = [Int32](repeating: .min, count: n)
    for (i, a) in articles.enumerated() {
      if idIndex[a.id] == nil { idIndex[a.id] = i }
      if let d = a.date {
        years[i] = Int32(clamping: d.year)
        byYear[d.year, default: DocSet(universe: n)].insert(i)
        dateOrder.append((d.ordinal, i))
        dated.insert(i)
      }
      if let s = a.source { bySource.insert(s, i, keys: &keys) }
      if let s = a.author { byAuthor.insert(s, i, keys: &keys) }
    }
    dateOrder.sort { $0.ordinal != $1.ordinal ? $0.ordinal < $1.ordinal : $0.article < $1.article }
    if let idOrder, Self.isIDOrder(idOrder, of: articles) {
      sortedIDs = idOrder.map { (articles[$0].id, $0) }
    } else {
      sortedIDs = articles.enumerated().map { ($0.element.id, $0.offset) }.sorted { $0.id < $1.id }
    }
  }

  /// `isIDOrder(_:of:)` tells whether `order` is a permutation of the articles in id order (by
  /// the comparison of the sort it replaces).
  static func isIDOrder(_ order: [Int], of articles: [ArticleHead]) -> Bool {
    guard order.count == articles.count else { return false }
    var seen = [Bool](repeating: false, count: articles.count)
    for (k, i) in order.enumerated() {
      guard i >= 0, i < articles.count, !seen[i], k == 0 || articles[order[k - 1]].id <= articles[i].id else {
        return false
      }
      seen[i] = true
    }
    return true
  }
}

struct EqualityIndex: Sendable {
  let universe: Int
  var toned: [String: [Int32]] = [:]
  var bare: [String: [Int32]] = [:]
  /// The articles that have a value at all.
  var present: DocSet

  init(universe: Int) {
    self.universe = universe
    present = DocSet(universe: universe)
  }

  mutating func insert(_ value: String, _ ordinal: Int, keys: inout MatchKeys) {
    present.insert(ordinal)
    toned[keys.toned(value), default: []].append(Int32(ordinal))
    bare[keys.bare(value), default: []].append(Int32(ordinal))
  }

  func lookup(_ value: String) -> DocSet {
    let useBare = !Fold.hasDiacritics(value)
    let list = (useBare ? bare : toned)[Fold.matchKey(value, bare: useBare)] ?? []
    return DocSet(universe: universe, members: list)
  }
}
