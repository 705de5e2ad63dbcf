/// `NameSlot` is the kind of name that may stand where a statement being typed ends.
public enum NameSlot: Sendable, Equatable {
  /// A collection: at the start of a statement, after `count` or `explain count`.
  case collection
  /// A field, after `order by`, `select`, `by` or `,`.
  case field
  /// The start of a condition: a field, or a predicate word (`cites`, `mentions`, `contains`).
  case condition
  /// An article id, after `show`.
  case id
  /// A new variable name, after `let`.
  case variable
  /// A concordance's sort key (`left`, `right`, `date`, `id`), after `kwic ... sort by`.
  case kwicKey
  /// The entities a keyword list ranges over (`people`, `organizations`, `citations`), after
  /// `keywords`.
  case entities
  /// A keyword list's reference other than a `where` clause (`rest`, `all`), after `vs`.
  case reference
}

/// `Continuations` is what may come next at the end of a statement being typed, as the parser
/// decides it: the words (keywords and operators) that parse there, in grammar order, whether a
/// name goes there and of which kind, and whether a string does.
public struct Continuations: Sendable, Equatable {
  /// Keywords and operators, each of which parses at the end of the text.
  public var words: [String]
  /// The kind of name that may stand there, if any.
  public var name: NameSlot?
  /// True when a string literal parses there.
  public var string: Bool
}

extension Parser {
  /// The words completion may offer, in the order it offers them: statement words, clause words,
  /// operators, predicate words (fields go between `contains` and `null`), `null`, `not`.
  static let candidateWords: [String] =
    [
      Keyword.count, .kwic, .collocates, .ngrams, .keywords, .of, .window, .as, .share, .show, .explain, .let, .expect, .none, .some, .where, .and, .or, .vs, .context, .sort, .order, .by,
      .distinct, .asc, .desc, .sample, .seed, .limit, .offset, .select,
    ]
    .map(\.rawValue)
    + ComparisonOperator.allCases.map(\.rawValue)
    + [Keyword.cites, .mentions, .between, .in, .is, .contains, .near, .within, .sentence, .paragraph, .ordered, .null, .not,
      .includes, .excludes].map(\.rawValue)

  /// `continuations(of:)` tells what may follow `prefix`, the text of one statement being typed
  /// (without a word being typed at its end). Each candidate word is tried by parsing the prefix
  /// with it: it counts when the statement then parses, or fails only because the input ended.
  /// So what completes is exactly what parses.
  public static func continuations(of prefix: String) -> Continuations {
    var probe = ParserState(source: prefix, scriptMode: false)
    var name: NameSlot? = nil
    do {
      _ = try probe.parseSingleStatement()
    } catch {
      if probe.endedEarly { name = probe.nameAtEnd }
    }
    let joiner = prefix.isEmpty || prefix.last?.isWhitespace == true ? "" : " "
    func parses(_ candidate: String) -> Bool {
      var parser = ParserState(source: prefix + joiner + candidate, scriptMode: false)
      do {
        _ = try parser.parseSingleStatement()
        return true
      } catch {
        return parser.endedEarly
      }
    }
    // After `show`, any word reads as a bare id; after `let`, as the new name.
    let words = name == .id || name == .variable ? [] : candidateWords.filter(parses)
    return Continuations(words: words, name: name, string: parses("\"x\""))
  }
}
