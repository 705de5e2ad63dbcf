// `tinq-bench postgres`: the corpus loaded into PostgreSQL beside the same corpus in memory, the
// query suite timed on both, and every answer compared (issue #16's "every answer identical").

import ArgumentParser
import Foundation
import Tinq
import TinqSupport
import TinqSyntax

#if PostgreSQL
import TinqPostgres
#endif

struct PostgresBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "postgres",
    abstract: "Load a corpus into PostgreSQL, run the query suite there and in memory, compare (build with --traits PostgreSQL).",
    discussion: """
      The database must exist and may be empty; its tinq_* tables are replaced by the corpus. Example:
        createdb news && swift run -c release --traits PostgreSQL tinq-bench postgres --corpus bench/out/perf-100k.jsonl --url postgres:///news
      """)

  @Option(help: "The corpus: folders, .txt or .jsonl files (repeatable).") var corpus: [String]
  @Option(help: "The database URL.") var url: String
  @Option(help: "Timed runs per query and engine.") var iterations: Int = 5
  @Flag(help: "Skip the load: the database already holds this corpus.") var skipLoad = false
  @Flag(help: "Print the report as JSON.") var json = false
  @Option(help: "Also compare this many random where clauses (their ids, and their counts by year), untimed.")
  var random: Int = 0
  @Option(help: "Also compare the golden queries of this test file on this corpus, untimed (none: skip).")
  var golden: String = "Tests/TinqTests/EngineGoldenTests.swift"

  /// `goldenQueries(in:)` is the statements of the golden test table (`static let golden`) in a
  /// Swift source file: each row's first string literal (`("count articles by year", [...])`),
  /// unescaped.
  static func goldenQueries(in path: String) throws -> [String] {
    let source = try String(contentsOfFile: path, encoding: .utf8)
    var out: [String] = []
    var inTable = false
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      if !inTable {
        inTable = trimmed.contains("static let golden")
        continue
      }
      if trimmed == "]" { break }
      guard trimmed.hasPrefix("(\""), trimmed.contains("\", [") else { continue }
      var text = ""
      var escaped = false
      for c in trimmed.dropFirst(2) {
        if escaped {
          text.append(c == "n" ? "\n" : c)
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          out.append(text)
          break
        } else {
          text.append(c)
        }
      }
    }
    return out
  }

  /// The statements timed and compared: the suite, and the grouped and ordered forms beside it.
  static func statements() -> [(name: String, text: String)] {
    var out = BenchSuite.queries().map { ($0.name, $0.tinq) }
    out += [
      ("count by year", "count articles by year"),
      ("count by month, share", "count articles where contains \"ma túy\" by month as share"),
      ("count by source, year", "count articles where year >= 2015 by source, year"),
      ("people of a subset", "count articles where cites \"03/2019/NĐ-CP\" by people order by count desc limit 10"),
      ("rows ordered", "articles where contains \"an ninh\" order by date desc, title limit 20 select id, date, title, source"),
      ("rows by id", "articles where year = 2019 and mentions \"Bộ Công an\" order by id limit 50 offset 10"),
      // Derived collections: grouped on the server, finished in memory.
      ("people, most cited", "people order by articles desc, name limit 20 select name, ranks, articles"),
      ("citations of a type", "citations where type = \"Nghị định\" order by articles desc, number limit 20"),
      ("organizations counted", "count organizations where articles >= 5"),
      // Decided in memory over the articles the server finds for them.
      ("kwic, rare phrase", "kwic \"phối hợp giữa hai lực lượng\" sort by right limit 20"),
      ("kwic cites", "kwic cites \"03/2019/NĐ-CP\" where year >= 2019 limit 50"),
      ("near by year", "count articles where contains \"ma túy\" near \"bắt giữ\" within 5 by year"),
      ("snippets", "articles where contains \"ma túy\" order by date desc limit 10 select id, snippet"),
      ("share with near", "count articles where contains \"ma túy\" near \"bắt giữ\" within 5 by year as share"),
      // Ranked or counted in memory over the articles kept; relevance weighed by the whole corpus.
      ("relevance top 10", "articles where contains \"ma túy\" order by relevance limit 10 select id, score"),
      ("collocates of a subset", "collocates of \"ma túy\" where year >= 2015 limit 10"),
      ("ngrams of a subset", "ngrams 2 where contains \"bắt giữ\" limit 10"),
      ("keywords vs rest", "keywords where year >= 2015 vs rest limit 10"),
      // Stories: clustered by the loader, stored per article.
      ("stories with copies", "count stories where copies > 1"),
      ("top stories", "stories order by copies desc, id limit 10 select id, copies, sources"),
      ("distinct story by year", "count articles by year distinct story"),
    ]
    return out
  }

  func run() throws {
    #if PostgreSQL
    let clock = ContinuousClock()
    note("loading \(corpus.joined(separator: ", ")) in memory")
    let t0 = clock.now
    let memory = try Corpus.load(paths: corpus)
    let memoryLoad = (clock.now - t0).seconds
    let address = try PostgresAddress(parsing: url)
    var loadSeconds: Double? = nil
    if !skipLoad {
      note("loading \(memory.articleCount) articles into \(address)")
      loadSeconds = try PostgresLoader.loadWaiting(memory, into: address).seconds
    }
    let backend = try PostgresBackend.connect(url)
    let size = try backend.session.rows("SELECT pg_database_size(current_database())").first
      .flatMap { try? $0.makeRandomAccess()[0].decode(Int.self) } ?? 0
    var rows: [[String]] = []
    var identical = 0
    var differing: [String] = []
    for (name, text) in Self.statements() {
      let (m, mMs) = time(text) { () throws(QueryError) in try memory.query(text) }
      let (p, pMs) = time(text) { () throws(QueryError) in try Self.answer(text, on: backend) }
      let same: String
      switch (m, p) {
      case (.success(let a), .success(let b)):
        same = a == b ? "identical" : "DIFFERENT"
        if a == b { identical += 1 } else { differing.append(name) }
      case (.failure(let a), .failure(let b)) where a.message == b.message:
        same = "the same error: " + a.message
        identical += 1
      case (_, .failure(let e)):
        same = "PostgreSQL: " + e.message
        if !e.message.contains("has no PostgreSQL form") { differing.append(name) }
      case (.failure(let e), _): same = "memory: " + e.message
      }
      rows.append([name, mMs.map { String(format: "%.2f", $0) } ?? "-", pMs.map { String(format: "%.2f", $0) } ?? "-", same])
    }
    // Random clauses (the planner's property test's), each as rows of ids and as a count by year.
    var randomCompared = 0
    var randomNonEmpty = 0
    var randomUnanswered = 0
    var generator = ExpressionGenerator(rng: SplitMix64(seed: 42))
    for _ in 0..<max(0, random) {
      let clause = generator.expression(depth: Int.random(in: 0...4, using: &generator.rng))
      let query = Printer.print(.query(Query(collection: CollectionRef(kind: .articles), filter: clause)))
      for text in [query + " select id", "count " + query + " by year"] {
        let m = Result { () throws(QueryError) in try memory.query(text) }
        let p = Result { () throws(QueryError) in try Self.answer(text, on: backend) }
        switch (m, p) {
        case (.success(let a), .success(let b)) where a == b:
          randomCompared += 1
          if case .rows(let r) = a, !r.rows.isEmpty { randomNonEmpty += 1 }
        case (.failure(let a), .failure(let b)) where a.message == b.message:
          randomCompared += 1
        case (_, .failure(let e)) where e.message.contains("has no PostgreSQL form"):
          randomUnanswered += 1
        default:
          differing.append(text)
        }
      }
    }
    // The golden queries (written for the seeds), on this corpus: the same answer or the same error.
    var goldenCompared = 0
    var goldenUnanswered = 0
    let goldenTexts = golden == "none" ? [] : try Self.goldenQueries(in: golden)
    for text in goldenTexts {
      let m = Result { () throws(QueryError) in try memory.query(text) }
      let p = Result { () throws(QueryError) in try Self.answer(text, on: backend) }
      switch (m, p) {
      case (.success(let a), .success(let b)) where a == b: goldenCompared += 1
      case (.failure(let a), .failure(let b)) where a.message == b.message: goldenCompared += 1
      case (_, .failure(let e)) where e.message.contains("has no PostgreSQL form"): goldenUnanswered += 1
      default: differing.append("golden: " + text)
      }
    }
    if json {
      let object: [String: Any] = [
        "golden_compared": goldenCompared, "golden_total": goldenTexts.count, "golden_unanswered": goldenUnanswered,
        "articles": memory.articleCount, "memory_load_seconds": memoryLoad, "postgres_load_seconds": loadSeconds as Any,
        "database_bytes": size, "identical": identical, "differing": differing,
        "random_compared": randomCompared, "random_nonempty": randomNonEmpty, "random_unanswered": randomUnanswered,
        "queries": rows.map { ["name": $0[0], "memory_ms": $0[1], "postgres_ms": $0[2], "answer": $0[3]] },
      ]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    } else {
      print("articles: \(memory.articleCount); in memory: load \(String(format: "%.1f", memoryLoad)) s")
      if let loadSeconds {
        print(String(format: "PostgreSQL: load %.1f s (%.0f articles/s), database %.0f MB", loadSeconds, Double(memory.articleCount) / loadSeconds, Double(size) / 1_048_576))
      } else {
        print(String(format: "PostgreSQL: database %.0f MB", Double(size) / 1_048_576))
      }
      print("| query | memory ms | PostgreSQL ms | answers |")
      print("|---|---:|---:|---|")
      for r in rows { print("| " + r.joined(separator: " | ") + " |") }
      print("\(identical) of \(rows.count) answers identical")
      if random > 0 {
        print(
          "random clauses: \(randomCompared) of \(2 * random) statements identical (\(randomNonEmpty) of the row lists non-empty)"
            + ", \(randomUnanswered) with no PostgreSQL form")
      }
      if !goldenTexts.isEmpty {
        print("golden queries: \(goldenCompared) of \(goldenTexts.count) identical, \(goldenUnanswered) with no PostgreSQL form")
      }
      if !differing.isEmpty { print("differing: " + differing.joined(separator: "\n  ")) }
    }
    if !differing.isEmpty { throw ExitCode(1) }
    #else
    throw ValidationError("tinq-bench was built without PostgreSQL: build it with --traits PostgreSQL")
    #endif
  }

  #if PostgreSQL
  /// `answer(_:on:)` is one statement's answer from the database, as the command line gives it.
  static func answer(_ text: String, on backend: PostgresBackend) throws(QueryError) -> QueryResult {
    var session = Session(database: backend, label: "PostgreSQL")
    guard let outcome = session.run(text).first else {
      throw QueryError(Diagnostic("no statement", at: SourceRange(0, 0)), source: text, file: "")
    }
    return try outcome.result.get()
  }
  #endif

  func note(_ s: String) { FileHandle.standardError.write(Data("tinq-bench: \(s)\n".utf8)) }

  /// The median of `iterations` runs after one warm-up, and the last result.
  func time(_ text: String, _ body: () throws(QueryError) -> QueryResult) -> (Result<QueryResult, QueryError>, Double?) {
    let clock = ContinuousClock()
    var last: Result<QueryResult, QueryError> = Result { () throws(QueryError) in try body() }
    if case .failure = last { return (last, nil) }
    var samples: [Double] = []
    for _ in 0..<max(1, iterations) {
      let t0 = clock.now
      last = Result { () throws(QueryError) in try body() }
      samples.append((clock.now - t0).seconds * 1000)
    }
    samples.sort()
    return (last, samples[samples.count / 2])
  }
}
