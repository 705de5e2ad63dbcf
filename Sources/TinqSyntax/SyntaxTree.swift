import TinqText
/// `SourceRange` is a half-open range of UTF-8 byte offsets into the source text of a statement.
///
/// Offsets are kept in tokens and nodes; line and column (counted in characters a person sees)
/// are computed only when a diagnostic is rendered.
public struct SourceRange: Sendable, Hashable {
  /// The first byte.
  public var start: Int
  /// One past the last byte.
  public var end: Int

  /// `init(_:_:)` makes a range.
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The empty range at 0, used by trees built in code.
  public static let none = SourceRange(0, 0)

  /// `to(_:)` returns the range from this one's start to `other`'s end.
  public func to(_ other: SourceRange) -> SourceRange { SourceRange(start, max(end, other.end)) }
}

// The syntax tree. Names match the grammar's productions (grammar/tinq.ebnf). Every node carries
// its source range; `==` compares structure *and* ranges, and `erasingRanges()` gives the
// structural form used to compare a reparsed tree with the original.

/// statement -> query | count | show | explain | let | expect
public indirect enum Statement: Sendable, Equatable {
  case query(Query)
  case count(CountStatement)
  case show(ShowStatement)
  case explain(ExplainStatement)
  case letBinding(LetStatement)
  case expect(ExpectStatement)
  case kwic(KwicStatement)
  case collocates(CollocatesStatement)
  case ngrams(NgramsStatement)
  case keywords(KeywordsStatement)
}

/// keywords -> "keywords" [integer | entities] where_clause "vs" reference ["by" keyness]
///             [limit_clause]
///
/// The syllables, n-grams or extracted entities most characteristic of the articles the first
/// `where` keeps (the focus) against a reference: the articles of a second `where`, the rest of
/// the corpus or all of it.
public struct KeywordsStatement: Sendable, Equatable {
  /// What is compared: runs of syllables, or the entities extracted from the articles.
  public enum Items: Sendable, Equatable {
    /// Runs of 1 to 4 syllables of the bodies (`keywords 2 ...`), counted by occurrence.
    case ngrams(Int)
    /// People, organisations or cited documents (`keywords people ...`), counted by article.
    case entities(Entities)
  }

  /// The entity collections a keyword list can range over, spelt as the collections are.
  public enum Entities: String, Sendable, Equatable, CaseIterable {
    case people, organizations, citations
  }

  /// What the focus is compared with.
  public enum Reference: Sendable, Equatable {
    /// `vs where EXPR`: the articles the expression keeps (they may overlap the focus).
    case filter(Expression)
    /// `vs rest`: the articles the focus leaves out.
    case rest
    /// `vs all`: the whole corpus, the focus included.
    case all
  }

  /// The names of the references that are not a `where` clause; not reserved words.
  public enum ReferenceName: String, Sendable, Equatable, CaseIterable {
    case rest, all
  }

  /// The keyness statistics.
  public enum Measure: String, Sendable, Equatable, CaseIterable {
    /// Dunning's log-likelihood, signed: negative when the item is rarer in the focus.
    case ll
    /// Sketch Engine's simple maths: (fpm in focus + 1) / (fpm in reference + 1).
    case simple
  }

  /// What is compared; single syllables when nil.
  public var items: Items?
  /// The first `where` expression: the articles characterised (the focus).
  public var focus: Expression
  /// What the focus is compared with, after `vs`.
  public var reference: Reference
  /// Where the reference is written: its `where` expression, `rest` or `all`.
  public var referenceRange: SourceRange
  /// The statistic after `by`, if given (`ll` when not).
  public var measure: Measure?
  public var limit: LimitClause?
  public var range: SourceRange

  public init(
    items: Items? = nil, focus: Expression, reference: Reference, referenceRange: SourceRange = .none,
    measure: Measure? = nil, limit: LimitClause? = nil, range: SourceRange = .none
  ) {
    self.items = items
    self.focus = focus
    self.reference = reference
    self.referenceRange = referenceRange
    self.measure = measure
    self.limit = limit
    self.range = range
  }
}

/// ngrams -> "ngrams" integer [where_clause] [limit_clause]
///
/// The most frequent runs of `size` syllables in the bodies of the articles.
public struct NgramsStatement: Sendable, Equatable {
  public var size: Int
  public var filter: Expression?
  public var limit: LimitClause?
  public var range: SourceRange

  public init(size: Int, filter: Expression? = nil, limit: LimitClause? = nil, range: SourceRange = .none) {
    self.size = size
    self.filter = filter
    self.limit = limit
    self.range = range
  }

