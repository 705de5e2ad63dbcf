import Testing
import TinqText
import TinqSupport
import TinqEngine
import TinqSyntax

/// Runs every pass the fuzz harness runs on `source`; a crash here is a test failure.
func syntaxExerciseAllPasses(_ source: String) {
  _ = Lexer.tokenize(source)
  _ = Parser.isIncomplete(source)
  var statements: [Statement] = []
  for item in Parser.parseScript(source) {
    switch item.result {
    case .success(let s): statements.append(s)
    case .failure(let d): _ = DiagnosticFormatter.render(d, source: source, file: "f")
    }
  }
  do {
    statements.append(try Parser.parseStatement(source))
  } catch {
    _ = DiagnosticFormatter.render(error, source: source, file: "f")
  }
  for statement in statements {
    let printed = Printer.print(statement)
    #expect((try? Parser.parseStatement(printed))?.erasingRanges() == statement.erasingRanges(), "\(printed)")
    do {
      _ = try Checker.check(statement, bindings: ["since": .integer(1)])
    } catch {
      _ = DiagnosticFormatter.render(error, source: source, file: "f")
    }
  }
}

/// Inputs that must end in a diagnostic or a result: hostile shapes from issue #3, and every
/// input the fuzzer ever found crashing (kept here, never removed).
@Suite struct FuzzRegressionTests {
  static let found: [String] = [
    // Inputs found by fuzz/run.sh are appended here.
    "let $let= -00",  // a keyword as a `let` name printed bare did not parse back
  ]

  @Test(arguments: found)
  func fuzzFindingsStayFixed(source: String) {
    syntaxExerciseAllPasses(source)
  }

  @Test func randomBytesNeverCrash() {
    var rng = SplitMix64(seed: 42)
    let alphabet = Array("articles where and or not ( ) \" \\ = != < > 2021-06 $x -- ; \n cites in between is null , ".utf8)
    for round in 0..<2_000 {
      let length = Int.random(in: 0..<80, using: &rng)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        bytes.append(round % 2 == 0 ? UInt8.random(in: 0...255, using: &rng) : alphabet[Int.random(in: 0..<alphabet.count, using: &rng)])
      }
      syntaxExerciseAllPasses(String(decoding: bytes, as: UTF8.self))
    }
  }

  @Test func nulAndInvalidUTF8() {
    syntaxExerciseAllPasses("articles where title = \"a\u{0}b\"")
    syntaxExerciseAllPasses("\u{0}\u{0}")
    syntaxExerciseAllPasses(String(decoding: [0x61, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x22, 0x0A, 0xF0, 0x9F] as [UInt8], as: UTF8.self))
  }

  @Test func hundredThousandParenthesesReportNestingDepth() {
    let source = String(repeating: "(", count: 100_000)
    for text in ["articles where " + source, source, "explain " + String(repeating: "explain ", count: 100_000) + "articles",
      "articles where " + String(repeating: "not ", count: 100_000) + "year = 1"]
    {
      #expect(throws: Diagnostic.self) { try Parser.parseStatement(text) }
      syntaxExerciseAllPasses(text)
    }
    #expect(throws: Diagnostic("nesting too deep: more than 200 levels of parentheses, `not` or `explain`", at: SourceRange(215, 216))) {
      try Parser.parseStatement("articles where " + source)
    }
    #expect(Parser.isIncomplete("articles where " + String(repeating: "(", count: 150)))
  }

  @Test func twoHundredLevelsAreFine() throws {
    let text = "articles where " + String(repeating: "(", count: 200) + "year = 1" + String(repeating: ")", count: 200)
    syntaxExerciseAllPasses(text)
    _ = try Parser.parseStatement(text)
  }

  @Test func twentyThousandAndsEndInADiagnostic() {
    let text = "articles where " + Array(repeating: "year = 1", count: 20_001).joined(separator: " and ")
    #expect(throws: Diagnostic.self) { try Parser.parseStatement(text) }
    syntaxExerciseAllPasses(text)
  }

  @Test func longestAllowedChainPassesEveryPass() throws {
    let text = "articles where " + Array(repeating: "year = 1", count: Parser.maxPredicates).joined(separator: " or ")
    let statement = try Parser.parseStatement(text)
    syntaxExerciseAllPasses(text)
    #expect(Printer.print(statement) == text)
  }

  @Test func oneMegabyteQueries() {
    let big = String(repeating: "abcdefghij", count: 100_000)
    for text in ["articles where title = \"\(big)\"", "articles where title = \(big)", "\"" + big,
      "articles where year in (" + Array(repeating: "1", count: 100_000).joined(separator: ",") + ")"]
    {
      do {
        let statement = try Parser.parseStatement(text)
        #expect(Printer.print(statement).utf8.count >= 200_000)
      } catch {
        _ = DiagnosticFormatter.render(error, source: text, file: "f")
      }
    }
    #expect(Parser.parseScript(String(repeating: "-- c\n", count: 200_000) + "articles").count == 1)
  }

  /// Messages that name another place (`to close '(' at 1:16`) must not rescan the script from
  /// its start for every error; this script took minutes when they did.
  @Test func manyErrorsInOneScriptStayLinear() {
    let lines = String(repeating: "articles where (year = 1\n", count: 20_000)
    let items = Parser.parseScript(lines)
    #expect(items.count == 20_000)
    if case .failure(let d) = items.last?.result {
      #expect(d.message == "expected ')' to close '(' at 20000:16, found end of input")
    } else {
      Issue.record("the last statement should fail to parse, got \(String(describing: items.last?.result))")
    }
    let oneLine = String(repeating: "articles where (year = 1 ; ", count: 20_000)
    #expect(Parser.parseScript(oneLine).count == 20_000)
  }

  @Test func longLinesAreShownAsAWindowAroundTheCaret() {
    let text = "articles where title = \"" + String(repeating: "x", count: 1_000) + "\" and yaer = 1 and title = \"" + String(repeating: "y", count: 1_000) + "\""
    let lines = syntaxDiagnose(text).split(separator: "\n")
    #expect(lines.first == "<query>:1:1031: error: unknown field `yaer` in articles")
    #expect(lines.count > 2 && lines[1] == "…" + String(repeating: "x", count: 94) + "\" and yaer = 1 and title = \"" + String(repeating: "y", count: 178) + "…")
    #expect(lines.count > 2 && lines[2] == String(repeating: " ", count: 101) + "^~~~")
  }
}
