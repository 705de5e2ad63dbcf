import TinqFacts
import TinqStore

/// `FlatTable` is a result as a header and rows of cell text, the shape CSV and Markdown share.
struct FlatTable {
  var header: [String]
  var rows: [[String]]

  /// `init?(_:)` flattens a result; nil for results that are not tabular (`show`, `explain`, `let`).
  init?(_ result: QueryResult, emphasis: ((String) -> String)? = nil, percent: Bool = false, pivot: Bool = false) {
    switch result {
    case .crossTab(let t):
      if pivot {
        (header, rows) = t.pivot(columns: CrossTab.pivotColumns)
      } else {
        header = [t.rowField, t.columnField, "count"]
        rows = t.cells.map { [CellText.of($0.row), CellText.of($0.column), String($0.count)] }
      }
    case .rows(let set):
      header = set.columns
      rows = set.rows.map { row in set.columns.indices.map { j in j < row.count ? CellText.of(row[j], emphasis: emphasis) : "" } }
    case .count(let n):
      header = ["count"]
      rows = [[String(n)]]
    case .groups(let grouped):
      if let totals = grouped.totals {
        header = [grouped.field, "count", "total", "share"]
        rows = grouped.groups.indices.map { i in
          let share = grouped.share(i).map { percent ? Value.percentText($0) : Value.decimalText($0, places: 6) } ?? ""
          return [CellText.of(grouped.groups[i].value), String(grouped.groups[i].count), String(totals[i]), share]
        }
      } else {
        header = [grouped.field, "count"]
        rows = grouped.groups.map { [CellText.of($0.value), String($0.count)] }
      }
    case .article(let detail):
      let a = detail.article
      let scalars = ArticleDisplay.scalars(a)
      header = scalars.map(\.name) + ["citations", "people", "organizations", "body"]
      let people = a.people.map { p in
        CellText.of(.object(keys: ["name", "rank"], values: [.text(p.name), p.rank.map(Value.text) ?? .null]))
      }
      rows = [
        scalars.map { CellText.of($0.value) } + [
          a.citations.map(\.number).joined(separator: "; "), people.joined(separator: "; "),
          a.organizations.map(\.name).joined(separator: "; "), a.body,
        ]
      ]
    case .expectation(let e):
      header = ["expectation", "passed", "expected", "got"]
      rows = [[e.statement, e.passed ? "true" : "false", e.expected, e.got]]
    case .concordance(let c):
      let set = c.rows
      header = set.columns
      rows = set.rows.map { row in row.map { CellText.of($0) } }
    case .plan, .binding:
      return nil
    }
  }
}

extension CrossTab {
  /// The columns a pivot shows before the rest are summed as `(other)`.
  static let pivotColumns = 8

  /// `pivot(columns:)` lays the counts out as rows × columns for reading: the `columns` largest
  /// columns (by articles, ties in value order), the rest summed as `(other)`, and totals.
  func pivot(columns n: Int) -> (header: [String], rows: [[String]]) {
    let largest = columns.indices.sorted { columnTotals[$0] != columnTotals[$1] ? columnTotals[$0] > columnTotals[$1] : $0 < $1 }
    let shown = Array(largest.prefix(n))
    let rest = Array(largest.dropFirst(n))
    func label(_ v: Value) -> String { v.isNull ? "(unknown)" : CellText.singleLine(CellText.of(v)) }
    let header = [rowField + " \\ " + columnField] + shown.map { label(columns[$0]) } + (rest.isEmpty ? [] : ["(other)"]) + ["total"]
    var out: [[String]] = []
    for i in rows.indices {
      var line = [label(rows[i])] + shown.map { String(counts[i][$0]) }
      if !rest.isEmpty { line.append(String(rest.reduce(0) { $0 + counts[i][$1] })) }
      line.append(String(rowTotals[i]))
      out.append(line)
    }
    var totals = ["total"] + shown.map { String(columnTotals[$0]) }
    if !rest.isEmpty { totals.append(String(rest.reduce(0) { $0 + columnTotals[$1] })) }
    totals.append(String(total))
    out.append(totals)
    return (header, out)
  }
}

/// `CSVRenderer` writes RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they
/// hold a comma, a quote, CR or LF, quotes doubled.
struct CSVRenderer {
  func render(_ result: QueryResult) -> String {
    if case .plan(let text) = result { return line(["plan"]) + line([text]) }
    guard let table = FlatTable(result) else { return "" }
    return line(table.header) + table.rows.map(line).joined()
  }

  func line(_ fields: [String]) -> String {
    fields.map(CSVRenderer.field).joined(separator: ",") + "\r\n"
  }

  static func field(_ text: String) -> String {
    let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    guard needsQuotes else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }
}

/// `MarkdownRenderer` writes a GitHub-style pipe table, escaping `|` and keeping each row on
/// one line.
struct MarkdownRenderer {
  func render(_ result: QueryResult) -> String {
    if case .plan(let text) = result { return "```\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "```\n" }
    guard var table = FlatTable(result, emphasis: { "**" + $0 + "**" }, percent: true, pivot: true) else { return "" }
    // A concordance's match stands out as it does on a terminal.
    if case .concordance = result, let j = table.header.firstIndex(of: "match") {
      for i in table.rows.indices where !table.rows[i][j].isEmpty { table.rows[i][j] = "**" + table.rows[i][j] + "**" }
    }
    var out = row(table.header)
    out += "|" + table.header.map { _ in " --- |" }.joined() + "\n"
    for r in table.rows { out += row(r) }
    return out
  }

  func row(_ cells: [String]) -> String {
    "|" + cells.map { " " + MarkdownRenderer.escape($0) + " |" }.joined() + "\n"
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for ch in CellText.singleLine(text) {
      if ch == "|" || ch == "\\" { out.append("\\") }
      out.append(ch)
    }
    return out
  }
}

extension String {
  /// `replacingAll(_:with:)` replaces every occurrence of one character, without Foundation.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for ch in self {
      if ch == target { out += replacement } else { out.append(ch) }
    }
    return out
  }
}
