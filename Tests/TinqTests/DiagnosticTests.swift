import Testing
import TinqText
import TinqSupport
import TinqEngine
import TinqSyntax

/// Parses and checks `source`, returning the rendered diagnostic, or "ok".
func syntaxDiagnose(_ source: String, file: String = "<query>") -> String {
  do {
    let statement = try Parser.parseStatement(source)
    _ = try Checker.check(statement, bindings: ["since": .integer(2021)])
    return "ok"
  } catch {
    return DiagnosticFormatter.render(error, source: source, file: file)
  }
}

@Suite struct DiagnosticTests {
  /// Golden renderings, one per kind of error.
  static let golden: [(String, String)] = [
    (
      "articles wher year > 2020",
      """
      <query>:1:10: error: expected `where`, `order by`, `limit`, `select` or end of statement, found `wher`
      articles wher year > 2020
               ^~~~
      help: did you mean `where`?
      """
    ),
    (
      "articles where (year = 2021 or cites \"x\"",
      """
      <query>:1:16: error: expected ')' to close '(' at 1:16, found end of input
      articles where (year = 2021 or cites "x"
                     ^
      """
    ),
    (
      "articles where (year = 2021 limit 3",
      """
      <query>:1:29: error: expected ')' to close '(' at 1:16, found `limit`
      articles where (year = 2021 limit 3
                                  ^~~~~
      """
    ),
    (
      "articles where title = \"Đà Nẵng",
      """
      <query>:1:24: error: expected '"' to close the string at 1:24, found end of input
      articles where title = "Đà Nẵng
                             ^
      """
    ),
    (
      "articles where year >=",
      """
      <query>:1:23: error: expected a value after `>=` at end of input
      articles where year >=
                            ^
      """
    ),
    (
      "articels where year = 1",
      """
      <query>:1:1: error: unknown collection `articels`
      articels where year = 1
      ^~~~~~~~
      help: did you mean `articles`?
      note: the collections are articles, citations, people, organizations, stories
      """
    ),
    (
      "articles where yaer = 2021",
      """
      <query>:1:16: error: unknown field `yaer` in articles
      articles where yaer = 2021
                     ^~~~
      help: did you mean `year`?
      note: articles has the fields id, title, date, year, month, quarter, week, day, source, author, url, body, snippet, score, citations, people, organizations, story
      """
    ),
    (
      "articles where year >= \"abc\"",
      """
      <query>:1:24: error: `year` is an integer; expected an integer, found a string
      articles where year >= "abc"
                             ^~~~~
      """
    ),
    (
      "articles where year = \"2021\"",
      """
      <query>:1:23: error: `year` is an integer; expected an integer, found a string
      articles where year = "2021"
                            ^~~~~~
      help: write it without quotes: 2021
      """
    ),
    (
      "people where cites \"51-NQ/TW\"",
      """
      <query>:1:14: error: `cites` applies only to articles, not to people
      people where cites "51-NQ/TW"
                   ^~~~~~~~~~~~~~~~
      """
    ),
    (
      "articles where cite \"51-NQ/TW\"",
      """
      <query>:1:16: error: unknown predicate `cite`
      articles where cite "51-NQ/TW"
                     ^~~~
      help: did you mean `cites`?
      """
    ),
    (
      "articles where year betwen 2020 and 2021",
      """
      <query>:1:21: error: expected an operator (`=`, `!=`, `<`, `<=`, `>`, `>=`, `between`, `in`, `is` or `contains`) after `year`, found `betwen`
      articles where year betwen 2020 and 2021
                          ^~~~~~
      help: did you mean `between`?
      """
    ),
    (
      "articles where author = null",
      """
      <query>:1:25: error: expected a value after `=`, found `null`
      articles where author = null
                              ^~~~
      help: to test for a missing value write `author is null`
      """
    ),
    (
      "articles order by people",
      """
      <query>:1:19: error: cannot order by `people`: it is a list of text
      articles order by people
                        ^~~~~~
      note: order by a text, integer or date field
      """
    ),
    (
      "articles where year >= $sinc",
      """
      <query>:1:24: error: unknown variable `$sinc`
      articles where year >= $sinc
                             ^~~~~
      help: did you mean `$since`?
      help: define it first, e.g. `let sinc = "..."`
      """
    ),
    (
      "articles select id where year = 1",
      """
      <query>:1:20: error: expected `,` or end of statement, found `where`
      articles select id where year = 1
                         ^~~~~
      note: clauses go in the order `where`, `order by`, `limit`, `select`
      """
    ),
    (
      "stories where copies >= 4 select id, copies limit 3",
      """
      <query>:1:45: error: expected `,` or end of statement, found `limit`
      stories where copies >= 4 select id, copies limit 3
                                                  ^~~~~
      note: clauses go in the order `where`, `order by`, `limit`, `select`
      """
    ),
    (
      "kwic \"ma túy\" sort by left context 4",
      """
      <query>:1:28: error: expected `sample`, `limit` or end of statement, found `context`
      kwic "ma túy" sort by left context 4
                                 ^~~~~~~
      note: a concordance's clauses go in the order `where`, `context`, `sort by`, `sample`, `limit`
      """
    ),
    (
      "articles limit 2 limit 3",
      """
      <query>:1:18: error: expected `offset`, `select` or end of statement, found `limit`
      articles limit 2 limit 3
                       ^~~~~
      note: `limit N` and `offset N` each come once, in either order
      """
    ),
    (
      "articles limit -1",
      """
      <query>:1:10: error: `limit` must not be negative, found -1
      articles limit -1
               ^~~~~~~~
      """
    ),
    (
      "articles where title = 'ma túy'",
      """
      <query>:1:24: error: strings are written in double quotes, not single quotes
      articles where title = 'ma túy'
                             ^~~~~~~~
      help: write "ma túy"
      """
    ),
    (
      "citations where type < 5",
      """
      <query>:1:24: error: `type` is text; expected a string, found an integer
      citations where type < 5
                             ^
      help: write it in double quotes: "5"
      """
    ),
    (
      "",
      """
      <query>:1:1: error: expected a statement, found end of input

      ^
      """
    ),
  ]

