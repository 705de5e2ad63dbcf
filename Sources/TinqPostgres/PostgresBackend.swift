#if PostgreSQL
import PostgresNIO
import Tinq
import TinqEngine
import TinqFacts
import TinqStore
import TinqSyntax

/// `PostgresBackend` answers checked statements from a database that `PostgresLoader` filled:
/// the `where` clause compiles to SQL (`SQLCompiler`), the server filters, orders, cuts and
/// counts, and the rows are made from each article's stored facts by the same field registry as
/// in memory, so every answer it gives is the in-memory engine's. The derived collections are
/// grouped on the server and finished in memory (`DerivedCollections`); what reads where
/// syllables stand or the corpus's statistics (proximity, concordances, snippets, relevance,
/// word statistics) runs in memory over the articles the server finds (`Subcorpus`); stories are
/// the loader's, stored per article. What has no faithful form is an error at its position,
/// never a different answer.
public struct PostgresBackend: Backend {
  public let session: PostgresSession
  /// The cancellation of the statement being answered: Ctrl-C cancels the server's statement.
  var cancellation: Cancellation? = nil

  /// `init(session:)` answers from the database of an open session.
  public init(session: PostgresSession) { self.session = session }

  /// `connect(_:)` opens a session on `url` and checks that it holds a Tinq database.
  public static func connect(_ url: String) throws(PostgresFailure) -> PostgresBackend {
    let session = try PostgresSession.connect(try PostgresAddress(parsing: url))
    let rows: [PostgresRow]
    do {
      rows = try session.rows("SELECT value FROM tinq_meta WHERE key = 'schema'")
    } catch {
      session.close()
      if error.description.contains("42P01") {
        throw PostgresFailure("\(session.address) holds no Tinq corpus: load one with `tinq load PATH --into URL`")
      }
      throw error
    }
    // Tinq's statements are short and many: compiling them (JIT) would cost more than it saves
    // (0.1 s became 0.9 s for a `mentions` count on the real corpora).
    try? session.execute("SET jit = off")
    let version = rows.first.flatMap { try? $0.makeRandomAccess()[0].decode(String.self) }
    guard version == PostgresSchema.version else {
      session.close()
      throw PostgresFailure(
        "\(session.address) holds Tinq's schema version \(version ?? "?"); this tinq reads version \(PostgresSchema.version)")
    }
    return PostgresBackend(session: session)
  }

  /// `query(_:_:)` runs one statement of the answer, cancelled on the server by Ctrl-C.
  func query(_ sql: String, _ binds: [PostgresData] = []) throws(PostgresFailure) -> [PostgresRow] {
    try session.rows(sql, binds, cancellation: cancellation)
  }

  /// The number of articles in the database.
  public func articleCount() throws(PostgresFailure) -> Int {
    try integer(SQL(text: "SELECT count(*) FROM tinq_articles", binds: []))
  }

  public func notes(for statement: CheckedStatement) -> [String] { [] }

  public func run(_ statement: CheckedStatement, cancellation: Cancellation?) throws(EvaluationFailure) -> QueryResult {
    if cancellation?.isCancelled == true { throw .cancelled }
    var answering = self
    answering.cancellation = cancellation
    do {
      let result = try answering.answer(statement)
      if cancellation?.isCancelled == true { throw EvaluationFailure.cancelled }
      return result
    } catch _ where cancellation?.isCancelled == true {
      throw .cancelled
    } catch let failure as EvaluationFailure {
      throw failure
    } catch let u as Unsupported {
      throw .diagnostic(Diagnostic(u.message + " (the in-memory engine answers it)", at: u.range))
    } catch let f as PostgresFailure {
      throw .diagnostic(Diagnostic(f.description, at: statement.range))
    } catch {
      throw .diagnostic(Diagnostic("\(error)", at: statement.range))
    }
  }

  /// `derivedCollection(of:)` is the derived collection a query or count is over, if any.
  static func derivedCollection(of statement: CheckedStatement) -> CollectionKind? {
    switch statement.kind {
    case .query(let q) where DerivedCollections.sql(q.collection) != nil: return q.collection
    case .count(let c) where DerivedCollections.sql(c.collection) != nil: return c.collection
    default: return nil
    }
  }

  /// `collection(of:)` is the collection a query or count is over, if any.
  static func collection(of statement: CheckedStatement) -> CollectionKind? {
    switch statement.kind {
    case .query(let q): return q.collection
    case .count(let c): return c.collection
    default: return nil
    }
  }

