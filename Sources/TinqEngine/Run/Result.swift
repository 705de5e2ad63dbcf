import TinqFacts
import TinqStore
import TinqSyntax

/// `Value` is one typed cell of a result row. Unknown values are `.null`.
public enum Value: Sendable, Hashable {
  case null
  case text(String)
  case integer(Int)
  /// A fractional number (a relevance score).
  case decimal(Double)
  case date(PartialDate)
  /// A list (citations, people, ranks, ...).
  case list([Value])
  /// A small record, e.g. a person with name, rank and positions; keys in display order.
  case object(keys: [String], values: [Value])

  /// `decimalText(_:)` spells a fractional number to three decimals (`12.345`), as every
  /// format shows it.
  public static func decimalText(_ d: Double, places: Int = 3) -> String {
    guard d.isFinite else { return "0" }
    let places = min(max(places, 1), 12)
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let m = Int((abs(d) * Double(scale)).rounded())
    let fraction = String(m % scale)
    return (d < 0 && m > 0 ? "-" : "") + "\(m / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  /// `percentText(_:)` spells a share as a percentage, `12.345%`.
  public static func percentText(_ share: Double) -> String { decimalText(share * 100) + "%" }

  /// True for `.null`.
  public var isNull: Bool { if case .null = self { return true } else { return false } }

  /// `marked(_:marks:)` is a text with spans marked (a snippet's matches): a record of the text
  /// and its marks, each an offset and a length in Unicode scalars. Flat formats show the text,
  /// a terminal the marks in bold, markdown in `**`, JSON all of it.
  public static func marked(_ text: String, marks: [Range<Int>]) -> Value {
    .object(
      keys: ["text", "matches"],
      values: [
        .text(text),
        .list(marks.map { .object(keys: ["offset", "length"], values: [.integer($0.lowerBound), .integer($0.count)]) }),
      ])
  }

  /// `markedText` is the text and marks of a `marked(_:marks:)` value, else nil.
  public var markedText: (text: String, marks: [Range<Int>])? {
    guard case .object(let keys, let values) = self, keys == ["text", "matches"], values.count == 2,
      case .text(let text) = values[0], case .list(let items) = values[1]
    else { return nil }
    var marks: [Range<Int>] = []
    for item in items {
      guard case .object(_, let parts) = item, parts.count == 2, case .integer(let start) = parts[0],
        case .integer(let length) = parts[1], length >= 0
      else { continue }
      marks.append(start..<(start + length))
    }
    return (text, marks)
  }
}

/// `RowSet` is the rows of a query over any collection: column names in display order and one
/// array of values per row, aligned with `columns`.
public struct RowSet: Sendable, Equatable {
  /// Which collection the rows come from.
  public var collection: CollectionKind
  /// Column names in display order (`id` first for article rows).
  public var columns: [String]
  /// The rows; `rows[i][j]` is the value of `columns[j]`.
  public var rows: [[Value]]

  /// `init(collection:columns:rows:)` makes a row set.
  public init(collection: CollectionKind, columns: [String], rows: [[Value]]) {
    self.collection = collection
    self.columns = columns
    self.rows = rows
  }

  /// `value(_:row:)` returns the value of a named column in a row, or `.null` if there is no such column.
  public func value(_ column: String, row: Int) -> Value {
    guard let j = columns.firstIndex(of: column), rows.indices.contains(row) else { return .null }
    return rows[row][j]
  }
}

/// `GroupedCount` is the answer to `count ... by FIELD`: one row per value (unknown as `.null`,
/// its own row), ordered by value.
public struct GroupedCount: Sendable, Equatable {
  /// The field grouped by; also the key name in JSON output.
  public var field: String
  /// (value, count) pairs in order.
  public var groups: [(value: Value, count: Int)]
  /// For `as share`: each group's count in the base, aligned with `groups`.
  public var totals: [Int]?

  /// `init(field:groups:totals:)` makes a grouped count.
  public init(field: String, groups: [(value: Value, count: Int)], totals: [Int]? = nil) {
    self.field = field
    self.groups = groups
    self.totals = totals
  }

  /// `share(_:)` is group `i`'s count over its total, when it has a total above zero.
  public func share(_ i: Int) -> Double? {
    guard let totals, i < totals.count, i < groups.count, totals[i] > 0 else { return nil }
    return Double(groups[i].count) / Double(totals[i])
  }

