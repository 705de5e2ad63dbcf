import Testing
import TinqEngine
import TinqSyntax

/// Checks that `marked` (a statement with `1️⃣` where the error belongs) gives exactly one
/// diagnostic, with `message`, starting at the marker. Parse and check errors alike.
func assertSyntaxDiagnostic(
  _ marked: String, _ message: String, bindings: [String: Literal.Value] = [:],
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  guard let marker = marked.range(of: "1️⃣") else {
    Issue.record("no 1️⃣ marker in \(marked)", sourceLocation: sourceLocation)
    return
  }
  let offset = marked.utf8.distance(from: marked.startIndex, to: marker.lowerBound)
  let source = marked.replacingCharacters(in: marker, with: "")
  do {
    let statement = try Parser.parseStatement(source)
    _ = try Checker.check(statement, bindings: bindings)
    Issue.record("no error for \(source)", sourceLocation: sourceLocation)
  } catch {
    #expect(error.message == message, sourceLocation: sourceLocation)
    #expect(error.range.start == offset, "caret at the wrong place", sourceLocation: sourceLocation)
  }
}

@Suite struct DiagnosticMarkerTests {
  @Test func parseErrorsPointAtTheMistake() {
    assertSyntaxDiagnostic("articles 1️⃣wher year > 2020", "expected `where`, `order by`, `limit`, `select` or end of statement, found `wher`")
    assertSyntaxDiagnostic("articles where 1️⃣(year = 1", "expected ')' to close '(' at 1:16, found end of input")
    assertSyntaxDiagnostic("articles where (year = 1 1️⃣select id", "expected ')' to close '(' at 1:16, found `select`")
    assertSyntaxDiagnostic("articles where title = 1️⃣\"Đà Nẵng", "expected '\"' to close the string at 1:24, found end of input")
    assertSyntaxDiagnostic("articles where year in (1, 2 1️⃣3)", "expected `,` or `)`, found `3`")
    assertSyntaxDiagnostic("articles where year between 1 1️⃣or 2", "expected `and` and the high end of `between`, found `or`")
    assertSyntaxDiagnostic("articles where author is 1️⃣nul", "expected `null` or `not null` after `is`, found `nul`")
    assertSyntaxDiagnostic("articles where year not 1️⃣like 2", "expected `between` or `in` after `year not`, found `like`")
    assertSyntaxDiagnostic("articles where 1️⃣and year = 1", "expected a condition (a field, `contains`, `cites`, `mentions`, `not` or `(`), found `and`")
    assertSyntaxDiagnostic("articles order 1️⃣year", "expected `by` after `order`, found `year`")
    assertSyntaxDiagnostic("articles limit 1️⃣ten", "expected the number of rows after `limit`, found `ten`")
    assertSyntaxDiagnostic("articles limit 1️⃣$n", "expected the number of rows after `limit`, found `$n`")
    assertSyntaxDiagnostic("articles offset 3 1️⃣offset 4", "expected `limit`, `select` or end of statement, found `offset`")
    assertSyntaxDiagnostic("count 1️⃣where year = 1", "expected a collection after `count`, found `where`")
    assertSyntaxDiagnostic("1️⃣articels", "unknown collection `articels`")
    assertSyntaxDiagnostic("show 1️⃣(", "expected an article id or id prefix after `show`, found `(`")
    assertSyntaxDiagnostic("let 1️⃣where = 1", "expected a variable name after `let`, found `where`")
    assertSyntaxDiagnostic("articles where year >= 2021 1️⃣2022", "expected `and`, `or`, `order by`, `limit`, `select` or end of statement, found `2022`")
    assertSyntaxDiagnostic("articles where year = 1️⃣2021-02-30", "invalid date 2021-02-30: the day must be 01 to 28")
    assertSyntaxDiagnostic("articles where title = \"a1️⃣\\tb\"", "unknown escape \\t in a string; only \\\" and \\\\ are escapes")
  }

  @Test func checkErrorsPointAtTheMistake() {
    assertSyntaxDiagnostic("articles where 1️⃣yaer = 2021", "unknown field `yaer` in articles")
    assertSyntaxDiagnostic("articles where year >= 1️⃣\"abc\"", "`year` is an integer; expected an integer, found a string")
    assertSyntaxDiagnostic("articles where title = 1️⃣$n", "`title` is text; expected a string, found an integer", bindings: ["n": .integer(3)])
    assertSyntaxDiagnostic("people where 1️⃣mentions \"x\"", "`mentions` applies only to articles, not to people")
    assertSyntaxDiagnostic("articles order by date, 1️⃣people desc", "cannot order by `people`: it is a list of text")
    assertSyntaxDiagnostic("count articles by 1️⃣yr", "unknown field `yr` in articles")
    assertSyntaxDiagnostic("articles select id, 1️⃣titel", "unknown field `titel` in articles")
    assertSyntaxDiagnostic("articles where year in (1, 1️⃣$y)", "unknown variable `$y`")
  }
}