  /// The longest n-gram, in syllables.
  public static let maximumSize = 4
}

/// collocates -> "collocates" "of" literal [where_clause] ["window" integer] ["by" measure]
///               [limit_clause]
///
/// The syllables that stand near a phrase more often than chance, by an association measure.
public struct CollocatesStatement: Sendable, Equatable {
  /// The association measures.
  public enum Measure: String, Sendable, Equatable, CaseIterable {
    case logdice, mi, ll
  }

  public var phrase: Literal
  public var filter: Expression?
  public var window: Int?
  public var measure: Measure?
  public var limit: LimitClause?
  public var range: SourceRange

  public init(
    phrase: Literal, filter: Expression? = nil, window: Int? = nil, measure: Measure? = nil, limit: LimitClause? = nil,
    range: SourceRange = .none
  ) {
    self.phrase = phrase
    self.filter = filter
    self.window = window
    self.measure = measure
    self.limit = limit
    self.range = range
  }

  /// The window when none is given, in syllables each side.
  public static let defaultWindow = 5
  /// The widest window.
  public static let maximumWindow = 50
}

/// kwic -> ["count"] "kwic" kwic_target [where_clause] ["context" integer]
///         [("sort" | "order") "by" kwic_key ["asc" | "desc"]] ["sample" integer ["seed" integer]]
///         [limit_clause]
///
/// A keyword-in-context concordance: one line per place the target stands in an article.
public struct KwicStatement: Sendable, Equatable {
  /// What a concordance line is sorted by.
  public enum SortKey: String, Sendable, Equatable, CaseIterable {
    /// The words after the match, nearest first.
    case right
    /// The words before the match, nearest first.
    case left
    case date, id
  }

  /// `target` is what each line centres on: a `contains`, `cites` or `mentions` condition (a bare
  /// phrase is read as `contains`).
  public var target: Expression
  /// `filter` is the `where` expression over articles, if any.
  public var filter: Expression?
  /// `context` is the number of syllables shown each side, if given.
  public var context: Int?
  /// `sort` is the sort key, if given, and whether it is descending.
  public var sort: SortKey?
  public var descending: Bool
  /// `sample` draws this many lines at random, if given, from `seed`.
  public var sample: Int?
  public var seed: Int?
  /// `limit` cuts the lines, if given.
  public var limit: LimitClause?
  /// `countOnly` is true for `count kwic ...`: the number of lines.
  public var countOnly: Bool
  /// `range` covers the whole statement.
  public var range: SourceRange

  /// `init(target:...)` makes a concordance statement.
  public init(
    target: Expression, filter: Expression? = nil, context: Int? = nil, sort: SortKey? = nil, descending: Bool = false,
    sample: Int? = nil, seed: Int? = nil, limit: LimitClause? = nil, countOnly: Bool = false, range: SourceRange = .none
  ) {
    self.target = target
    self.filter = filter
    self.context = context
    self.sort = sort
    self.descending = descending
    self.sample = sample
    self.seed = seed
    self.limit = limit
    self.countOnly = countOnly
    self.range = range
  }
}

/// expect -> "expect" count comparison integer | "expect" ("none" | "some") query
///         | "expect" query ("includes" | "excludes") key {"," key}
public struct ExpectStatement: Sendable, Equatable {
  /// What the rows of a query must show.
  public enum RowTest: Sendable, Equatable {
    /// No row.
    case none
    /// At least one row.
    case some
    /// Rows with each of these keys (ids for articles, the name or number otherwise).
    case includes([String])
    /// No row with any of these keys.
    case excludes([String])
  }

  /// The assertion.
  public enum Test: Sendable, Equatable {
    /// The count compared with a number.
    case count(CountStatement, ComparisonOperator, Int)
    /// A test on the rows of a query.
    case rows(Query, RowTest)
  }

  public var test: Test
  /// `range` covers the whole statement.
  public var range: SourceRange
  /// `init(test:range:)` makes an expect statement.
  public init(test: Test, range: SourceRange = .none) {
    self.test = test
    self.range = range
  }
}

/// The five collections a query can range over.
public enum CollectionKind: String, Sendable, Equatable, CaseIterable {
  /// `articles` are the documents; `citations`, `people` and `organizations` have one row per
  /// distinct item found in them, `stories` one per cluster of near-copies of an article.
  case articles, citations, people, organizations, stories
}

