#if PostgreSQL
import PostgresNIO
import TinqEngine
import TinqFacts
import TinqStore
import TinqSyntax

/// `Subcorpus` answers, with the in-memory engine, the statements whose last step reads the
/// articles' syllables in a way SQL cannot say faithfully (concordance lines, `near`, snippets,
/// relevance, word statistics): the server finds the articles the answer can come from, they are
/// read whole (facts and body) in corpus order into a store of their own, and the statement runs
/// on that store. Whatever is decided per article (a match, a line, a snippet, an order by the
/// articles' fields) or over the articles a `where` keeps (collocates, n-grams, keywords) is then
/// decided exactly as in memory. Relevance also weighs each phrase by the whole corpus, whose
/// figures the server counts (`relevanceBasis(for:)`). A share's base and the story clusters are
/// not answered this way.
enum Subcorpus {
  /// `store(_:binds:orderBy:limit:cancellation:query:)` reads the articles a `WHERE` clause keeps, in the order `orderBy` gives
  /// (corpus order by default), into a store.
  static func store(
    _ whereClause: String, binds: [PostgresData], orderBy: String = "a.ordinal", limit: String = "",
    cancellation: Cancellation?, query: (String, [PostgresData]) throws -> [PostgresRow]
  ) throws -> ArticleStore {
    let sql = "SELECT a.facts, a.body FROM tinq_articles a" + whereClause + " ORDER BY " + orderBy + limit
    var rows = try query(sql, binds)
    var articles: [Article] = []
    articles.reserveCapacity(rows.count)
    for (i, row) in rows.enumerated() {
      if i % 256 == 0, cancellation?.isCancelled == true { throw EvaluationFailure.cancelled }
      articles.append(try PostgresBackend.article(row))
    }
    rows = []
    if cancellation?.isCancelled == true { throw EvaluationFailure.cancelled }
    return ArticleStore(taking: &articles)
  }

  /// `isScored(_:)` tells whether a query ranks its articles by relevance or shows their score.
  static func isScored(_ q: CheckedQuery) -> Bool {
    q.columns.contains { $0.derived == .score } || q.order.contains { $0.field.derived == .score }
  }

  /// `hasNear(_:)` tells whether a `where` clause tests proximity anywhere.
  static func hasNear(_ p: Predicate?) -> Bool {
    p?.conditions.contains { if case .near = $0.test { return true } else { return false } } ?? false
  }

  /// `readsStories(_:)` tells whether a statement reads the story clusters, which are made over
  /// the whole corpus and so cannot be made over a subcorpus.
  static func readsStories(_ statement: CheckedStatement) -> Bool {
    func inClause(_ p: Predicate?) -> Bool {
      p?.conditions.contains { c in
        switch c.test {
        case .compare(let f, _, _), .between(let f, _, _, _), .isIn(let f, _, _), .isNull(let f, _): return f.name == "story"
        case .contains(let f, _): return f?.name == "story"
        case .cites, .mentions, .near: return false
        }
      } ?? false
    }
    switch statement.kind {
    case .concordance(let k): return inClause(k.filter)
    case .query(let q):
      return inClause(q.filter) || q.columns.contains { $0.name == "story" } || q.order.contains { $0.field.name == "story" }
    case .count(let c):
      return inClause(c.filter) || c.distinct != nil || c.groupBy?.name == "story" || c.across?.name == "story"
        || inClause(c.share?.base)
    case .collocates(let c): return inClause(c.filter)
    case .ngrams(let g): return inClause(g.filter)
    case .keywords(let k):
      if case .filter(let reference) = k.reference, inClause(reference) { return true }
      return inClause(k.focus)
    default: return false
    }
  }

  /// `widened(_:positive:)` is a clause SQL can say that every article of `p` satisfies: each
  /// `near` is, where it counts for a match, both of its phrases anywhere in the article, and
  /// under an odd number of `not`s, false (so its negation keeps everything).
  static func widened(_ p: Predicate, positive: Bool = true) -> Predicate {
    switch p {
    case .all(let items): return .all(items.map { widened($0, positive: positive) })
    case .any(let items): return .any(items.map { widened($0, positive: positive) })
    case .not(let inner): return .not(widened(inner, positive: !positive))
    case .condition(let c):
      guard case .near(let a, let b, _) = c.test else { return p }
      guard positive else { return .any([]) }
      return .all([a, b].map { .condition(Condition(test: .contains(nil, $0), text: c.text, range: c.range)) })
    }
  }
}

extension PostgresBackend {
  /// `throughSubcorpus(_:)` answers a statement that needs the in-memory engine's
  /// last step over the articles it can come from, or nil when SQL answers it alone.
  func throughSubcorpus(_ statement: CheckedStatement) throws -> QueryResult? {
    guard let (store, rewritten) = try subcorpus(for: statement) else { return nil }
    if cancellation?.isCancelled == true { throw EvaluationFailure.cancelled }
    let basis = try relevanceBasis(for: rewritten)
    return try MemoryBackend(store: store, relevanceBasis: basis).run(rewritten, cancellation: cancellation)
  }

