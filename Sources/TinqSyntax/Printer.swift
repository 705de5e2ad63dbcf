import TinqText
/// `Printer` turns a syntax tree back into canonical query text: lowercase keywords, single
/// spaces, `asc` left out, strings always quoted, and parentheses only where precedence needs them.
///
/// Parsing the printed text gives the same tree again (ranges aside); a property test holds the
/// printer and the parser to that.
public enum Printer {
  /// `print(_:)` returns the canonical text of a statement.
  public static func print(_ statement: Statement) -> String {
    switch statement {
    case .query(let q):
      var out = q.collection.kind.rawValue
      if let filter = q.filter { out += " where " + print(filter) }
      out += orderAndLimit(q.order, q.limit)
      if !q.select.isEmpty { out += " select " + q.select.map(\.name).joined(separator: ", ") }
      return out
    case .count(let c):
      var out = "count " + c.collection.kind.rawValue
      if let filter = c.filter { out += " where " + print(filter) }
      if let group = c.groupBy {
        out += " by " + group.name + (c.across.map { ", " + $0.name } ?? "")
        if let distinct = c.distinct { out += " distinct " + distinct.name }
        if let share = c.share {
          out += " as share"
          if let base = share.collection { out += " of " + base.kind.rawValue }
          if let filter = share.filter { out += " where " + print(filter) }
        }
        out += orderAndLimit(c.order, c.limit)
      } else if let distinct = c.distinct {
        out += " distinct " + distinct.name
      }
      return out
    case .show(let s):
      return "show " + quote(s.id)
    case .explain(let e):
      return "explain " + print(e.statement)
    case .letBinding(let l):
      return "let \(variableName(l.name)) = " + print(l.value)
    case .expect(let e):
      switch e.test {
      case .count(let c, let op, let n):
        return "expect " + print(.count(c)) + " \(op.rawValue) \(n)"
      case .rows(let q, .none): return "expect none " + print(.query(q))
      case .rows(let q, .some): return "expect some " + print(.query(q))
      case .rows(let q, .includes(let keys)): return "expect " + print(.query(q)) + " includes " + keys.map(quote).joined(separator: ", ")
      case .rows(let q, .excludes(let keys)): return "expect " + print(.query(q)) + " excludes " + keys.map(quote).joined(separator: ", ")
      }
    case .kwic(let k):
      var out = (k.countOnly ? "count " : "") + "kwic "
      if case .contains(nil, let phrase, _) = k.target { out += print(phrase) } else { out += print(k.target) }
      if let filter = k.filter { out += " where " + print(filter) }
      if let n = k.context { out += " context \(n)" }
      if let key = k.sort { out += " sort by " + key.rawValue + (k.descending ? " desc" : "") }
      if let n = k.sample { out += " sample \(n)" + (k.seed.map { " seed \($0)" } ?? "") }
      out += orderAndLimit([], k.limit)
      return out
    case .collocates(let c):
      var out = "collocates of " + print(c.phrase)
      if let filter = c.filter { out += " where " + print(filter) }
      if let n = c.window { out += " window \(n)" }
      if let m = c.measure { out += " by " + m.rawValue }
      return out + orderAndLimit([], c.limit)
    case .ngrams(let g):
      var out = "ngrams \(g.size)"
      if let filter = g.filter { out += " where " + print(filter) }
      return out + orderAndLimit([], g.limit)
    case .keywords(let k):
      var out = "keywords"
      switch k.items {
      case .ngrams(let n)?: out += " \(n)"
      case .entities(let e)?: out += " " + e.rawValue
      case nil: break
      }
      out += " where " + print(k.focus) + " vs "
      switch k.reference {
      case .filter(let e): out += "where " + print(e)
      case .rest: out += KeywordsStatement.ReferenceName.rest.rawValue
      case .all: out += KeywordsStatement.ReferenceName.all.rawValue
      }
      if let m = k.measure { out += " by " + m.rawValue }
      return out + orderAndLimit([], k.limit)
    }
  }

