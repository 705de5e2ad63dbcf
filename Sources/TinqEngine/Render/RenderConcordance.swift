import TinqText

extension TableRenderer {
  /// `concordance(_:)` draws a concordance as CQP and AntConc do: the matches one above the
  /// other in one column, the left context right-aligned against them and cut (at a syllable) from
  /// its start, the right context cut from its end, the match in bold on a terminal.
  func concordance(_ c: Concordance) -> String {
    let ids = c.lines.map { CellText.visible($0.id) }
    let dates = c.lines.map { $0.date?.description ?? "" }
    let sources = c.lines.map { CellText.visible($0.source ?? "") }
    let lefts = c.lines.map { CellText.visible($0.left) }
    let matches = c.lines.map { CellText.visible($0.match) }
    let rights = c.lines.map { CellText.visible($0.right) }
    func widest(_ header: String, _ cells: [String]) -> Int { cells.reduce(DisplayWidth.of(header)) { max($0, DisplayWidth.of($1)) } }
    let idWidth = widest("id", ids)
    let dateWidth = widest("date", dates)
    let sourceWidth = widest("source", sources)
    let matchNatural = matches.reduce(0) { max($0, DisplayWidth.of($1)) }
    var leftWidth = lefts.reduce(0) { max($0, DisplayWidth.of($1)) }
    var rightWidth = rights.reduce(0) { max($0, DisplayWidth.of($1)) }
    // Columns: " id │ date │ source │ left  match  right".
    let fixed = 1 + idWidth + 3 + dateWidth + 3 + sourceWidth + 3
    var matchWidth = matchNatural
    if let width {
      let room = max(width - fixed - 4, 12)
      matchWidth = min(matchNatural, max(room / 3, 4))
      let sides = max(room - matchWidth, 2)
      let half = sides / 2
      if leftWidth + rightWidth > sides {
        if leftWidth <= half {
          rightWidth = sides - leftWidth
        } else if rightWidth <= sides - half {
          leftWidth = sides - rightWidth
        } else {
          leftWidth = half
          rightWidth = sides - half
        }
      }
    }
    var out = ""
    let head =
      " " + DisplayWidth.pad("id", to: idWidth) + " │ " + DisplayWidth.pad("date", to: dateWidth) + " │ "
      + DisplayWidth.pad("source", to: sourceWidth) + " │ " + DisplayWidth.pad("left", to: leftWidth, rightAlign: true)
      + "  " + DisplayWidth.pad("match", to: matchWidth) + "  right"
    out += (color ? "\u{1B}[1m" + clip(head) + "\u{1B}[0m" : clip(head)) + "\n"
    out += clip(
      String(repeating: "─", count: idWidth + 2) + "┼" + String(repeating: "─", count: dateWidth + 2) + "┼"
        + String(repeating: "─", count: sourceWidth + 2) + "┼" + String(repeating: "─", count: leftWidth + matchWidth + rightWidth + 5))
      + "\n"
    for i in c.lines.indices {
      let left = Self.keepEnd(lefts[i], columns: leftWidth)
      let match = DisplayWidth.truncate(matches[i], to: matchWidth)
      let right = Self.keepStart(rights[i], columns: rightWidth)
      let shownMatch = color ? "\u{1B}[1m" + match + "\u{1B}[0m" : match
      let padding = String(repeating: " ", count: max(0, matchWidth - DisplayWidth.of(match)))
      var line =
        " " + DisplayWidth.pad(ids[i], to: idWidth) + " │ " + DisplayWidth.pad(dates[i], to: dateWidth) + " │ "
        + DisplayWidth.pad(sources[i], to: sourceWidth) + " │ " + DisplayWidth.pad(left, to: leftWidth, rightAlign: true)
        + "  " + shownMatch + padding + "  " + right
      line = trimTrailingSpaces(line)
      out += line + "\n"
    }
    let what = c.lines.count == c.occurrences ? "\(c.occurrences) \(c.occurrences == 1 ? "line" : "lines")" : "\(c.lines.count) of \(c.occurrences) lines"
    out += "(\(what), in \(c.articles) \(c.articles == 1 ? "article" : "articles"))\n"
    return out
  }

  /// `keepEnd(_:columns:)` cuts a left context from its start, at a syllable, to fit; `…` marks the cut.
  static func keepEnd(_ text: String, columns: Int) -> String {
    guard DisplayWidth.of(text) > columns else { return text }
    guard columns > 1 else { return "" }
    for syllable in Syllables.split(text) {
      let rest = "…" + text[syllable.startIndex...]
      if DisplayWidth.of(rest) <= columns { return rest }
    }
    return ""
  }

  /// `keepStart(_:columns:)` cuts a right context from its end, at a syllable, to fit.
  static func keepStart(_ text: String, columns: Int) -> String {
    guard DisplayWidth.of(text) > columns else { return text }
    guard columns > 1 else { return "" }
    for syllable in Syllables.split(text).reversed() {
      let rest = String(text[..<syllable.startIndex]) + "…"
      if DisplayWidth.of(rest) <= columns { return trimTrailing(rest) }
    }
    return ""
  }

  static func trimTrailing(_ s: String) -> String {
    var s = s
    guard s.hasSuffix("…") else { return s }
    s.removeLast()
    while s.last == " " { s.removeLast() }
    return s + "…"
  }
}
