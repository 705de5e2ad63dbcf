import CLibEdit
import Foundation
import Synchronization
import Tinq

/// `LaunchRequest` is what the command line asked for, already parsed.
public struct LaunchRequest: Sendable, Equatable {
  /// `--corpus` paths; empty means the bundled seeds.
  public var corpusPaths: [String]
  /// `-e` statements, in order.
  public var statements: [String]
  /// `tinq run` files (`-` is stdin); nil when not running scripts.
  public var scripts: [String]?
  /// `--format`.
  public var format: OutputFormat
  /// `--timer`.
  public var timer: Bool
  /// `--keep-going`.
  public var keepGoing: Bool
  /// `tinq test` files; nil when not testing.
  public var tests: [String]?
  /// `tinq test --report`.
  public var report: TestReport
  /// `--backend postgres://...`: a database answers instead of a corpus in memory.
  public var backendURL: String? = nil

  /// `init(...)` makes a request.
  public init(
    corpusPaths: [String] = [], statements: [String] = [], scripts: [String]? = nil, format: OutputFormat = .table,
    timer: Bool = false, keepGoing: Bool = false, tests: [String]? = nil, report: TestReport = .plain
  ) {
    self.tests = tests
    self.report = report
    self.corpusPaths = corpusPaths
    self.statements = statements
    self.scripts = scripts
    self.format = format
    self.timer = timer
    self.keepGoing = keepGoing
  }
}

/// `Launcher` turns a request into a run and an exit code: 0 success, 1 a query or script
/// error, 2 a usage or I/O error.
public enum Launcher {
  /// Exit code for success.
  public static let success: Int32 = 0
  /// Exit code for an error in a query or script.
  public static let queryFailure: Int32 = 1
  /// Exit code for a usage or I/O error.
  public static let usageFailure: Int32 = 2

  /// `run(_:environment:)` loads the corpus, then runs `-e` statements, scripts, piped stdin
  /// or the REPL, and returns the exit code.
  public static func run(_ request: LaunchRequest, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
    let errors = TextOutput.standardError
    if let url = request.backendURL {
      guard request.corpusPaths.isEmpty else {
        errors.write("tinq: error: --backend and --corpus exclude each other: load the corpus with `tinq load PATH --into URL`\n")
        return usageFailure
      }
      switch connect(url) {
      case .success(let session): return run(request, session: session, description: url, environment: environment)
      case .failure(let failure):
        errors.write("tinq: error: \(failure.message)\n")
        return usageFailure
      }
    }
    let corpus: Corpus
    do {
      if request.corpusPaths.isEmpty {
        corpus = try Corpus.bundledSeeds()
      } else {
        // On a terminal, a progress line on stderr while a corpus loads, erased when it is done.
        let meter = isatty(2) != 0 ? ProgressLine(errors) : nil
        // Opening a large snapshot takes seconds: say what is happening until it is done.
        if request.corpusPaths.count == 1, Corpus.isSnapshot(path: request.corpusPaths[0]) {
          meter?.say("opening the snapshot \(request.corpusPaths[0])...")
        }
        corpus = try Corpus.load(paths: request.corpusPaths) { meter?.show($0) }
        meter?.clear()
      }
    } catch {
      errors.write("tinq: error: \(error.description)\n")
      return usageFailure
    }
    for warning in corpus.warnings { errors.write("warning: \(warning)\n") }
    if let note = snapshotNote(corpus) { errors.write(note + "\n") }
    // Outside the REPL, the corpus is left for the process's exit to reclaim: freeing a large
    // one article by article would only delay the exit of `-e`, scripts and tests.
    if request.tests != nil || request.scripts != nil || !request.statements.isEmpty || isatty(0) == 0 {
      Launcher.keepUntilExit(corpus)
    }
    let description = request.corpusPaths.isEmpty ? "the bundled seeds" : request.corpusPaths.joined(separator: ", ")
    return run(request, session: Session(corpus: corpus), description: description, environment: environment)
  }

