import TinqFacts
import TinqStore
import TinqText

/// `Renderer` turns a `QueryResult` into text in one `OutputFormat`; the CLI, the REPL and
/// embedding programs all print through it, so every surface shows a result the same way.
public struct Renderer: Sendable {
  /// `visible(_:)` escapes the control characters of a text bound for a terminal, as the table
  /// format does (`ESC` shows as `\u{1B}`), so corpus text cannot move the cursor or clear the screen.
  public static func visible(_ text: String) -> String { CellText.visible(text) }

  /// The output format.
  public var format: OutputFormat
  /// The terminal width in columns for `table`, or nil for no limit.
  public var width: Int?
  /// Whether `table` may use ANSI colour (a bold header).
  public var color: Bool

  /// `init(format:width:color:)` makes a renderer; `width` nil means cells are never cut.
  public init(format: OutputFormat, width: Int? = nil, color: Bool = false) {
    self.format = format
    self.width = width.map { max($0, 20) }
    self.color = color
  }

  /// `render(_:)` returns the text of a result, ending with a newline unless it is empty.
  public func render(_ result: QueryResult) -> String {
    switch format {
    case .table: return TableRenderer(width: width, color: color).render(result)
    case .json: return JSONRenderer(pretty: true).render(result)
    case .jsonl: return JSONRenderer(pretty: false).render(result)
    case .csv: return CSVRenderer().render(result)
    case .markdown: return MarkdownRenderer().render(result)
    }
  }
}

/// `CellText` spells values the way flat formats (table, csv, markdown) show them.
enum CellText {
  /// `of(_:)` returns one value as a single line: lists joined with `; `, a record as its first
  /// value with the rest in parentheses, unknown as the empty string.
  static func of(_ value: Value, emphasis: ((String) -> String)? = nil) -> String {
    if let (text, marks) = value.markedText {
      guard let emphasis else { return text }
      return emphasized(text, marks: marks, with: emphasis)
    }
    switch value {
    case .null: return ""
    case .text(let s): return s
    case .integer(let n): return String(n)
    case .decimal(let d): return Value.decimalText(d)
    case .date(let d): return d.description
    case .list(let items): return items.map { of($0) }.filter { !$0.isEmpty }.joined(separator: "; ")
    case .object(_, let values):
      let parts = values.map { of($0) }.filter { !$0.isEmpty }
      guard let first = parts.first else { return "" }
      let rest = parts.dropFirst()
      return rest.isEmpty ? first : first + " (" + rest.joined(separator: ", ") + ")"
    }
  }

  /// `emphasized(_:marks:with:)` wraps each marked span of `text` (Unicode scalar offsets) with
  /// `emphasis`; marks out of range are ignored.
  static func emphasized(_ text: String, marks: [Range<Int>], with emphasis: (String) -> String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = ""
    var i = 0
    for mark in marks.sorted(by: { $0.lowerBound < $1.lowerBound }) where mark.lowerBound >= i && mark.upperBound <= scalars.count {
      out += String(String.UnicodeScalarView(scalars[i..<mark.lowerBound]))
      out += emphasis(String(String.UnicodeScalarView(scalars[mark])))
      i = mark.upperBound
    }
    out += String(String.UnicodeScalarView(scalars[i...]))
    return out
  }

  /// `singleLine(_:)` replaces line breaks and tabs with spaces so one row stays one line, and
  /// shows other control characters escaped (`visible(_:)`).
  static func singleLine(_ text: String) -> String {
    guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return visible(text) }
    return visible(String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
  }

  /// `visible(_:)` writes control characters other than line feeds as `\x1B`, as psql does: a
  /// terminal must never receive an escape sequence, a bell or a NUL from a corpus.
  static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\x" + (hex.count < 2 ? "0" : "") + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func isControl(_ s: Unicode.Scalar) -> Bool {
    (s.value < 0x20 && s.value != 0x0A) || (s.value >= 0x7F && s.value <= 0x9F)
  }

  /// `isNumeric(_:)` tells whether a value is right-aligned in a table.
  static func isNumeric(_ value: Value) -> Bool {
    switch value {
    case .integer, .decimal: return true
    default: return false
    }
  }
}

/// `ArticleDisplay` lists the parts of an article in the order every format shows them.
enum ArticleDisplay {
  /// The scalar fields of `show` (every single-valued article field but the body, from the
  /// registry), with their values, then where the article came from.
  static func scalars(_ a: Article) -> [(name: String, value: Value, provenance: Provenance?)] {
    Schema.fields(of: .articles).filter { $0.type != .textList && $0.textScope != .body && $0.derived == nil }
      .map { ($0.name, Schema.value($0, of: a), a.provenance[$0.provenanceKey]) }
      + [("origin", a.origin.map(Value.text) ?? .null, nil)]
  }

  /// `provenanceText(_:)` spells where a value came from: `rule, line N: "excerpt"`.
  static func provenanceText(_ p: Provenance) -> String {
    var parts: [String] = []
    if !p.rule.isEmpty { parts.append(p.rule) }
    if let line = p.line { parts.append("line \(line)") }
    var text = parts.joined(separator: ", ")
    if !p.excerpt.isEmpty {
      text += (text.isEmpty ? "" : ": ") + "\"" + CellText.singleLine(p.excerpt) + "\""
    }
    return text
  }
}