  /// `requireCorpusStories(_:)` checks, for a statement that reads the stories, that the
  /// database's stories were clustered over all of its articles (one load into an empty
  /// database): stories made per load are not the corpus's, which the in-memory engine gives.
  func requireCorpusStories(_ statement: CheckedStatement) throws {
    let reads = Self.collection(of: statement) == .stories || Subcorpus.readsStories(statement)
    guard reads else { return }
    let kept = try query("SELECT value FROM tinq_meta WHERE key = 'stories'").first?.decode(String.self)
    guard kept == PostgresSchema.storiesOfCorpus else {
      throw EvaluationFailure.diagnostic(
        Diagnostic(
          "this database's stories were clustered per load, not over the whole corpus: load every source in one `tinq load` to query stories",
          at: statement.range))
    }
  }

  /// What `storiesStore()` reads: each article's id, title, source, date and story.
  static let storiesSQL = "SELECT a.id, a.title, a.source, a.year, a.month, a.day, a.story FROM tinq_articles a ORDER BY a.ordinal"

  /// `storiesStore()` is every article's metadata (no body) in corpus order, grouped into the
  /// stories the database keeps: what the `stories` collection is read from.
  func storiesStore() throws -> ArticleStore {
    let rows = try query(Self.storiesSQL)
    var articles: [Article] = []
    articles.reserveCapacity(rows.count)
    var labels: [Int] = []
    labels.reserveCapacity(rows.count)
    var labelOf: [String: Int] = [:]
    for (i, row) in rows.enumerated() {
      if i % 1024 == 0, cancellation?.isCancelled == true { throw EvaluationFailure.cancelled }
      let (id, title, source, year, month, day, story) = try row.decode((String, String?, String?, Int?, Int?, Int?, String).self)
      var article = Article(id: id, body: "")
      article.title = title
      article.source = source
      if let year { article.date = PartialDate(year: year, month: month, day: day) }
      articles.append(article)
      if let known = labelOf[story] {
        labels.append(known)
      } else {
        labelOf[story] = labelOf.count
        labels.append(labelOf.count - 1)
      }
    }
    return ArticleStore(taking: &articles).withStories(labels: labels)
  }

  func answer(_ statement: CheckedStatement) throws -> QueryResult {
    try requireCorpusStories(statement)
    if Self.collection(of: statement) == .stories {
      // Grouped by the stories the loader stored; the in-memory engine does the rest.
      return try MemoryBackend(store: try storiesStore()).run(statement, cancellation: cancellation)
    }
    if let collection = Self.derivedCollection(of: statement) {
      // The entities are grouped on the server; the in-memory engine does the rest.
      let store = try DerivedCollections.store(collection, query: query)
      return try MemoryBackend(store: store).run(statement, cancellation: cancellation)
    }
    if let answered = try throughSubcorpus(statement) { return answered }
    switch statement.kind {
    case .query(let q):
      return .rows(try rows(q, range: statement.range))
    case .count(let c):
      return try count(c, statement: statement)
    case .show(let id):
      return .article(ArticleDetail(article: try show(id, range: statement.range)))
    case .explain(let inner):
      return .plan(try explain(inner))
    case .binding(let name, let value):
      return .binding(name: name, value: MemoryBackend.value(of: value))
    case .expectation(let e):
      return .expectation(try Expectations.evaluate(e, statement: statement, backend: self, cancellation: cancellation))
    case .concordance, .collocates, .ngrams, .keywords:
      // Answered over their subcorpus (see `throughSubcorpus`), which is never nil for these.
      throw Unsupported(message: "this statement has no PostgreSQL form yet", range: statement.range)
    }
  }

  // MARK: - Statements

  /// `where(_:_:range:)` is the `WHERE` clause of a filter, or nothing.
  func whereClause(_ filter: Predicate?, _ compiler: inout SQLCompiler) throws(Unsupported) -> String {
    guard let filter else { return "" }
    return " WHERE " + (try compiler.predicate(filter))
  }

  func requireArticles(_ collection: CollectionKind, range: SourceRange) throws(Unsupported) {
    guard collection == .articles else {
      throw Unsupported(message: "the \(collection.rawValue) collection has no PostgreSQL form yet", range: range)
    }
  }

