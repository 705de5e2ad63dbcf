import Foundation
import Testing
import TinqEngine
import TinqFacts
import TinqStore
import TinqSyntax
import TinqSupport
import TinqText

/// `keywords`: the statistics against their formulas, the counts and the ranking against a plain
/// reference that reads the bodies and the extracted facts of random corpora, and the language.
@Suite struct KeywordsTests {
  static let store = ArticleStore(articles: RandomCorpus.make(count: 300, seed: 14))

  static func run(_ text: String, on store: ArticleStore = store) throws -> QueryResult {
    try MemoryBackend(store: store).run(try Checker.check(try Parser.parseStatement(text), bindings: [:]), cancellation: nil)
  }

  /// G2 written out over the four cells, signed: the reference the implementation is held to.
  static func plainLL(_ a: Int, _ b: Int, _ sizeA: Int, _ sizeB: Int) -> Double {
    let (a, b, x, y) = (Double(a), Double(b), Double(sizeA), Double(sizeB))
    let n = x + y
    let cells = [(a, x * (a + b) / n), (b, y * (a + b) / n), (x - a, x * (n - a - b) / n), (y - b, y * (n - a - b) / n)]
    let g2 = 2 * cells.reduce(0.0) { $0 + ($1.0 > 0 ? $1.0 * log($1.0 / $1.1) : 0) }
    return a / x < b / y ? -g2 : g2
  }

  @Test(arguments: [
    // (a, b, A, B, expected ll, expected simple); the values worked out by hand.
    (10, 0, 100, 100, 14.389502660059355, 100_001.0 / 1),
    (20, 5, 1_000, 2_000, 23.185311077839405, 20_001.0 / 2_501),
    (5, 20, 1_000, 2_000, -2.201403364953272, 5_001.0 / 10_001),
    (10, 0, 1_000_000, 1_000_000, 13.862993611226862, 11.0),
    (7, 7, 500, 500, 0, 1.0),
  ])
  func statisticsFollowTheirFormulas(a: Int, b: Int, sizeA: Int, sizeB: Int, ll: Double, simple: Double) {
    #expect(abs(Keyness.ll(focus: a, reference: b, focusSize: sizeA, referenceSize: sizeB) - ll) < 1e-9)
    #expect(abs(Self.plainLL(a, b, sizeA, sizeB) - ll) < 1e-9)
    #expect(abs(Keyness.simple(focus: a, reference: b, focusSize: sizeA, referenceSize: sizeB) - simple) < 1e-9)
  }

  @Test func llAgreesWithTheFourCellsOnRandomTables() {
    var rng = SplitMix64(seed: 99)
    for _ in 0..<500 {
      let sizeA = Int.random(in: 1...100_000, using: &rng)
      let sizeB = Int.random(in: 1...1_000_000, using: &rng)
      let a = Int.random(in: 0...min(sizeA, 500), using: &rng)
      let b = Int.random(in: 0...min(sizeB, 5_000), using: &rng)
      let found = Keyness.ll(focus: a, reference: b, focusSize: sizeA, referenceSize: sizeB)
      let want = Self.plainLL(a, b, sizeA, sizeB)
      #expect(abs(found - want) <= 1e-9 * max(1, abs(want)), "a \(a) b \(b) A \(sizeA) B \(sizeB)")
    }
  }

  /// The expected rows of a keyword list from counts: scored by `Keyness`, ranked highest first,
  /// then by a, then in Vietnamese order.
  static func expectedRows(
    _ counts: [(text: String, a: Int, b: Int)], sizeA: Int, sizeB: Int, measure: KeywordsStatement.Measure
  ) -> [String] {
    counts.map { ($0, Keyness.score(measure, focus: $0.a, reference: $0.b, focusSize: sizeA, referenceSize: sizeB)) }
      .sorted { x, y in
        if x.1 != y.1 { return x.1 > y.1 }
        if x.0.a != y.0.a { return x.0.a > y.0.a }
        return VietnameseCollation.sortKey(x.0.text).lexicographicallyPrecedes(VietnameseCollation.sortKey(y.0.text))
      }
      .map { c, score in
        [
          Value.text(c.text), .integer(c.a), .integer(c.b), .decimal(Keyness.perMillion(c.a, of: sizeA)),
          .decimal(Keyness.perMillion(c.b, of: sizeB)), .decimal(score),
        ].map { "\($0)" }.joined(separator: "|")
      }
  }