  /// `run(_:session:description:environment:)` runs the request's statements, scripts, tests,
  /// piped stdin or the REPL on a session, and returns the exit code.
  static func run(_ request: LaunchRequest, session: Session, description: String, environment: [String: String]) -> Int32 {
    let errors = TextOutput.standardError
    let stdoutIsTerminal = isatty(1) != 0
    let noColor = (environment["NO_COLOR"].map { !$0.isEmpty }) ?? false
    let width = stdoutIsTerminal ? Int(tinq_terminal_width(1)) : 0
    let options = ShellOptions(
      format: request.format, timer: request.timer, keepGoing: request.keepGoing,
      width: width > 0 ? width : nil, color: stdoutIsTerminal && !noColor)
    var shell = Shell(session: session, options: options)

    if let tests = request.tests {
      return runTests(tests, report: request.report, shell: shell)
    }
    if let scripts = request.scripts {
      var texts: [(String, String)] = []
      for path in scripts {
        let name = path == "-" ? "<stdin>" : path
        switch Shell.readScript(path) {
        case .success(let text): texts.append((name, text))
        case .failure(let failure):
          errors.write(failure.message(name: path) + "\n")
          return usageFailure
        }
      }
      var ok = true
      for (name, text) in texts {
        if !shell.runScript(text, file: name) {
          ok = false
          if !request.keepGoing { break }
        }
        if shell.wantsToQuit { break }
      }
      return TextOutput.standardOutput.writeError != nil ? usageFailure : ok ? success : queryFailure
    }
    if !request.statements.isEmpty {
      var ok = true
      for statement in request.statements {
        if !shell.runScript(statement, file: "<command line>") {
          ok = false
          if !request.keepGoing { break }
        }
        if shell.wantsToQuit { break }
      }
      return TextOutput.standardOutput.writeError != nil ? usageFailure : ok ? success : queryFailure
    }
    if isatty(0) == 0 {
      let text: String
      switch Shell.readScript("-") {
      case .success(let t): text = t
      case .failure(let failure):
        errors.write(failure.message(name: "<stdin>") + "\n")
        return usageFailure
      }
      let ok = shell.runScript(text, file: "<stdin>")
      return TextOutput.standardOutput.writeError != nil ? usageFailure : ok ? success : queryFailure
    }
    // While the user reads the banner and types.
    session.prepareInBackground()
    var repl = Repl(shell: shell, historyPath: Repl.defaultHistoryPath(environment: environment))
    repl.run(banner: Repl.banner(session: session, description: description))
    return success
  }

  private static let kept = Mutex<[Corpus]>([])

  /// `keepUntilExit(_:)` holds a corpus until the process ends.
  static func keepUntilExit(_ corpus: Corpus) { kept.withLock { $0.append(corpus) } }

  /// `snapshotNote(_:)` is the one line said when a snapshot's sources changed since it was built.
  public static func snapshotNote(_ corpus: Corpus) -> String? {
    guard let info = corpus.snapshot, !info.changes.isEmpty else { return nil }
    return "note: \(info.path): its sources changed since it was built (\(info.changes.summary)); "
      + "answering from the snapshot; `tinq build` makes a new one"
  }

  /// Exit code after Ctrl-C (128 + SIGINT, as shells report it).
  public static let interrupted: Int32 = 130

  /// `build(paths:output:)` is `tinq build`: loads the corpus (progress on a terminal, quiet
  /// otherwise) and writes it as a snapshot. Ctrl-C stops it, leaving no partial file and the
  /// previous one, if any, intact. Exit 0, 2 for a usage or I/O error, 130 when interrupted.
  public static func build(paths: [String], output: String) -> Int32 {
    let errors = TextOutput.standardError
    LineEditor.watchInterrupts()
    let stop = { LineEditor.interrupted() }
    let start = ContinuousClock.now
    let corpus: Corpus
    // A snapshot rewritten keeps its own record of sources (`save` takes it when given none).
    var sources: [SourceFile]? = nil
    let meter = isatty(2) != 0 ? ProgressLine(errors) : nil
    do {
      if paths.count == 1, Corpus.isSnapshot(path: paths[0]) {
        meter?.say("opening the snapshot \(paths[0])...")
        corpus = try Corpus.open(paths[0])
      } else {
        // The sources are recorded before they are read: a file changed during the load shows
        // as changed when the snapshot is next opened.
        sources = try Corpus.recordSources(paths: paths)
        corpus = try Corpus.load(paths: paths, progress: { meter?.show($0) }, stop: stop)
      }
      meter?.clear()
      for warning in corpus.warnings { errors.write("warning: \(warning)\n") }
      if meter != nil { errors.write("writing \(output)...") }
      try corpus.save(to: output, sources: sources, stop: stop)
      if meter != nil { errors.write("\r\u{1B}[K") }
    } catch {
      return stopped(by: error.description, meter: meter, interrupted: stop(), "\(output) was not written")
    }
    if meter != nil {
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
      errors.write(
        String(
          format: "Built %@: %d articles, %.1f MB, in %.1f s.\n", output, corpus.articleCount, Double(size) / 1_048_576,
          seconds))
    }
    return success
  }