  /// `rowsSQL(_:range:)` is the statement that selects a query's articles, in order, cut.
  func rowsSQL(_ q: CheckedQuery, range: SourceRange) throws(Unsupported) -> SQL {
    try requireArticles(q.collection, range: range)
    if let derived = q.columns.first(where: { $0.derived != nil }) ?? q.order.first(where: { $0.field.derived != nil })?.field {
      throw Unsupported(message: "\(derived.name) has no PostgreSQL form yet", range: range)
    }
    var compiler = SQLCompiler()
    let needsBody = q.columns.contains { $0.name == "body" }
    var text = "SELECT a.facts, " + (needsBody ? "a.body" : "''") + ", a.story FROM tinq_articles a"
    text += try whereClause(q.filter, &compiler)
    text += " ORDER BY " + (try SQLCompiler.orderBy(q.order, range: range))
    if let limit = q.limit { text += " LIMIT \(compiler.bind(limit))" }
    if q.offset > 0 { text += " OFFSET \(compiler.bind(q.offset))" }
    return SQL(text: text, binds: compiler.binds)
  }

  func rows(_ q: CheckedQuery, range: SourceRange) throws -> RowSet {
    let sql = try rowsSQL(q, range: range)
    let found = try query(sql.text, sql.binds)
    var rows: [[Value]] = []
    rows.reserveCapacity(found.count)
    for row in found {
      let a = try Self.article(row)
      // An article's story is the database's (`Schema.value` gives a store's, or the id).
      let story = try row.makeRandomAccess()[2].decode(String.self)
      rows.append(q.columns.map { $0.name == "story" ? .text(story) : Schema.value($0, of: a) })
    }
    return RowSet(collection: .articles, columns: q.columns.map(\.name), rows: rows)
  }

  /// `article(_:)` decodes one row of `facts, body`.
  static func article(_ row: PostgresRow) throws -> Article {
    let cells = row.makeRandomAccess()
    let facts = try cells[0].decode(ByteBuffer.self)
    let body = try cells[1].decode(String.self)
    do {
      return try ArticleRecord.decode(Array(buffer: facts), body: body)
    } catch {
      throw PostgresFailure("an article's stored facts do not decode (\(error)); load the corpus again")
    }
  }

  func integer(_ sql: SQL) throws(PostgresFailure) -> Int {
    guard let row = try query(sql.text, sql.binds).first, let n = try? row.makeRandomAccess()[0].decode(Int.self) else {
      throw PostgresFailure("the server gave no count")
    }
    return n
  }

  /// `ValueSource` is where a grouped count reads a field's values: a subquery of
  /// `(article_id, v0...)` rows, one per article and value (each distinct element of a list once,
  /// an empty list as one NULL), and how a row's columns make the value the in-memory engine
  /// groups by.
  struct ValueSource {
    var field: Field
    /// The list's table and element column, for a list field.
    var list: (table: String, column: String)?
    /// The `tinq_articles` columns a scalar field's value is made of.
    var columns: [String] = []

    init(_ by: Field, range: SourceRange) throws(Unsupported) {
      field = by
      list = SQLCompiler.listTable(by)
      if list != nil { return }
      switch by.name {
      case "year", "date", "month", "quarter", "week", "day": columns = ["year", "month", "day"]
      case "id", "title", "source", "author", "url", "story": columns = [by.name]
      default: throw Unsupported(message: "count by \(by.name) has no PostgreSQL form yet", range: range)
      }
    }

    /// The columns of a row that make one value.
    var width: Int { list == nil ? columns.count : 1 }

    /// The `(article_id, v0...)` subquery: one row per article and value.
    var sql: String {
      if let list {
        return "SELECT DISTINCT x.article_id, x.\(list.column) AS v0 FROM \(list.table) x"
          + " UNION ALL SELECT a.id, NULL FROM tinq_articles a WHERE NOT " + SQLCompiler.exists(list, nil)
      }
      return "SELECT a.id AS article_id, " + columns.enumerated().map { "a.\($1) AS v\($0)" }.joined(separator: ", ")
        + " FROM tinq_articles a"
    }

