import Foundation
import Testing
import Tinq

/// Golden queries over the bundled seed corpus: each expected answer was established by reading
/// the five articles (see the notes beside each row).
@Suite struct EngineGoldenTests {
  static let corpus: Corpus? = try? Corpus.bundledSeeds()

  /// The ids of a row result, or a count as `#N`, or grouped counts as `value:count`.
  /// The backends the golden queries run on: every implementation of `Backend` over the seeds
  /// must give these answers (a database backend joins this list).
  static let backends: [any Backend] = corpus.map { [$0.backend] + reopened($0) } ?? []

  /// The seeds written as a snapshot and opened again: it must answer every golden query alike.
  static func reopened(_ corpus: Corpus) -> [any Backend] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-golden-\(UUID().uuidString).tinq").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard (try? corpus.save(to: path)) != nil, let opened = try? Corpus.open(path) else {
      Issue.record("the seed corpus did not round-trip through a snapshot")
      return []
    }
    return [opened.backend]
  }

  static func answer(
    _ query: String, on backend: (any Backend)? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> [String] {
    guard let backend = backend ?? backends.first else {
      Issue.record("the seed corpus did not load", sourceLocation: sourceLocation)
      return []
    }
    // Through the one pipeline driver, as a session runs it.
    var pipeline = Pipeline()
    guard let outcome = pipeline.run(query, backend: backend).first else { return ["error: no statement"] }
    do {
      switch try outcome.result.get() {
      case .rows(let rows):
        let column = rows.columns.firstIndex(of: "id") ?? rows.columns.firstIndex(of: "number")
          ?? rows.columns.firstIndex(of: "name") ?? 0
        return rows.rows.map { row in
          switch row[column] {
          case .text(let s): return s
          default: return "?"
          }
        }
      case .count(let n): return ["#\(n)"]
      case .groups(let g):
        return g.groups.enumerated().map { i, group in
          let key: String
          switch group.value {
          case .integer(let i): key = String(i)
          case .text(let s): key = s
          case .null: key = "null"
          default: key = "?"
          }
          return "\(key):\(group.count)" + (g.totals.map { "/\($0[i])" } ?? "")
        }
      case .article(let detail): return [detail.article.id]
      case .expectation(let e): return [e.passed ? "ok" : "failed: " + e.summary]
      case .crossTab(let t):
        // Cells as `row×column:count`, then the total.
        func key(_ v: Value) -> String {
          switch v {
          case .integer(let i): return String(i)
          case .text(let s): return s
          case .null: return "null"
          default: return "?"
          }
        }
        return t.cells.map { "\(key($0.row))×\(key($0.column)):\($0.count)" } + ["total \(t.total)"]
      case .concordance(let c):
        // A line as `id[part@offset]: match`, then the totals.
        return c.lines.map { "\($0.id.prefix(3))[\($0.part)@\($0.offset)]: \($0.match)" } + ["\(c.occurrences) in \(c.articles)"]
      default: return []
      }
    } catch {
      return ["error: " + error.message]
    }
  }

  static let golden: [(query: String, expected: [String])] = [
    // The issue's examples.
    ("articles where year >= 2021 and cites \"03/2019/NĐ-CP\"", ["001_0ef710d98552a17e", "002_33d00f0403656af6"]),
    ("articles where (cites \"51-NQ/TW\" or cites \"46-CT/TW\") and not mentions \"Bộ Công an\"", []),
    ("articles where contains \"ma túy\" order by date desc limit 2 select id, title, date", ["001_0ef710d98552a17e", "000_d0844a13450a2335"]),
    ("count articles where year between 2020 and 2022", ["#3"]),
    ("count articles by year", ["2020:1", "2021:1", "2022:1", "null:2"]),
    // Grouped counts ordered and cut; offset alone or before limit.
    ("count articles by people order by count desc, people limit 3", ["Nguyễn Tân Cương:2", "Trần Quốc Tỏ:2", "Đỗ Căn:1"]),
    ("count articles by year order by year desc offset 1", ["2021:1", "2020:1", "null:2"]),
    ("count articles by year order by count desc limit 1", ["null:2"]),
    ("articles order by id offset 3 select id", ["003_d538e3b866b5af87", "004_adcf2f97b390286b"]),
    ("articles order by id offset 1 limit 1 select id", ["001_0ef710d98552a17e"]),
    // Period fields, one registry entry each: a date known only to its year has no month; counting
    // by a period fills the periods between with zero rows.
    ("count articles by quarter", ["2020-Q1:1", "2020-Q2:0", "2020-Q3:0", "2020-Q4:0", "2021-Q1:0", "2021-Q2:0", "2021-Q3:0", "2021-Q4:0", "2022-Q1:0", "2022-Q2:0", "2022-Q3:1", "null:3"]),
    ("articles where month >= 2021-06 select id", ["002_33d00f0403656af6"]),
    ("articles where month = 2020-01 select id", ["000_d0844a13450a2335"]),
    ("count articles where month is null and year is not null", ["#1"]),
    ("articles where week = \"2022-W39\" and day = 2022-09-30 select id", ["002_33d00f0403656af6"]),
    ("count articles by week order by count desc, week limit 1", ["null:3"]),
    ("citations where type = \"Nghị quyết\" order by articles desc", ["51-NQ/TW", "28-NQ/TW"]),
    ("people where name contains \"nguyen\" select name, ranks, articles", ["Nguyễn Tân Cương", "Nguyễn Danh Cộng"]),
    // cites: loose spellings of one decree; 001 cites it only as "Nghị định số 03" (resolved).
    ("count articles where cites \"3/2019/nd-cp\"", ["#4"]),
    ("count articles where cites \"ND 03/2019\"", ["#4"]),
    ("count articles where cites \"Nghị định số 03/2019/NĐ-CP\"", ["#4"]),
    ("articles where cites \"51-NQ/TW\" or cites \"46-CT/TW\"", ["002_33d00f0403656af6"]),
    ("count articles where cites \"28-NQ/TW\"", ["#1"]),
    ("count articles where cites \"28/NQ-CP\"", ["#0"]),  // a government resolution, not the Party's
    ("count articles where cites \"99/2020/NĐ-CP\"", ["#0"]),
    ("count articles where cites \"77/QĐ-UBND\"", ["#1"]),
    // mentions: extracted entities, folded; related-article blocks are stripped.
    ("count articles where mentions \"nguyen tan cuong\"", ["#2"]),
    ("count articles where mentions \"BCA\"", ["#5"]),
    ("count articles where mentions \"Tô Lâm\"", ["#0"]),
    ("count articles where mentions \"Công an\"", ["#0"]),  // a word of a name is not a name
    // A body whose level the text abbreviates, found by every spelling (as typed and written
    // out), also under `not` (PostgreSQL's other form of the test).
    ("count articles where mentions \"Công an TP Cần Thơ\"", ["#1"]),
    ("count articles where mentions \"cong an thanh pho can tho\"", ["#1"]),
    ("count articles where mentions \"Công an thành phố Cần Thơ\"", ["#1"]),
    ("count articles where not mentions \"Công an TP.Cần Thơ\" and year >= 2000", ["#2"]),
    // contains: whole syllables, smart diacritics, tone placement.
    ("count articles where contains \"nh quốc\"", ["#0"]),
    ("count articles where contains \"ma tuy\"", ["#4"]),
    ("count articles where contains \"hoá\"", ["#3"]),
    ("count articles where contains \"hóa\"", ["#3"]),
    ("count articles where contains \"hoa\"", ["#3"]),
    ("count articles where title contains \"Nghị định\"", ["#1"]),
    ("count articles where contains \"Có thể bạn quan tâm\"", ["#0"]),
    // Unknown values: 003 has no date.
    ("articles where year is null", ["003_d538e3b866b5af87", "004_adcf2f97b390286b"]),
    ("count articles where not year = 2020", ["#4"]),
    ("count articles where year != 2020", ["#2"]),
    ("count articles where date = 2022-09", ["#1"]),
    ("count articles where date >= 2021-06-30", ["#1"]),  // 001 is known only to its year
    // order by: Vietnamese alphabetical order, unknowns last, stable.
    ("articles order by title select id", ["000_d0844a13450a2335", "004_adcf2f97b390286b", "002_33d00f0403656af6", "001_0ef710d98552a17e", "003_d538e3b866b5af87"]),
    ("articles order by date limit 2 offset 1", ["001_0ef710d98552a17e", "002_33d00f0403656af6"]),
    // A limit and an offset whose sum overflows ask for nothing past the end, and never trap.
    ("articles limit 1 offset 9223372036854775807", []),
    ("articles order by date limit 9223372036854775807 offset 9223372036854775807", []),
    ("articles order by id limit 9223372036854775807 offset 4", ["004_adcf2f97b390286b"]),
    ("count articles by source", ["BDK:1", "CT:1", "null:3"]),
    // expect: an assertion holds or fails, saying what it expected and found.
    ("expect count articles where cites \"3/2019/nd-cp\" = 4", ["ok"]),
    ("expect count articles where cites \"3/2019/nd-cp\" < 4", ["failed: expected < 4, got 4"]),
    ("expect none articles where year > 2026", ["ok"]),
    ("expect some articles where year > 2026", ["failed: expected some rows, got no rows"]),
    ("expect articles where cites \"03/2019/NĐ-CP\" includes \"002_33d00f0403656af6\", 004_adcf2f97b390286b", ["ok"]),
    ("expect articles where year = 2020 includes \"002_33d00f0403656af6\"", ["failed: expected rows 002_33d00f0403656af6, got 1 row (000_d0844a13450a2335) without 002_33d00f0403656af6"]),
    ("expect people where articles >= 2 excludes \"nguyen tan cuong\"", ["failed: expected no row nguyen tan cuong, got 2 rows (Nguyễn Tân Cương, Trần Quốc Tỏ) with nguyen tan cuong"]),
    ("expect count articles by year = 1", ["error: `expect count` compares one number; this count is grouped by `year`"]),
    // kwic: one line per occurrence, in corpus order; the match as written. A short reference
    // (`Nghị định số 03` in 001) is a line of `kwic cites` too, and the title's occurrence is
    // listed before the body's.
    ("kwic cites \"3/2019/nd-cp\"", [
      "000[body@122]: Nghị định số 03/2019/NĐ-CP", "000[body@2877]: Nghị định số 03/2019/NĐ-CP",
      "001[body@562]: Nghị định số 03", "002[title@37]: Nghị định số 03/2019/NĐ-CP",
      "002[body@43]: Nghị định số 03/2019/NĐ-CP", "004[body@92]: Nghị định số 03/2019/NĐ-CP",
      "004[body@2363]: Nghị định số 03/2019/NĐ-CP", "7 in 4",
    ]),
    ("kwic mentions \"nguyen tan cuong\" where year >= 2021 context 2", [
      "001[body@13]: Nguyễn Tân Cương", "001[body@1204]: Nguyễn Tân Cương", "001[body@1572]: Nguyễn Tân Cương", "3 in 1",
    ]),
    // Offsets checked against `show`'s body, counted in Unicode scalars.
    ("kwic \"ma tuy\" where year is not null sort by date desc", ["001[body@2542]: ma túy", "000[body@2131]: ma túy", "2 in 2"]),
    ("kwic \"ma túy\" where source = \"CT\" sort by id", ["000[body@2131]: ma túy", "1 in 1"]),
    ("kwic \"ma tuy\" sort by id desc limit 2 offset 1", ["004[body@1005]: ma túy", "004[body@1076]: ma túy", "9 in 4"]),
    ("kwic \"ma tuy\" limit 0", ["9 in 4"]),
    // Collocates: counted in the bodies, the strongest by logDice first; `phạm` stands beside
    // `ma túy` 7 times in 38.
    ("collocates of \"ma túy\" limit 3", ["chuyên", "hàng", "bán"]),
    ("collocates of \"an ninh\" window 3 by ll limit 2", ["bảo", "quốc"]),
    // N-grams: runs of syllables no punctuation interrupts, the most frequent first; `công tác`
    // and `quốc phòng` tie on 31 in 5 articles and go in alphabetical order.
    ("ngrams 2 limit 4", ["phối hợp", "an ninh", "công tác", "quốc phòng"]),
    ("ngrams 3 where year >= 2020 limit 2 offset 1", ["công tác phối", "tác phối hợp"]),
    ("ngrams 0", ["error: `ngrams` takes 1 to 4 syllables, found 0"]),
    // Keywords: what the CT article says more than the other four. `an` is frequent everywhere
    // but twice as frequent there; `cũng` and four others stand only there, twice each.
    ("keywords where source = \"CT\" vs rest limit 3", ["an", "cũng", "giang"]),
    ("keywords people where source = \"CT\" vs rest", ["Lương Tam Quang", "Phan Văn Giang"]),
    ("keywords where source = \"XX\" vs rest", ["error: no article matches this `where`: `keywords` has nothing to characterise"]),
    ("keywords where source = \"CT\" limit 3", ["error: expected `and`, `or` or `vs` and the reference to compare with, found `limit`"]),
    // Two-way counts: one cell per pair; a list field counts each distinct element.
    ("count articles by year, source", ["2020×CT:1", "2021×null:1", "2022×BDK:1", "null×null:2", "total 5"]),
    ("count articles where cites \"03/2019/NĐ-CP\" by source, year", ["BDK×2022:1", "CT×2020:1", "null×2021:1", "null×null:1", "total 4"]),
    ("count articles where mentions \"nguyen tan cuong\" by year, people", [
      // People in Vietnamese order: Đ comes after D, before N.
      "2021×Đỗ Căn:1", "2021×Nguyễn Tân Cương:1", "2021×Phùng Sĩ Tấn:1", "2021×Trần Quốc Tỏ:1",
      "null×Nguyễn Tân Cương:1", "null×Trần Quốc Tỏ:1", "total 2",
    ]),
    ("count articles by year, body", ["error: a two-way count groups by short values, not by the body"]),
    ("count articles by year, source order by count", ["error: expected `distinct` or end of statement, found `order`"]),
    // Shares: each year's articles with the phrase beside all of that year's; of a base.
    ("count articles where contains \"ma túy\" by year as share", ["2020:1/1", "2021:1/1", "2022:0/1", "null:2/2"]),
    ("count articles where contains \"an ninh\" by source as share of articles where year >= 2021", ["BDK:1/1", "null:1/1"]),
    ("count articles where cites \"03/2019/NĐ-CP\" by source as share order by share, source limit 2", ["null:2/3", "BDK:1/1"]),
    ("count articles where cites \"03/2019/NĐ-CP\" by year as share order by share desc", ["2020:1/1", "2021:1/1", "2022:1/1", "null:1/2"]),
    ("count articles by year order by share", ["error: `order by share` needs `as share`"]),
    ("count articles by year as share of people", ["error: a share compares articles with articles, not with people"]),
    // Relevance: BM25 over the phrase; 003 (3 matches in a short text) before 004 (4 in a long one).
    ("articles where contains \"ma túy\" order by relevance select id", [
      "003_d538e3b866b5af87", "004_adcf2f97b390286b", "000_d0844a13450a2335", "001_0ef710d98552a17e",
    ]),
    ("count kwic \"an ninh\"", ["#40"]),
    ("count kwic \"an ninh\" where year >= 2021", ["#15"]),
    ("kwic \"không có ở đây\"", ["0 in 0"]),
    ("kwic cites \"99/2099/NĐ-CP\"", ["0 in 0"]),
    // show: an id or a unique prefix.
    ("show 002", ["002_33d00f0403656af6"]),
    ("show 0", ["error: the id prefix \"0\" is ambiguous: 5 articles match"]),
    ("show zzz", ["error: no article has the id or id prefix \"zzz\""]),
  ]

  @Test(arguments: golden)
  func seedQuery(query: String, expected: [String]) {
    #expect(!Self.backends.isEmpty)
    for backend in Self.backends {
      #expect(Self.answer(query, on: backend) == expected, "\(query) on \(type(of: backend))")
    }
  }

  @Test func explainNamesTheIndexOfEachPart() throws {
    let corpus = try #require(Self.corpus)
    guard case .plan(let text) = try corpus.query("explain count articles where contains \"ma tuy\" and year >= 2021 and not cites \"77/QĐ-UBND\"")
    else {
      Issue.record("explain gave no plan")
      return
    }
    #expect(text.contains("year index: year >= 2021  → 2 rows"))
    #expect(text.contains("full-text index (title, body): contains \"ma tuy\"  → 1 row"))
    #expect(text.contains("citation index: cites \"77/QĐ-UBND\""))
    #expect(!text.contains("scan"))
    #expect(text.contains("result: count 1"))
  }

  @Test func concurrentQueriesAgree() async throws {
    let corpus = try #require(Self.corpus)
    let queries = Self.golden.map(\.query)
    let serial = queries.map { Self.answer($0) }
    let parallel = await withTaskGroup(of: (Int, [String]).self) { group in
      for (i, q) in queries.enumerated() { group.addTask { (i, Self.answer(q)) } }
      var out = [[String]](repeating: [], count: queries.count)
      for await (i, a) in group { out[i] = a }
      return out
    }
    #expect(parallel == serial)
    _ = corpus
  }
}

