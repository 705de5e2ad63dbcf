import Foundation
import Tinq

/// `ShellOptions` are the settings a script or the REPL runs under; meta-commands change them.
public struct ShellOptions: Sendable, Equatable {
  /// The output format.
  public var format: OutputFormat
  /// Whether to print `Run Time: real S.SSSSSS` on stderr after each statement.
  public var timer: Bool
  /// Whether a script goes on after a failing statement.
  public var keepGoing: Bool
  /// The table width in columns, or nil for no limit.
  public var width: Int?
  /// Whether tables may use colour.
  public var color: Bool

  /// `init(format:timer:keepGoing:width:color:)` makes options.
  public init(format: OutputFormat = .table, timer: Bool = false, keepGoing: Bool = false, width: Int? = nil, color: Bool = false) {
    self.format = format
    self.timer = timer
    self.keepGoing = keepGoing
    self.width = width
    self.color = color
  }
}

/// `TextOutput` writes text to a file descriptor, retrying short writes.
public final class TextOutput: @unchecked Sendable {
  let fd: Int32
  let owned: Bool
  /// The error of the first write that failed (a full disk, a closed pipe), if any.
  public private(set) var writeError: Int32? = nil

  /// `failure` describes the first failed write, as `strerror` does.
  public var failure: String? { writeError.map { String(cString: strerror($0)) } }

  /// `standardOutput` is fd 1.
  public static let standardOutput = TextOutput(fd: 1, owned: false)
  /// `standardError` is fd 2.
  public static let standardError = TextOutput(fd: 2, owned: false)

  init(fd: Int32, owned: Bool) {
    self.fd = fd
    self.owned = owned
  }

  /// `open(path:)` creates or truncates a file for writing.
  public static func open(path: String) -> TextOutput? {
    let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    return fd < 0 ? nil : TextOutput(fd: fd, owned: true)
  }

  deinit { if owned { close(fd) } }

  /// `write(_:)` writes all of `text`.
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          if writeError == nil { writeError = errno }
          return
        }
        offset += n
      }
    }
  }
}

/// `ScriptPiece` is one step of a script: a meta-command line, or statements starting at a line.
public enum ScriptPiece: Sendable, Equatable {
  /// A meta-command and its 1-based line.
  case meta(String, line: Int)
  /// Statement text and the 1-based line it starts on.
  case statements(String, line: Int)

  /// The words that begin a statement: a complete statement followed by a line starting with
  /// one of these is run on its own, so timings and errors are per statement.
  static let starters: Set<String> =
    Set(CollectionKind.allCases.map(\.rawValue)).union(["count", "show", "explain", "let", "expect"])

  /// `split(_:)` cuts a script into meta-commands and runs of statements.
  public static func split(_ text: String) -> [ScriptPiece] {
    var pieces: [ScriptPiece] = []
    var buffer = ""
    var bufferLine = 1
    var hasContent = false
    func flush() {
      if hasContent { pieces.append(.statements(buffer, line: bufferLine)) }
      buffer = ""
      hasContent = false
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, rawLine) in lines.enumerated() {
      let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
      let number = index + 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      // Whether the statements so far are complete is asked only where it decides something (a
      // meta-command or a statement word at the start of a line), so a long run of other lines
      // is not parsed again at each line.
      var isComplete: Bool { !hasContent || !Session.isIncomplete(buffer) }
      if MetaCommand.isMetaCommand(line), isComplete {
        flush()
        pieces.append(.meta(trimmed, line: number))
        continue
      }
      let firstWord = trimmed.prefix { $0.isLetter }.lowercased()
      if hasContent, starters.contains(firstWord), isComplete { flush() }
      if !hasContent {
        if trimmed.isEmpty { continue }
        bufferLine = number
        hasContent = true
        buffer = line
      } else {
        buffer += "\n" + line
      }
    }
    flush()
    return pieces
  }
}

/// `Shell` runs statements and meta-commands against a session and prints the results: the
/// engine behind `tinq -e`, `tinq run`, statements piped on stdin, `.read` and the REPL.
public struct Shell {
  /// The corpus and its `let` bindings.
  public var session: Session
  /// The current settings.
  public var options: ShellOptions
  /// Where results go (`.output` changes it).
  public var output: TextOutput
  /// Where errors, warnings and timings go.
  public var errors: TextOutput
  /// Whether statements run on a worker thread that Ctrl-C can cancel (the REPL).
  public var interruptible = false
  /// Set by `.quit`.
  public private(set) var wantsToQuit = false
  /// When set (by `tinq test`), every expectation and every failed statement is recorded here.
  public var expectationLog: ExpectationLog? = nil
  /// Set when Ctrl-C interrupted a statement, so the rest of a `.read` script is skipped too.
  public private(set) var wasInterrupted = false

