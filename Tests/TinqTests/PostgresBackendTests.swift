#if PostgreSQL
import Foundation
import Testing
import Tinq
import TinqPostgres
import TinqStore
import TinqSupport
import TinqSyntax

@testable import tinq_bench

/// The server the PostgreSQL tests use: `TINQ_TEST_POSTGRES` (scripts/test.sh starts a
/// throwaway cluster and sets it; CI runs them, never skips them). Each test makes its own
/// database and drops it.
enum TestServer {
  static var url: String? { ProcessInfo.processInfo.environment["TINQ_TEST_POSTGRES"] }
  static var available: Bool { url != nil || ProcessInfo.processInfo.environment["CI"] != nil }

  static func admin() throws -> PostgresAddress {
    guard let url else {
      throw PostgresFailure("TINQ_TEST_POSTGRES is not set (scripts/test.sh sets it)")
    }
    return try PostgresAddress(parsing: url)
  }

  /// A new, empty database, and a function that drops it.
  static func database() throws -> (address: PostgresAddress, drop: @Sendable () -> Void) {
    let admin = try admin()
    let name = "tinq_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let session = try PostgresSession.connect(admin)
    defer { session.close() }
    try session.execute("CREATE DATABASE \(name)")
    return (
      admin.with(database: String(name)),
      {
        guard let s = try? PostgresSession.connect(admin) else { return }
        try? s.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        s.close()
      }
    )
  }

  /// A new database holding `corpus`, its backend, and a function that drops it.
  static func loaded(_ corpus: Corpus) async throws -> (backend: PostgresBackend, address: PostgresAddress, drop: @Sendable () -> Void) {
    let (address, drop) = try database()
    do {
      _ = try await PostgresLoader.load(corpus, into: address)
      return (try PostgresBackend.connect(address.url), address, drop)
    } catch {
      drop()
      throw error
    }
  }
}

extension PostgresAddress {
  /// The address as a URL again (with its password), for `PostgresBackend.connect`.
  var url: String {
    let credentials = user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user
    let secret = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0) } ?? ""
    if let host { return "postgres://\(credentials)\(secret)@\(host):\(port)/\(database)" }
    return "postgres://\(credentials)\(secret)@/\(database)?host=\(socketDirectory)"
  }
}

