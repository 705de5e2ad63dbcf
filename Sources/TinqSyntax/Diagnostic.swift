/// `Diagnostic` is the one error type of the language: a message, the source range it is about,
/// and optional notes (suggestions such as "did you mean `where`?" or the list of valid fields).
///
/// Rendering (file:line:col, the source line and a caret) is separate: see `DiagnosticFormatter`.
public struct Diagnostic: Error, Sendable, Equatable {
  /// The message, e.g. `expected ')' to close '(' at 1:16, found end of input`.
  public var message: String
  /// The range of the source the message is about (UTF-8 offsets into the source text).
  public var range: SourceRange
  /// Further lines shown after the caret, each a `note:` or `help:`.
  public var notes: [String]

  /// `init(_:at:notes:)` makes a diagnostic.
  public init(_ message: String, at range: SourceRange, notes: [String] = []) {
    self.message = message
    self.range = range
    self.notes = notes
  }
}