  /// The deepest `.read` nesting, so a script reading itself stops instead of recursing.
  static let maximumReadDepth = 16

  /// `init(session:options:output:errors:)` makes a shell.
  public init(session: Session, options: ShellOptions, output: TextOutput = .standardOutput, errors: TextOutput = .standardError) {
    self.session = session
    self.options = options
    self.output = output
    self.errors = errors
  }

  var renderer: Renderer {
    let toTerminal = output === TextOutput.standardOutput
    return Renderer(format: options.format, width: toTerminal ? options.width : nil, color: toTerminal && options.color)
  }

  /// `runScript(_:file:depth:)` runs a whole script; it stops at the first error unless
  /// `keepGoing`, and returns false when anything failed.
  public mutating func runScript(_ text: String, file: String, depth: Int = 0) -> Bool {
    var ok = true
    if depth == 0 { wasInterrupted = false }
    for piece in ScriptPiece.split(text) {
      if wasInterrupted { return false }
      let pieceOK: Bool
      switch piece {
      case .meta(let line, let number):
        pieceOK = runMeta(line, file: file, line: number, depth: depth)
      case .statements(let source, let number):
        pieceOK = runStatements(source, file: file, firstLine: number)
      }
      if !pieceOK {
        ok = false
        if !options.keepGoing { return false }
      }
      if wantsToQuit { break }
    }
    return ok
  }

  /// `runStatements(_:file:firstLine:)` runs statement text whose first line is line
  /// `firstLine` of `file`, printing results and errors; returns false on any error.
  public mutating func runStatements(_ source: String, file: String, firstLine: Int = 1) -> Bool {
    wasInterrupted = false
    let start = ContinuousClock.now
    let outcomes =
      interruptible
      ? runInterruptibly(source, file: file, firstLine: firstLine)
      : session.run(source, file: file, firstLine: firstLine, keepGoing: options.keepGoing)
    let elapsed = ContinuousClock.now - start
    var ok = true
    for outcome in outcomes {
      switch outcome.result {
      case .success(.expectation(let e)) where !e.passed:
        // A failed expectation is a failed statement: where it is, what it expected and found.
        ok = false
        let place = "\(file):\(outcome.location.line):\(outcome.location.column)"
        errors.write(place + ": expectation failed: " + Renderer.visible(e.summary) + "\n    " + Renderer.visible(e.statement) + "\n")
        expectationLog?.record(file: file, location: outcome.location, result: e)
      case .success(let result):
        if case .expectation(let e) = result { expectationLog?.record(file: file, location: outcome.location, result: e) }
        let failedBefore = output.writeError != nil
        output.write(renderer.render(result))
        // A failed write is an error, said once per output: a full disk must not pass for success.
        if !failedBefore, let reason = output.failure {
          errors.write("tinq: error: cannot write the output: \(reason)\n")
          ok = false
        }
        // At the prompt, say when a number or name matched nothing in the corpus at all.
        if interruptible { for note in outcome.notes { errors.write(note + "\n") } }
      case .failure(let error):
        ok = false
        expectationLog?.record(file: file, location: outcome.location, error: error)
        if error.isCancelled {
          wasInterrupted = true
        } else {
          errors.write(error.rendered.hasSuffix("\n") ? error.rendered : error.rendered + "\n")
        }
      }
    }
    if wasInterrupted { errors.write("Interrupted.\n") }
    if options.timer {
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      errors.write("Run Time: real " + String(format: "%.6f", seconds) + "\n")
    }
    return ok
  }

  /// Runs statements on a worker thread while this thread watches for Ctrl-C and cancels them.
  /// A Ctrl-C that lands between statements (a fast statement, output being written) counts too.
  mutating func runInterruptibly(_ source: String, file: String, firstLine: Int) -> [StatementOutcome] {
    if LineEditor.interrupted() {
      LineEditor.clearInterrupt()
      wasInterrupted = true
      return []
    }
    let cancellation = Cancellation()
    let box = WorkBox(session: session)
    let keepGoing = options.keepGoing
    let thread = Thread {
      var session = box.session
      let outcomes = session.run(source, file: file, firstLine: firstLine, keepGoing: keepGoing, cancellation: cancellation)
      box.finish(session: session, outcomes: outcomes)
    }
    thread.stackSize = 64 << 20
    thread.start()
    while !box.wait(seconds: 0.05) {
      if LineEditor.interrupted() {
        LineEditor.clearInterrupt()
        wasInterrupted = true
        cancellation.cancel()
      }
    }
    if LineEditor.interrupted() {
      LineEditor.clearInterrupt()
      wasInterrupted = true
    }
    session = box.session
    return box.outcomes
  }

