import TinqFacts
import TinqStore

/// `JSONValue` is a JSON document with ordered keys, written by hand so the key order is the
/// column order on every platform (Foundation's serializer does not promise an order).
enum JSONValue {
  case null
  case bool(Bool)
  case number(Int)
  /// A number written as given (a decimal, spelt by `Value.decimalText`).
  case numeral(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// `init(_:)` converts a result value: dates become ISO strings to their known precision.
  init(_ value: Value) {
    switch value {
    case .null: self = .null
    case .text(let s): self = .string(s)
    case .integer(let n): self = .number(n)
    case .decimal(let d): self = .numeral(Value.decimalText(d))
    case .date(let d): self = .string(d.description)
    case .list(let items): self = .array(items.map(JSONValue.init))
    case .object(let keys, let values):
      self = .object(zip(keys, values).map { ($0, JSONValue($1)) })
    }
  }

  /// `init(optional:)` is `.null` for nil and a string otherwise.
  init(optional text: String?) {
    self = text.map(JSONValue.string) ?? .null
  }

  /// `write(pretty:indent:into:)` appends the document; pretty output uses two-space indents.
  func write(pretty: Bool, indent: Int = 0, into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += String(n)
    case .numeral(let text): out += text
    case .string(let s): JSONValue.writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
        item.write(pretty: pretty, indent: indent + 1, into: &out)
      }
      if pretty { out += "\n" + String(repeating: "  ", count: indent) }
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (key, value)) in members.enumerated() {
        if i > 0 { out += "," }
        if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
        JSONValue.writeString(key, into: &out)
        out += pretty ? ": " : ":"
        value.write(pretty: pretty, indent: indent + 1, into: &out)
      }
      if pretty { out += "\n" + String(repeating: "  ", count: indent) }
      out += "}"
    }
  }

  /// `writeString(_:into:)` writes a JSON string literal, escaping quotes, backslashes and
  /// every control character (RFC 8259 §7); other characters pass through as UTF-8.
  static func writeString(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  /// `text(pretty:)` returns the document as a string.
  func text(pretty: Bool) -> String {
    var out = ""
    write(pretty: pretty, into: &out)
    return out
  }
}

/// `JSONRenderer` writes results as JSON (one pretty document) or JSON Lines (one compact
/// object per row).
struct JSONRenderer {
  var pretty: Bool

  func render(_ result: QueryResult) -> String {
    let items: [JSONValue]
    var single = false
    switch result {
    case .rows(let set):
      items = set.rows.map { row in
        .object(set.columns.indices.map { j in (set.columns[j], j < row.count ? JSONValue(row[j]) : .null) })
      }
    case .count(let n):
      items = [.object([("count", .number(n))])]
      single = true
    case .groups(let grouped):
      items = grouped.groups.indices.map { i in
        var members: [(String, JSONValue)] = [
          (grouped.field, JSONValue(grouped.groups[i].value)), ("count", .number(grouped.groups[i].count)),
        ]
        if let totals = grouped.totals {
          members.append(("total", .number(totals[i])))
          members.append(("share", grouped.share(i).map { .numeral(Value.decimalText($0, places: 6)) } ?? .null))
        }
        return .object(members)
      }
    case .article(let detail):
      items = [JSONRenderer.article(detail.article)]
      single = true
    case .plan(let text):
      items = [.object([("plan", .string(text))])]
      single = true
    case .binding:
      return ""
    case .crossTab(let t):
      items = t.cells.map { .object([(t.rowField, JSONValue($0.row)), (t.columnField, JSONValue($0.column)), ("count", .number($0.count))]) }
    case .concordance(let c):
      let set = c.rows
      items = set.rows.map { row in .object(set.columns.indices.map { j in (set.columns[j], JSONValue(row[j])) }) }
    case .expectation(let e):
      items = [
        .object([
          ("expectation", .string(e.statement)), ("passed", .bool(e.passed)), ("expected", .string(e.expected)),
          ("got", .string(e.got)),
        ])
      ]
      single = true
    }
    if pretty {
      return (single ? items[0] : .array(items)).text(pretty: true) + "\n"
    }
    return items.map { $0.text(pretty: false) + "\n" }.joined()
  }

  static func provenance(_ p: Provenance) -> JSONValue {
    .object([("rule", .string(p.rule)), ("line", p.line.map(JSONValue.number) ?? .null), ("excerpt", .string(p.excerpt))])
  }

  /// `article(_:)` is the whole article: every field, the arrays, where each value came from, the body.
  static func article(_ a: Article) -> JSONValue {
    var members: [(String, JSONValue)] = ArticleDisplay.scalars(a).map { ($0.name, JSONValue($0.value)) }
    members.append((
      "citations",
      .array(a.citations.map { c in
        .object([
          ("number", .string(c.number)), ("type", .init(optional: c.type)), ("issuer", .init(optional: c.issuer)),
          ("year", c.year.map(JSONValue.number) ?? .null), ("partial", .bool(c.isPartial)),
          ("provenance", provenance(c.provenance)),
        ])
      })
    ))
    members.append((
      "people",
      .array(a.people.map { p in
        .object([
          ("name", .string(p.name)), ("rank", .init(optional: p.rank)),
          ("positions", .array(p.positions.map(JSONValue.string))), ("provenance", provenance(p.provenance)),
        ])
      })
    ))
    members.append((
      "organizations",
      .array(a.organizations.map { o in
        .object([
          ("name", .string(o.name)), ("abbreviation", .init(optional: o.abbreviation)),
          ("provenance", provenance(o.provenance)),
        ])
      })
    ))
    members.append(("provenance", .object(a.provenance.keys.sorted().compactMap { key in
      a.provenance[key].map { (key, provenance($0)) }
    })))
    members.append(("body", .string(a.body)))
    return .object(members)
  }
}
