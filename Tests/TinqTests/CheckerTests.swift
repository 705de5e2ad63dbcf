import Testing
import TinqEngine
import TinqFacts
import TinqSyntax
import TinqText

/// Parses and checks `source`; returns the checked statement printed, or `error: message`.
func syntaxChecked(_ source: String, bindings: [String: Literal.Value] = [:]) -> String {
  do {
    return try Checker.check(try Parser.parseStatement(source), bindings: bindings).text
  } catch {
    return "error: " + error.message
  }
}

@Suite struct CheckerTests {
  /// Statements the checker accepts, one row per rule of the type table.
  static let accepted = [
    "articles where title = \"x\" and source != \"CT\" and author < \"b\" and url >= \"h\"",
    "articles where title between \"a\" and \"m\" and id in (\"000\", \"001\") and body contains \"ma túy\"",
    "articles where year = 2021 and year between 2019 and 2022 and year not in (2020)",
    "articles where date >= 2021-06-30 and date < 2022-01 and date = 2021 and date between 2020 and 2021-06",
    "articles where date in (2021, 2021-06, 2021-06-30)",
    "articles where citations contains \"03/2019/NĐ-CP\" and people = \"Tô Lâm\" and organizations != \"BCA\"",
    "articles where people in (\"A\", \"B\") and citations is null and people is not null",
    "articles where year is null and date is not null and title is null",
    "citations where type = \"Nghị quyết\" and issuer = \"TW\" and partial = 0 order by articles desc",
    "people where name contains \"nguyen\" and ranks contains \"Đại tá\" select name, ranks, articles",
    "organizations where abbreviation = \"BCA\" order by name select name, abbreviation",
    "count articles by people",
    "count citations where year > 2000 by issuer",
    "count articles by source order by count desc, source limit 10 offset 2",
    "articles offset 5",
    "articles order by date, year desc, title limit 0 offset 0 select body, citations",
    "show \"000\"",
    "explain articles where year >= 2021",
    "explain show 000",
  ]

  @Test(arguments: accepted)
  func acceptsWellTypedStatements(source: String) throws {
    let statement = try Parser.parseStatement(source)
    #expect(try Checker.check(statement, bindings: [:]).text == Printer.print(statement))
    #expect(try Checker.resolve(statement, bindings: [:]) == statement)
  }

  /// The checked statement resolves names to registry fields, fits literals to their field's
  /// type, flattens chains and fills in the default columns.
  @Test func lowersToResolvedFieldsAndTypedConstants() throws {
    let source = "articles where date = 2021 and year in (2020, 2021) and title contains \"ma túy\" and source = \"CT\" order by month desc limit 5 offset 2"
    let checked = try Checker.check(try Parser.parseStatement(source), bindings: [:])
    guard case .query(let q) = checked.kind, case .all(let items)? = q.filter, items.count == 4 else {
      Issue.record("expected a query with four conditions, got \(checked.kind)")
      return
    }
    let conditions = q.filter?.conditions ?? []
    guard case .compare(let date, .equal, .date(let year)) = conditions[0].test else {
      Issue.record("date = 2021 should compare with a date of year precision")
      return
    }
    #expect(date == Schema.field("date", in: .articles))
    #expect(year == PartialDate(year: 2021))
    guard case .isIn(_, let years, negated: false) = conditions[1].test else {
      Issue.record("expected `in`")
      return
    }
    #expect(years == [.integer(2020), .integer(2021)])
    guard case .contains(let title?, let phrase) = conditions[2].test else {
      Issue.record("expected a field contains")
      return
    }
    #expect(title.name == "title" && phrase == Phrase("ma túy"))
    #expect(conditions.map(\.text) == ["date = 2021", "year in (2020, 2021)", "title contains \"ma túy\"", "source = \"CT\""])
    #expect(q.order.map(\.field.name) == ["month"] && q.order[0].descending)
    #expect(q.limit == 5 && q.offset == 2)
    #expect(q.columns == Schema.defaultColumns(of: .articles))
    #expect(q.columns.map(\.name) == ["id", "title", "date", "year", "source", "author", "citations", "people", "organizations"])
  }

