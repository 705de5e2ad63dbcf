import Foundation
import Tinq

/// `ExpectationLog` collects what `tinq test` reports: every `expect` statement with its result,
/// and every statement that failed outright (a typo in a test file is a failure, not a pass).
public final class ExpectationLog: @unchecked Sendable {
  /// One reported statement.
  public struct Entry: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    /// The statement (for an error, the error's message).
    public var statement: String
    /// Nil when it passed; otherwise what went wrong, e.g. `expected 4, got 3`.
    public var failure: String?
    /// True for a statement that could not run (a syntax or check error, an interruption).
    public var isError: Bool
  }

  private let lock = NSLock()
  private var stored: [Entry] = []

  public init() {}

  /// The entries in the order they ran.
  public var entries: [Entry] { lock.withLock { stored } }

  func record(file: String, location: SourceLocation, result: ExpectationResult) {
    let entry = Entry(
      file: file, line: location.line, column: location.column, statement: result.statement,
      failure: result.passed ? nil : result.summary, isError: false)
    lock.withLock { stored.append(entry) }
  }

  func record(file: String, location: SourceLocation, error: QueryError) {
    let entry = Entry(
      file: file, line: error.isCancelled ? location.line : error.line, column: error.isCancelled ? location.column : error.column,
      statement: error.isCancelled ? "interrupted" : error.message, failure: error.isCancelled ? "interrupted" : error.rendered,
      isError: true)
    lock.withLock { stored.append(entry) }
  }
}

/// `TestReport` is how `tinq test` prints its results.
public enum TestReport: String, Sendable, CaseIterable {
  /// One line per failure (`FILE:LINE:COL: expectation failed: ...`) and a summary.
  case plain
  /// The Test Anything Protocol, version 13.
  case tap
  /// JUnit XML, which CI systems read.
  case junit

  /// `render(_:)` formats the log's entries.
  public func render(_ entries: [ExpectationLog.Entry]) -> String {
    switch self {
    case .plain: return Self.plain(entries)
    case .tap: return Self.tap(entries)
    case .junit: return Self.junit(entries)
    }
  }

  static func plain(_ entries: [ExpectationLog.Entry]) -> String {
    let failed = entries.filter { $0.failure != nil }.count
    let expectations = entries.filter { !$0.isError }.count
    let errors = entries.filter(\.isError).count
    var out = "\(expectations) expectation" + (expectations == 1 ? "" : "s") + ", \(failed - errors) failed"
    if errors > 0 { out += ", \(errors) statement" + (errors == 1 ? "" : "s") + " in error" }
    return out + "\n"
  }

  static func tap(_ entries: [ExpectationLog.Entry]) -> String {
    var out = "TAP version 13\n1..\(entries.count)\n"
    for (i, e) in entries.enumerated() {
      let name = "\(e.file):\(e.line):\(e.column): " + Renderer.visible(e.statement).replacingOccurrences(of: "\n", with: " ")
      if let failure = e.failure {
        out += "not ok \(i + 1) - \(name)\n  ---\n"
        out += "  message: " + yamlQuoted(Renderer.visible(e.isError ? failure : "expectation failed: " + failure)) + "\n"
        out += "  severity: " + (e.isError ? "error" : "fail") + "\n  ...\n"
      } else {
        out += "ok \(i + 1) - \(name)\n"
      }
    }
    return out
  }

  static func yamlQuoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  static func junit(_ entries: [ExpectationLog.Entry]) -> String {
    var files: [String] = []
    for e in entries where !files.contains(e.file) { files.append(e.file) }
    let failures = entries.filter { $0.failure != nil && !$0.isError }.count
    let errors = entries.filter(\.isError).count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"tinq\" tests=\"\(entries.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
    for file in files {
      let mine = entries.filter { $0.file == file }
      let f = mine.filter { $0.failure != nil && !$0.isError }.count
      let err = mine.filter(\.isError).count
      out += "  <testsuite name=\"\(xml(file))\" tests=\"\(mine.count)\" failures=\"\(f)\" errors=\"\(err)\">\n"
      for e in mine {
        let name = "line \(e.line): " + e.statement
        out += "    <testcase classname=\"\(xml(file))\" name=\"\(xml(name))\""
        if let failure = e.failure {
          let tag = e.isError ? "error" : "failure"
          let message = e.isError ? e.statement : "expectation failed: " + failure
          let body = e.isError ? failure : "\(e.file):\(e.line):\(e.column): " + message
          out += ">\n      <\(tag) message=\"\(xml(message))\">\(xml(body))</\(tag)>\n    </testcase>\n"
        } else {
          out += "/>\n"
        }
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }

  /// XML text with the five special characters escaped and other control characters dropped
  /// (XML 1.0 cannot carry them).
  static func xml(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