  public static func == (a: GroupedCount, b: GroupedCount) -> Bool {
    a.field == b.field && a.totals == b.totals && a.groups.count == b.groups.count
      && zip(a.groups, b.groups).allSatisfy { $0.value == $1.value && $0.count == $1.count }
  }
}

/// `ArticleDetail` is the answer to `show ID`: one article in full, with where each value came from.
public struct ArticleDetail: Sendable, Equatable {
  /// The article.
  public var article: Article
  public init(article: Article) { self.article = article }
}

/// `QueryResult` is the typed result of one statement.
public enum QueryResult: Sendable, Equatable {
  /// Rows of a query (`articles where ...`, `citations ...`).
  case rows(RowSet)
  /// The number from `count COLLECTION [where ...]`.
  case count(Int)
  /// The rows of `count COLLECTION ... by FIELD`.
  case groups(GroupedCount)
  /// One article, from `show ID`.
  case article(ArticleDetail)
  /// The text of `explain STATEMENT`: the checked query and the plan with row counts.
  case plan(String)
  /// A `let` binding took effect.
  case binding(name: String, value: Value)
  /// The outcome of an `expect` statement.
  case expectation(ExpectationResult)
  /// The lines of `kwic ...`.
  case concordance(Concordance)
  /// The cells of a two-way count, `count ... by A, B`.
  case crossTab(CrossTab)
}

/// `CrossTab` is the answer to `count ... by A, B`: one row per value of A, one column per value
/// of B (each in value order, unknown last; a period's gaps filled), and the count of each pair.
public struct CrossTab: Sendable, Equatable {
  public var rowField: String
  public var columnField: String
  public var rows: [Value]
  public var columns: [Value]
  /// `counts[i][j]` is the number of articles with row value `rows[i]` and column value `columns[j]`.
  public var counts: [[Int]]
  /// Per row and per column, the articles counted (an article with two values of a list field
  /// counts once in each, so totals are of articles, not of cells).
  public var rowTotals: [Int]
  public var columnTotals: [Int]
  public var total: Int

  public init(
    rowField: String, columnField: String, rows: [Value], columns: [Value], counts: [[Int]], rowTotals: [Int],
    columnTotals: [Int], total: Int
  ) {
    self.rowField = rowField
    self.columnField = columnField
    self.rows = rows
    self.columns = columns
    self.counts = counts
    self.rowTotals = rowTotals
    self.columnTotals = columnTotals
    self.total = total
  }

  /// The cells in long form, `(row, column, count)`, by row then column, zero cells left out.
  public var cells: [(row: Value, column: Value, count: Int)] {
    var out: [(row: Value, column: Value, count: Int)] = []
    for i in rows.indices {
      for j in columns.indices where counts[i][j] > 0 { out.append((rows[i], columns[j], counts[i][j])) }
    }
    return out
  }
}

/// `ConcordanceLine` is one line of a concordance: an occurrence with its article and context.
public struct ConcordanceLine: Sendable, Equatable {
  public var id: String
  public var date: PartialDate?
  public var source: String?
  /// The syllables before the match, on one line.
  public var left: String
  /// The match as the article writes it.
  public var match: String
  /// The syllables after the match, on one line.
  public var right: String
  /// `title` or `body`.
  public var part: String
  /// Where the match starts in its part's text, in Unicode scalars (the text as `show` prints it).
  public var offset: Int

  public init(
    id: String, date: PartialDate?, source: String?, left: String, match: String, right: String, part: String, offset: Int
  ) {
    self.id = id
    self.date = date
    self.source = source
    self.left = left
    self.match = match
    self.right = right
    self.part = part
    self.offset = offset
  }
}

/// `Concordance` is the answer to `kwic ...`: its lines, and how many there were in all before
/// `sample`, `limit` and `offset` cut them.
public struct Concordance: Sendable, Equatable {
  public var lines: [ConcordanceLine]
  /// Every occurrence found.
  public var occurrences: Int
  /// The articles they are in.
  public var articles: Int

  public init(lines: [ConcordanceLine], occurrences: Int, articles: Int) {
    self.lines = lines
    self.occurrences = occurrences
    self.articles = articles
  }

  /// The columns of a line, in the order every flat format shows them.
  public static let columns = ["id", "date", "source", "left", "match", "right", "part", "offset"]

  /// `rows` is the lines as rows of `columns`.
  public var rows: RowSet {
    RowSet(
      collection: .articles, columns: Self.columns,
      rows: lines.map { l in
        [
          .text(l.id), l.date.map(Value.date) ?? .null, l.source.map(Value.text) ?? .null, .text(l.left), .text(l.match),
          .text(l.right), .text(l.part), .integer(l.offset),
        ]
      })
  }
}

/// `ExpectationResult` is whether an `expect` statement held, and what it found.
public struct ExpectationResult: Sendable, Equatable {
  /// The statement as checked, e.g. `expect count articles where ... = 4`.
  public var statement: String
  /// True when the expectation holds.
  public var passed: Bool
  /// What was expected, e.g. `4`, `no rows`, `ids 002, 003`.
  public var expected: String
  /// What was found, e.g. `3`, `2 rows (001, 004)`.
  public var got: String

  /// `init(statement:passed:expected:got:)` makes a result.
  public init(statement: String, passed: Bool, expected: String, got: String) {
    self.statement = statement
    self.passed = passed
    self.expected = expected
    self.got = got
  }

  /// `expected 4, got 3`.
  public var summary: String { "expected \(expected), got \(got)" }
}

/// `OutputFormat` is how results are rendered.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, json, jsonl, csv, markdown
}
