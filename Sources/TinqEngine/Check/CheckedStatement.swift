import TinqFacts
import TinqSyntax
import TinqText

// The checked query: what the checker makes of a syntax tree, and the only thing a backend runs.
// Names are resolved to registry fields, variables to their values, literals fitted to their
// field's type, `and`/`or` chains flattened, and the phrases and numbers of `contains`, `cites`
// and `mentions` prepared once.

/// `Constant` is a literal after checking: typed to fit the field it is compared with.
public enum Constant: Sendable, Hashable {
  case text(String)
  case integer(Int)
  /// A date, possibly partial; a year compared with a date field is a date of year precision.
  case date(PartialDate)
}

/// `Condition` is one test on a row, with its text as written (variables resolved).
public struct Condition: Sendable {
  /// What is tested.
  public enum Test: Sendable {
    case compare(Field, ComparisonOperator, Constant)
    case between(Field, Constant, Constant, negated: Bool)
    case isIn(Field, [Constant], negated: Bool)
    case isNull(Field, negated: Bool)
    /// A phrase in a text or list field, or (`field` nil) in an article's title or body.
    case contains(Field?, Phrase)
    /// Articles citing the document a typed number can mean (`CitationQuery` reads it).
    case cites(String)
    /// Articles mentioning the person or organisation named (`NameQuery` reads it).
    case mentions(String)
    /// Articles whose title or body holds the two phrases near each other.
    case near(Phrase, Phrase, Proximity)
  }

  /// The test.
  public var test: Test
  /// The condition in the language, e.g. `year >= 2021`, for `explain`.
  public var text: String
  /// Where it stands in the source.
  public var range: SourceRange

  package init(test: Test, text: String, range: SourceRange) {
    self.test = test
    self.text = text
    self.range = range
  }
}

/// `Predicate` is a checked `where` clause.
public indirect enum Predicate: Sendable {
  /// Every operand holds (a flattened chain of `and`).
  case all([Predicate])
  /// Some operand holds (a flattened chain of `or`).
  case any([Predicate])
  case not(Predicate)
  case condition(Condition)
}

/// `Ordering` is one key of `order by`.
public struct Ordering: Sendable {
  public var field: Field
  public var descending: Bool
}

/// `CheckedQuery` is a query over a collection.
public struct CheckedQuery: Sendable {
  public var collection: CollectionKind
  public var filter: Predicate?
  public var order: [Ordering]
  /// At most this many rows (nil: all), after skipping `offset`.
  public var limit: Int?
  public var offset: Int
  /// The columns, in order: the `select` list, or the collection's default columns.
  public var columns: [Field]
}

/// `GroupOrdering` is one key of a grouped count's `order by`: the count or the group's value.
public struct GroupOrdering: Sendable, Equatable {
  public enum Key: Sendable, Equatable { case count, value, share }
  public var key: Key
  public var descending: Bool
}

/// `CheckedCount` is `count COLLECTION [where ...] [by FIELD [order by ...] [limit N] [offset M]]`.
public struct CheckedCount: Sendable {
  public var collection: CollectionKind
  public var filter: Predicate?
  public var groupBy: Field?
  /// The second field of a two-way count, one column per value.
  public var across: Field? = nil
  /// The field whose distinct values are counted instead of rows (`distinct story`: each story
  /// once per group), if any.
  public var distinct: Field? = nil
  /// How the groups are ordered (empty: by value, unknown last).
  public var order: [GroupOrdering] = []
  /// At most this many groups (nil: all), after skipping `offset`.
  public var limit: Int? = nil
  public var offset: Int = 0
  /// For `as share`: each group's count is of the articles also in the base, and the base's count
  /// of the group is given beside it. `base` nil: the whole collection.
  public var share: Share? = nil

  /// The base of a share.
  public struct Share: Sendable {
    public var base: Predicate?
  }
}

/// `CheckedExpectation` is an `expect` statement: what is run and what must hold.
public struct CheckedExpectation: Sendable {
  public enum Test: Sendable {
    /// The count compared with a number.
    case count(CheckedCount, ComparisonOperator, Int)
    /// The query returns no row.
    case none(CheckedQuery)
    /// The query returns at least one row.
    case some(CheckedQuery)
    /// The query returns rows with each of these keys (its one column: id, number or name).
    case includes(CheckedQuery, [String])
    /// The query returns no row with any of these keys.
    case excludes(CheckedQuery, [String])
  }

  public var test: Test
}

/// `CheckedConcordance` is `kwic TARGET [where ...] [context N] [sort by KEY] [sample N [seed S]]
/// [limit N] [offset M]`: one line per place the target stands in the articles the filter keeps.
public struct CheckedConcordance: Sendable {
  /// What each line centres on.
  public enum Target: Sendable {
    /// A phrase of the title or body, with smart diacritics.
    case phrase(Phrase)
    /// Each place an article cites the document a typed number can mean.
    case cites(String)
    /// Each place an article names the person or organisation.
    case mentions(String)
  }

  public var target: Target
  /// The target in the language, e.g. `contains "ma túy"`, for `explain`.
  public var targetText: String
  /// The articles searched (nil: all).
  public var filter: Predicate?
  /// Syllables of context each side.
  public var context: Int
  /// How lines are ordered (nil: by article, in corpus order, then by place in the article).
  public var sort: KwicStatement.SortKey?
  public var descending: Bool
  /// Draw this many lines at random (reproducibly, from `seed`) before ordering them.
  public var sample: Int?
  public var seed: UInt64
  /// At most this many lines (nil: all), after skipping `offset`.
  public var limit: Int?
  public var offset: Int
  /// `count kwic ...`: the number of lines only.
  public var countOnly: Bool

