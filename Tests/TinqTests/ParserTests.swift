import Testing
import TinqEngine
import TinqSyntax

/// Parses `source` and returns its canonical printed form, or the error message.
func syntaxPrinted(_ source: String) -> String {
  do {
    return Printer.print(try Parser.parseStatement(source))
  } catch {
    return "error: " + error.message
  }
}

@Suite struct ParserTests {
  /// (source, canonical print) pairs: the printed form shows how the parser grouped things.
  static let canonical: [(String, String)] = [
    ("articles", "articles"),
    ("ARTICLES WHERE Year >= 2021", "articles where year >= 2021"),
    ("articles where year >= 2021;", "articles where year >= 2021"),
    ("articles where a = 1 or b = 2 and c = 3", "articles where a = 1 or b = 2 and c = 3"),
    ("articles where (a = 1 or b = 2) and c = 3", "articles where (a = 1 or b = 2) and c = 3"),
    ("articles where a = 1 and (b = 2 and c = 3)", "articles where a = 1 and (b = 2 and c = 3)"),
    ("articles where ((a = 1))", "articles where a = 1"),
    ("articles where not a = 1 and b = 2", "articles where not a = 1 and b = 2"),
    ("articles where not (a = 1 and b = 2)", "articles where not (a = 1 and b = 2)"),
    ("articles where not not cites \"x\"", "articles where not not cites \"x\""),
    ("articles where year not between 2020 and 2022", "articles where year not between 2020 and 2022"),
    ("articles where year in (2020,2021)", "articles where year in (2020, 2021)"),
    ("articles where source not in (\"CT\")", "articles where source not in (\"CT\")"),
    ("articles where author is null", "articles where author is null"),
    ("articles where author IS NOT NULL", "articles where author is not null"),
    ("articles where date >= 2021-6-1", "articles where date >= 2021-06-01"),
    ("articles where date < 2021-06", "articles where date < 2021-06"),
    ("articles where date != 2020-02-29", "articles where date != 2020-02-29"),
    ("articles where title contains \"a \\\"b\\\" \\\\ c\"", "articles where title contains \"a \\\"b\\\" \\\\ c\""),
    ("articles where year >= $since", "articles where year >= $since"),
    ("articles where year = -5", "articles where year = -5"),
    ("articles order by date desc, title asc limit 2 offset 3 select id, title",
      "articles order by date desc, title limit 2 offset 3 select id, title"),
    ("count articles", "count articles"),
    ("count people where articles > 1 by ranks", "count people where articles > 1 by ranks"),
    ("show 000_d0844a13450a2335", "show \"000_d0844a13450a2335\""),
    ("show 000", "show \"000\""),
    ("show \"a:1\"", "show \"a:1\""),
    // A bare id runs to the next space, whatever its hyphens, dots and digits split it into.
    ("show baomoi-11111280", "show \"baomoi-11111280\""),
    ("show vnnews2016-00acc864f2ff", "show \"vnnews2016-00acc864f2ff\""),
    ("show 2021-06-30_a.b", "show \"2021-06-30_a.b\""),
    ("show where-1;", "show \"where-1\""),
    ("explain count articles by year", "explain count articles by year"),
    ("count articles where contains \"ma túy\" by year as share", "count articles where contains \"ma túy\" by year as share"),
    ("count articles by year,source", "count articles by year, source"),
    ("COUNT articles by source AS SHARE OF articles WHERE year >= 2020 ORDER BY share DESC LIMIT 5",
     "count articles by source as share of articles where year >= 2020 order by share desc limit 5"),
    ("let since = 2021", "let since = 2021"),
    ("let $Who = \"Tô Lâm\"", "let who = \"Tô Lâm\""),
    ("let $where = 1", "let $where = 1"),
    ("let $5 = 1", "let $5 = 1"),
    ("articles -- comment\n where year = 1", "articles where year = 1"),
    ("#!/usr/bin/env tinq\narticles", "articles"),
    ("articles where title contains \"ma túy\"\nlimit 1", "articles where title contains \"ma túy\" limit 1"),
  ]

  @Test(arguments: canonical)
  func parsesToCanonicalText(source: String, expected: String) {
    #expect(syntaxPrinted(source) == expected)
  }

  static let issueExamples = [
    "articles where year >= 2021 and cites \"03/2019/NĐ-CP\"",
    "articles where (cites \"51-NQ/TW\" or cites \"46-CT/TW\") and not mentions \"Bộ Công an\"",
    "articles where contains \"ma túy\" order by date desc limit 2 select id, title, date",
    "count articles where year between 2020 and 2022",
    "count articles by year",
    "citations where type = \"Nghị quyết\" order by articles desc",
    "people where name contains \"nguyen\" select name, ranks, articles",
  ]

  @Test(arguments: issueExamples)
  func issueExamplesParseAndCheck(source: String) throws {
    let statement = try Parser.parseStatement(source)
    let checked = try Checker.check(statement, bindings: [:])
    #expect(checked.text == source)
    #expect(Printer.print(statement) == source)
  }