  /// `runMeta(_:file:line:depth:)` runs one meta-command line; returns false when it failed.
  public mutating func runMeta(_ text: String, file: String = "<input>", line: Int = 1, depth: Int = 0) -> Bool {
    // A meta-command typed at the prompt starts afresh: an earlier interrupted statement must not
    // stop the script a `.read` runs.
    if depth == 0 { wasInterrupted = false }
    switch MetaCommand.parse(text) {
    case .failure(let error):
      errors.write("\(file):\(line): error: \(error.message)\n")
      return false
    case .success(let command):
      return execute(command, file: file, line: line, depth: depth)
    }
  }

  mutating func execute(_ command: MetaCommand, file: String, line: Int, depth: Int) -> Bool {
    switch command {
    case .help:
      output.write(MetaCommand.helpText)
    case .quit:
      wantsToQuit = true
    case .mode(let format):
      options.format = format
    case .timer(let on):
      options.timer = on
    case .output(let path):
      guard let path else {
        output = .standardOutput
        return true
      }
      guard let stream = TextOutput.open(path: path) else {
        errors.write("\(file):\(line): error: cannot open \(path) for writing\n")
        return false
      }
      output = stream
    case .read(let path):
      guard depth < Shell.maximumReadDepth else {
        errors.write("\(file):\(line): error: .read nested more than \(Shell.maximumReadDepth) deep\n")
        return false
      }
      switch Shell.readScript(path) {
      case .success(let text):
        return runScript(text, file: path, depth: depth + 1)
      case .failure(.unreadable):
        errors.write("\(file):\(line): error: cannot read \(path)\n")
        return false
      case .failure(let failure):
        errors.write(failure.message(name: path) + "\n")
        return false
      }
    case .corpus:
      if let database = session.database {
        output.write("backend:  \(database.label)\n" + (session.articleCount.map { "articles: \($0)\n" } ?? ""))
      } else {
        output.write(Shell.describe(session.corpus))
      }
    case .schema:
      output.write(Shell.schemaText())
    case .open(let path):
      guard let corpus = corpusCommand(file: file, line: line, interrupted: "the corpus is as it was", { stop throws(CorpusError) in
        try Corpus.load(paths: [path], stop: stop)
      }) else { return false }
      session = Session(corpus: corpus)
      for warning in corpus.warnings { errors.write("warning: \(warning)\n") }
      if let note = Launcher.snapshotNote(corpus) { errors.write(note + "\n") }
      output.write("Opened \(path): \(corpus.articleCount) articles.\n")
      warmSortKeys()
    case .save(let path):
      if let database = session.database {
        errors.write("\(file):\(line): error: .save writes an in-memory corpus; these articles are in \(database.label)\n")
        return false
      }
      let corpus = session.corpus
      guard corpusCommand(file: file, line: line, interrupted: "\(path) was not written", { stop throws(CorpusError) in
        try corpus.save(to: path, stop: stop)
      }) != nil else { return false }
      output.write("Saved \(corpus.articleCount) articles to \(path).\n")
    case .load(let path):
      if let database = session.database {
        errors.write(
          "\(file):\(line): error: .load adds to an in-memory corpus; to add \(path) to \(database.label), run `tinq load \(path) --into URL`\n")
        return false
      }
      // Ctrl-C abandons the load and the corpus stays as it was.
      let before = session.corpus
      guard let corpus = corpusCommand(file: file, line: line, interrupted: "the corpus is as it was", { stop throws(CorpusError) in
        try before.adding(paths: [path], stop: stop)
      }) else { return false }
      session.corpus = corpus
      for warning in corpus.warnings.dropFirst(before.warnings.count) { errors.write("warning: \(warning)\n") }
      output.write("Loaded \(corpus.articleCount - before.articleCount) articles from \(path); \(corpus.articleCount) in all.\n")
      warmSortKeys()
    }
    return true
  }

  /// `corpusCommand(file:line:interrupted:_:)` runs the work of a meta-command that loads, opens
  /// or saves a corpus: in the REPL Ctrl-C stops it (saying what is left, `interrupted`), and a
  /// failure is an error at its line. It returns the work's result, nil when it failed.
  private func corpusCommand<T>(
    file: String, line: Int, interrupted: String, _ work: (_ stop: () -> Bool) throws(CorpusError) -> T
  ) -> T? {
    let watchCtrlC = interruptible
    do {
      return try work { watchCtrlC && LineEditor.interrupted() }
    } catch {
      if interruptible, LineEditor.interrupted() {
        LineEditor.clearInterrupt()
        errors.write("Interrupted; \(interrupted).\n")
        return nil
      }
      errors.write("\(file):\(line): error: \(error.description)\n")
      return nil
    }
  }