@Suite struct NotesTests {
  @Test(arguments: [
    ("count articles where cites \"99/2020/NĐ-CP\"", ["note: no document in the corpus is numbered \"99/2020/NĐ-CP\""]),
    ("count articles where cites \"3/2019/nd-cp\"", []),
    ("articles where not mentions \"Tô Lâm\"", ["note: no person or organisation named \"Tô Lâm\" was extracted; `contains` searches the text"]),
    ("count articles where mentions \"BCA\"", []),
  ])
  func unknownNumbersAndNamesAreNoted(query: String, notes: [String]) throws {
    var session = Session(corpus: try #require(EngineGoldenTests.corpus))
    let outcomes = session.run(query)
    #expect(outcomes.count == 1)
    #expect(outcomes.first?.notes == notes)
  }
}

@Suite struct SessionTests {
  @Test func keepGoingReportsEveryErrorAtItsLine() throws {
    var session = Session(corpus: try #require(EngineGoldenTests.corpus))
    let outcomes = session.run("articles wher year = 1\ncount articles\nshow zzz\nlet y = 2022\ncount articles where year = $y", file: "s.tinq", keepGoing: true)
    #expect(outcomes.count == 5)
    let lines = outcomes.map { o -> String in
      switch o.result {
      case .success(let r): if case .count(let n) = r { return "#\(n)" } else { return "ok" }
      case .failure(let e): return "\(e.file):\(e.line):\(e.column)"
      }
    }
    #expect(lines == ["s.tinq:1:10", "#5", "s.tinq:3:1", "ok", "#1"])
    let stopped = session.run("articles wher year = 1\ncount articles")
    #expect(stopped.count == 1)
  }
}