  /// `relevanceBasis(for:)` is, for a query that ranks or shows relevance, the whole corpus's
  /// figures BM25 weighs its phrases by (the articles read are only those the query keeps): the
  /// number of articles and of their syllables, and for each phrase the articles holding it,
  /// in the order the in-memory engine scores the phrases in.
  func relevanceBasis(for statement: CheckedStatement) throws -> RelevanceBasis? {
    guard case .query(let q) = statement.kind, Subcorpus.isScored(q) else { return nil }
    guard let totals = try query("SELECT count(*), coalesce(sum(a.syllables), 0) FROM tinq_articles a", []).first
    else { return nil }
    let (articles, syllables) = try totals.decode((Int, Int).self)
    var documents: [Int] = []
    for (phrase, scope) in MemoryBackend.containedPhrases(q.filter) {
      let field: Field? =
        switch scope {
        case .title: Schema.field("title", in: .articles)
        case .body: Schema.field("body", in: .articles)
        case .titleOrBody: nil
        }
      let contains = Predicate.condition(Condition(test: .contains(field, phrase), text: "", range: statement.range))
      var compiler = SQLCompiler()
      let clause = try whereClause(contains, &compiler)
      let n = try query("SELECT count(*) FROM tinq_articles a" + clause, compiler.binds).first?.decode(Int.self) ?? 0
      documents.append(n)
    }
    return RelevanceBasis(articles: articles, syllables: syllables, documents: documents)
  }

  /// `subcorpusPlan(for:)` is how a statement that needs it reads its subcorpus: the `WHERE`
  /// clause with its parameters, the order and cut, and the statement to run on the articles
  /// read; nil when SQL answers the statement alone.
  func subcorpusPlan(for statement: CheckedStatement) throws(Unsupported) -> SubcorpusPlan? {
    guard let plan = try readingPlan(for: statement) else { return nil }
    if Subcorpus.readsStories(statement) {
      throw Unsupported(message: "story has no PostgreSQL form yet", range: statement.range)
    }
    return plan
  }

  typealias SubcorpusPlan = (
    whereClause: String, binds: [PostgresData], orderBy: String, limit: String, rewritten: CheckedStatement
  )

  /// `everyArticle(_:_:)` reads every article a clause keeps (each `near` widened; all articles
  /// when nil), in corpus order, to run `statement` on.
  func everyArticle(_ p: Predicate?, _ statement: CheckedStatement) throws(Unsupported) -> SubcorpusPlan {
    var compiler = SQLCompiler()
    let clause = try whereClause(p.map { Subcorpus.widened($0) }, &compiler)
    return (clause, compiler.binds, "a.ordinal", "", statement)
  }

  func readingPlan(for statement: CheckedStatement) throws(Unsupported) -> SubcorpusPlan? {
    switch statement.kind {
    case .concordance(let k):
      return try everyArticle(k.articles, statement)
    case .query(let q) where q.collection == .articles:
      // Relevance orders every article the filter keeps: all are read, then ranked in memory with
      // the whole corpus's figures (`relevanceBasis`).
      if Subcorpus.hasNear(q.filter) || q.order.contains(where: { $0.field.derived == .score }) {
        return try everyArticle(q.filter, statement)
      }
      guard q.columns.contains(where: { $0.derived == .snippet || $0.derived == .score }) else { return nil }
      // The rows themselves, in their order and cut; the engine then adds each one's snippet.
      var compiler = SQLCompiler()
      let clause = try whereClause(q.filter, &compiler)
      var cut = ""
      if let limit = q.limit { cut += " LIMIT \(compiler.bind(limit))" }
      if q.offset > 0 { cut += " OFFSET \(compiler.bind(q.offset))" }
      var inOrder = q
      inOrder.order = []
      inOrder.limit = nil
      inOrder.offset = 0
      var rewritten = statement
      rewritten.kind = .query(inOrder)
      return (clause, compiler.binds, try SQLCompiler.orderBy(q.order, range: statement.range), cut, rewritten)
    // Word statistics count over the articles a `where` keeps (every article without one, and for
    // `keywords` the reference too): those are read whole and counted in memory.
    case .collocates(let c):
      return try everyArticle(c.filter, statement)
    case .ngrams(let g):
      return try everyArticle(g.filter, statement)
    case .keywords(let k):
      guard case .filter(let reference) = k.reference else { return try everyArticle(nil, statement) }
      return try everyArticle(.any([k.focus, reference]), statement)
    case .count(let c) where c.collection == .articles && Subcorpus.hasNear(c.filter):
      // A share counts its two clauses apart (`count`), each read this way when it has `near`.
      if c.share != nil { return nil }
      return try everyArticle(c.filter, statement)
    default:
      return nil
    }
  }

  func subcorpus(for statement: CheckedStatement) throws -> (ArticleStore, CheckedStatement)? {
    guard let plan = try subcorpusPlan(for: statement) else { return nil }
    let store = try Subcorpus.store(
      plan.whereClause, binds: plan.binds, orderBy: plan.orderBy, limit: plan.limit, cancellation: cancellation,
      query: query)
    return (store, plan.rewritten)
  }
}
#endif
