/// `Parser` reads statements: a hand-written recursive-descent parser with one function per
/// grammar production (see `grammar/tinq.ebnf`) and one precedence table for `and`/`or`.
///
/// Every error is a `Diagnostic` whose range points into the source text. Parsing stops at the
/// first error of a statement, so one mistake gives one message.
public enum Parser {
  /// `maxDepth` bounds nesting of parentheses, `not` and `explain`, so no input can exhaust the stack.
  public static let maxDepth = 200
  /// `maxPredicates` bounds the predicates of one statement; every later pass may then recurse freely.
  public static let maxPredicates = 1_000

  /// `parseStatement(_:)` parses exactly one statement (a trailing `;` allowed). Errors are
  /// diagnostics with ranges into `source`.
  public static func parseStatement(_ source: String) throws(Diagnostic) -> Statement {
    var parser = ParserState(source: source, scriptMode: false)
    return try parser.parseSingleStatement()
  }

  /// `parseScript(_:)` parses a whole script. Statements end at `;` or at the end of a line where
  /// the statement is complete and the next non-blank, non-comment line does not start with a
  /// clause word (`where and or order limit offset select by`). `--` starts a comment; a first
  /// line `#!...` is ignored. After an error the parser records it and resumes at the next
  /// statement boundary, so a caller can keep going.
  public static func parseScript(_ source: String) -> [ScriptItem] {
    var parser = ParserState(source: source, scriptMode: true)
    return parser.parseItems().map(\.item)
  }

  /// `isIncomplete(_:)` is true when `source` is unfinished and its only problem is that input
  /// ended: an open `(` or quote, a trailing `and`/`not`/`where`/`by`, `between x` without
  /// `and y`, and so on. Empty, blank or comment-only input is not incomplete. Statements are
  /// split as `parseScript` splits them; an error in an earlier statement makes the input complete
  /// (so that the error is shown).
  public static func isIncomplete(_ source: String) -> Bool {
    var parser = ParserState(source: source, scriptMode: true)
    let items = parser.parseItems()
    guard let last = items.last else { return false }
    for item in items.dropLast() {
      if case .failure = item.item.result { return false }
    }
    return last.endedEarly
  }
}

/// `ScriptItem` is one statement of a script: its source range and either the statement or the
/// error that stopped it.
public struct ScriptItem: Sendable {
  /// `range` covers the statement's tokens, without the closing `;`.
  public var range: SourceRange
  /// `result` is the parsed statement or its first error.
  public var result: Result<Statement, Diagnostic>

  /// `init(range:result:)` makes an item.
  public init(range: SourceRange, result: Result<Statement, Diagnostic>) {
    self.range = range
    self.result = result
  }
}

/// `ParserState` is one parse in progress: the tokens, the position and the limits.
struct ParserState {
  let source: String
  let tokens: [Token]
  /// `startsLine[i]` is true when a newline separates token `i` from the token before it.
  let startsLine: [Bool]
  /// In a script a new line may end a statement; in a single statement it never does.
  let scriptMode: Bool
  var index = 0
  var depth = 0
  var predicates = 0
  /// Set when the error being thrown is only that the input ended.
  var endedEarly = false
  /// The kind of name the parser would have read where the input ended, if a name goes there:
  /// what completion offers besides the keywords that parse next.
  var nameAtEnd: NameSlot? = nil
  /// Inside `expect`: what may follow its query or count instead of the statement's end.
  var expectFollows: ExpectFollow? = nil
  var sourceText: SourceText? = nil

  init(source: String, scriptMode: Bool) {
    self.source = source
    self.scriptMode = scriptMode
    let tokens = Lexer.tokenize(source)
    self.tokens = tokens
    var startsLine = [Bool](repeating: false, count: tokens.count)
    let bytes = Array(source.utf8)
    var previousEnd = 0
    for (i, token) in tokens.enumerated() {
      var sawNewline = i == 0
      var k = previousEnd
      while !sawNewline && k < token.range.start && k < bytes.count {
        if bytes[k] == 0x0A { sawNewline = true }
        k += 1
      }
      startsLine[i] = sawNewline
      previousEnd = token.range.end
    }
    self.startsLine = startsLine
  }

  // MARK: Tokens

  var current: Token { tokens[min(index, tokens.count - 1)] }

  var previousEnd: Int { index > 0 ? tokens[min(index, tokens.count) - 1].range.end : 0 }

  mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  func at(_ keyword: Keyword) -> Bool {
    if case .keyword(keyword) = current.kind { return true }
    return false
  }

  var atEnd: Bool {
    if case .endOfInput = current.kind { return true }
    return false
  }

  /// `atStatementEnd` is true at `;`, at the end of input, and in a script at a new line that does
  /// not start with a clause word.
  var atStatementEnd: Bool {
    switch current.kind {
    case .endOfInput, .semicolon: return true
    case .keyword(let k) where k.isClauseWord: return false
    default: return scriptMode && startsLine[min(index, tokens.count - 1)]
    }
  }

  /// `expectName(_:)` notes that a name of this kind may stand at the current token, when the
  /// input ends there.
  mutating func expectName(_ slot: NameSlot) {
    if atEnd { nameAtEnd = slot }
  }

  mutating func consume(_ keyword: Keyword) -> Bool {
    guard at(keyword) else { return false }
    advance()
    return true
  }

  func text(_ range: SourceRange) -> String {
    DiagnosticFormatter.slice(source, range.start, range.end)
  }