    /// `value(_:from:)` is the value of the columns starting at `offset`, made by the registry
    /// from an article holding just them.
    func value(_ cells: PostgresRandomAccessRow, from offset: Int) throws -> Value {
      if list != nil {
        return try cells[offset].decode(String?.self).map(Value.text) ?? .null
      }
      var article = Article(id: "", body: "")
      if columns.count == 3 {
        if let year = try cells[offset].decode(Int?.self) {
          article.date = PartialDate(
            year: year, month: try cells[offset + 1].decode(Int?.self), day: try cells[offset + 2].decode(Int?.self))
        }
      } else {
        let text = try cells[offset].decode(String?.self)
        switch field.name {
        // A story is read as the id of an article with no store: its own.
        case "id", "story": article.id = text ?? ""
        case "title": article.title = text
        case "source": article.source = text
        case "author": article.author = text
        default: article.url = text
        }
      }
      return Schema.value(field, of: article)
    }
  }

  /// `groupCounts(_:binds:by:)` counts the articles a `WHERE` clause keeps (empty: all) by the
  /// values of `source`: a scalar field grouped on its own columns, a list field through its table
  /// (each distinct element once per article) with the articles of an empty list as unknown.
  func groupCounts(
    _ whereClause: String, binds: [PostgresData], by source: ValueSource, stories: Bool = false
  ) throws -> [Value: Int] {
    var counts: [Value: Int] = [:]
    let sql: String
    // With `distinct story`, each story once per group, however many of its copies the group holds.
    let counted = stories ? "count(DISTINCT a.story)" : "count(*)"
    if let list = source.list {
      sql = "SELECT x.\(list.column), \(stories ? counted : "count(DISTINCT x.article_id)") FROM tinq_articles a"
        + " JOIN \(list.table) x ON x.article_id = a.id" + whereClause + " GROUP BY x.\(list.column)"
      let empty = "SELECT \(counted) FROM tinq_articles a" + (whereClause.isEmpty ? " WHERE " : whereClause + " AND ")
        + "NOT " + SQLCompiler.exists(list, nil)
      let unknown = try integer(SQL(text: empty, binds: binds))
      if unknown > 0 { counts[.null] = unknown }
    } else {
      let columns = source.columns.map { "a." + $0 }.joined(separator: ", ")
      if stories {
        // A value is made of several columns (a year of its dates): the stories are told apart
        // per value, not per row of columns, whose counts would add a story once per date.
        var seen = Set<StoryOfValue>()
        let pairs = "SELECT DISTINCT \(columns), a.story FROM tinq_articles a" + whereClause
        for row in try query(pairs, binds) {
          let cells = row.makeRandomAccess()
          let value = try source.value(cells, from: 0)
          if seen.insert(StoryOfValue(value: [value], story: try cells[source.width].decode(String.self))).inserted {
            counts[value, default: 0] += 1
          }
        }
        return counts
      }
      sql = "SELECT \(columns), \(counted) FROM tinq_articles a" + whereClause + " GROUP BY \(columns)"
    }
    for row in try query(sql, binds) {
      let cells = row.makeRandomAccess()
      counts[try source.value(cells, from: 0), default: 0] += try cells[source.width].decode(Int.self)
    }
    return counts
  }

  /// A group's value (or pair of values) and a story in it, for `distinct story`.
  struct StoryOfValue: Hashable {
    var value: [Value]
    var story: String
  }

  /// `groupCounts(_:by:statement:)` counts the articles a clause keeps (nil: all) by the values of
  /// `source`: in SQL, or for a clause with `near`, in memory over the articles the server finds
  /// for it (`Subcorpus`), as a count grouped by the same field.
  func groupCounts(_ clause: Predicate?, by source: ValueSource, statement: CheckedStatement) throws -> [Value: Int] {
    var compiler = SQLCompiler()
    let stories: Bool
    if case .count(let c) = statement.kind { stories = c.distinct != nil } else { stories = false }
    guard Subcorpus.hasNear(clause) else {
      return try groupCounts(try whereClause(clause, &compiler), binds: compiler.binds, by: source, stories: stories)
    }
    // (`distinct story` with `near` is refused before: a subcorpus would cluster its own stories.)
    let read = try everyArticle(clause, statement)
    let store = try Subcorpus.store(read.whereClause, binds: read.binds, cancellation: cancellation, query: query)
    guard case .count(var count) = statement.kind else { throw PostgresFailure("a grouped count of no count") }
    count.filter = clause
    count.groupBy = source.field
    count.across = nil
    count.distinct = nil
    count.share = nil
    count.order = []
    count.limit = nil
    count.offset = 0
    var grouped = statement
    grouped.kind = .count(count)
    guard case .groups(let g) = try MemoryBackend(store: store).run(grouped, cancellation: cancellation) else {
      throw PostgresFailure("a grouped count gave no groups")
    }
    var counts: [Value: Int] = [:]
    for group in g.groups where group.count > 0 { counts[group.value] = group.count }
    return counts
  }