  /// The context a concordance shows when none is asked for, in syllables each side.
  public static let defaultContext = 8
  /// The seed of `sample N` without `seed`.
  public static let defaultSeed: UInt64 = 1

  /// The articles a concordance reads: those the filter keeps that also hold the target.
  package var articles: Predicate {
    let test: Condition.Test
    switch target {
    case .phrase(let phrase): test = .contains(nil, phrase)
    case .cites(let s): test = .cites(s)
    case .mentions(let s): test = .mentions(s)
    }
    let holds = Predicate.condition(Condition(test: test, text: targetText, range: .none))
    return filter.map { .all([$0, holds]) } ?? holds
  }
}

/// `CheckedCollocates` is `collocates of PHRASE [where ...] [window N] [by MEASURE] [limit N]`.
public struct CheckedCollocates: Sendable {
  public var phrase: Phrase
  /// The articles whose bodies are counted (nil: all).
  public var filter: Predicate?
  /// Syllables each side.
  public var window: Int
  public var measure: CollocatesStatement.Measure
  public var limit: Int
  public var offset: Int

  /// The collocates listed when no `limit` is given.
  public static let defaultLimit = 20
  /// A syllable must stand near the phrase this often to be listed (one co-occurrence is noise
  /// that MI ranks first).
  public static let minimumTogether = 2
}

/// `CheckedNgrams` is `ngrams N [where ...] [limit N]`.
public struct CheckedNgrams: Sendable {
  /// Syllables per n-gram, 1 to 4.
  public var size: Int
  /// The articles whose bodies are counted (nil: all).
  public var filter: Predicate?
  public var limit: Int
  public var offset: Int

  /// The n-grams listed when no `limit` is given.
  public static let defaultLimit = 50
}

/// `CheckedKeywords` is `keywords [N|people|organizations|citations] where ... vs REFERENCE
/// [by ll|simple] [limit N]`.
public struct CheckedKeywords: Sendable {
  /// What is compared between the two sets of articles.
  public enum Items: Sendable, Equatable {
    /// Runs of 1 to 4 syllables of the bodies, counted by occurrence.
    case ngrams(Int)
    /// Extracted entities, counted by the articles mentioning (or citing) them.
    case entities(KeywordsStatement.Entities)
  }

  /// The articles the focus is compared with.
  public enum Reference: Sendable {
    /// The articles a second `where` keeps.
    case filter(Predicate)
    /// The articles the focus leaves out.
    case rest
    /// The whole corpus, the focus included.
    case all
  }

  /// What is compared: runs of syllables (1 for single syllables) or entities.
  public var items: Items
  /// The articles characterised.
  public var focus: Predicate
  /// Where the focus's `where` expression stands, for an error when it keeps no article.
  public var focusRange: SourceRange
  public var reference: Reference
  /// Where the reference stands.
  public var referenceRange: SourceRange
  /// The statistic rows are ranked by.
  public var measure: KeywordsStatement.Measure
  /// At most this many rows, after skipping `offset`.
  public var limit: Int
  public var offset: Int

  /// The keywords listed when no `limit` is given.
  public static let defaultLimit = 20
}

/// `CheckedStatement` is one statement, checked.
public struct CheckedStatement: Sendable {
  /// What the statement does.
  public indirect enum Kind: Sendable {
    case query(CheckedQuery)
    case count(CheckedCount)
    /// `show ID`: an id or an id prefix.
    case show(id: String)
    case explain(CheckedStatement)
    /// `let NAME = VALUE`.
    case binding(name: String, value: Literal.Value)
    /// `expect ...`: an assertion on a count or on the rows of a query.
    case expectation(CheckedExpectation)
    /// `kwic ...`: a concordance.
    case concordance(CheckedConcordance)
    /// `collocates of ...`: a phrase's collocates.
    case collocates(CheckedCollocates)
    /// `ngrams N ...`: the most frequent runs of N syllables.
    case ngrams(CheckedNgrams)
    /// `keywords ... vs ...`: what characterises some articles against others.
    case keywords(CheckedKeywords)
  }

  public var kind: Kind
  /// The statement in the language, variables resolved: what `explain` prints.
  public var text: String
  /// Where it stands in the source.
  public var range: SourceRange
}

extension Predicate {
  /// `text` is the predicate in the language, parenthesised where precedence needs it.
  public var text: String {
    switch self {
    case .condition(let c): return c.text
    case .not(let inner):
      if case .condition = inner { return "not " + inner.text }
      return "not (" + inner.text + ")"
    case .all(let items):
      return items.map { if case .any = $0 { return "(" + $0.text + ")" } else { return $0.text } }.joined(separator: " and ")
    case .any(let items):
      return items.map(\.text).joined(separator: " or ")
    }
  }

  /// `conditions` lists the leaves, left to right, without recursion on the tree's depth.
  public var conditions: [Condition] {
    var out: [Condition] = []
    var stack = [self]
    while let top = stack.popLast() {
      switch top {
      case .all(let items), .any(let items): stack.append(contentsOf: items.reversed())
      case .not(let inner): stack.append(inner)
      case .condition(let c): out.append(c)
      }
    }
    return out
  }
}
