import Foundation
import Tinq

#if PostgreSQL
import TinqPostgres
#endif

/// `DatabaseFailure` is why `--backend` or `tinq load --into` could not go on, as one line.
struct DatabaseFailure: Error {
  var message: String
}

extension Launcher {
  /// What to say when this tinq was built without the PostgreSQL backend.
  static let withoutPostgres =
    "this tinq was built without its PostgreSQL backend: build it with `swift build -c release --traits PostgreSQL`"

  /// `connect(_:)` opens a session answered by the database at `url`.
  static func connect(_ url: String) -> Result<Session, DatabaseFailure> {
    #if PostgreSQL
    do {
      let backend = try PostgresBackend.connect(url)
      return .success(Session(database: backend, label: "PostgreSQL " + backend.session.address.description))
    } catch {
      return .failure(DatabaseFailure(message: error.description))
    }
    #else
    return .failure(DatabaseFailure(message: withoutPostgres))
    #endif
  }

  /// `load(paths:into:)` is `tinq load`: Tinq's own loading and extraction, then the articles
  /// written into the database in one transaction (progress on a terminal). Exit 0, 2 for a
  /// usage, I/O or server error, 130 when interrupted (nothing is written then).
  public static func load(paths: [String], into url: String) -> Int32 {
    let errors = TextOutput.standardError
    #if PostgreSQL
    let address: PostgresAddress
    do {
      address = try PostgresAddress(parsing: url)
    } catch {
      errors.write("tinq: error: \(error.description)\n")
      return usageFailure
    }
    LineEditor.watchInterrupts()
    let stop = { LineEditor.interrupted() }
    let meter = isatty(2) != 0 ? ProgressLine(errors) : nil
    let corpus: Corpus
    do {
      corpus = try Corpus.load(paths: paths, progress: { meter?.show($0) }, stop: stop)
    } catch {
      return stopped(by: error.description, meter: meter, interrupted: stop(), "nothing was written to \(address)")
    }
    meter?.clear()
    for warning in corpus.warnings { errors.write("warning: \(warning)\n") }
    let onTerminal = meter != nil
    let outcome = Result { () throws(PostgresFailure) in
      try PostgresLoader.loadWaiting(corpus, into: address) { progress in
        if onTerminal {
          TextOutput.standardError.write("\r\u{1B}[Kwriting to \(address): \(progress.written)/\(progress.total) articles")
        }
        if LineEditor.interrupted() {
          // Ending the process ends the connection: the server rolls the transaction back.
          TextOutput.standardError.write("\r\u{1B}[Ktinq: interrupted; nothing was written to \(address)\n")
          exit(interrupted)
        }
      }
    }
    if onTerminal { errors.write("\r\u{1B}[K") }
    switch outcome {
    case .success(let summary):
      let replaced = summary.replaced > 0 ? ", replacing \(summary.replaced) loaded before" : ""
      errors.write(
        String(format: "Loaded %d articles into %@%@ in %.1f s.\n", summary.articles, address.description, replaced, summary.seconds))
      return success
    case .failure(let failure):
      errors.write("tinq: error: \(failure.description)\n")
      return usageFailure
    }
    #else
    errors.write("tinq: error: \(withoutPostgres)\n")
    return usageFailure
    #endif
  }
}
