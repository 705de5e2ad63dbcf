import CLibEdit
import Foundation

/// `LineRead` is the outcome of reading one line at the terminal.
public enum LineRead: Sendable, Equatable {
  /// A line was entered (without its newline).
  case line(String)
  /// Ctrl-C abandoned the line being typed.
  case interrupted
  /// Ctrl-D on an empty line, or the input closed.
  case endOfInput
}

/// `LineEditor` is the one place that touches libedit's readline globals (`rl_*`), which are
/// process-wide mutable C state: only the main thread calls into it, one line at a time.
public final class LineEditor {
  /// `completer` gives the candidates for the text before the cursor; the REPL sets it.
  nonisolated(unsafe) static var completer: (@Sendable (String) -> CompletionResult)?
  /// `context` is the earlier lines of a statement being continued, for completion.
  nonisolated(unsafe) static var context = ""
  /// The statement up to the cursor, taken in the word-break hook where `rl_point` counts
  /// bytes (in the completion function libedit has reset it to count characters).
  nonisolated(unsafe) static var prefixAtTab = ""
  nonisolated(unsafe) static var wordBreaks: UnsafeMutablePointer<CChar>? = strdup(Completer.wordBreaks)
  nonisolated(unsafe) static var stringBreaks: UnsafeMutablePointer<CChar>? = strdup(Completer.stringBreaks)

  /// The history file, when one is in use.
  public let historyPath: String?
  /// The most entries kept.
  public let historyLimit: Int
  var lastEntry: String?
  var warnedAboutHistory = false
  /// False when the history file's folder could not be made: history is then kept in memory.
  var savesHistory = true
  /// `warn` receives the one warning about an unwritable history file.
  let warn: (String) -> Void

  /// `init(historyPath:historyLimit:warn:)` sets up libedit: a UTF-8 character locale, the
  /// Ctrl-C handler, the input function, completion, and the history loaded from disk.
  public init(historyPath: String?, historyLimit: Int = 1000, warn: @escaping (String) -> Void) {
    self.historyPath = historyPath
    self.historyLimit = historyLimit
    self.warn = warn
    LineEditor.ensureUTF8Locale()
    tinq_install_signal_handlers(LineEditor.signalFlags)
    tinq_configure_readline(
      { text, _, _ in LineEditor.completions(text) }, { LineEditor.chooseWordBreaks() }, LineEditor.signalFlags)
    tinq_set_word_breaks(LineEditor.wordBreaks)
    tinq_bind_tab()
    using_history()
    stifle_history(Int32(historyLimit))
    if let historyPath {
      if !LineEditor.makeParentFolder(historyPath) {
        savesHistory = false
        warnOnce("cannot make a folder for the history file \(historyPath) (no such home); history is kept for this session only")
      }
      if FileManager.default.fileExists(atPath: historyPath), read_history(historyPath) != 0 {
        warnOnce("cannot read history file \(historyPath)")
      }
      if tinq_history_length() > 0, let line = tinq_history_line(tinq_history_length() - 1) { lastEntry = String(cString: line) }
    }
  }

  /// The signal flags the C handlers set: `[0]` Ctrl-C, `[1]` window resized. They live here,
  /// once, because Swift copies a C header's static variables into each object file.
  nonisolated(unsafe) static let signalFlags: UnsafeMutablePointer<sig_atomic_t> = {
    let flags = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 2)
    flags.initialize(repeating: 0, count: 2)
    return flags
  }()

  /// `watchInterrupts()` catches Ctrl-C without starting the line editor (a long `tinq build`
  /// stops cleanly instead of dying with a half-written file): `interrupted()` says when it came.
  public static func watchInterrupts() {
    tinq_install_signal_handlers(LineEditor.signalFlags)
  }

  /// `interrupted()` tells whether Ctrl-C was pressed since the last `clearInterrupt()`.
  public static func interrupted() -> Bool { signalFlags[0] != 0 }

  /// `clearInterrupt()` forgets an earlier Ctrl-C.
  public static func clearInterrupt() { signalFlags[0] = 0 }

  /// `ensureUTF8Locale()` adopts the environment's locale and, when it does not name a UTF-8
  /// character type, uses `C.UTF-8` for it: libedit drops multibyte input otherwise.
  public static func ensureUTF8Locale() {
    setlocale(LC_ALL, "")
    if tinq_codeset_is_utf8() == 0 {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
    }
  }

  /// `readLine(prompt:)` reads one line with editing, history and completion.
  public func readLine(prompt: String) -> LineRead {
    LineEditor.clearInterrupt()
    let raw = readline(prompt)
    defer { free(raw) }
    if LineEditor.interrupted() {
      LineEditor.clearInterrupt()
      return .interrupted
    }
    guard let raw else { return .endOfInput }
    return .line(String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self))
  }

  /// `addHistory(_:)` records an entry (skipping a repeat of the previous one) and saves the file.
  public func addHistory(_ entry: String) {
    let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed != lastEntry else { return }
    add_history(trimmed)
    lastEntry = trimmed
    guard let historyPath, savesHistory else { return }
    if write_history(historyPath) != 0 { warnOnce("cannot write history file \(historyPath); history is not saved") }
  }

  func warnOnce(_ message: String) {
    guard !warnedAboutHistory else { return }
    warnedAboutHistory = true
    warn("warning: " + message)
  }

  /// `makeParentFolder(_:)` makes the history file's folder when it is missing, but only the
  /// state folders under a home that exists (`.local/state/tinq`, at most three levels, never
  /// from the root): a mistyped or missing `$HOME` must not grow a tree of folders. False when
  /// the folder is not there and was not made.
  @discardableResult
  static func makeParentFolder(_ path: String) -> Bool {
    let fm = FileManager.default
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) { return isDirectory.boolValue }
    var existing = folder
    var missing = 0
    while !fm.fileExists(atPath: existing.path), existing.path != "/" {
      existing.deleteLastPathComponent()
      missing += 1
    }
    guard missing <= 3, existing.path != "/" else { return false }
    return (try? fm.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
  }

  /// `linePrefix()` is the statement so far: earlier lines plus this line up to the cursor.
  static func linePrefix() -> String {
    guard let buffer = tinq_line_buffer() else { return context }
    let length = strlen(buffer)
    let point = max(0, min(Int(tinq_line_point()), length))
    let bytes = UnsafeRawBufferPointer(start: buffer, count: point)
    return context + String(decoding: bytes, as: UTF8.self)
  }

  /// libedit asks for the word breaks just before completing: inside a string only the quote
  /// breaks, so `mentions "nguyen tan c` is completed as one word.
  static func chooseWordBreaks() -> UnsafeMutablePointer<CChar>? {
    prefixAtTab = linePrefix()
    let breaks = Completer.isInsideString(prefixAtTab) ? stringBreaks : wordBreaks
    tinq_set_word_breaks(breaks)
    return breaks
  }

  static func completions(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    tinq_completion_done(0)
    guard let completer else { return nil }
    let result = completer(prefixAtTab)
    guard !result.candidates.isEmpty else { return nil }
    tinq_completion_done(result.candidates.count == 1 ? 32 : 0)
    let list = [result.insertion] + (result.candidates.count > 1 ? result.candidates : [])
    // libedit looks at matches[2] even for a single match, so the list ends with two NULLs.
    let slots = list.count + 2
    guard let matches = malloc(slots * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else { return nil }
    let array = matches.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: slots)
    for (i, item) in list.enumerated() { array[i] = strdup(item) }
    array[list.count] = nil
    array[list.count + 1] = nil
    return array
  }
}