  static func rows(_ result: QueryResult) -> [String] {
    guard case .rows(let rows) = result else { return ["not rows"] }
    return rows.rows.map { $0.map { "\($0)" }.joined(separator: "|") }
  }

  /// The articles of the store a reference keeps, in corpus order.
  static func articles(_ keep: (Article) -> Bool) -> [Article] {
    (0..<store.count).map { store.article($0) }.filter(keep)
  }

  static let references: [(text: String, keep: @Sendable (Article, Bool) -> Bool)] = [
    ("rest", { _, inFocus in !inFocus }),
    ("all", { _, _ in true }),
    ("where source = \"BDK\" or year = 2021", { a, _ in a.source == "BDK" || a.year == 2021 }),
  ]

  @Test(arguments: [1, 2, 3, 4], [0, 1, 2])
  func ngramKeywordsAgreeWithThePlainCount(size: Int, reference: Int) throws {
    let focus = Self.articles { $0.source == "CT" }
    let other = Self.articles { Self.references[reference].keep($0, $0.source == "CT") }
    let inFocus = NgramTests.tally(size, in: focus)
    let inOther = NgramTests.tally(size, in: other)
    let counts = inFocus.count.map { gram, a in
      (text: gram.map { inFocus.spelling[$0] ?? "?" }.joined(separator: " "), a: a, b: inOther.count[gram] ?? 0)
    }
    let sizeA = inFocus.count.values.reduce(0, +)
    let sizeB = inOther.count.values.reduce(0, +)
    #expect(!counts.isEmpty)
    for measure in KeywordsStatement.Measure.allCases {
      let expected = Self.expectedRows(counts, sizeA: sizeA, sizeB: sizeB, measure: measure)
      for (limit, offset) in [(100_000, 0), (5, 0), (4, 3)] {
        let query =
          "keywords \(size) where source = \"CT\" vs " + Self.references[reference].text
          + " by \(measure.rawValue) limit \(limit) offset \(offset)"
        let start = min(offset, expected.count)
        #expect(try Self.rows(Self.run(query)) == Array(expected[start..<min(expected.count, start + limit)]), "\(query)")
      }
    }
  }

  @Test(arguments: KeywordsStatement.Entities.allCases, [0, 1, 2])
  func entityKeywordsCountArticles(entities: KeywordsStatement.Entities, reference: Int) throws {
    let focus = Self.articles { $0.year == 2020 }
    let other = Self.articles { Self.references[reference].keep($0, $0.year == 2020) }
    func names(_ a: Article) -> Set<String> {
      switch entities {
      case .people: return Set(a.people.map(\.name))
      case .organizations: return Set(a.organizations.map(\.name))
      case .citations: return Set(a.citations.map(\.number))
      }
    }
    var a: [String: Int] = [:]
    var b: [String: Int] = [:]
    for article in focus { for n in names(article) { a[n, default: 0] += 1 } }
    for article in other { for n in names(article) { b[n, default: 0] += 1 } }
    let counts = a.map { (text: $0.key, a: $0.value, b: b[$0.key] ?? 0) }
    #expect(!counts.isEmpty)
    for measure in KeywordsStatement.Measure.allCases {
      let query =
        "keywords \(entities.rawValue) where year = 2020 vs " + Self.references[reference].text + " by \(measure.rawValue)"
      let expected = Self.expectedRows(counts, sizeA: focus.count, sizeB: other.count, measure: measure)
      #expect(try Self.rows(Self.run(query)) == Array(expected.prefix(CheckedKeywords.defaultLimit)), "\(query)")
    }
  }

