/// `Keyword` is the one table of the language's reserved words; every keyword is spelt here once.
///
/// Collection names (`articles`, `citations`, ...) and field names are deliberately not keywords:
/// `articles` is also a field of `citations`, and an unknown name deserves a "did you mean" answer
/// from the checker rather than a parse error.
public enum Keyword: String, CaseIterable, Sendable {
  /// Clause and boolean words.
  case `where`, and, or, not, order, by, asc, desc, limit, offset, select
  /// Words that start statements other than queries.
  case count, show, explain, `let`, expect
  /// Words of `expect` statements.
  case includes, excludes, `none`, some
  /// Predicate words.
  case between, `in`, `is`, null, contains, cites, mentions
  /// Words of `kwic` statements.
  case kwic, context, sort, sample, seed
  /// Words of proximity: `contains "a" near "b" within 5 ordered`.
  case near, within, sentence, paragraph, ordered
  /// Words of shares: `count ... by year as share of articles where ...`.
  case `as`, share, of
  /// Words of `collocates of "ma túy" window 5 by logdice`.
  case collocates, window
  /// The word of `ngrams 2 where ...`.
  case ngrams
  /// Words of `keywords where source = "CAND" vs rest`.
  case keywords, vs
  /// The word of counting each story once: `count articles by month distinct story`.
  case distinct

  /// The length of the longest keyword.
  static let longest = allCases.map(\.rawValue.utf8.count).max() ?? 0

  /// `lookup(_:)` returns the keyword spelt by `text`, ignoring case, or nil.
  public static func lookup(_ text: some StringProtocol) -> Keyword? {
    // Keywords are short ASCII words: reject anything else before paying for lowercasing.
    guard text.utf8.count <= longest, text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    return Keyword(rawValue: text.lowercased())
  }

  /// `isClauseWord` tells whether a line starting with this keyword continues the statement above
  /// it in a script.
  public var isClauseWord: Bool {
    switch self {
    case .where, .and, .or, .order, .limit, .offset, .select, .by, .vs: return true
    default: return false
    }
  }
}

/// `LexicalError` is what the lexer found wrong in one token; the parser turns it into a
/// `Diagnostic` when it reaches the token.
public struct LexicalError: Sendable, Equatable {
  /// `message` is the complete diagnostic message.
  public var message: String
  /// `range` is where the caret goes, which may be narrower than the token (an unknown escape).
  public var range: SourceRange
  /// `notes` are the diagnostic's further lines.
  public var notes: [String]
  /// `isAtEndOfInput` is true when the only problem is that the input ended (an open quote).
  public var isAtEndOfInput: Bool

  /// `init(_:at:notes:atEnd:)` makes a lexical error.
  public init(_ message: String, at range: SourceRange, notes: [String] = [], atEnd: Bool = false) {
    self.message = message
    self.range = range
    self.notes = notes
    self.isAtEndOfInput = atEnd
  }
}

/// `TokenKind` is what a token is, with its decoded value.
public enum TokenKind: Sendable, Equatable {
  /// A reserved word.
  case keyword(Keyword)
  /// A name: a collection, a field, a `let` name, or a bare id such as `000_d0844a13450a2335`.
  case identifier(String)
  /// `$name`, lowercased, without the `$`.
  case variable(String)
  /// A double-quoted string, escapes decoded.
  case string(String)
  /// A decimal integer, possibly negative.
  case integer(Int)
  /// A date literal `2021-06-30` or `2021-06`.
  case date(PartialDateLiteral)
  /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
  case comparison(ComparisonOperator)
  /// `(`.
  case leftParen
  /// `)`.
  case rightParen
  /// `,`.
  case comma
  /// `;`.
  case semicolon
  /// Text the lexer could not make sense of.
  case error(LexicalError)
  /// The end of the source; always the last token.
  case endOfInput
}

/// `Token` is one lexical unit: its kind and the UTF-8 range of the source it was read from.
public struct Token: Sendable, Equatable {
  /// `kind` is what the token is.
  public var kind: TokenKind
  /// `range` is where the token is in the source.
  public var range: SourceRange

  /// `init(_:_:)` makes a token.
  public init(_ kind: TokenKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}
