import TinqSyntax

/// `EvaluationFailure` is why a checked statement produced no result.
public enum EvaluationFailure: Error, Sendable {
  /// The statement was interrupted through its `Cancellation`.
  case cancelled
  /// The statement cannot be answered (an unknown id for `show`, ...), with its position.
  case diagnostic(Diagnostic)
}

/// `Backend` is the seam between a checked statement and what answers it. The in-memory store
/// (`MemoryBackend`) is one implementation; a database server is another. Every backend gives
/// the same answers to the same checked statement: the golden tests and the planner property
/// test run against any of them.
public protocol Backend: Sendable {
  /// `run(_:cancellation:)` answers one checked statement. It fails only with a positioned
  /// diagnostic (an unknown id, a statement this backend cannot answer faithfully) or, when
  /// `cancellation` is set while it runs, `.cancelled`.
  func run(_ statement: CheckedStatement, cancellation: Cancellation?) throws(EvaluationFailure) -> QueryResult

  /// `notes(for:)` gives remarks on a statement that succeeded, e.g. that a `cites` number names
  /// no document in the corpus, so an empty answer is not taken for a real zero.
  func notes(for statement: CheckedStatement) -> [String]
}