  /// `warmSortKeys()` prepares, in the REPL, what the first queries over a new corpus need
  /// (`Session.prepareInBackground()`).
  private func warmSortKeys() {
    guard interruptible else { return }
    session.prepareInBackground()
  }

  /// `ScriptReadError` is why a script could not be read: a path that cannot be opened, or bytes
  /// that are not UTF-8 text (a binary file given by mistake is refused at once, not parsed).
  public enum ScriptReadError: Error, Sendable, Equatable {
    case unreadable
    /// The first offending byte: its offset, 1-based line and the byte itself; `nul` for a NUL.
    case notText(offset: Int, line: Int, byte: UInt8)

    /// `FILE:LINE: error: ...`, for a script named `name`.
    public func message(name: String) -> String {
      switch self {
      case .unreadable: return "tinq: error: cannot read script \(name)"
      case .notText(let offset, let line, let byte):
        let what = byte == 0 ? "a NUL byte" : "byte 0x" + String(byte, radix: 16, uppercase: true) + ", which is not UTF-8,"
        return "\(name):\(line): error: not a text script: \(what) at byte offset \(offset)"
      }
    }
  }

  /// `readScript(_:)` reads a UTF-8 script file, or stdin for `-`, and refuses anything that is
  /// not UTF-8 text (invalid UTF-8 or a NUL byte), naming the first offending byte.
  public static func readScript(_ path: String) -> Result<String, ScriptReadError> {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
      data = contents
    }
    return data.withUnsafeBytes { raw -> Result<String, ScriptReadError> in
      let bytes = raw.bindMemory(to: UInt8.self)
      if let bad = firstNonText(bytes) {
        let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .failure(.notText(offset: bad, line: line, byte: bytes[bad]))
      }
      return .success(String(decoding: bytes, as: UTF8.self))
    }
  }

  /// The offset of the first byte that is a NUL or not part of well-formed UTF-8, if any.
  static func firstNonText(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == 0 { return i }
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i
      }
      guard i + length <= n else { return i }
      if bytes[i + 1] < low || bytes[i + 1] > high { return i }
      for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += length
    }
    return nil
  }

  /// `describe(_:)` is the text of `.corpus`.
  public static func describe(_ corpus: Corpus) -> String {
    var out = ""
    if let snapshot = corpus.snapshot {
      out += "snapshot: \(snapshot.path), written \(Shell.timestamp(snapshot.written))\n"
      out += "built from: " + (snapshot.sources.isEmpty ? corpus.label : snapshot.sources.joined(separator: ", "))
      if !snapshot.sources.isEmpty { out += " (\(snapshot.files.count) file" + (snapshot.files.count == 1 ? "" : "s") + ")" }
      out += "\n"
      out += "sources:  " + (snapshot.changes.isEmpty ? "unchanged since it was written" : snapshot.changes.summary + " since it was written") + "\n"
    } else {
      out += "paths:    " + (corpus.paths.isEmpty ? "(" + corpus.label + ")" : corpus.paths.joined(separator: ", ")) + "\n"
    }
    out += "articles: \(corpus.articleCount)\n"
    out += "warnings: \(corpus.warnings.count)\n"
    for warning in corpus.warnings { out += "  \(warning)\n" }
    return out
  }

  /// `timestamp(_:)` is a time in seconds since 1970 as `2026-12-01 22:05 UTC`.
  static func timestamp(_ seconds: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
  }

  /// `schemaText()` is the text of `.schema`: each collection with its fields and types.
  public static func schemaText() -> String {
    var out = ""
    for collection in CollectionKind.allCases {
      out += collection.rawValue + "\n"
      let fields = Schema.fields(of: collection)
      let nameWidth = fields.map(\.name.count).max() ?? 0
      let typeWidth = fields.map(\.type.rawValue.count).max() ?? 0
      for field in fields {
        out += "  " + field.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
        out += field.type.rawValue.padding(toLength: typeWidth, withPad: " ", startingAt: 0) + "  " + field.summary + "\n"
      }
    }
    return out
  }
}

/// `WorkBox` hands a session to a worker thread and its results back, guarded by a condition.
final class WorkBox: @unchecked Sendable {
  private let condition = NSCondition()
  private var done = false
  private(set) var session: Session
  private(set) var outcomes: [StatementOutcome] = []

  init(session: Session) { self.session = session }

  func finish(session: Session, outcomes: [StatementOutcome]) {
    condition.lock()
    self.session = session
    self.outcomes = outcomes
    done = true
    condition.broadcast()
    condition.unlock()
  }

  /// `wait(seconds:)` returns true once the work is done, false after the timeout.
  func wait(seconds: Double) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    if !done { _ = condition.wait(until: Date(timeIntervalSinceNow: seconds)) }
    return done
  }
}
