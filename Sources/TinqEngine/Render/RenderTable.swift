import TinqFacts
import TinqStore
import TinqText

/// `TableRenderer` draws results for people at a terminal: psql-style aligned columns measured
/// in displayed columns (so NFC and NFD Vietnamese line up), cut with `…` to fit the width.
struct TableRenderer {
  var width: Int?
  var color: Bool

  /// The narrowest a column is cut to; below this a cell says nothing useful.
  static let minimumColumn = 4
  /// The longest bar of a grouped count.
  static let maximumBar = 40

  func render(_ result: QueryResult) -> String {
    switch result {
    case .rows(let set):
      let numeric = set.columns.indices.map { j in set.rows.contains { row in j < row.count && CellText.isNumeric(row[j]) } }
      let cells = set.rows.map { row in
        set.columns.indices.map { j in j < row.count ? CellText.singleLine(CellText.of(row[j])) : "" }
      }
      // Marked text (a snippet's matches) is bold on a terminal.
      let marks: [[[Range<Int>]]]? =
        color ? set.rows.map { row in set.columns.indices.map { j in j < row.count ? row[j].markedText?.marks ?? [] : [] } } : nil
      return grid(header: set.columns, rows: cells, rightAlign: numeric, marks: marks) + footer(set.rows.count)
    case .count(let n):
      return "\(n)\n"
    case .groups(let grouped):
      return groups(grouped)
    case .article(let detail):
      return article(detail.article)
    case .plan(let text):
      return text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
    case .binding:
      return ""
    case .expectation(let e):
      return e.passed ? "ok\n" : "expectation failed: " + CellText.singleLine(e.summary) + "\n"
    case .concordance(let c):
      return concordance(c)
    case .crossTab(let t):
      let (header, rows) = t.pivot(columns: CrossTab.pivotColumns)
      return grid(header: header, rows: rows, rightAlign: header.indices.map { $0 > 0 })
        + "(\(t.rows.count) × \(t.columns.count), \(t.total) \(t.total == 1 ? "article" : "articles"))\n"
    }
  }

  /// `visible(_:)` is the article with every text a terminal would receive escaped.
  static func visible(_ raw: Article) -> Article {
    var a = raw
    let v = CellText.visible
    a.id = v(a.id)
    a.title = a.title.map(v)
    a.source = a.source.map(v)
    a.author = a.author.map(v)
    a.url = a.url.map(v)
    a.body = v(a.body)
    for i in a.citations.indices {
      a.citations[i].number = v(a.citations[i].number)
      a.citations[i].type = a.citations[i].type.map(v)
      a.citations[i].issuer = a.citations[i].issuer.map(v)
    }
    for i in a.people.indices {
      a.people[i].name = v(a.people[i].name)
      a.people[i].rank = a.people[i].rank.map(v)
      a.people[i].positions = a.people[i].positions.map(v)
    }
    for i in a.organizations.indices {
      a.organizations[i].name = v(a.organizations[i].name)
      a.organizations[i].abbreviation = a.organizations[i].abbreviation.map(v)
    }
    return a
  }

  func footer(_ count: Int) -> String {
    count == 1 ? "(1 row)\n" : "(\(count) rows)\n"
  }

  /// `fit(_:separator:)` shrinks the widest columns, one step at a time, until the row fits.
  /// Columns in `protected` (the `id`) are cut only when cutting the others was not enough.
  func fit(_ natural: [Int], separator: Int, protected: Set<Int> = []) -> [Int] {
    guard let width, !natural.isEmpty else { return natural }
    var widths = natural
    let overhead = separator * (widths.count - 1) + 2
    var excess = widths.reduce(0, +) + overhead - width
    for pass in 0..<2 {
      let candidates = widths.indices.filter { pass == 1 || !protected.contains($0) }
      while excess > 0 {
        guard let widest = candidates.max(by: { widths[$0] < widths[$1] }),
          widths[widest] > TableRenderer.minimumColumn
        else { break }
        let next = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
        let step = max(1, min(excess, widths[widest] - max(next, TableRenderer.minimumColumn)))
        widths[widest] -= step
        excess -= step
      }
    }
    return widths
  }