  /// `proximityText(_:)` spells a proximity after its phrases, leaving the default out.
  public static func proximityText(_ p: Proximity) -> String {
    var out = ""
    switch p.span {
    case .syllables(let n) where n == Proximity.defaultSyllables: break
    case .syllables(let n): out += " within \(n)"
    case .sentence: out += " within sentence"
    case .paragraph: out += " within paragraph"
    }
    return out + (p.ordered ? " ordered" : "")
  }

  static func orderAndLimit(_ order: [OrderKey], _ limit: LimitClause?) -> String {
    var out = ""
    if !order.isEmpty {
      out += " order by " + order.map { $0.field.name + ($0.descending ? " desc" : "") }.joined(separator: ", ")
    }
    if let limit {
      if let count = limit.count { out += " limit \(count)" }
      if let offset = limit.offset { out += " offset \(offset)" }
    }
    return out
  }

  /// `print(_:)` returns the canonical text of an expression.
  public static func print(_ e: Expression) -> String {
    switch e {
    case .logical(let op, _, _, _):
      // Walk the left spine of one operator in a loop: a long `a and b and c ...` chain is deep
      // only on its left side, and printing it must not recurse once per operand.
      var rights: [Expression] = []
      var node = e
      while case .logical(op, let lhs, let rhs, _) = node {
        rights.append(rhs)
        node = lhs
      }
      var out = operand(node, of: op, onRight: false)
      for rhs in rights.reversed() { out += " \(op.rawValue) " + operand(rhs, of: op, onRight: true) }
      return out
    case .not(let inner, _):
      if case .logical = inner { return "not (" + print(inner) + ")" }
      return "not " + print(inner)
    case .comparison(let field, let op, let value, _):
      return "\(field.name) \(op.rawValue) \(print(value))"
    case .between(let field, let low, let high, let negated, _):
      return "\(field.name)\(negated ? " not" : "") between \(print(low)) and \(print(high))"
    case .inList(let field, let values, let negated, _):
      return "\(field.name)\(negated ? " not" : "") in (" + values.map { print($0) }.joined(separator: ", ") + ")"
    case .isNull(let field, let negated, _):
      return "\(field.name) is \(negated ? "not " : "")null"
    case .contains(let field, let phrase, _):
      return (field.map { $0.name + " " } ?? "") + "contains " + print(phrase)
    case .cites(let number, _):
      return "cites " + print(number)
    case .mentions(let name, _):
      return "mentions " + print(name)
    case .near(let a, let b, let proximity, _):
      return "contains " + print(a) + " near " + print(b) + proximityText(proximity)
    }
  }

  /// An operand of `op`, parenthesised when it binds more loosely, or equally on the right
  /// (the parser groups `a and b and c` to the left).
  static func operand(_ e: Expression, of op: LogicalOperator, onRight: Bool) -> String {
    guard case .logical(let inner, _, _, _) = e else { return print(e) }
    let needsParentheses = inner.precedence < op.precedence || (onRight && inner.precedence == op.precedence)
    return needsParentheses ? "(" + print(e) + ")" : print(e)
  }

  /// The name bound by `let`, bare when it reads back as that name, else with `$` (`let $let = 1`).
  static func variableName(_ name: String) -> String {
    let tokens = Lexer.tokenize(name)
    if tokens.count == 2, case .identifier(let word) = tokens[0].kind, word.lowercased() == name { return name }
    return "$" + name
  }

  /// `print(_:)` returns the canonical text of a literal.
  public static func print(_ literal: Literal) -> String {
    switch literal.value {
    case .string(let s): return quote(s)
    case .integer(let n): return String(n)
    case .date(let d): return print(d)
    case .variable(let name): return "$" + name
    }
  }

  /// `print(_:)` returns a date literal as `YYYY-MM-DD` or `YYYY-MM`.
  public static func print(_ date: PartialDateLiteral) -> String {
    func padded(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    var out = padded(date.year, 4)
    if let month = date.month {
      out += "-" + padded(month, 2)
      if let day = date.day { out += "-" + padded(day, 2) }
    }
    return out
  }

  /// `quote(_:)` writes text as a string literal, escaping `"` and `\`.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" || scalar == "\\" { out.unicodeScalars.append("\\") }
      out.unicodeScalars.append(scalar)
    }
    return out + "\""
  }
}