  @Test func overRepresentedItemsComeFirst() throws {
    // `ma túy` fills the focus; `biên phòng` is as frequent, but more so in the reference.
    let store = ArticleStore(articles: [
      Article(id: "a", source: "X", body: "Ma túy, ma túy và biên phòng. Tổ công tác thu giữ ma túy."),
      Article(id: "b", source: "X", body: "Đường dây ma túy bị triệt phá; biên phòng phối hợp."),
      Article(id: "c", source: "Y", body: "Bộ đội biên phòng tuần tra biên giới, biên phòng giữ vững chủ quyền."),
      Article(id: "d", source: "Y", body: "Lực lượng biên phòng và dân quân phối hợp tuần tra."),
    ])
    guard case .rows(let ll) = try Self.run("keywords where source = \"X\" vs rest limit 1000", on: store) else {
      Issue.record("expected rows")
      return
    }
    func text(_ row: [Value]) -> String { if case .text(let t)? = row.first { return t } else { return "?" } }
    #expect(ll.columns == ["keyword", "focus", "reference", "focus_pm", "reference_pm", "ll"])
    #expect(ll.rows.prefix(2).map(text) == ["ma", "túy"])
    #expect(ll.rows.first.map { Array($0[1...2]) } == [.integer(4), .integer(0)])
    // Under-represented: negative, last, the most under-represented at the very end.
    #expect(ll.rows.suffix(2).map(text) == ["phòng", "biên"])
    #expect(ll.rows.suffix(2).allSatisfy { if case .decimal(let d)? = $0.last { return d < 0 } else { return false } })
    guard case .rows(let simple) = try Self.run("keywords 2 where source = \"X\" vs rest by simple limit 2", on: store)
    else {
      Issue.record("expected rows")
      return
    }
    #expect(simple.columns.last == "simple")
    #expect(simple.rows.map(text) == ["ma túy", "bị triệt"])
  }

  @Test(arguments: [
    ("keywords where source = \"CAND\" vs rest", "keywords where source = \"CAND\" vs rest"),
    (
      "KEYWORDS 2 WHERE year >= 2021 VS WHERE year < 2021 BY SIMPLE LIMIT 5 OFFSET 5",
      "keywords 2 where year >= 2021 vs where year < 2021 by simple limit 5 offset 5"
    ),
    ("keywords People where contains \"ma túy\" vs All by ll", "keywords people where contains \"ma túy\" vs all by ll"),
    ("keywords citations where a = 1 or b = 2 vs where c = 3 and d = 4", "keywords citations where a = 1 or b = 2 vs where c = 3 and d = 4"),
  ])
  func parsesToCanonicalText(source: String, expected: String) throws {
    let statement = try Parser.parseStatement(source)
    #expect(Printer.print(statement) == expected)
    #expect(try Parser.parseStatement(expected).erasingRanges() == statement.erasingRanges())
  }

  @Test(arguments: [
    ("keywords", "expected a number of syllables, `people`, `organizations`, `citations` or `where` after `keywords` at end of input"),
    ("keywords 0 where year = 1 vs rest", "1:10: error: `keywords` takes 1 to 4 syllables, found 0"),
    ("keywords peopel where year = 1 vs rest", "help: did you mean `people`?"),
    ("keywords 2 year = 1 vs rest", "expected `where` and the articles to characterise after `keywords`, found `year`"),
    ("keywords where year = 1", "expected `and`, `or` or `vs` and the reference to compare with at end of input"),
    ("keywords where year = 1 limit 3", "1:25: error: expected `and`, `or` or `vs` and the reference to compare with, found `limit`"),
    ("keywords where year = 1 vs", "expected `where`, `rest` or `all` after `vs` at end of input"),
    ("keywords where year = 1 vs others", "expected `where`, `rest` or `all` after `vs`, found `others`"),
    ("keywords where year = 1 vs rest by mi", "expected `ll` or `simple` after `by`, found `mi`"),
    ("keywords where year = 1 vs rest limit 3 by ll", "expected `offset` or end of statement, found `by`"),
  ])
  func errorsArePositioned(source: String, message: String) {
    #expect(syntaxDiagnose(source).contains(message), "\(syntaxDiagnose(source))")
  }

  @Test(arguments: [
    ("keywords where source = \"nowhere\" vs rest", "1:16: error: no article matches this `where`"),
    ("keywords where year > 0 or year is null vs rest", "1:44: error: every article is in the focus"),
    ("keywords people where year = 2020 vs where source = \"nowhere\"", "1:44: error: no article matches the reference"),
    ("keywords where nosuch = 1 vs rest", "unknown field"),
  ])
  func emptySetsAreErrorsAtTheirClause(source: String, message: String) {
    var pipeline = Pipeline()
    let found: String
    switch pipeline.run(source, backend: MemoryBackend(store: Self.store)).first?.result {
    case .failure(let error)?: found = error.rendered
    default: found = "no error"
    }
    #expect(found.contains(message), "\(found)")
  }
}
