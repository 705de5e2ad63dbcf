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
/// without a terminal. It reads the text with the language's own lexer and asks the parser what
/// may follow (`Parser.continuations(of:)`): the keywords and operators that parse next, and
/// whether a collection, a field or a string goes there. Fields come from the field registry;
/// inside the string after `cites`, `mentions` and `show`, the corpus's own citation numbers,
/// names and ids.
public enum Completer {
  /// `wordBreaks` are the characters that end a word outside strings (for the line editor).
  public static let wordBreaks = " \t\n\"(),=<>!;"
  /// `stringBreaks` are the word breaks inside a string: only its opening quote, so a name with
  /// spaces is completed as one word.
  public static let stringBreaks = "\""

  /// The meta-commands, offered at the start of a line.
  public static let metaCommands = MetaCommand.names

  /// `isInsideString(_:)` tells whether `prefix` ends inside an unterminated string literal.
  public static func isInsideString(_ prefix: String) -> Bool {
    openString(in: Lexer.tokenize(statementText(prefix)), of: statementText(prefix)) != nil
  }

  /// `complete(prefix:vocabulary:)` returns the candidates for the text before the cursor.
  /// `prefix` may span several lines of one statement.
  public static func complete(prefix: String, vocabulary: CompletionVocabulary) -> CompletionResult {
    let text = statementText(prefix)
    let tokens = Lexer.tokenize(text)
    if let (open, before) = openString(in: tokens, of: text) {
      let pool: [String]
      switch before {
      case .keyword(.cites)?: pool = vocabulary.citationNumbers
      case .keyword(.mentions)?: pool = vocabulary.names
      case .keyword(.show)?: pool = vocabulary.ids
      default: pool = []
      }
      return CompletionResult(word: open, candidates: foldedMatches(open, in: pool), insideString: true)
    }
    // A meta-command, at the start of a line.
    let trimmed = text.drop { $0.isWhitespace }
    if trimmed.hasPrefix("."), !trimmed.contains(" ") {
      let word = String(trimmed)
      return CompletionResult(word: word, candidates: metaCommands.filter { $0.hasPrefix(word.lowercased()) }, insideString: false)
    }
    // The word being typed: a name or keyword token that reaches the cursor.
    var word = ""
    let significant = tokens.filter { if case .endOfInput = $0.kind { return false } else { return true } }
    if let last = significant.last, last.range.end == text.utf8.count {
      switch last.kind {
      case .identifier, .keyword: word = slice(text, last.range)
      default: break
      }
    }
    let before = String(decoding: text.utf8.prefix(text.utf8.count - word.utf8.count), as: UTF8.self)
    let next = Parser.continuations(of: before)
    let collection = self.collection(in: significant, of: text)
    var pool: [String] = []
    var names = self.names(next.name, collection: collection, vocabulary: vocabulary)
    for candidate in next.words {
      // Names go after the predicate words, before `null` and `not`.
      if candidate == "null" || candidate == "not" {
        pool += names
        names = []
      }
      // `cites`, `mentions` and a bare `contains` start conditions on articles only.
      if next.name == .condition, collection != .articles, Schema.articlePredicates.contains(candidate) { continue }
      pool.append(candidate)
    }
    pool += names
    if next.string, word.isEmpty, let previous = significant.last {
      switch previous.kind {
      case .keyword(.cites): pool += vocabulary.citationNumbers.map(quoted)
      case .keyword(.mentions): pool += vocabulary.names.map(quoted)
      default: break
      }
    }
    if next.name == .collection, before.allSatisfy(\.isWhitespace) { pool += metaCommands }
    let lowered = word.lowercased()
    var seen = Set<String>()
    let matches = pool.filter { $0.lowercased().hasPrefix(lowered) && seen.insert($0).inserted }
    return CompletionResult(word: word, candidates: matches, insideString: false)
  }

  /// The names that may stand where the statement ends.
  static func names(_ slot: NameSlot?, collection: CollectionKind, vocabulary: CompletionVocabulary) -> [String] {
    switch slot {
    case .collection?: return CollectionKind.allCases.map(\.rawValue)
    case .condition?: return Schema.fields(of: collection).map(\.name)
    // `relevance` orders articles (it is `score desc`); offered with the fields.
    case .field?: return Schema.fields(of: collection).map(\.name) + (collection == .articles ? ["relevance"] : [])
    case .id?: return vocabulary.ids.map(quoted)
    case .kwicKey?: return KwicStatement.SortKey.allCases.map(\.rawValue)
    case .entities?: return KeywordsStatement.Entities.allCases.map(\.rawValue)
    case .reference?: return KeywordsStatement.ReferenceName.allCases.map(\.rawValue)
    case .variable?, nil: return []
    }
  }

  static func quoted(_ s: String) -> String { "\"" + s + "\"" }

  /// The text of the statement being typed: after the last `;` outside strings.
  static func statementText(_ prefix: String) -> String {
    let tokens = Lexer.tokenize(prefix)
    guard let semicolon = tokens.last(where: { $0.kind == .semicolon }) else { return prefix }
    return String(decoding: prefix.utf8.dropFirst(semicolon.range.end), as: UTF8.self)
  }

  /// The collection the statement ranges over: the first collection name among its tokens
  /// (articles when none is typed yet).
  static func collection(in tokens: [Token], of text: String) -> CollectionKind {
    for token in tokens {
      if case .identifier(let name) = token.kind, let kind = CollectionKind(rawValue: name.lowercased()) { return kind }
    }
    return .articles
  }

  /// The contents of an unterminated string at the end of `text`, and the token before it.
  static func openString(in tokens: [Token], of text: String) -> (String, TokenKind?)? {
    guard let index = tokens.lastIndex(where: { if case .endOfInput = $0.kind { return false } else { return true } }),
      case .error(let lexical) = tokens[index].kind, lexical.isAtEndOfInput,
      text.utf8.dropFirst(tokens[index].range.start).first == UInt8(ascii: "\"")
    else { return nil }
    let open = String(decoding: text.utf8.dropFirst(tokens[index].range.start + 1), as: UTF8.self)
    return (open, index > 0 ? tokens[index - 1].kind : nil)
  }

  static func slice(_ text: String, _ range: SourceRange) -> String {
    String(decoding: text.utf8.dropFirst(range.start).prefix(range.end - range.start), as: UTF8.self)
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
}