/// collection -> "articles" | "citations" | "people" | "organizations" | "stories"
public struct CollectionRef: Sendable, Equatable {
  /// `kind` is which collection.
  public var kind: CollectionKind
  /// `range` is where the name was written.
  public var range: SourceRange
  /// `init(kind:range:)` makes a collection reference.
  public init(kind: CollectionKind, range: SourceRange = .none) {
    self.kind = kind
    self.range = range
  }
}

/// field -> identifier
public struct FieldRef: Sendable, Equatable {
  /// The field name, lowercased.
  public var name: String
  /// `range` is where the name was written.
  public var range: SourceRange
  /// `init(name:range:)` makes a field reference; `name` should already be lowercased.
  public init(name: String, range: SourceRange = .none) {
    self.name = name
    self.range = range
  }
}

/// query -> collection [where] [order by] [limit] [select]
public struct Query: Sendable, Equatable {
  /// `collection` is what the query ranges over.
  public var collection: CollectionRef
  /// `filter` is the `where` expression, if any.
  public var filter: Expression?
  /// `order` lists the `order by` keys, most significant first.
  public var order: [OrderKey]
  /// `limit` is the `limit`/`offset` clause, if any.
  public var limit: LimitClause?
  /// `select` lists the fields to show; empty means the collection's default columns.
  public var select: [FieldRef]
  /// `range` covers the whole query.
  public var range: SourceRange
  /// `init(collection:filter:order:limit:select:range:)` makes a query.
  public init(
    collection: CollectionRef, filter: Expression? = nil, order: [OrderKey] = [], limit: LimitClause? = nil,
    select: [FieldRef] = [], range: SourceRange = .none
  ) {
    self.collection = collection
    self.filter = filter
    self.order = order
    self.limit = limit
    self.select = select
    self.range = range
  }
}

/// count -> "count" collection [where] ["by" field ["," field]] ["distinct" field] [share] [group_order] [limit]
public struct CountStatement: Sendable, Equatable {
  /// `collection` is what is counted.
  public var collection: CollectionRef
  /// `filter` is the `where` expression, if any.
  public var filter: Expression?
  /// `groupBy` is the `by` field, if any: one row per value.
  public var groupBy: FieldRef?
  /// `order` orders the groups: each key is `count` (written as a field named `count`) or the
  /// group field.
  public var order: [OrderKey]
  /// `limit` cuts the groups, if given.
  public var limit: LimitClause?
  /// `share` asks for each group's share of a base, if given (`as share [of ...]`).
  public var share: ShareClause?
  /// `across` is the second field of a two-way count (`by year, source`), if given.
  public var across: FieldRef?
  /// `distinct` is the field whose distinct values are counted instead of rows (`distinct
  /// story`: each story once per group), if given.
  public var distinct: FieldRef?
  /// `range` covers the whole statement.
  public var range: SourceRange
  /// `init(collection:filter:groupBy:order:limit:share:range:)` makes a count statement.
  public init(
    collection: CollectionRef, filter: Expression? = nil, groupBy: FieldRef? = nil, order: [OrderKey] = [],
    limit: LimitClause? = nil, share: ShareClause? = nil, across: FieldRef? = nil, distinct: FieldRef? = nil,
    range: SourceRange = .none
  ) {
    self.distinct = distinct
    self.share = share
    self.across = across
    self.collection = collection
    self.filter = filter
    self.groupBy = groupBy
    self.order = order
    self.limit = limit
    self.range = range
  }
}

/// show -> "show" (string | identifier)
public struct ShowStatement: Sendable, Equatable {
  /// The id or unique id prefix.
  public var id: String
  /// `range` covers the whole statement.
  public var range: SourceRange
  /// `init(id:range:)` makes a show statement.
  public init(id: String, range: SourceRange = .none) {
    self.id = id
    self.range = range
  }
}

/// explain -> "explain" statement
public struct ExplainStatement: Sendable, Equatable {
  /// `statement` is the statement to explain.
  public var statement: Statement
  /// `range` covers the whole statement.
  public var range: SourceRange
  /// `init(statement:range:)` makes an explain statement.
  public init(statement: Statement, range: SourceRange = .none) {
    self.statement = statement
    self.range = range
  }
}

/// let -> "let" identifier "=" literal — binds a name usable wherever a literal is.
public struct LetStatement: Sendable, Equatable {
  /// `name` is the variable's name, lowercased, without `$`.
  public var name: String
  /// `value` is the bound literal.
  public var value: Literal
  /// `range` covers the whole statement.
  public var range: SourceRange
  /// `init(name:value:range:)` makes a let statement.
  public init(name: String, value: Literal, range: SourceRange = .none) {
    self.name = name
    self.value = value
    self.range = range
  }
}