  func count(_ c: CheckedCount, statement: CheckedStatement) throws -> QueryResult {
    let range = statement.range
    try requireArticles(c.collection, range: range)
    // `distinct story` (the only `distinct` there is) counts stories instead of articles.
    let stories = c.distinct != nil
    let counted = stories ? "count(DISTINCT a.story)" : "count(*)"
    if stories, Subcorpus.hasNear(c.filter) || Subcorpus.hasNear(c.share?.base) {
      throw Unsupported(message: "distinct story with near has no PostgreSQL form yet", range: range)
    }
    guard let by = c.groupBy else {
      var compiler = SQLCompiler()
      let filter = try whereClause(c.filter, &compiler)
      return .count(try integer(SQL(text: "SELECT \(counted) FROM tinq_articles a" + filter, binds: compiler.binds)))
    }
    let rows = try ValueSource(by, range: range)
    if c.across == nil, let share = c.share {
      // Each group's matching articles beside all of the group's articles in the base: the
      // matching articles of the base are those both clauses keep.
      let clauses = [c.filter, share.base].compactMap { $0 }
      let counts = try groupCounts(clauses.isEmpty ? nil : .all(clauses), by: rows, statement: statement)
      let totals = MemoryBackend.filled(MemoryBackend.inValueOrder(try groupCounts(share.base, by: rows, statement: statement)), by)
      let groups = totals.map { (value: $0.value, count: counts[$0.value] ?? 0) }
      let order = MemoryBackend.arrangedIndices(groups, totals: totals.map(\.count), c)
      return .groups(GroupedCount(field: by.name, groups: order.map { groups[$0] }, totals: order.map { totals[$0].count }))
    }
    var compiler = SQLCompiler()
    let filter = try whereClause(c.filter, &compiler)
    let ids = "SELECT a.id, a.story FROM tinq_articles a" + filter
    if let across = c.across {
      let columns = try ValueSource(across, range: range)
      let r = (0..<rows.width).map { "r.v\($0)" }
      let k = (0..<columns.width).map { "k.v\($0)" }
      let list = (r + k).joined(separator: ", ")
      let joined = " FROM (\(ids)) f JOIN (\(rows.sql)) r ON r.article_id = f.id JOIN (\(columns.sql)) k ON k.article_id = f.id"
      var pairs: [[Value]: Int] = [:]
      if stories {
        // Each story once per pair of values (not per row of columns: a year holds many dates).
        var seen = Set<StoryOfValue>()
        for row in try query("SELECT DISTINCT \(list), f.story" + joined, compiler.binds) {
          let cells = row.makeRandomAccess()
          let key = [try rows.value(cells, from: 0), try columns.value(cells, from: rows.width)]
          let story = try cells[rows.width + columns.width].decode(String.self)
          if seen.insert(StoryOfValue(value: key, story: story)).inserted { pairs[key, default: 0] += 1 }
        }
      } else {
        for row in try query("SELECT \(list), count(*)" + joined + " GROUP BY \(list)", compiler.binds) {
          let cells = row.makeRandomAccess()
          let key = [try rows.value(cells, from: 0), try columns.value(cells, from: rows.width)]
          pairs[key, default: 0] += try cells[rows.width + columns.width].decode(Int.self)
        }
      }
      let rowTotals = try groupCounts(filter, binds: compiler.binds, by: rows, stories: stories)
      let columnTotals = try groupCounts(filter, binds: compiler.binds, by: columns, stories: stories)
      let total = try integer(SQL(text: "SELECT \(counted) FROM tinq_articles a" + filter, binds: compiler.binds))
      func ordered(_ totals: [Value: Int], _ f: Field) -> [Value] {
        MemoryBackend.filled(MemoryBackend.inValueOrder(totals), f).map(\.value)
      }
      let rowValues = ordered(rowTotals, by)
      let columnValues = ordered(columnTotals, across)
      return .crossTab(
        CrossTab(
          rowField: by.name, columnField: across.name, rows: rowValues, columns: columnValues,
          counts: rowValues.map { r in columnValues.map { k in pairs[[r, k]] ?? 0 } },
          rowTotals: rowValues.map { rowTotals[$0] ?? 0 }, columnTotals: columnValues.map { columnTotals[$0] ?? 0 },
          total: total))
    }
    let groups = MemoryBackend.filled(
      MemoryBackend.inValueOrder(try groupCounts(filter, binds: compiler.binds, by: rows, stories: stories)), by)
    return .groups(GroupedCount(field: by.name, groups: MemoryBackend.arrange(groups, c)))
  }

