// The libFuzzer entry point for the query language: every input is lexed, parsed as a statement
// and as a script, printed, reparsed and checked. A crash, a trap, a hang or a printer/parser
// disagreement is a finding; ordinary diagnostics are not.
import TinqEngine
import TinqSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func tinqFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Lexer.tokenize(source)
  _ = Parser.isIncomplete(source)
  let bindings: [String: Literal.Value] = ["since": .integer(2021), "who": .string("Tô Lâm"), "d": .date(PartialDateLiteral(year: 2020, month: 2))]
  for item in Parser.parseScript(source) {
    switch item.result {
    case .success(let statement): exercise(statement, bindings: bindings, source: source)
    case .failure(let diagnostic): renderBothWays(diagnostic, source: source)
    }
  }
  do {
    let statement = try Parser.parseStatement(source)
    exercise(statement, bindings: bindings, source: source)
  } catch {
    renderBothWays(error, source: source)
  }
  return 0
}

/// Renders a diagnostic with the one-off formatter and with `SourceText`; they must agree.
func renderBothWays(_ diagnostic: Diagnostic, source: String) {
  let once = DiagnosticFormatter.render(diagnostic, source: source, file: "fuzz")
  if SourceText(source).render(diagnostic, file: "fuzz") != once {
    fatalError("SourceText and DiagnosticFormatter disagree")
  }
}

/// Prints, reparses and checks one statement; the reparsed tree must equal the original.
func exercise(_ statement: Statement, bindings: [String: Literal.Value], source: String) {
  let printed = Printer.print(statement)
  do {
    let reparsed = try Parser.parseStatement(printed)
    if reparsed.erasingRanges() != statement.erasingRanges() {
      fatalError("print/parse disagree: \(printed)")
    }
  } catch {
    fatalError("printed text does not parse: \(printed): \(error.message)")
  }
  do {
    let checked = try Checker.check(statement, bindings: bindings)
    _ = checked.text
  } catch {
    _ = DiagnosticFormatter.render(error, source: source, file: "fuzz")
  }
}