  @Test func treeCarriesRanges() throws {
    let source = "articles where year >= 2021"
    guard case .query(let q) = try Parser.parseStatement(source),
      case .comparison(let field, .greaterOrEqual, let value, let range) = q.filter
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(field.range == SourceRange(15, 19))
    #expect(value.range == SourceRange(23, 27))
    #expect(range == SourceRange(15, 27))
    #expect(q.range == SourceRange(0, 27))
    #expect(value.value == .integer(2021))
  }

  @Test func precedenceBuildsAndUnderOr() throws {
    let tree = try Parser.parseStatement("articles where a = 1 or b = 2 and c = 3").erasingRanges()
    let a = Expression.comparison(FieldRef(name: "a"), .equal, Literal(.integer(1)), .none)
    let b = Expression.comparison(FieldRef(name: "b"), .equal, Literal(.integer(2)), .none)
    let c = Expression.comparison(FieldRef(name: "c"), .equal, Literal(.integer(3)), .none)
    let expected = Statement.query(
      Query(collection: CollectionRef(kind: .articles), filter: .logical(.or, a, .logical(.and, b, c, .none), .none)))
    #expect(tree == expected)
  }

  /// (script, statements printed, or `!message` for a failed item).
  static let scripts: [(String, [String])] = [
    ("articles; count articles", ["articles", "count articles"]),
    ("articles\ncount articles\n", ["articles", "count articles"]),
    ("articles\nwhere year = 1\n  and year = 2\norder by date\nlimit 1\nselect id\ncount articles",
      ["articles where year = 1 and year = 2 order by date limit 1 select id", "count articles"]),
    ("-- a comment\n\narticles\n-- between\n   -- lines\nwhere year = 1", ["articles where year = 1"]),
    ("articles where (year = 1\nor year = 2)", ["articles where year = 1 or year = 2"]),
    ("articles where\nyear = 1", ["articles where year = 1"]),
    ("count articles\nby year", ["count articles by year"]),
    ("keywords where year = 1\nvs rest\nby simple\ncount articles", ["keywords where year = 1 vs rest by simple", "count articles"]),
    ("articles wher year = 1\ncount articles", ["!expected `where`, `order by`, `limit`, `select` or end of statement, found `wher`", "count articles"]),
    ("articles where (year = 1\ncount articles", ["!expected ')' to close '(' at 1:16, found `count`", "count articles"]),
    ("bogus; articles", ["!unknown collection `bogus`", "articles"]),
    (";;\n;", []),
    ("#!tinq\narticles", ["articles"]),
    ("where x = 1\narticles", ["!expected a statement (a collection, `count`, `kwic`, `collocates`, `ngrams`, `keywords`, `show`, `explain`, `let` or `expect`), found `where`", "articles"]),
  ]

  @Test(arguments: scripts)
  func scriptsSplitIntoStatements(script: String, expected: [String]) {
    let items = Parser.parseScript(script).map { item -> String in
      switch item.result {
      case .success(let s): return Printer.print(s)
      case .failure(let d): return "!" + d.message
      }
    }
    #expect(items == expected)
  }

  @Test func scriptItemRangesCoverTheirStatements() {
    let script = "articles where year = 1;\n  count articles"
    let ranges = Parser.parseScript(script).map(\.range)
    #expect(ranges == [SourceRange(0, 23), SourceRange(27, 41)])
  }

  static let incomplete: [(String, Bool)] = [
    ("", false), ("   \n ", false), ("-- only a comment", false), ("articles", false),
    ("articles where", true), ("articles where (year = 1", true), ("articles where title = \"abc", true),
    ("articles where year = 1 and", true), ("articles where not", true), ("count articles by", true),
    ("articles order", true), ("articles order by", true), ("articles where year between 1", true),
    ("articles where year between 1 and", true), ("articles where year in (1,", true), ("count", true),
    ("show", true), ("let x =", true), ("explain", true), ("articles where year = 1 year", false),
    ("bogus where", false), ("articles where title = \"a\\q", true), ("articles where title = 'a", false),
    ("articles; count", true), ("bogus; count", false), ("articles where year >=", true),
  ]

  @Test(arguments: incomplete)
  func detectsIncompleteInput(source: String, expected: Bool) {
    #expect(Parser.isIncomplete(source) == expected)
  }

  @Test func aFieldWhereTheCollectionBelongsGetsAHint() throws {
    #expect(throws: Diagnostic(
      "unknown collection `year`", at: SourceRange(0, 4),
      notes: ["help: a query starts with its collection, e.g. `articles where year ...`",
        "note: the collections are articles, citations, people, organizations, stories"])) {
      try Parser.parseStatement("year > 2020")
    }
  }

  @Test func singleStatementRejectsASecond() {
    #expect(syntaxPrinted("articles\ncount articles") == "error: expected `where`, `order by`, `limit`, `select` or end of statement, found `count`")
    #expect(syntaxPrinted("articles; count articles") == "error: expected end of input after the statement, found `count`")
  }
}
