#if PostgreSQL
import PostgresNIO
import TinqEngine
import TinqFacts
import TinqStore
import TinqSyntax

/// `Subcorpus` answers, with the in-memory engine, the statements whose last step reads the
/// articles' syllables in a way SQL cannot say faithfully (concordance lines, `near`, snippets):
/// the server finds the articles the answer can come from, they are read whole (facts and body)
/// in corpus order into a store of their own, and the statement runs on that store. Whatever is
/// decided per article (a match, a line, a snippet, an order by the articles' fields) is then
/// decided exactly as in memory; what needs the whole corpus (relevance's statistics, word
/// statistics, a share's base) is not answered this way.
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
    return try MemoryBackend(store: store).run(rewritten, cancellation: cancellation)
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

  func readingPlan(for statement: CheckedStatement) throws(Unsupported) -> SubcorpusPlan? {
    var compiler = SQLCompiler()
    switch statement.kind {
    case .concordance(let k):
      let clause = try whereClause(Subcorpus.widened(k.articles), &compiler)
      return (clause, compiler.binds, "a.ordinal", "", statement)
    case .query(let q) where q.collection == .articles:
      if q.columns.contains(where: { $0.derived == .score }) || q.order.contains(where: { $0.field.derived == .score }) {
        throw Unsupported(message: "relevance has no PostgreSQL form yet (it weighs each phrase by the whole corpus)", range: statement.range)
      }
      if Subcorpus.hasNear(q.filter) {
        let clause = try whereClause(q.filter.map { Subcorpus.widened($0) }, &compiler)
        return (clause, compiler.binds, "a.ordinal", "", statement)
      }
      guard q.columns.contains(where: { $0.derived == .snippet }) else { return nil }
      // The rows themselves, in their order and cut; the engine then adds each one's snippet.
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
    case .count(let c) where c.collection == .articles && Subcorpus.hasNear(c.filter):
      if c.share != nil {
        throw Unsupported(message: "a share of articles tested with near has no PostgreSQL form yet", range: statement.range)
      }
      let clause = try whereClause(c.filter.map { Subcorpus.widened($0) }, &compiler)
      return (clause, compiler.binds, "a.ordinal", "", statement)
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
