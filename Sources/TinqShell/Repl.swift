import CLibEdit
import Foundation
import Tinq

/// `Repl` is the interactive loop: prompt, read with libedit, run complete statements and
/// meta-commands, continue incomplete ones under `  ...> `, and survive Ctrl-C.
public struct Repl {
  /// The prompt for a new statement.
  public static let prompt = "tinq> "
  /// The prompt while a statement continues.
  public static let continuationPrompt = "  ...> "
  /// The version shown in the banner.
  public static let version = "0.1.0"

  /// The shell that runs what is typed.
  public var shell: Shell
  /// The history file, or nil for none.
  public var historyPath: String?

  /// `init(shell:historyPath:)` makes a REPL.
  public init(shell: Shell, historyPath: String?) {
    self.shell = shell
    self.historyPath = historyPath
  }

  /// `banner(corpus:description:)` is the one line shown at start.
  public static func banner(corpus: Corpus, description: String) -> String {
    "Tinq \(version) — \(corpus.articleCount) articles from \(description) — .help for help"
  }

  /// `banner(session:description:)` is the banner of a session: its corpus, or its database.
  static func banner(session: Session, description: String) -> String {
    guard let database = session.database else { return banner(corpus: session.corpus, description: description) }
    let count = session.articleCount.map { "\($0) articles in " } ?? ""
    return "Tinq \(version) — \(count)\(database.label) — .help for help"
  }

  /// `defaultHistoryPath(environment:)` is `$TINQ_HISTORY`, else `$XDG_STATE_HOME/tinq/history`,
  /// else `~/.local/state/tinq/history`.
  public static func defaultHistoryPath(environment: [String: String]) -> String? {
    if let path = environment["TINQ_HISTORY"], !path.isEmpty { return path }
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/tinq/history" }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/tinq/history" }
    return nil
  }

  /// `run(banner:)` runs until `.quit`, `.exit` or Ctrl-D on an empty line.
  public mutating func run(banner: String) {
    let errors = shell.errors
    let editor = LineEditor(historyPath: historyPath, warn: { errors.write($0 + "\n") })
    shell.interruptible = true
    shell.errors.write(banner + "\n")
    let vocabulary = VocabularyCache(shell.session.corpus)
    LineEditor.completer = { prefix in
      Completer.complete(prefix: prefix, vocabulary: vocabulary.current)
    }
    var pending: [String] = []
    while !shell.wantsToQuit {
      LineEditor.context = pending.isEmpty ? "" : pending.joined(separator: "\n") + "\n"
      switch editor.readLine(prompt: pending.isEmpty ? Repl.prompt : Repl.continuationPrompt) {
      case .endOfInput:
        shell.errors.write("\n")
        return
      case .interrupted:
        shell.errors.write("^C\n")
        pending = []
      case .line(let line):
        if pending.isEmpty {
          let trimmed = line.trimmingCharacters(in: .whitespaces)
          if trimmed.isEmpty { continue }
          if MetaCommand.isMetaCommand(line) {
            editor.addHistory(trimmed)
            _ = shell.runMeta(trimmed, file: "<input>")
            vocabulary.update(shell.session.corpus)
            continue
          }
        }
        pending.append(line)
        let statement = pending.joined(separator: "\n")
        if Session.isIncomplete(statement) { continue }
        editor.addHistory(pending.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
        pending = []
        if isatty(1) != 0 {
          let width = Int(tinq_terminal_width(1))
          shell.options.width = width > 0 ? width : nil
        }
        _ = shell.runStatements(statement, file: "<input>")
      }
    }
  }
}

/// `VocabularyCache` keeps the completion vocabulary of the current corpus, made when a
/// completion first asks for it (reading every id of a snapshot's records is not worth a wait
/// before the first prompt) and made again only when the corpus changes (`.load`, `.open`).
final class VocabularyCache: @unchecked Sendable {
  private let lock = NSLock()
  private var vocabulary: CompletionVocabulary?
  private var corpus: Corpus
  private var articleCount: Int
  private var paths: [String]

  init(_ corpus: Corpus) {
    self.corpus = corpus
    articleCount = corpus.articleCount
    paths = corpus.paths
  }

  var current: CompletionVocabulary {
    lock.lock()
    defer { lock.unlock() }
    if let vocabulary { return vocabulary }
    let made = corpus.completionVocabulary
    vocabulary = made
    return made
  }

  func update(_ corpus: Corpus) {
    lock.lock()
    defer { lock.unlock() }
    guard corpus.articleCount != articleCount || corpus.paths != paths else { return }
    self.corpus = corpus
    vocabulary = nil
    articleCount = corpus.articleCount
    paths = corpus.paths
  }
}