/// order_key -> field ["asc" | "desc"]
public struct OrderKey: Sendable, Equatable {
  /// `field` is the field to order by.
  public var field: FieldRef
  /// `descending` is true for `desc`.
  public var descending: Bool
  /// `range` covers the field and its direction.
  public var range: SourceRange
  /// `init(field:descending:range:)` makes an order key.
  public init(field: FieldRef, descending: Bool = false, range: SourceRange = .none) {
    self.field = field
    self.descending = descending
    self.range = range
  }
}

/// share -> "as" "share" ["of" collection [where_clause]]
///
/// A grouped count as a share of each group's articles: of all of them, or of a base.
public struct ShareClause: Sendable, Equatable {
  /// The base's collection, when `of` names one.
  public var collection: CollectionRef?
  /// The base's `where` expression, if any.
  public var filter: Expression?
  public var range: SourceRange

  public init(collection: CollectionRef? = nil, filter: Expression? = nil, range: SourceRange = .none) {
    self.collection = collection
    self.filter = filter
    self.range = range
  }
}

/// limit -> "limit" integer ["offset" integer] | "offset" integer ["limit" integer]
public struct LimitClause: Sendable, Equatable {
  /// `count` is the most rows to return, if given.
  public var count: Int?
  /// `offset` is how many rows to skip first, if given.
  public var offset: Int?
  /// `range` covers the clause.
  public var range: SourceRange
  /// `init(count:offset:range:)` makes a limit clause.
  public init(count: Int?, offset: Int? = nil, range: SourceRange = .none) {
    self.count = count
    self.offset = offset
    self.range = range
  }
}

/// literal -> string | integer | date | variable
public struct Literal: Sendable, Equatable {
  /// `Value` is what a literal denotes.
  public enum Value: Sendable, Equatable, Hashable {
    case string(String)
    case integer(Int)
    case date(PartialDateLiteral)
    /// A name bound by `let`, resolved by the checker.
    case variable(String)
  }
  /// `value` is what the literal denotes.
  public var value: Value
  /// `range` is where the literal was written.
  public var range: SourceRange
  /// `init(_:range:)` makes a literal.
  public init(_ value: Value, range: SourceRange = .none) {
    self.value = value
    self.range = range
  }
}

/// A date literal as written: `2021-06-30`, `2021-06` (a bare `2021` is an integer).
public struct PartialDateLiteral: Sendable, Equatable, Hashable {
  /// `year` is the year, 1 to 9999 when parsed.
  public var year: Int
  /// `month` is 1 to 12, or nil for a whole year.
  public var month: Int?
  /// `day` is the day of the month, or nil for a whole month.
  public var day: Int?
  /// `init(year:month:day:)` makes a date literal.
  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }
}

/// Comparison operators.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
  /// The operators, spelt as in queries.
  case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// Boolean operators, in one precedence table (`or` binds loosest).
public enum LogicalOperator: String, Sendable, Equatable, CaseIterable {
  /// `or` and `and`, spelt as in queries.
  case or, and
  /// Binding power: higher binds tighter.
  public var precedence: Int { self == .or ? 1 : 2 }
}

/// expression -> or_expr; the node kinds below are the productions of predicates.
public indirect enum Expression: Sendable, Equatable {
  /// lhs and/or rhs
  case logical(LogicalOperator, Expression, Expression, SourceRange)
  /// not operand
  case not(Expression, SourceRange)
  /// field op literal
  case comparison(FieldRef, ComparisonOperator, Literal, SourceRange)
  /// field [not] between low and high
  case between(FieldRef, Literal, Literal, negated: Bool, SourceRange)
  /// field [not] in (literal, ...)
  case inList(FieldRef, [Literal], negated: Bool, SourceRange)
  /// field is [not] null
  case isNull(FieldRef, negated: Bool, SourceRange)
  /// [field] contains phrase — without a field: title or body.
  case contains(FieldRef?, Literal, SourceRange)
  /// cites "number"
  case cites(Literal, SourceRange)
  /// mentions "name"
  case mentions(Literal, SourceRange)
  /// contains "a" near "b" [within N | sentence | paragraph] [ordered] — in the title or body.
  case near(Literal, Literal, Proximity, SourceRange)

  /// The node's source range.
  public var range: SourceRange {
    switch self {
    case .logical(_, _, _, let r), .not(_, let r), .comparison(_, _, _, let r), .between(_, _, _, _, let r),
      .inList(_, _, _, let r), .isNull(_, _, let r), .contains(_, _, let r), .cites(_, let r), .mentions(_, let r),
      .near(_, _, _, let r):
      return r
    }
  }
}
