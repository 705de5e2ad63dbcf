import Tinq
import TinqText

/// `CompletionResult` is what Tab offers for the text before the cursor.
public struct CompletionResult: Sendable, Equatable {
  /// The text being completed: the characters after the last word break (for a string, after
  /// its opening quote). The line editor replaces exactly this text.
  public var word: String
  /// Every candidate, each a full replacement for `word`, in display order.
  public var candidates: [String]
  /// True when the cursor is inside a string literal (the word may contain spaces).
  public var insideString: Bool

  /// `init(word:candidates:insideString:)` makes a result.
  public init(word: String, candidates: [String], insideString: Bool) {
    self.word = word
    self.candidates = candidates
    self.insideString = insideString
  }

  /// `insertion` is what replaces `word` right away: the only candidate (with the string's
  /// closing quote when completing inside one), else the candidates' common prefix when that
  /// keeps everything typed, else `word` unchanged.
  public var insertion: String {
    if candidates.count == 1, let only = candidates.first { return insideString ? only + "\"" : only }
    guard let first = candidates.first else { return word }
    var common = first
    for other in candidates.dropFirst() {
      common = String(zip(common, other).prefix { $0 == $1 }.map(\.0))
    }
    let keepsTyped =
      insideString
      ? Fold.bare(common).count >= Fold.bare(word).count
      : common.lowercased().hasPrefix(word.lowercased())
    return keepsTyped && common.count >= word.count ? common : word
  }
}

/// `Completer` decides what Tab offers from the text before the cursor alone, so it is tested
/// without a terminal: statement starters, predicates and fields after `where`/`and`/`or`/`not`,
/// operators after a field, fields after `order by`/`select`/`by`, and the corpus's own
/// citation numbers, names and ids inside the string after `cites`, `mentions` and `show`.
public enum Completer {
  /// `wordBreaks` are the characters that end a word outside strings.
  public static let wordBreaks = " \t\n\"(),=<>!;"
  /// `stringBreaks` are the word breaks inside a string: only its opening quote, so a name with
  /// spaces is completed as one word.
  public static let stringBreaks = "\""

  /// The statement keywords offered at the start of a statement.
  public static let statementStarts = ["count", "show", "explain", "let"]
  /// The meta-commands, offered at the start of a line.
  public static let metaCommands = MetaCommand.names
  /// The operators offered after a field.
  public static let operators = ["=", "!=", "<", "<=", ">", ">=", "between", "in", "is", "contains", "not"]

  /// `isInsideString(_:)` tells whether `prefix` ends inside an unterminated string literal.
  public static func isInsideString(_ prefix: String) -> Bool {
    scan(prefix).openString != nil
  }

  /// `complete(prefix:vocabulary:)` returns the candidates for the text before the cursor.
  /// `prefix` may span several lines of one statement.
  public static func complete(prefix: String, vocabulary: CompletionVocabulary) -> CompletionResult {
    let scanned = scan(prefix)
    if let open = scanned.openString {
      let before = scanned.tokens.last.map { $0.text.lowercased() }
      let pool: [String]
      switch before {
      case "cites": pool = vocabulary.citationNumbers
      case "mentions": pool = vocabulary.names
      case "show": pool = vocabulary.ids
      default: pool = []
      }
      return CompletionResult(word: open, candidates: foldedMatches(open, in: pool), insideString: true)
    }
    let word = scanned.word
    let tokens = scanned.tokens
    let pool = candidatesAfter(tokens, lineStart: scanned.atLineStart, vocabulary: vocabulary)
    let lowered = word.lowercased()
    var seen = Set<String>()
    let matches = pool.filter { $0.lowercased().hasPrefix(lowered) && seen.insert($0).inserted }
    return CompletionResult(word: word, candidates: matches, insideString: false)
  }

  /// `foldedMatches(_:in:)` keeps the entries whose folded form starts with the folded text, so
  /// `nguyen tan c` finds `Nguyễn Tân Cương` and `nd-cp` finds `NĐ-CP`.
  static func foldedMatches(_ typed: String, in pool: [String]) -> [String] {
    let key = Fold.bare(typed)
    var seen = Set<String>()
    return pool.filter { Fold.bare($0).hasPrefix(key) && seen.insert($0).inserted }
      .map { ($0, VietnameseCollation.sortKey($0)) }
      .sorted { VietnameseCollation.less($0.1, $1.1) }
      .map(\.0)
  }

