import Tinq

/// `MetaCommand` is one sqlite3-style dot command; these steer the shell and are not part of
/// the query language.
public enum MetaCommand: Sendable, Equatable {
  /// `.help`: list the meta-commands.
  case help
  /// `.mode FORMAT`: choose the output format.
  case mode(OutputFormat)
  /// `.timer on|off`: print `Run Time: real S.SSSSSS` after each statement.
  case timer(Bool)
  /// `.read FILE`: run a script.
  case read(String)
  /// `.output FILE` sends results to a file; `.output` alone sends them back to the terminal.
  case output(String?)
  /// `.corpus`: the loaded paths, article count and load warnings.
  case corpus
  /// `.schema`: the collections with their fields and types.
  case schema
  /// `.load PATH`: add files or folders to the corpus.
  case load(String)
  /// `.open FILE`: switch to a snapshot, or to a corpus loaded from a path.
  case open(String)
  /// `.save FILE`: write the current corpus as a snapshot.
  case save(String)
  /// `.quit` or `.exit`: leave.
  case quit

  /// `names` lists every meta-command, as offered by completion.
  public static let names = [
    ".help", ".mode", ".timer", ".read", ".output", ".corpus", ".schema", ".load", ".open", ".save", ".quit", ".exit",
  ]

  /// `helpText` is what `.help` prints.
  public static let helpText = """
    .corpus              Show the loaded paths, article count and load warnings
    .exit                Leave (also .quit or Ctrl-D on an empty line)
    .help                Show this message
    .load PATH           Add a file or folder (.txt, .jsonl) to the corpus
    .mode FORMAT         Set the output format: table, json, jsonl, csv, markdown
    .open FILE           Switch to a snapshot (tinq build), or to a corpus at a path
    .output [FILE]       Send results to FILE, or back to the terminal without FILE
    .read FILE           Run the statements and meta-commands in FILE
    .save FILE           Write the corpus as a snapshot that opens at once (--corpus FILE)
    .schema              Show the collections with their fields and types
    .timer on|off        Print "Run Time: real S.SSSSSS" on stderr after each statement

    Statements (end with ; or a new line; Tab completes):
    COLLECTION [where ...] [order by F [desc]] [limit N] [offset M] [select F, ...]
    count COLLECTION [where ...] [by F [as share [of articles where ...]] [order by count desc] [limit N]]
    count COLLECTION [where ...] by F, G      (a two-way count: pivot, or long form in csv/json)
    count articles [where ...] [by F[, G]] distinct story [as share ...]   (each story once)
    kwic "PHRASE"|cites "N"|mentions "NAME" [where ...] [context N]
         [sort by left|right|date|id [desc]] [sample N [seed S]] [limit N]
    contains "A" near "B" [within N|sentence|paragraph] [ordered]   order by relevance
    collocates of "PHRASE" [where ...] [window N] [by logdice|mi|ll] [limit N]
    ngrams N [where ...] [limit N]        (the most frequent runs of N = 1-4 syllables)
    keywords [N|people|organizations|citations] where ... vs where ...|rest|all
             [by ll|simple] [limit N]   (what characterises some articles against others)
    show ID    explain STATEMENT    let NAME = VALUE
    expect count ... = N | expect none|some QUERY | expect QUERY includes|excludes ID, ...
    Collections: articles, citations, people, organizations, stories (.schema lists their fields);
    stories: one row per article with its near-copies (copies, sources, first, last); articles.story
    count by month, quarter, week or day gives a continuous series

    """

  /// `isMetaCommand(_:)` tells whether a line is a meta-command (starts with `.`).
  public static func isMetaCommand(_ line: String) -> Bool {
    line.drop { $0 == " " || $0 == "\t" }.first == "."
  }

  /// `parse(_:)` reads one meta-command line; the error is a message for the user.
  public static func parse(_ line: String) -> Result<MetaCommand, MetaCommandError> {
    let words = splitArguments(line)
    guard let name = words.first?.lowercased() else { return .failure(MetaCommandError("empty meta-command")) }
    let arguments = Array(words.dropFirst())
    func one(_ usage: String) -> Result<String, MetaCommandError> {
      arguments.count == 1 ? .success(arguments[0]) : .failure(MetaCommandError("usage: \(usage)"))
    }
    func none() -> MetaCommandError? {
      arguments.isEmpty ? nil : MetaCommandError("\(name) takes no arguments")
    }
    switch name {
    case ".help":
      return none().map { .failure($0) } ?? .success(.help)
    case ".quit", ".exit":
      return none().map { .failure($0) } ?? .success(.quit)
    case ".corpus":
      return none().map { .failure($0) } ?? .success(.corpus)
    case ".schema":
      return none().map { .failure($0) } ?? .success(.schema)
    case ".mode":
      let formats = OutputFormat.allCases.map(\.rawValue).joined(separator: "|")
      return one(".mode \(formats)").flatMap { word in
        OutputFormat(rawValue: word.lowercased()).map { .success(.mode($0)) }
          ?? .failure(MetaCommandError("unknown format '\(word)'; expected one of \(formats)"))
      }
    case ".timer":
      return one(".timer on|off").flatMap { word in
        switch word.lowercased() {
        case "on", "1", "yes", "true": return .success(.timer(true))
        case "off", "0", "no", "false": return .success(.timer(false))
        default: return .failure(MetaCommandError("usage: .timer on|off"))
        }
      }
    case ".read":
      return one(".read FILE").map { .read($0) }
    case ".load":
      return one(".load PATH").map { .load($0) }
    case ".open":
      return one(".open FILE").map { .open($0) }
    case ".save":
      return one(".save FILE").map { .save($0) }
    case ".output":
      if arguments.isEmpty { return .success(.output(nil)) }
      return one(".output [FILE]").map { .output($0) }
    default:
      let near = names.first { $0.hasPrefix(String(name.prefix(3))) && name.count > 1 }
      return .failure(MetaCommandError("unknown meta-command \(name)" + (near.map { "; did you mean \($0)?" } ?? "") + " (.help lists them)"))
    }
  }

  /// `splitArguments(_:)` splits a line at spaces, keeping `"quoted words"` together so a path
  /// may contain spaces.
  static func splitArguments(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character? = nil
    var any = false
    for ch in line {
      if let q = quote {
        if ch == q { quote = nil } else { current.append(ch) }
      } else if ch == "\"" || ch == "'" {
        quote = ch
        any = true
      } else if ch == " " || ch == "\t" || ch == "\r" || ch == "\n" {
        if any || !current.isEmpty { words.append(current) }
        current = ""
        any = false
      } else {
        current.append(ch)
      }
    }
    if any || !current.isEmpty { words.append(current) }
    return words
  }
}

/// `MetaCommandError` is a meta-command that could not be understood.
public struct MetaCommandError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `message` says what was wrong and what would be right.
  public var message: String
  /// `init(_:)` makes an error.
  public init(_ message: String) { self.message = message }
  /// `description` is the message.
  public var description: String { message }
}