  @Test(arguments: golden)
  func rendersGoldenText(source: String, expected: String) {
    #expect(syntaxDiagnose(source) == expected)
  }

  @Test func secondLineAndFileName() {
    let source = "articles\n  where year >= \"x\""
    #expect(
      syntaxDiagnose(source, file: "q.tinq") == """
        q.tinq:2:17: error: `year` is an integer; expected an integer, found a string
          where year >= "x"
                        ^~~
        """)
  }

  /// A caret after `Đ` lands under the right character whether the text is NFC or NFD.
  @Test(arguments: ["Đà", "Đa\u{300}", "D\u{335}a\u{300}"])
  func caretCountsCharacters(text: String) {
    let source = "articles where title = \"\(text)\" and yaer = 1"
    let lines = syntaxDiagnose(source).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("<query>:1:33: error: unknown field `yaer`") == true)
    #expect(lines.count > 2 && lines[2] == String(repeating: " ", count: 32) + "^~~~")
  }

  /// `SourceText` answers exactly as the one-off functions do, on awkward text.
  @Test func sourceTextAgreesWithTheOneOffFunctions() {
    let pieces = ["a", "Đ", "a\u{300}", "\n", "\r\n", "\t", "😀", "\u{7}", " ", "ư\u{303}", "\n\u{301}", "漢"]
    var rng = SplitMix64(seed: 7)
    for _ in 0..<200 {
      var source = ""
      for _ in 0..<Int.random(in: 0..<30, using: &rng) { source += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
      let indexed = SourceText(source)
      let count = source.utf8.count
      for _ in 0..<10 {
        let start = Int.random(in: -2...(count + 2), using: &rng)
        let d = Diagnostic("m", at: SourceRange(start, start + Int.random(in: 0...6, using: &rng)), notes: ["n"])
        #expect(indexed.location(of: start) == DiagnosticFormatter.location(of: start, in: source))
        #expect(indexed.render(d, file: "f") == DiagnosticFormatter.render(d, source: source, file: "f"))
      }
    }
  }

  @Test func locationCountsLinesAndCharacters() {
    let source = "ab\nĐư\u{300}x"
    #expect(DiagnosticFormatter.location(of: 0, in: source) == SourceLocation(line: 1, column: 1))
    #expect(DiagnosticFormatter.location(of: 3, in: source) == SourceLocation(line: 2, column: 1))
    #expect(DiagnosticFormatter.location(of: 9, in: source) == SourceLocation(line: 2, column: 3))
    #expect(DiagnosticFormatter.location(of: 1000, in: source) == SourceLocation(line: 2, column: 4))
    #expect(DiagnosticFormatter.location(of: -5, in: source) == SourceLocation(line: 1, column: 1))
  }

  @Test func renderingSurvivesNonsenseRanges() {
    let d = Diagnostic("m", at: SourceRange(1, 3), notes: ["plain", "help: h"])
    #expect(DiagnosticFormatter.render(d, source: "Đ", file: "f") == "f:1:1: error: m\nĐ\n^\nnote: plain\nhelp: h")
    let inside = Diagnostic("m", at: SourceRange(4, 5))
    #expect(DiagnosticFormatter.render(inside, source: "abĐ\u{300}x", file: "f") == "f:1:3: error: m\nabĐ\u{300}x\n  ^")
    let far = Diagnostic("m", at: SourceRange(50, 60))
    #expect(DiagnosticFormatter.render(far, source: "ab", file: "f") == "f:1:3: error: m\nab\n  ^")
  }

  @Test func controlCharactersDoNotReachTheTerminal() {
    let rendered = syntaxDiagnose("articles where title = \"a\u{7}\" and yaer = 1")
    #expect(!rendered.contains("\u{7}"))
    let lines = rendered.split(separator: "\n")
    #expect(lines.count > 2 && lines[1] == "articles where title = \"a\u{FFFD}\" and yaer = 1")
    #expect(lines.count > 2 && lines[2] == String(repeating: " ", count: 32) + "^~~~")
  }

  @Test func oneMistakeGivesOneError() {
    let items = Parser.parseScript("articles wher year > 2020 and and or ((\ncount articles")
    let failures = items.filter { if case .failure = $0.result { return true } else { return false } }
    #expect(items.count == 2)
    #expect(failures.count == 1)
  }
}