/// The in-memory engine is the oracle: on the same corpus, the PostgreSQL backend gives the same
/// result for every statement it answers, and says plainly which it cannot answer yet.
@Suite(.enabled(if: TestServer.available), .serialized) struct PostgresBackendTests {
  /// What a statement gives on a backend: its result, or its error's message.
  static func outcome(_ text: String, on backend: any Backend) -> Result<QueryResult, QueryError> {
    var pipeline = Pipeline()
    guard let first = pipeline.run(text, backend: backend).first else {
      return .failure(QueryError(Diagnostic("no statement", at: SourceRange(0, 0)), source: text, file: "<query>"))
    }
    return first.result
  }

  /// The golden queries the PostgreSQL backend does not answer yet (each says so at its clause).
  static let notYet: Set<String> = []

  /// `expectSameAnswers(_:memory:postgres:)` expects each statement answered identically by both.
  static func expectSameAnswers(_ statements: [String], memory: any Backend, postgres: PostgresBackend) {
    for text in statements {
      let expected = outcome(text, on: memory)
      let got = outcome(text, on: postgres)
      switch (expected, got) {
      case (.success(let a), .success(let b)): #expect(a == b, "\(text)")
      default: Issue.record("\(text): memory \(expected), PostgreSQL \(got)")
      }
    }
  }

  @Test func goldenQueriesAgreeWithMemory() async throws {
    let seeds = try Corpus.bundledSeeds()
    let (pg, _, drop) = try await TestServer.loaded(seeds)
    defer { drop() }
    let memory = seeds.backend
    var answered = 0
    var unsupported: [String] = []
    for (query, _) in EngineGoldenTests.golden {
      let expected = Self.outcome(query, on: memory)
      let got = Self.outcome(query, on: pg)
      switch (expected, got) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "\(query)")
        answered += 1
      case (_, .failure(let e)) where e.message.contains("has no PostgreSQL form"):
        unsupported.append(query)
      case (.failure(let a), .failure(let b)):
        #expect(a.message == b.message, "\(query)")
        answered += 1
      default:
        Issue.record("\(query): memory \(expected), PostgreSQL \(got)")
      }
    }
    print("PostgreSQL golden coverage: \(answered) answered, \(unsupported.count) not yet: \(unsupported)")
    let surprising = unsupported.filter { !Self.notYet.contains($0) }
    #expect(surprising.isEmpty, "queries the PostgreSQL backend no longer answers: \(surprising)")
    #expect(answered + unsupported.count == EngineGoldenTests.golden.count)
    #expect(answered >= EngineGoldenTests.golden.count - Self.notYet.count)
  }

  /// The planner property test's random `where` clauses, on random corpora: identical ids.
  @Test(arguments: [UInt64(1), 2]) func randomQueriesAgreeWithMemory(seed: UInt64) async throws {
    let articles = RandomCorpus.make(count: 120, seed: seed)
    let corpus = Corpus(store: ArticleStore(articles: articles), paths: [], warnings: [])
    let (pg, _, drop) = try await TestServer.loaded(corpus)
    defer { drop() }
    let memory = corpus.backend
    var generator = ExpressionGenerator(rng: SplitMix64(seed: seed &* 7919))
    var compared = 0
    var nonEmpty = 0
    for _ in 0..<300 {
      let generated = generator.expression(depth: Int.random(in: 0...4, using: &generator.rng))
      let text = Printer.print(.query(Query(collection: CollectionRef(kind: .articles), filter: generated))) + " select id"
      let expected = Self.outcome(text, on: memory)
      let got = Self.outcome(text, on: pg)
      guard case .success(let a) = expected, case .success(let b) = got else {
        Issue.record("\(text): memory \(expected), PostgreSQL \(got)")
        return
      }
      #expect(a == b, "\(text)")
      if a != b {
        print("DIFF \(text)")
        return
      }
      compared += 1
      if case .rows(let rows) = a, !rows.rows.isEmpty { nonEmpty += 1 }
    }
    // Every generated clause is answered (`near` through its subcorpus), and many match.
    #expect(compared == 300)
    #expect(nonEmpty > 80)
  }

  /// Ordered, cut and grouped answers over a random corpus, beside the in-memory engine.
  @Test func orderingAndCountsAgreeWithMemory() async throws {
    let articles = RandomCorpus.make(count: 200, seed: 9)
    let corpus = Corpus(store: ArticleStore(articles: articles), paths: [], warnings: [])
    let (pg, _, drop) = try await TestServer.loaded(corpus)
    defer { drop() }
    let statements = [
      "articles order by date desc limit 15 offset 3 select id, date, title",
      "articles order by title, id desc limit 20 select id, title",
      "articles where contains \"an ninh\" order by year, source desc select id, year, source, citations, people",
      "articles order by month desc, day limit 10 select id, month, day",
      "count articles by year",
      "count articles by month order by count desc limit 5",
      "count articles by day",
      "count articles where contains \"ma tuy\" by source order by count desc",
      "count articles by citations",
      "count articles by people order by count desc, people limit 4",
      "count articles by organizations",
      "count articles where cites \"03/2019\" by author",
      "show " + (articles.first?.id ?? "x"),
      "expect count articles where year >= 2020 > 3",
      "let y = 2021",
      "count articles by year, source",
      "count articles where contains \"an ninh\" by people, year",
      "count articles where contains \"an ninh\" by source as share of articles where year >= 2020",
      "count articles where cites \"03/2019/NĐ-CP\" by month as share order by share desc limit 4",
      "count articles by quarter",
      "articles where week >= \"2020-W10\" and quarter != \"2021-Q3\" order by week desc select id, week",
      // Decided in memory over the articles the server finds for them.
      "kwic \"an ninh\" where year >= 2020 context 3 sort by left",
      "kwic \"ma tuy\" sort by right desc limit 7 offset 2",
      "kwic \"an\" sort by date sample 9 seed 4",
      "kwic cites \"03/2019\" context 2",
      "kwic mentions \"nguyen tan cuong\" sort by id desc",
      "count kwic \"quốc gia\" where source = \"CT\"",
      "articles where contains \"an ninh\" near \"quốc\" within 3 order by title limit 5 select id, title",
      "articles where not (contains \"ma\" near \"tuy\") and year >= 2021 select id",
      "count articles where contains \"an\" near \"ninh\" within sentence ordered or cites \"51-NQ/TW\" by year",
      "count articles where contains \"an\" near \"ninh\" within 2 by source, year",
      "articles where contains \"an ninh\" order by date desc limit 6 offset 1 select id, snippet",
      "articles where contains \"ma tuy\" or year = 2020 select id, date, snippet",
      // Relevance weighs each phrase by the whole corpus, though only the articles kept are read.
      "articles where contains \"an ninh\" and year >= 2021 order by relevance limit 5 select id, score",
      "articles where title contains \"an\" or contains \"ma túy\" order by relevance select id, score",
      "articles where contains \"an ninh\" order by date desc limit 4 select id, score, snippet",
      "articles where contains \"an\" near \"ninh\" within 3 order by relevance desc select id, score",
      // A share whose clause or base tests `near`: each counted apart, in memory where it has one.
      "count articles where contains \"ma\" near \"túy\" by year as share",
      "count articles where contains \"an\" near \"ninh\" within 3 by source as share of articles where year >= 2020",
      "count articles where year >= 2020 by month as share of articles where contains \"an\" near \"ninh\" order by share desc limit 3",
      // Word statistics count over the articles a `where` keeps.
      "collocates of \"an ninh\" where year >= 2020 window 2 limit 5",
      "collocates of \"quốc\" by ll limit 4 offset 1",
      "ngrams 2 where source = \"CT\" limit 6",
      "ngrams 1 where contains \"an\" near \"ninh\" within 2 limit 3",
      "keywords where year >= 2021 vs where year < 2021 limit 5",
      "keywords organizations where contains \"an ninh\" vs all",
      "keywords 2 where source = \"CT\" vs rest by simple limit 4",
    ]
    Self.expectSameAnswers(statements, memory: corpus.backend, postgres: pg)
  }

  /// A ministry and a city's body written several ways: every spelling typed after `mentions`
  /// finds the one organisation on the server as in memory, the ones only the written-out
  /// reading reaches (`Bộ GDĐT`, `bo gddt`) included, under `not` too.
  @Test func organisationSpellingsAgreeWithMemory() async throws {
    let corpus = Corpus(texts: [
      (id: "a", text: "Tin 1\n\nBộ GD-ĐT công bố lịch thi."),
      (id: "b", text: "Tin 2\n\nBộ Giáo dục và Đào tạo vừa ban hành quy chế."),
      (id: "c", text: "Tin 3\n\nChủ tịch UBND TP.Hà Nội ký quyết định."),
      (id: "d", text: "Tin 4\n\nỦy ban nhân dân Thành phố Hà Nội yêu cầu báo cáo."),
    ])
    let (pg, _, drop) = try await TestServer.loaded(corpus)
    defer { drop() }
    let counts = [
      ("count articles where mentions \"Bộ GDĐT\"", 2), ("count articles where mentions \"bo gddt\"", 2),
      ("count articles where mentions \"Bộ GD&ĐT\"", 2), ("count articles where mentions \"UBND TP Hà Nội\"", 2),
      ("count articles where mentions \"ubnd tp ha noi\"", 2), ("count articles where not mentions \"Bộ GDĐT\"", 2),
    ]
    for (statement, n) in counts {
      guard case .success(.count(let found)) = Self.outcome(statement, on: corpus.backend) else {
        Issue.record("no count for \(statement)")
        continue
      }
      #expect(found == n, "\(statement)")
    }
    Self.expectSameAnswers(
      counts.map(\.0) + ["articles where mentions \"bo gddt\" or mentions \"ubnd tp ha noi\" order by id select id"],
      memory: corpus.backend, postgres: pg)
  }

  /// The derived collections over a random corpus whose names vary in case and tone placement,
  /// with ranks, positions and abbreviations seen in some articles only: the same entities, in
  /// the same order, with the same fields as in memory.
  @Test func derivedCollectionsAgreeWithMemory() async throws {
    var rng = SplitMix64(seed: 17)
    let ranks = ["Thượng tướng", "Đại tá", nil, nil]
    let positions = ["Bộ trưởng", "Giám đốc Công an tỉnh", "Chủ tịch"]
    let articles = RandomCorpus.make(count: 150, seed: 5).map { a in
      var a = a
      a.people = a.people.map { p in
        var p = p
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: p.name = p.name.uppercased()
        case 1: p.name = p.name.decomposedStringWithCanonicalMappingForTests
        default: break
        }
        p.rank = ranks.randomElement(using: &rng) ?? nil
        p.positions = positions.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
        return p
      }
      a.organizations = a.organizations.map { o in
        var o = o
        if Bool.random(using: &rng) { o.abbreviation = nil }
        return o
      }
      return a
    }
    // Through the library's door, which normalises every text (an NFD name is its NFC form).
    let corpus = Corpus(articles: articles)
    let (pg, _, drop) = try await TestServer.loaded(corpus)
    defer { drop() }
    let statements = [
      "people select name, ranks, positions, articles",
      "people where name contains \"nguyen\" or ranks = \"Đại tá\" order by articles desc, name limit 3",
      "organizations select name, abbreviation, articles",
      "organizations where abbreviation is null",
      "citations select number, type, issuer, year, partial, articles",
      "citations where partial = 1 or year >= 2015 order by articles desc, number desc",
      "count people where articles >= 20",
      "count people by ranks",
      "count citations by type order by count desc",
      "expect people where articles >= 2 includes \"tran quoc to\"",
      "expect count organizations = 3",
    ]
    Self.expectSameAnswers(statements, memory: corpus.backend, postgres: pg)
    guard case .success(.plan(let plan)) = Self.outcome("explain people where articles >= 2", on: pg) else {
      Issue.record("explain did not answer")
      return
    }
    #expect(plan.contains("then: the people are filtered, ordered and cut by the in-memory engine"), "\(plan)")
    #expect(plan.contains("sql: SELECT (array_agg(p.name"), "\(plan)")
  }

  /// Stories over generated articles and their near-copies: the loader stores each article's
  /// story as clustered in memory, and every statement over stories gives the in-memory answer.
  @Test func storiesAgreeWithMemory() async throws {
    let generator = ArticleGenerator(seed: 5)
    let maker = CopyMaker(seed: 5, rate: 0.5)
    var lines: [UInt8] = []
    for i in 0..<80 {
      let original = generator.article(i)
      appendJSONLine(original, to: &lines)
      for copy in maker.copies(of: original, index: i) { appendJSONLine(copy.article, to: &lines) }
    }
    // One story run on several days of a year, and the next year: counted once per year.
    let body = (1...12).map { "Đoạn \($0): lực lượng chức năng tỉnh kiểm tra kho hàng số \($0 * 7) và lập biên bản vi phạm." }
      .joined(separator: " ")
    for (k, date) in ["2021-02-03", "2021-02-17", "2021-09-30", "2022-01-05"].enumerated() {
      let record = ["id": "copy-\(k)", "title": "Kiểm tra kho hàng \(k)", "date": date, "source": "S\(k % 2)", "body": body]
      lines += try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) + Data("\n".utf8)
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-pg-stories-\(UUID().uuidString).jsonl").path
    try Data(lines).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let corpus = try Corpus.load(paths: [path])
    #expect(corpus.store.stories.all.contains { $0.copies > 1 }, "the corpus has near-copies")
    let (pg, address, drop) = try await TestServer.loaded(corpus)
    defer { drop() }
    let statements = [
      "stories order by copies desc, id limit 10",
      "stories where copies >= 2 select id, title, copies, sources, first, last, articles",
      "count stories where copies > 1",
      "stories where sources contains \"tuổi trẻ\" order by first desc limit 5",
      "articles where year >= 2020 order by story, id limit 20 select id, story",
      "count articles by story order by count desc, story limit 5",
      "count articles by year distinct story",
      "count articles by month distinct story",
      "count articles where contains \"kho hàng\" by date, source distinct story",
      "count articles where contains \"an ninh\" by source, year distinct story",
      "count articles where contains \"ma túy\" by month distinct story as share",
      "count articles by people distinct story order by count desc limit 5",
      "count articles distinct story",
      "articles where story = \"\(corpus.store.stories.all.first { $0.copies > 1 }?.id ?? "x")\" select id",
    ]
    Self.expectSameAnswers(statements, memory: corpus.backend, postgres: pg)
    // A second load beside the first clusters its articles apart: stories are then refused.
    let more = Corpus(store: ArticleStore(articles: RandomCorpus.make(count: 5, seed: 3)), paths: [], warnings: [])
    _ = try await PostgresLoader.load(more, into: address)
    guard case .failure(let e) = Self.outcome("count stories", on: pg) else {
      Issue.record("stories answered after a second load")
      return
    }
    #expect(e.message.contains("clustered per load"), "\(e.message)")
  }

  @Test func unsupportedStatementsSaySoAtTheirClause() async throws {
    let (pg, _, drop) = try await TestServer.loaded(try Corpus.bundledSeeds())
    defer { drop() }
    for text in [
      "count articles where contains \"ma\" near \"túy\" by year distinct story",
      "kwic \"ma túy\" where story = \"s\"", "ngrams 2 where story = \"s\"",
    ] {
      guard case .failure(let e) = Self.outcome(text, on: pg) else {
        Issue.record("\(text) answered on PostgreSQL")
        continue
      }
      #expect(e.message.contains("has no PostgreSQL form yet"), "\(text): \(e.message)")
    }
    // explain shows the SQL and PostgreSQL's plan.
    guard case .success(.plan(let plan)) = Self.outcome("explain count articles where cites \"03/2019/NĐ-CP\"", on: pg) else {
      Issue.record("explain did not answer")
      return
    }
    #expect(plan.contains("sql: SELECT count(*) FROM tinq_articles a WHERE EXISTS (SELECT 1 FROM tinq_citations c"), "\(plan)")
    #expect(plan.contains("plan (PostgreSQL's EXPLAIN):"))
    // A statement decided in memory shows how its articles are read.
    guard case .success(.plan(let near)) = Self.outcome("explain kwic \"ma túy\" where not (contains \"ma\" near \"túy\")", on: pg)
    else {
      Issue.record("explain of kwic did not answer")
      return
    }
    #expect(near.contains("then: the articles read are answered by the in-memory engine"), "\(near)")
    #expect(near.contains("sql: SELECT a.facts, a.body FROM tinq_articles a WHERE ((NOT false) AND EXISTS (SELECT 1 FROM tinq_terms t"), "\(near)")
  }

  @Test func loadingTheSameSourcesAgainReplacesTheirRows() async throws {
    let seeds = try Corpus.bundledSeeds()
    let (address, drop) = try TestServer.database()
    defer { drop() }
    let first = try await PostgresLoader.load(seeds, into: address)
    let second = try await PostgresLoader.load(seeds, into: address)
    #expect(first.articles == 5 && first.replaced == 0)
    #expect(second.articles == 5 && second.replaced == 5)
    let pg = try PostgresBackend.connect(address.url)
    #expect(try pg.articleCount() == 5)
    guard case .success(.count(let n)) = Self.outcome("count articles where cites \"03/2019/NĐ-CP\"", on: pg) else {
      Issue.record("count did not answer")
      return
    }
    #expect(n == 4)
  }

  /// A load that fails half-way (its connection killed between two batches) leaves the database
  /// as it was: one transaction.
  @Test func anInterruptedLoadWritesNothing() async throws {
    let articles = RandomCorpus.make(count: 40, seed: 3)
    let corpus = Corpus(store: ArticleStore(articles: articles), paths: [], warnings: [])
    let (address, drop) = try TestServer.database()
    defer { drop() }
    let killer = try PostgresSession.connect(address)
    defer { killer.close() }
    let database = address.database
    await #expect(throws: PostgresFailure.self) {
      _ = try await PostgresLoader.load(corpus, into: address, batch: 10) { progress in
        guard progress.written == 20 else { return }
        _ = try? killer.rows(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [.init(string: database)])
      }
    }
    // Nothing of it was committed: not even the schema.
    let tables = try killer.rows("SELECT count(*) FROM pg_tables WHERE tablename = 'tinq_articles'")
    #expect(try tables.first?.makeRandomAccess()[0].decode(Int.self) == 0)
  }

  @Test func connectionFailuresAreClearMessages() throws {
    let admin = try TestServer.admin()
    // Nothing listens on port 1 of the loopback.
    #expect(throws: PostgresFailure.self) { try PostgresBackend.connect("postgres://tinq@127.0.0.1:1/tinq") }
    do {
      _ = try PostgresBackend.connect("postgres://tinq@127.0.0.1:1/tinq")
    } catch {
      #expect(error.description.contains("could not connect to postgres://tinq@127.0.0.1:1/tinq"), "\(error)")
      #expect(error.description.contains("refused"), "\(error)")
    }
    do {
      _ = try PostgresBackend.connect(admin.with(database: "tinq_no_such_database").url)
      Issue.record("connected to a database that does not exist")
    } catch {
      #expect(error.description.contains("does not exist"), "\(error)")
    }
    do {
      _ = try PostgresBackend.connect(admin.url)
      Issue.record("the admin database holds no corpus, yet it opened")
    } catch {
      #expect(error.description.contains("holds no Tinq corpus"), "\(error)")
    }
    for bad in ["mysql://x/y", "postgres://u@h:99999/db", "postgres://u@h/db?color=red"] {
      #expect(throws: PostgresFailure.self, "\(bad)") { try PostgresAddress(parsing: bad, environment: [:]) }
    }
  }

  /// The throwaway cluster of scripts/postgres.sh checks one role's password.
  /// The server shut down (fast: sessions ended, transactions rolled back) and started again
  /// while a load is between two batches: the load fails with a clear error, and the database
  /// holds nothing of it. Runs on the throwaway cluster of `scripts/postgres.sh` only.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["TINQ_PG_DIR"] != nil && ProcessInfo.processInfo.environment["TINQ_PG_BIN"] != nil))
  func aServerShutdownDuringALoadWritesNothing() async throws {
    let environment = ProcessInfo.processInfo.environment
    let directory = environment["TINQ_PG_DIR"] ?? ""
    let pgCtl = (environment["TINQ_PG_BIN"] ?? "") + "/pg_ctl"
    let articles = RandomCorpus.make(count: 40, seed: 4)
    let corpus = Corpus(store: ArticleStore(articles: articles), paths: [], warnings: [])
    let (address, drop) = try TestServer.database()
    defer { drop() }
    var failure: PostgresFailure? = nil
    do {
      _ = try await PostgresLoader.load(corpus, into: address, batch: 10) { progress in
        guard progress.written == 20 else { return }
        // posix_spawn and waitpid: Foundation's Process waits on a run loop this task does not run.
        var arguments = [pgCtl, "-D", directory + "/data", "-l", directory + "/server.log", "-m", "fast", "-w", "-t", "60", "restart"]
        if getuid() == 0 { arguments = ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], nil, nil, &argv, environ) == 0 else { return }
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
      }
      Issue.record("the load outlived a server shutdown")
    } catch {
      failure = error
    }
    #expect(failure.map { $0.description.contains("connection") || $0.description.contains("server") } == true, "\(String(describing: failure))")
    // Nothing of it was committed: not even the schema.
    let session = try PostgresSession.connect(address)
    defer { session.close() }
    let tables = try session.rows("SELECT count(*) FROM pg_tables WHERE tablename = 'tinq_articles'")
    #expect(try tables.first?.makeRandomAccess()[0].decode(Int.self) == 0)
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["TINQ_PG_DIR"] != nil))
  func badCredentialsAreRefusedClearly() throws {
    var address = try TestServer.admin()
    address.user = "tinq_password"
    address.password = "wrong"
    do {
      _ = try PostgresSession.connect(address)
      Issue.record("a wrong password was accepted")
    } catch {
      #expect(error.description.contains("refused the credentials of tinq_password"), "\(error)")
      #expect(!error.description.contains("wrong"), "the password must not be shown: \(error)")
    }
    address.password = "right"
    let session = try PostgresSession.connect(address)
    session.close()
  }

  @Test func aLostConnectionAndATimeoutAreClearErrors() async throws {
    let (pg, address, drop) = try await TestServer.loaded(try Corpus.bundledSeeds())
    defer { drop() }
    // A statement past statement_timeout is cancelled by the server.
    try pg.session.execute("SET statement_timeout = 50")
    do {
      _ = try pg.session.rows("SELECT pg_sleep(2)")
      Issue.record("the statement outlived its timeout")
    } catch {
      #expect(error.description.contains("cancelled"), "\(error)")
    }
    try pg.session.execute("SET statement_timeout = 0")
    // Ctrl-C (the cancellation set while the server works) cancels the server's statement at once,
    // and the connection serves the next one.
    let cancellation = Cancellation()
    let started = ContinuousClock.now
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: 0.3)
      cancellation.cancel()
    }
    do {
      _ = try pg.session.rows("SELECT pg_sleep(20)", cancellation: cancellation)
      Issue.record("the statement outlived its cancellation")
    } catch {
      #expect(error.description.contains("cancelled"), "\(error)")
    }
    #expect(ContinuousClock.now - started < .seconds(10))
    guard case .success(.count(5)) = Self.outcome("count articles", on: pg) else {
      Issue.record("the connection did not serve the statement after a cancelled one")
      return
    }
    // The server ends the connection: the next statement is an error at its position, not a crash.
    let killer = try PostgresSession.connect(address)
    _ = try killer.rows(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [.init(string: address.database)])
    killer.close()
    guard case .failure(let e) = Self.outcome("count articles", on: pg) else {
      Issue.record("a query answered on a terminated connection")
      return
    }
    #expect(e.message.contains("connection") || e.message.contains("terminat"), "\(e.message)")
  }
}
#endif
