import Foundation
import Testing
import Tinq

@testable import tinq_bench

/// The corpus generator must be reproducible (same seed, same bytes), write articles of the size
/// and shape the benchmark claims, and produce corpora that Tinq loads without complaint.
@Suite struct GeneratorTests {
  @Test func sameSeedGivesSameArticles() {
    let a = ArticleGenerator(seed: 7)
    let b = ArticleGenerator(seed: 7)
    for i in [0, 1, 17, 999, 123_456] {
      #expect(a.article(i) == b.article(i))
    }
  }

  @Test func differentSeedsOrIndexesGiveDifferentArticles() {
    let a = ArticleGenerator(seed: 7)
    let b = ArticleGenerator(seed: 8)
    #expect(a.article(3).text != b.article(3).text)
    #expect(a.article(3).text != a.article(4).text)
  }

  @Test(arguments: [CorpusFormat.jsonl, .txt])
  func sameSeedGivesSameBytesOnDisk(format: CorpusFormat) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let writer = CorpusWriter(generator: ArticleGenerator(seed: 11))
    let first = dir + "/one" + (format == .jsonl ? ".jsonl" : "")
    let second = dir + "/two" + (format == .jsonl ? ".jsonl" : "")
    // More than one chunk, so the parallel writer's ordering is exercised.
    try writer.write(count: 600, format: format, to: first)
    try writer.write(count: 600, format: format, to: second)
    #expect(try snapshot(first) == snapshot(second))
  }

  @Test func articlesAreFiveToSevenKilobytesOnAverage() {
    let g = ArticleGenerator(seed: 42)
    let sizes = (0..<300).map { g.article($0).text.utf8.count }
    let mean = Double(sizes.reduce(0, +)) / Double(sizes.count)
    #expect(mean > 5_000 && mean < 7_500, "mean article size \(mean)")
  }

  @Test func mixIsAsAdvertised() {
    let g = ArticleGenerator(seed: 42)
    let texts = (0..<500).map { g.article($0).text }
    let nfd = texts.filter { !Array($0.utf8).elementsEqual($0.precomposedStringWithCanonicalMapping.utf8) }.count
    let frequent = texts.filter { $0.precomposedStringWithCanonicalMapping.contains("03/2019/NĐ-CP") }.count
    let related = texts.filter { $0.contains("Có thể bạn quan tâm") }.count
    let bylines = texts.filter { $0.contains("Tin, ảnh: ") }.count
    #expect((5...50).contains(nfd), "NFD articles: \(nfd)")
    #expect((320...430).contains(frequent), "articles citing 03/2019/NĐ-CP: \(frequent)")
    #expect((40...125).contains(related), "articles with a related block: \(related)")
    #expect(bylines > 150, "bylines: \(bylines)")
  }

  @Test func jsonLinesRoundTrip() throws {
    let g = ArticleGenerator(seed: 5)
    for i in 0..<50 {
      let a = g.article(i)
      var line: [UInt8] = []
      appendJSONLine(a, to: &line)
      #expect(line.last == UInt8(ascii: "\n"))
      let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.dropLast())) as? [String: Any])
      #expect(obj["id"] as? String == a.id)
      #expect((obj["body"] as? String).map { Array($0.utf8) } == Array(a.text.utf8))
      #expect(obj["title"] == nil && obj["date"] == nil)
    }
  }

  @Test(arguments: [CorpusFormat.jsonl, .txt])
  func generatedCorpusLoads(format: CorpusFormat) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + (format == .jsonl ? "/corpus.jsonl" : "/corpus")
    try CorpusWriter(generator: ArticleGenerator(seed: 42)).write(count: 100, format: format, to: path)
    let corpus = try Corpus.load(paths: [path])
    #expect(corpus.articleCount == 100)
    #expect(corpus.warnings.isEmpty)
    let cited = try corpus.query("count articles where cites \"03/2019/NĐ-CP\"")
    if case .count(let n) = cited {
      #expect(n > 60 && n <= 100, "articles citing 03/2019/NĐ-CP: \(n)")
    } else {
      Issue.record("expected a count, got \(cited)")
    }
    let dated = try corpus.query("count articles where year between 2015 and 2026")
    if case .count(let n) = dated {
      #expect(n > 70, "articles with a year: \(n)")
    } else {
      Issue.record("expected a count, got \(dated)")
    }
  }

  @Test func suiteQueriesAllParseOnAGeneratedCorpus() throws {
    let articles = (0..<40).map { i -> Article in
      let a = ArticleGenerator(seed: 3).article(i)
      return Article(id: a.id, body: a.text)
    }
    let corpus = Corpus(articles: articles)
    var nonEmpty = 0
    for q in BenchSuite.queries() {
      _ = try corpus.query(q.tinq)
      // Each id query lists the articles its timed query counts: the comparison with FTS5 reads them.
      if let ids = q.tinqIds {
        let n: Int
        switch try corpus.query(q.tinq) {
        case .count(let c): n = c
        case .rows(let r): n = r.rows.count
        default:
          Issue.record("\(q.name): the timed query gives neither a count nor rows")
          continue
        }
        guard case .rows(let rows) = try corpus.query(ids) else {
          Issue.record("\(q.name): the id query gives no rows")
          continue
        }
        #expect(rows.rows.count == n, "\(q.name)")
        if n > 0 { nonEmpty += 1 }
      }
    }
    #expect(nonEmpty >= 3, "queries that find something on the generated corpus: \(nonEmpty)")
  }

  @Test func percentiles() {
    let p = Percentiles([5, 1, 3, 2, 4])
    #expect(p.median == 3)
    #expect(p.p95 == 5)
    #expect(Percentiles([]).median == 0)
  }

  private func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "tinq-gen-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The bytes of a file, or of every file in a directory keyed by name.
  private func snapshot(_ path: String) throws -> [String: Data] {
    var isDir: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
    if !isDir.boolValue { return ["": try Data(contentsOf: URL(fileURLWithPath: path))] }
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: path) {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
    }
    return out
  }
}

/// `tinq-bench postgres --golden` reads the golden queries from their test table: every row, as
/// the tests run it.
@Suite struct GoldenQueryReadingTests {
  @Test func theHarnessReadsEveryGoldenQuery() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("EngineGoldenTests.swift").path
    let read = try PostgresBench.goldenQueries(in: path)
    #expect(read == EngineGoldenTests.golden.map(\.query))
  }
}