  /// `tinq build --update FILE [-o OUT]`: reads only the new and changed source files and
  /// rewrites the snapshot (to `OUT` when given). Exit 0 when written or already up to date.
  public static func update(snapshot: String, output: String?) -> Int32 {
    let errors = TextOutput.standardError
    LineEditor.watchInterrupts()
    let stop = { LineEditor.interrupted() }
    let start = ContinuousClock.now
    let meter = isatty(2) != 0 ? ProgressLine(errors) : nil
    let target = output ?? snapshot
    guard Corpus.isSnapshot(path: snapshot) else {
      errors.write("tinq: error: \(snapshot) is not a Tinq snapshot; --update takes one written by `tinq build`\n")
      return usageFailure
    }
    let result: SnapshotUpdate
    do {
      meter?.say("checking the sources of \(snapshot)...")
      result = try Corpus.update(snapshot: snapshot, to: output, progress: { meter?.show($0) }, stop: stop)
      meter?.clear()
    } catch {
      return stopped(by: error.description, meter: meter, interrupted: stop(), "\(target) was not written")
    }
    if meter != nil {
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      if result.isUpToDate {
        errors.write("\(snapshot) is up to date with its sources; nothing written.\n")
      } else {
        errors.write(
          String(
            format: "Updated %@ (%@): %d articles read, %d kept; %d of %d index segments kept, in %.1f s.\n", target,
            result.changes.summary, result.extracted, result.kept, result.keptSegments, result.segments, seconds))
      }
    }
    return success
  }

  /// `stopped(by:meter:interrupted:_:)` ends a long command that failed: the progress line is
  /// cleared, and Ctrl-C is said with what it left (`what`, exit 130), any other error as itself
  /// (exit 2).
  static func stopped(by error: String, meter: ProgressLine?, interrupted wasInterrupted: Bool, _ what: String) -> Int32 {
    meter?.clear()
    if wasInterrupted {
      TextOutput.standardError.write("tinq: interrupted; \(what)\n")
      return interrupted
    }
    TextOutput.standardError.write("tinq: error: \(error)\n")
    return usageFailure
  }

  /// `tinq test`: runs every file to its end, statements' own output discarded, and reports each
  /// expectation and each failed statement. Exit 1 when any failed, 2 when a file cannot be read.
  static func runTests(_ paths: [String], report: TestReport, shell: Shell) -> Int32 {
    var shell = shell
    let log = ExpectationLog()
    shell.expectationLog = log
    shell.options.keepGoing = true
    shell.options.timer = false
    if let sink = TextOutput.open(path: "/dev/null") {
      shell.output = sink
      if report != .plain { shell.errors = sink }
    }
    for path in paths {
      let name = path == "-" ? "<stdin>" : path
      switch Shell.readScript(path) {
      case .success(let text): _ = shell.runScript(text, file: name)
      case .failure(let failure):
        TextOutput.standardError.write(failure.message(name: path) + "\n")
        return usageFailure
      }
    }
    let entries = log.entries
    TextOutput.standardOutput.write(report.render(entries))
    if TextOutput.standardOutput.writeError != nil { return usageFailure }
    return entries.contains { $0.failure != nil } ? queryFailure : success
  }
}

/// `ProgressLine` draws how far a load has come on one terminal line, at most ten times a
/// second: files, articles, megabytes, rate and time left.
final class ProgressLine {
  let out: TextOutput
  let start = ContinuousClock.now
  var last = ContinuousClock.now
  var drawn = false

  init(_ out: TextOutput) { self.out = out }

  func show(_ p: LoadProgress) {
    let now = ContinuousClock.now
    guard now - last >= .milliseconds(100), now - start >= .milliseconds(300) else { return }
    last = now
    let elapsed = (now - start) / .seconds(1)
    let mb = Double(p.bytes) / 1_048_576
    let rate = elapsed > 0 ? mb / elapsed : 0
    var line = "loading: \(p.files) of \(p.totalFiles) file" + (p.totalFiles == 1 ? "" : "s")
    line += ", \(p.articles) articles, " + String(format: "%.0f of %.0f MB, %.0f MB/s", mb, Double(p.totalBytes) / 1_048_576, rate)
    if rate > 0, p.totalBytes > p.bytes {
      line += String(format: ", about %.0f s left", Double(p.totalBytes - p.bytes) / 1_048_576 / rate)
    }
    out.write("\r\u{1B}[K" + line)
    drawn = true
  }

  /// `say(_:)` draws a line of its own (for work without a measure of progress).
  func say(_ line: String) {
    out.write("\r\u{1B}[K" + line)
    drawn = true
  }

  func clear() {
    if drawn { out.write("\r\u{1B}[K") }
  }
}