  func show(_ id: String, range: SourceRange) throws -> Article {
    let select = "SELECT a.facts, a.body FROM tinq_articles a"
    if let row = try query(select + " WHERE a.id = $1", [PostgresData(string: id)]).first {
      return try Self.article(row)
    }
    let prefix = [PostgresData(string: SQLCompiler.likeEscaped(id) + "%")]
    let matches = try query(
      "SELECT a.id FROM tinq_articles a WHERE a.id LIKE $1 ORDER BY a.id COLLATE \"C\" LIMIT 5", prefix
    ).map { try $0.makeRandomAccess()[0].decode(String.self) }
    if matches.isEmpty {
      throw EvaluationFailure.diagnostic(Diagnostic("no article has the id or id prefix \"\(id)\"", at: range))
    }
    if matches.count == 1, let only = matches.first,
      let row = try query(select + " WHERE a.id = $1", [PostgresData(string: only)]).first
    {
      return try Self.article(row)
    }
    let total = try integer(SQL(text: "SELECT count(*) FROM tinq_articles a WHERE a.id LIKE $1", binds: prefix))
    throw EvaluationFailure.diagnostic(
      Diagnostic(
        "the id prefix \"\(id)\" is ambiguous: \(total) articles match", at: range,
        notes: ["note: candidates: " + matches.joined(separator: ", ") + (total > 5 ? ", ..." : "")]))
  }

  /// `articlesSQL(explaining:)` is the statement a query or an ungrouped count over articles runs.
  func articlesSQL(explaining statement: CheckedStatement) throws -> SQL {
    switch statement.kind {
    case .query(let q):
      return try rowsSQL(q, range: statement.range)
    case .count(let c) where c.groupBy == nil:
      try requireArticles(c.collection, range: statement.range)
      var compiler = SQLCompiler()
      return SQL(text: "SELECT count(*) FROM tinq_articles a" + (try whereClause(c.filter, &compiler)), binds: compiler.binds)
    default:
      throw Unsupported(message: "explain of this statement has no PostgreSQL form yet", range: statement.range)
    }
  }

  func explain(_ statement: CheckedStatement) throws -> String {
    var lines = ["query: " + statement.text, "backend: PostgreSQL, \(session.address)"]
    let sql: SQL
    if Self.collection(of: statement) == .stories {
      lines.append("then: the stories (as the loader clustered them) are filtered, ordered and cut by the in-memory engine")
      sql = SQL(text: Self.storiesSQL, binds: [])
    } else if let collection = Self.derivedCollection(of: statement), let read = DerivedCollections.sql(collection) {
      lines.append("then: the \(collection.rawValue) are filtered, ordered and cut by the in-memory engine")
      sql = SQL(text: read, binds: [])
    } else if let plan = try subcorpusPlan(for: statement) {
      lines.append(
        "then: the articles read are answered by the in-memory engine (near, kwic, snippets, relevance and word statistics are decided there)")
      if case .query(let q) = statement.kind, Subcorpus.isScored(q) {
        lines.append("relevance: weighed by the whole corpus's articles, syllables and each phrase's articles, counted on the server")
      }
      sql = SQL(text: "SELECT a.facts, a.body FROM tinq_articles a" + plan.whereClause + " ORDER BY " + plan.orderBy + plan.limit, binds: plan.binds)
    } else {
      sql = try articlesSQL(explaining: statement)
    }
    lines.append("sql: " + sql.text)
    for (i, bind) in sql.binds.enumerated() {
      lines.append("  $\(i + 1) = " + (bind.string.map { "'" + $0 + "'" } ?? bind.int64.map(String.init) ?? "(bytes)"))
    }
    lines.append("plan (PostgreSQL's EXPLAIN):")
    for row in try query("EXPLAIN " + sql.text, sql.binds) {
      lines.append("  " + (try row.makeRandomAccess()[0].decode(String.self)))
    }
    return lines.joined(separator: "\n")
  }
}
#endif
