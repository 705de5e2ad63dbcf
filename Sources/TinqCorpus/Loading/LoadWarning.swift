import TinqExtraction
import TinqFacts
import TinqStore
import TinqSupport
import TinqText

/// `LoadWarning` is a problem with one corpus file or line, which was skipped.
public struct LoadWarning: Sendable, Hashable, CustomStringConvertible {
  /// The file's path.
  public var path: String
  /// The 1-based line, for a JSON Lines record.
  public var line: Int?
  /// Why it was skipped.
  public var reason: String

  /// `init(path:line:reason:)` makes a warning.
  public init(path: String, line: Int? = nil, reason: String) {
    self.path = path
    self.line = line
    self.reason = reason
  }

  /// `path: reason` or `path:line: reason`.
  public var description: String {
    if let line { return "\(path):\(line): \(reason)" }
    return "\(path): \(reason)"
  }
}
