import TinqSyntax

/// `QueryError` is a statement that failed: a positioned diagnostic, or an interruption.
public struct QueryError: Error, Sendable, CustomStringConvertible {
  /// The diagnostic (message, range into the source, notes).
  public var diagnostic: Diagnostic
  /// The file name shown in messages (`<query>` when none).
  public var file: String
  /// The 1-based line of the error.
  public var line: Int
  /// The 1-based column of the error, counting characters as a person sees them.
  public var column: Int
  /// `FILE:LINE:COL: error: message`, the source line, a caret under the range, then the notes.
  public var rendered: String
  /// True when the statement was interrupted rather than wrong.
  public var isCancelled: Bool

  /// The message alone.
  public var message: String { diagnostic.message }

  /// The rendered text.
  public var description: String { rendered }

  /// `init(_:source:file:)` positions a diagnostic in its source.
  public init(_ diagnostic: Diagnostic, source: String, file: String) {
    self.init(diagnostic, text: SourceText(source), file: file)
  }

  /// `init(_:text:file:)` positions a diagnostic in a source whose line table is already built,
  /// so a script with many errors is not rescanned for each one.
  public init(_ diagnostic: Diagnostic, text: SourceText, file: String) {
    self.diagnostic = diagnostic
    self.file = file
    let location = text.location(of: diagnostic.range.start)
    line = location.line
    column = location.column
    rendered = text.render(diagnostic, file: file)
    isCancelled = false
  }

  static func cancelled(file: String) -> QueryError {
    var e = QueryError(Diagnostic("interrupted", at: .none), source: "", file: file)
    e.isCancelled = true
    e.rendered = "interrupted"
    return e
  }
}

/// `StatementOutcome` is what one statement of a script produced.
public struct StatementOutcome: Sendable {
  /// Where the statement stands in the source.
  public var range: SourceRange
  /// Its result, or its error.
  public var result: Result<QueryResult, QueryError>
  /// Remarks on a successful statement, e.g. that a `cites` number names no document in the corpus.
  public var notes: [String] = []
  /// Where the statement starts: 1-based line (of its file) and column.
  public var location = SourceLocation(line: 1, column: 1)
}

/// `Pipeline` is the one driver of the pipeline — text → tokens → syntax tree → checked
/// statement → backend → result — for every way in: a session, a script, the REPL, and
/// `Tinq.check`. It keeps the `let` bindings from one statement to the next.
public struct Pipeline: Sendable {
  /// Names bound by `let`, usable wherever a literal is.
  public private(set) var bindings: [String: Literal.Value] = [:]

  /// `init(bindings:)` starts with the given bindings.
  public init(bindings: [String: Literal.Value] = [:]) { self.bindings = bindings }

  /// `run(_:file:firstLine:backend:keepGoing:cancellation:)` runs every statement of `source`
  /// in order on `backend`. It stops after the first error unless `keepGoing`. `firstLine` is
  /// the line of `file` that `source` starts on, for the positions in messages.
  public mutating func run(
    _ source: String, file: String = "<query>", firstLine: Int = 1, backend: any Backend, keepGoing: Bool = false,
    cancellation: Cancellation? = nil
  ) -> [StatementOutcome] {
    drive(source, file: file, firstLine: firstLine, keepGoing: keepGoing, cancellation: cancellation) {
      (checked) throws(EvaluationFailure) in
      if case .expectation(let e) = checked.kind {
        let result = try Expectations.evaluate(e, statement: checked, backend: backend, cancellation: cancellation)
        return (.expectation(result), [])
      }
      let result = try backend.run(checked, cancellation: cancellation)
      return (result, backend.notes(for: checked))
    }
  }

  /// `check(_:file:firstLine:)` parses and checks every statement of `source` without running
  /// any, returning the errors found (empty when the text is valid).
  public mutating func check(_ source: String, file: String = "<query>", firstLine: Int = 1) -> [QueryError] {
    let outcomes = drive(source, file: file, firstLine: firstLine, keepGoing: true, cancellation: nil) {
      (checked) throws(EvaluationFailure) in
      (.plan(checked.text), [])
    }
    return outcomes.compactMap { if case .failure(let e) = $0.result { return e } else { return nil } }
  }

  private mutating func drive(
    _ source: String, file: String, firstLine: Int, keepGoing: Bool, cancellation: Cancellation?,
    answer: (CheckedStatement) throws(EvaluationFailure) -> (QueryResult, [String])
  ) -> [StatementOutcome] {
    var outcomes: [StatementOutcome] = []
    let text = SourceText(source, firstLine: firstLine)
    for item in Parser.parseScript(source) {
      if cancellation?.isCancelled == true {
        outcomes.append(StatementOutcome(range: item.range, result: .failure(.cancelled(file: file))))
        break
      }
      let outcome: StatementOutcome
      switch item.result {
      case .failure(let d):
        outcome = StatementOutcome(range: item.range, result: .failure(QueryError(d, text: text, file: file)))
      case .success(let statement):
        do throws(Diagnostic) {
          let checked = try Checker.check(statement, bindings: bindings)
          do throws(EvaluationFailure) {
            let (result, notes) = try answer(checked)
            if case .binding(let name, let value) = checked.kind { bindings[name] = value }
            outcome = StatementOutcome(range: item.range, result: .success(result), notes: notes)
          } catch {
            switch error {
            case .cancelled:
              outcome = StatementOutcome(range: item.range, result: .failure(.cancelled(file: file)))
            case .diagnostic(let d):
              outcome = StatementOutcome(range: item.range, result: .failure(QueryError(d, text: text, file: file)))
            }
          }
        } catch {
          outcome = StatementOutcome(range: item.range, result: .failure(QueryError(error, text: text, file: file)))
        }
      }
      var located = outcome
      located.location = text.location(of: item.range.start)
      outcomes.append(located)
      if case .failure = outcome.result, !keepGoing { break }
    }
    return outcomes
  }
}