  func grid(header: [String], rows: [[String]], rightAlign: [Bool], marks: [[[Range<Int>]]]? = nil) -> String {
    let natural = header.indices.map { j in
      rows.reduce(DisplayWidth.of(header[j])) { max($0, DisplayWidth.of($1[j])) }
    }
    // The id and short columns (dates, years) stay whole while long text columns give way.
    let widths = fit(natural, separator: 3, protected: Set(header.indices.filter { header[$0] == "id" || natural[$0] <= 10 }))
    // On a terminal too narrow for even the shortest columns, lines are cut as a last resort.
    var out = ""
    let head = header.indices.map { j in DisplayWidth.pad(DisplayWidth.truncate(header[j], to: widths[j]), to: widths[j]) }
      .joined(separator: " │ ")
    let trimmedHead = clip(" " + trimTrailingSpaces(head))
    out += (color ? "\u{1B}[1m" + trimmedHead + "\u{1B}[0m" : trimmedHead) + "\n"
    out += clip(widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼")) + "\n"
    for (r, row) in rows.enumerated() {
      let line = row.indices.map { j in
        let cell = DisplayWidth.pad(DisplayWidth.truncate(row[j], to: widths[j]), to: widths[j], rightAlign: rightAlign[j])
        guard let spans = marks?[r][j], !spans.isEmpty, !rightAlign[j] else { return cell }
        // Only marks wholly inside what the cut kept are drawn.
        let kept = DisplayWidth.truncate(row[j], to: widths[j])
        let whole = kept == row[j] ? kept.unicodeScalars.count : kept.unicodeScalars.count - 1
        return CellText.emphasized(cell, marks: spans.filter { $0.upperBound <= whole }) { "\u{1B}[1m" + $0 + "\u{1B}[0m" }
      }.joined(separator: " │ ")
      out += (marks == nil ? clip(" " + trimTrailingSpaces(line)) : " " + trimTrailingSpaces(line)) + "\n"
    }
    return out
  }

  func trimTrailingSpaces(_ s: String) -> String {
    var end = s.endIndex
    while end > s.startIndex, s[s.index(before: end)] == " " { end = s.index(before: end) }
    return String(s[..<end])
  }

  func groups(_ grouped: GroupedCount) -> String {
    let labels = grouped.groups.map { g in g.value.isNull ? "(unknown)" : CellText.singleLine(CellText.of(g.value)) }
    let counts = grouped.groups.map { String($0.count) }
    let labelWidth = labels.reduce(DisplayWidth.of(grouped.field)) { max($0, DisplayWidth.of($1)) }
    let countWidth = counts.reduce(5) { max($0, $1.count) }
    var barRoom = TableRenderer.maximumBar
    if let width { barRoom = max(1, min(barRoom, width - min(labelWidth, width / 2) - countWidth - 8)) }
    if let totals = grouped.totals {
      // A share: the count, the base's count and the percentage, the bar drawn by the share.
      let totalTexts = totals.map(String.init)
      let shares = grouped.groups.indices.map { grouped.share($0).map(Value.percentText) ?? "" }
      let totalWidth = totalTexts.reduce(5) { max($0, $1.count) }
      let shareWidth = shares.reduce(5) { max($0, $1.count) }
      var room = TableRenderer.maximumBar
      if let width { room = max(1, min(room, width - min(labelWidth, width / 2) - countWidth - totalWidth - shareWidth - 14)) }
      let fitted = fit([labelWidth, countWidth, totalWidth, shareWidth, room], separator: 3)
      let largest = grouped.groups.indices.compactMap { grouped.share($0) }.max() ?? 0
      var rows: [[String]] = []
      for i in grouped.groups.indices {
        let s = grouped.share(i) ?? 0
        var blocks = largest > 0 ? Int((s / largest * Double(fitted[4])).rounded()) : 0
        if s > 0 { blocks = max(blocks, 1) }
        rows.append([labels[i], counts[i], totalTexts[i], shares[i], String(repeating: "█", count: blocks)])
      }
      return grid(
        header: [grouped.field, "count", "total", "share", ""], rows: rows, rightAlign: [false, true, true, true, false])
        + footer(grouped.groups.count)
    }
    let fitted = fit([labelWidth, countWidth, barRoom], separator: 3)
    let largest = grouped.groups.map(\.count).max() ?? 0
    var rows: [[String]] = []
    for (i, g) in grouped.groups.enumerated() {
      var blocks = largest > 0 ? (g.count * fitted[2] + largest / 2) / largest : 0
      if g.count > 0 { blocks = max(blocks, 1) }
      rows.append([labels[i], counts[i], String(repeating: "█", count: blocks)])
    }
    return grid(header: [grouped.field, "count", ""], rows: rows, rightAlign: [false, true, false])
      + footer(grouped.groups.count)
  }

  func article(_ raw: Article) -> String {
    let a = Self.visible(raw)
    var out = ""
    let heading = clip("Article " + a.id)
    out += (color ? "\u{1B}[1m" + heading + "\u{1B}[0m" : heading) + "\n"
    let scalars = ArticleDisplay.scalars(a).filter { $0.name != "id" }
    let nameWidth = scalars.map { DisplayWidth.of($0.name) }.max() ?? 0
    let hanging = String(repeating: " ", count: nameWidth + 4)
    for (name, value, provenance) in scalars {
      let text = value.isNull ? "(unknown)" : CellText.singleLine(CellText.of(value))
      out += wrap(text, first: "  " + DisplayWidth.pad(name, to: nameWidth) + "  ", rest: hanging)
      if let p = provenance {
        out += clip(hanging + "← " + ArticleDisplay.provenanceText(p)) + "\n"
      }
    }
    out += section("Citations", count: a.citations.count)
    for c in a.citations {
      var parts = [c.number]
      if let type = c.type { parts.append(type) }
      if let issuer = c.issuer { parts.append("issuer " + issuer) }
      if c.isPartial { parts.append("partial") }
      out += wrap(parts.joined(separator: ", "), first: "  ", rest: "    ")
      out += provenanceLine(c.provenance)
    }
    out += section("People", count: a.people.count)
    for p in a.people {
      var line = p.name
      if let rank = p.rank { line += " — " + rank }
      if !p.positions.isEmpty { line += (p.rank == nil ? " — " : ", ") + p.positions.joined(separator: "; ") }
      out += wrap(line, first: "  ", rest: "    ") + provenanceLine(p.provenance)
    }
    out += section("Organizations", count: a.organizations.count)
    for o in a.organizations {
      out += wrap(o.name + (o.abbreviation.map { " (" + $0 + ")" } ?? ""), first: "  ", rest: "    ")
      out += provenanceLine(o.provenance)
    }
    out += "\n"
    out += color ? "\u{1B}[1mBody\u{1B}[0m\n" : "Body\n"
    for line in a.body.split(separator: "\n", omittingEmptySubsequences: false) {
      out += line.isEmpty ? "\n" : wrap(String(line), first: "  ", rest: "  ")
    }
    return out
  }

  /// `clip(_:)` cuts a line to the width, when there is one.
  func clip(_ line: String) -> String {
    guard let width else { return line }
    return DisplayWidth.truncate(line, to: width)
  }

  /// `wrap(_:first:rest:)` breaks text at spaces to fit the width (words longer than a line
  /// are cut), the first line after `first` and the others after `rest`.
  func wrap(_ text: String, first: String, rest: String) -> String {
    guard let width else { return first + text + "\n" }
    var out = ""
    var line = first
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = line + (lineHasWord ? " " : "") + word
      if lineHasWord, DisplayWidth.of(candidate) > width {
        out += line + "\n"
        line = clip(rest + word)
      } else {
        line = clip(candidate)
      }
      lineHasWord = true
    }
    return out + line + "\n"
  }

  func section(_ title: String, count: Int) -> String {
    let text = clip("\(title) (\(count))")
    return "\n" + (color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text) + "\n"
  }

  func provenanceLine(_ p: Provenance) -> String {
    let text = ArticleDisplay.provenanceText(p)
    guard !text.isEmpty else { return "" }
    return clip("      ← " + text) + "\n"
  }
}