  struct Token {
    var text: String
    var isString: Bool
  }

  struct Scan {
    var tokens: [Token]
    var word: String
    var openString: String?
    var atLineStart: Bool
  }

  /// `scan(_:)` splits the text before the cursor into tokens, the word being typed, and the
  /// contents of an unterminated string, if any.
  static func scan(_ text: String) -> Scan {
    var tokens: [Token] = []
    var current = ""
    var inString = false
    var stringText = ""
    func flush() {
      if !current.isEmpty { tokens.append(Token(text: current, isString: false)) }
      current = ""
    }
    for ch in text {
      if inString {
        if ch == "\"" {
          tokens.append(Token(text: stringText, isString: true))
          stringText = ""
          inString = false
        } else {
          stringText.append(ch)
        }
        continue
      }
      if ch == "\"" {
        flush()
        inString = true
      } else if wordBreaks.contains(ch) {
        flush()
        if ch == "(" || ch == "," || ch == "=" || ch == "<" || ch == ">" || ch == "!" || ch == ";" {
          if let last = tokens.last, !last.isString, "=<>!".contains(ch), last.text.allSatisfy({ "=<>!".contains($0) }) {
            tokens[tokens.count - 1].text.append(ch)
          } else {
            tokens.append(Token(text: String(ch), isString: false))
          }
        }
      } else {
        current.append(ch)
      }
    }
    if inString {
      flush()
      return Scan(tokens: tokens, word: "", openString: stringText, atLineStart: false)
    }
    // The statement in progress starts after the last `;`.
    if let semicolon = tokens.lastIndex(where: { !$0.isString && $0.text == ";" }) {
      tokens.removeSubrange(...semicolon)
    }
    return Scan(tokens: tokens, word: current, openString: nil, atLineStart: tokens.isEmpty)
  }

  /// `candidatesAfter(_:lineStart:vocabulary:)` lists what may follow the tokens already typed.
  static func candidatesAfter(_ tokens: [Token], lineStart: Bool, vocabulary: CompletionVocabulary) -> [String] {
    let words = tokens.map { $0.isString ? "\"" : $0.text.lowercased() }
    let collections = CollectionKind.allCases.map(\.rawValue)
    if words.isEmpty || words == ["explain"] {
      return collections + statementStarts + (lineStart ? metaCommands : [])
    }
    let collection = words.lazy.compactMap { CollectionKind(rawValue: $0) }.first ?? .articles
    let fields = Schema.fields(of: collection).map(\.name)
    let predicates = collection == .articles ? Schema.articlePredicates : []
    let isCount = words.first == "count" || (words.first == "explain" && words.dropFirst().first == "count")
    guard let last = words.last else { return [] }
    let clauses = ["where", "order", "limit", "select"]
    switch last {
    case "count": return collections
    case "show": return vocabulary.ids.map { "\"" + $0 + "\"" }
    case "cites": return vocabulary.citationNumbers.map { "\"" + $0 + "\"" }
    case "mentions": return vocabulary.names.map { "\"" + $0 + "\"" }
    case "where", "and", "or", "not", "(": return predicates + fields + (last == "not" ? [] : ["not"])
    case "order": return ["by"]
    case "by", "select": return fields
    case ",":
      return words.contains("select") || words.contains("order") ? fields : []
    case "asc", "desc": return ["limit", "select"]
    case "let": return []
    case "limit": return []
    case "is": return ["null", "not"]
    default: break
    }
    if collections.contains(last), words.count <= 3 {
      return (isCount ? ["where", "by"] : clauses)
    }
    if fields.contains(last) {
      let previous = words.dropLast().last
      if previous == "by" || previous == "select" || previous == "," {
        if words.contains("select") && !words.contains("where") && previous != "by" { return [] }
        return previous == "by" && !isCount ? ["asc", "desc", "limit", "select"] : []
      }
      return operators
    }
    // After a value: the rest of the condition or the next clause.
    let after = ["and", "or"] + (isCount ? ["by"] : ["order", "limit", "select"])
    if Int(last) != nil, words.dropLast().last == "limit" { return ["offset", "select"] }
    return after
  }
}