  /// `location(_:)` locates an offset through a line table built on first use, so a script with
  /// many errors is not rescanned from its start for each one.
  mutating func location(_ offset: Int) -> SourceLocation {
    if sourceText == nil { sourceText = SourceText(source) }
    return sourceText?.location(of: offset) ?? SourceLocation(line: 1, column: 1)
  }

  // MARK: Errors

  /// `describe(_:)` names a token for "found ..." the way it was written.
  func describe(_ token: Token) -> String {
    if case .endOfInput = token.kind { return "end of input" }
    // Only the start of a long token is shown, so only the start is decoded.
    var written = text(SourceRange(token.range.start, min(token.range.end, token.range.start + 160)))
    if written.count > 32 || token.range.end - token.range.start > 160 { written = String(written.prefix(31)) + "…" }
    written = written.replacingOccurrences(of: "\n", with: " ")
    return "`\(written)`"
  }

  /// `error(expected:notes:)` makes the "expected X, found Y" diagnostic for the current token,
  /// or passes on the lexer's own message when the current token is an error token.
  mutating func error(expected: String, notes: [String] = [], suggestFrom candidates: [String] = []) -> Diagnostic {
    let token = current
    switch token.kind {
    case .error(let lexical):
      endedEarly = lexical.isAtEndOfInput
      return Diagnostic(lexical.message, at: lexical.range, notes: lexical.notes)
    case .endOfInput:
      endedEarly = true
      return Diagnostic("expected \(expected) at end of input", at: token.range, notes: notes)
    case .identifier(let name):
      var notes = notes
      if let near = Suggestions.nearest(to: name, in: candidates) {
        notes.insert("help: did you mean `\(near)`?", at: 0)
      }
      return Diagnostic("expected \(expected), found \(describe(token))", at: token.range, notes: notes)
    default:
      return Diagnostic("expected \(expected), found \(describe(token))", at: token.range, notes: notes)
    }
  }

  /// `unclosed(_:opener:)` reports a missing closer: at the opener when input ended, otherwise at
  /// what was found instead, naming where the opener was.
  mutating func unclosed(_ closer: String, opener: Token) -> Diagnostic {
    let open = text(opener.range)
    let message = "expected '\(closer)' to close '\(open)' at \(location(opener.range.start))"
    switch current.kind {
    case .endOfInput:
      endedEarly = true
      return Diagnostic("\(message), found end of input", at: opener.range)
    case .error:
      return error(expected: "'\(closer)'")
    default:
      return Diagnostic("\(message), found \(describe(current))", at: current.range)
    }
  }

  /// `enter()` counts one level of nesting and refuses to go deeper than `Parser.maxDepth`.
  mutating func enter() throws(Diagnostic) {
    depth += 1
    if depth > Parser.maxDepth {
      throw Diagnostic(
        "nesting too deep: more than \(Parser.maxDepth) levels of parentheses, `not` or `explain`",
        at: current.range)
    }
  }

  /// `countPredicate(at:)` counts one predicate and refuses more than `Parser.maxPredicates`.
  mutating func countPredicate(at range: SourceRange) throws(Diagnostic) {
    predicates += 1
    if predicates > Parser.maxPredicates {
      throw Diagnostic(
        "too many predicates: a statement may test at most \(Parser.maxPredicates) conditions", at: range,
        notes: ["help: a long list of alternatives reads better as `FIELD in (A, B, ...)`"])
    }
  }

  // MARK: Entry points

  /// Parses one statement and requires the end of input after it (and an optional `;`).
  mutating func parseSingleStatement() throws(Diagnostic) -> Statement {
    if atEnd {
      endedEarly = true
      expectName(.collection)
      throw Diagnostic("expected a statement, found end of input", at: current.range)
    }
    let statement = try parseStatement()
    if case .semicolon = current.kind { advance() }
    guard atEnd else {
      if case .error = current.kind { throw error(expected: "end of input") }
      throw Diagnostic(
        "expected end of input after the statement, found \(describe(current))", at: current.range,
        notes: ["help: this parses one statement; a script separates statements with `;`"])
    }
    return statement
  }

  /// One statement of a script with whether its error was only the end of input.
  struct ParsedItem {
    var item: ScriptItem
    var endedEarly: Bool
  }

  /// Parses statements until the end of input, recovering at statement boundaries after errors.
  mutating func parseItems() -> [ParsedItem] {
    var items: [ParsedItem] = []
    while true {
      while case .semicolon = current.kind { advance() }
      if atEnd { break }
      let startIndex = index
      let start = current.range.start
      depth = 0
      predicates = 0
      endedEarly = false
      expectFollows = nil
      do throws(Diagnostic) {
        let statement = try parseStatement()
        if !atStatementEnd {
          throw error(expected: "end of statement", notes: ["help: separate statements with `;`"])
        }
        items.append(ParsedItem(item: ScriptItem(range: SourceRange(start, previousEnd), result: .success(statement)), endedEarly: false))
      } catch {
        let early = endedEarly
        resynchronize(after: startIndex)
        items.append(ParsedItem(item: ScriptItem(range: SourceRange(start, previousEnd), result: .failure(error)), endedEarly: early))
      }
    }
    return items
  }

  /// After an error, skips to the next statement boundary: a `;`, the end of input, or a new
  /// line that does not start with a clause word. Always moves past the statement's first token.
  mutating func resynchronize(after startIndex: Int) {
    if index <= startIndex { index = startIndex + 1 }
    while index < tokens.count - 1 {
      switch tokens[index].kind {
      case .semicolon, .endOfInput: return
      case .keyword(let k) where k.isClauseWord: break
      default: if startsLine[index] { return }
      }
      index += 1
    }
    index = min(index, tokens.count - 1)
  }
}