  static let rejected: [(String, String)] = [
    ("articles where yaer = 1", "unknown field `yaer` in articles"),
    ("citations where title = \"x\"", "unknown field `title` in citations"),
    ("articles where year >= \"abc\"", "`year` is an integer; expected an integer, found a string"),
    ("articles where year = 2021-06", "`year` is an integer; expected an integer, found a date"),
    ("articles where title = 5", "`title` is text; expected a string, found an integer"),
    ("articles where date = \"2021\"", "`date` is a date; expected a date (2021-06-30 or 2021-06) or a year, found a string"),
    ("articles where year between 2020 and \"x\"", "`year` is an integer; expected an integer, found a string"),
    ("articles where year in (2020, \"x\")", "`year` is an integer; expected an integer, found a string"),
    ("articles where people < \"x\"", "`<` does not apply to `people`, a list of text"),
    ("articles where people between \"a\" and \"b\"", "`between` does not apply to `people`, a list of text"),
    ("articles where people = 5", "`people` is a list of text; expected a string, found an integer"),
    ("articles where year contains \"1\"", "`contains` does not apply to `year`, an integer"),
    ("articles where title contains 5", "`contains` takes text; expected a string, found an integer"),
    ("articles where cites 5", "`cites` takes text; expected a string, found an integer"),
    ("citations where cites \"x\"", "`cites` applies only to articles, not to citations"),
    ("people where mentions \"x\"", "`mentions` applies only to articles, not to people"),
    ("organizations where contains \"x\"", "`contains` without a field applies only to articles, not to organizations"),
    ("articles order by citations", "cannot order by `citations`: it is a list of text"),
    ("articles select id, nope", "unknown field `nope` in articles"),
    ("count people by rank", "unknown field `rank` in people"),
    ("articles limit -1", "`limit` must not be negative, found -1"),
    ("articles offset -1", "`offset` must not be negative, found -1"),
    ("count articles by year order by title", "a grouped count orders by `count` or by `year`, not by `title`"),
    ("count people by ranks limit -2", "`limit` must not be negative, found -2"),
    ("articles limit 1 offset -2", "`offset` must not be negative, found -2"),
    ("articles where year = $nope", "unknown variable `$nope`"),
    ("explain let x = 1", "`explain` takes a query, a `count` or a `show` statement"),
    ("let x = $y", "unknown variable `$y`"),
  ]

  @Test(arguments: rejected)
  func rejectsWithAMessageNamingTheProblem(source: String, message: String) {
    #expect(syntaxChecked(source) == "error: " + message)
  }

  @Test func substitutesVariablesAndNothingElse() throws {
    let bindings: [String: Literal.Value] = [
      "since": .integer(2021), "decree": .string("03/2019/NĐ-CP"), "month": .date(PartialDateLiteral(year: 2021, month: 6)),
    ]
    #expect(
      syntaxChecked("articles where year >= $since and cites $decree or date < $MONTH", bindings: bindings)
        == "articles where year >= 2021 and cites \"03/2019/NĐ-CP\" or date < 2021-06")
    #expect(syntaxChecked("let copy = $since", bindings: bindings) == "let copy = 2021")
    #expect(syntaxChecked("articles where title = $since", bindings: bindings) == "error: `title` is text; expected a string, found an integer")
    let statement = try Parser.parseStatement("articles where year >= $since")
    guard case .query(let q) = try Checker.resolve(statement, bindings: bindings),
      case .comparison(_, _, let value, _) = q.filter
    else {
      Issue.record("unexpected shape")
      return
    }
    // The substituted literal keeps the variable's range so later errors point at `$since`.
    #expect(value.range == SourceRange(23, 29))
  }

  @Test func rejectsOversizedTreesBuiltInCode() {
    var e = Expression.isNull(FieldRef(name: "year"), negated: false, .none)
    for _ in 0..<(Parser.maxPredicates + Parser.maxDepth + 5) { e = .not(e, .none) }
    let statement = Statement.query(Query(collection: CollectionRef(kind: .articles), filter: e))
    #expect(throws: Diagnostic.self) { try Checker.check(statement, bindings: [:]) }
  }
}
