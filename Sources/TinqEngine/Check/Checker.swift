import TinqFacts
import TinqSyntax
import TinqText

/// `Checker` is the pass between the syntax tree and the backends: it resolves `let` variables,
/// validates a statement against the field registry — collections, fields, value types, and
/// predicates used on the wrong collection — and lowers it to a `CheckedStatement`, so that a
/// backend sees only statements that make sense, with every name resolved.
public enum Checker {
  /// `check(_:bindings:)` validates `statement` and returns it checked. `bindings` maps
  /// lowercased names (as `LetStatement.name` spells them) to values.
  public static func check(_ statement: Statement, bindings: [String: Literal.Value]) throws(Diagnostic) -> CheckedStatement {
    let context = CheckContext(bindings: bindings)
    return try context.lower(try context.check(statement))
  }

  /// `resolve(_:bindings:)` validates `statement` and returns its syntax tree with every
  /// `$variable` replaced by its bound value; nothing else is changed.
  public static func resolve(_ statement: Statement, bindings: [String: Literal.Value]) throws(Diagnostic) -> Statement {
    try CheckContext(bindings: bindings).check(statement)
  }
}

/// `CheckContext` carries the bindings through one check.
struct CheckContext {
  let bindings: [String: Literal.Value]

  func check(_ statement: Statement) throws(Diagnostic) -> Statement {
    switch statement {
    case .query(var q):
      let collection = q.collection.kind
      if let filter = q.filter { q.filter = try checkFilter(filter, in: collection) }
      // `order by relevance` is `order by score desc`: the most relevant first.
      for i in q.order.indices where q.order[i].field.name == "relevance" && collection == .articles {
        q.order[i].field.name = "score"
        q.order[i].descending.toggle()
      }
      for (n, key) in q.order.enumerated() {
        let spec = try field(key.field, in: collection)
        if spec.derived == .score {
          guard q.filter.map(Self.hasPositiveContains) ?? false else {
            throw Diagnostic(
              "relevance is measured against the phrases of a `contains` condition, and this query has none",
              at: key.field.range, notes: ["help: e.g. `articles where contains \"ma túy\" order by relevance limit 10`"])
          }
          guard n == 0, q.order.count == 1 else {
            throw Diagnostic(
              "`order by relevance` (or `score`) is the only order key of a query", at: key.field.range,
              notes: ["note: ties keep corpus order"])
          }
          continue
        }
        try tested(spec, at: key.field.range, as: "order by")
        if spec.type == .textList {
          throw Diagnostic(
            "cannot order by `\(spec.name)`: it is a list of text", at: key.field.range,
            notes: ["note: order by a text, integer or date field"])
        }
      }
      if let limit = q.limit { try checkLimit(limit) }
      for selected in q.select {
        let spec = try field(selected, in: collection)
        if let derived = spec.derived, !(q.filter.map(Self.hasPositiveContains) ?? false) {
          throw Diagnostic(
            "`\(spec.name)` \(derived == .snippet ? "shows" : "measures") the phrases of a `contains` condition, and this query has none",
            at: selected.range, notes: ["help: e.g. `articles where contains \"ma túy\" select id, \(spec.name)`"])
        }
      }
      return .query(q)
    case .count(var c):
      if let filter = c.filter { c.filter = try checkFilter(filter, in: c.collection.kind) }
      if let group = c.groupBy {
        let spec = try field(group, in: c.collection.kind)
        try tested(spec, at: group.range, as: "count ... by")
        if let across = c.across {
          let second = try field(across, in: c.collection.kind)
          try tested(second, at: across.range, as: "count ... by")
          if second.textScope == .body || spec.textScope == .body {
            throw Diagnostic(
              "a two-way count groups by short values, not by the body", at: second.textScope == .body ? across.range : group.range)
          }
        }
        if let share = c.share {
          if let base = share.collection, base.kind != c.collection.kind {
            throw Diagnostic(
              "a share compares \(c.collection.kind.rawValue) with \(c.collection.kind.rawValue), not with \(base.kind.rawValue)",
              at: base.range, notes: ["help: e.g. `of \(c.collection.kind.rawValue) where ...`"])
          }
          if let filter = share.filter {
            var checked = share
            checked.filter = try checkFilter(filter, in: c.collection.kind)
            c.share = checked
          }
        }
        for key in c.order where key.field.name == Keyword.share.rawValue && c.share == nil {
          throw Diagnostic(
            "`order by share` needs `as share`", at: key.field.range,
            notes: ["help: e.g. `count articles where contains \"ma túy\" by year as share order by share desc`"])
        }
        for key in c.order
        where key.field.name != Keyword.count.rawValue && key.field.name != Keyword.share.rawValue && key.field.name != spec.name {
          throw Diagnostic(
            "a grouped count orders by `count`\(c.share == nil ? "" : ", `share`") or by `\(spec.name)`, not by `\(key.field.name)`",
            at: key.field.range,
            notes: ["help: e.g. `order by count desc` for the largest groups first"])
        }
      }
      if let distinct = c.distinct {
        let spec = try field(distinct, in: c.collection.kind)
        guard spec.collection == .articles, spec.name == "story" else {
          throw Diagnostic(
            "`distinct` counts each story once; `distinct \(spec.name)` is not supported", at: distinct.range,
            notes: ["help: e.g. `count articles where contains \"ma túy\" by month distinct story`"])
        }
      }
      if let limit = c.limit { try checkLimit(limit) }
      return .count(c)
    case .show:
      return statement
    case .explain(var e):
      switch e.statement {
      case .letBinding, .explain, .expect:
        throw Diagnostic(
          "`explain` takes a query, a `count` or a `show` statement", at: e.range,
          notes: ["note: e.g. `explain articles where year >= 2021`"])
      default:
        e.statement = try check(e.statement)
        return .explain(e)
      }
    case .letBinding(var l):
      l.value = try resolve(l.value)
      return .letBinding(l)
    case .expect(var e):
      switch e.test {
      case .count(let c, let op, let n):
        if let group = c.groupBy {
          throw Diagnostic(
            "`expect count` compares one number; this count is grouped by `\(group.name)`", at: group.range,
            notes: ["help: filter instead, e.g. `expect count articles where source = \"CT\" = 4`"])
        }
        guard case .count(let checked) = try check(.count(c)) else { return statement }
        e.test = .count(checked, op, n)
      case .rows(let q, let test):
        guard case .query(let checked) = try check(.query(q)) else { return statement }
        e.test = .rows(checked, test)
      }
      return .expect(e)
    case .kwic(var k):
      if case .near(_, _, _, let range) = k.target {
        throw Diagnostic(
          "`kwic` centres on one phrase; `near` belongs in its `where` clause", at: range,
          notes: ["help: e.g. `kwic \"ma túy\" where contains \"ma túy\" near \"bắt giữ\"`"])
      }
      k.target = try checkExpression(k.target, in: .articles)
      if let filter = k.filter { k.filter = try checkFilter(filter, in: .articles) }
      if let limit = k.limit { try checkLimit(limit) }
      if let n = k.context, n < 0 {
        throw Diagnostic("`context` must not be negative, found \(n)", at: k.range)
      }
      if let n = k.sample, n < 0 { throw Diagnostic("`sample` must not be negative, found \(n)", at: k.range) }
      return .kwic(k)
    case .collocates(var c):
      c.phrase = try text(c.phrase, for: "collocates of")
      if let filter = c.filter { c.filter = try checkFilter(filter, in: .articles) }
      if let limit = c.limit { try checkLimit(limit) }
      return .collocates(c)
    case .ngrams(var g):
      if let filter = g.filter { g.filter = try checkFilter(filter, in: .articles) }
      if let limit = g.limit { try checkLimit(limit) }
      return .ngrams(g)
    case .keywords(var k):
      k.focus = try checkFilter(k.focus, in: .articles)
      if case .filter(let e) = k.reference { k.reference = .filter(try checkFilter(e, in: .articles)) }
      if let limit = k.limit { try checkLimit(limit) }
      return .keywords(k)
    }
  }

  /// `tested(_:at:as:)` refuses a field the backend derives from the query where its value would
  /// have to be known for every row (`where`, `order by`, `count by`).
  func tested(_ spec: Field, at range: SourceRange, as use: String = "where") throws(Diagnostic) {
    guard let derived = spec.derived else { return }
    throw Diagnostic(
      "`\(spec.name)` is made for the rows a query returns; it cannot be used in `\(use)`", at: range,
      notes: ["note: select it, e.g. `articles where contains \"ma túy\" select id, \(derived.rawValue)`"])
  }

  /// True when a `contains` on the title or body holds outside any `not`: what a snippet shows.
  static func hasPositiveContains(_ e: Expression) -> Bool {
    var stack = [e]
    while let node = stack.popLast() {
      switch node {
      case .logical(_, let l, let r, _):
        stack.append(l)
        stack.append(r)
      case .contains(let ref, _, _) where ref == nil || ref?.name == "title" || ref?.name == "body":
        return true
      case .near:
        return true
      default: break
      }
    }
    return false
  }

  func checkLimit(_ limit: LimitClause) throws(Diagnostic) {
    if let count = limit.count, count < 0 { throw Diagnostic("`limit` must not be negative, found \(count)", at: limit.range) }
    if let offset = limit.offset, offset < 0 {
      throw Diagnostic("`offset` must not be negative, found \(offset)", at: limit.range)
    }
  }

  // MARK: Names

  func field(_ ref: FieldRef, in collection: CollectionKind) throws(Diagnostic) -> Field {
    if let spec = Schema.field(ref.name, in: collection) { return spec }
    let names = Schema.fields(of: collection).map(\.name)
    var notes = ["note: \(collection.rawValue) has the fields " + names.joined(separator: ", ")]
    if let near = Suggestions.nearest(to: ref.name, in: names) { notes.insert("help: did you mean `\(near)`?", at: 0) }
    throw Diagnostic("unknown field `\(ref.name)` in \(collection.rawValue)", at: ref.range, notes: notes)
  }

  func resolve(_ literal: Literal) throws(Diagnostic) -> Literal {
    guard case .variable(let name) = literal.value else { return literal }
    guard let value = bindings[name], value != .variable(name) else {
      var notes = ["help: define it first, e.g. `let \(name) = \"...\"`"]
      if let near = Suggestions.nearest(to: name, in: Array(bindings.keys).sorted()) {
        notes.insert("help: did you mean `$\(near)`?", at: 0)
      }
      throw Diagnostic("unknown variable `$\(name)`", at: literal.range, notes: notes)
    }
    if case .variable = value { throw Diagnostic("variable `$\(name)` is bound to another variable", at: literal.range) }
    return Literal(value, range: literal.range)
  }

  // MARK: Expressions

  /// Checks a whole filter after making sure its size is within what later passes can walk.
  func checkFilter(_ e: Expression, in collection: CollectionKind) throws(Diagnostic) -> Expression {
    // Trees built in code never went through the parser's limits; count without recursing.
    var stack = [(e, 1)]
    var predicates = 0
    while let (node, depth) = stack.popLast() {
      switch node {
      case .logical(_, let l, let r, _): stack.append((l, depth + 1)); stack.append((r, depth + 1))
      case .not(let inner, _): stack.append((inner, depth + 1))
      default: predicates += 1
      }
      if predicates > Parser.maxPredicates || depth > Parser.maxPredicates + Parser.maxDepth {
        throw Diagnostic(
          "too many predicates: a statement may test at most \(Parser.maxPredicates) conditions", at: e.range)
      }
    }
    return try checkExpression(e, in: collection)
  }

  func checkExpression(_ e: Expression, in collection: CollectionKind) throws(Diagnostic) -> Expression {
    switch e {
    case .logical(let op, _, _, _):
      var rights: [(Expression, SourceRange)] = []
      var node = e
      while case .logical(op, let lhs, let rhs, let range) = node {
        rights.append((rhs, range))
        node = lhs
      }
      var result = try checkExpression(node, in: collection)
      for (rhs, range) in rights.reversed() {
        result = .logical(op, result, try checkExpression(rhs, in: collection), range)
      }
      return result
    case .not(let inner, let range):
      return .not(try checkExpression(inner, in: collection), range)
    case .comparison(let ref, let op, let value, let range):
      let spec = try field(ref, in: collection)
      try tested(spec, at: ref.range)
      if spec.type == .textList && op != .equal && op != .notEqual {
        throw Diagnostic(
          "`\(op.rawValue)` does not apply to `\(spec.name)`, a list of text", at: range,
          notes: ["note: a list field takes `contains`, `=`, `!=`, `in` or `is null`"])
      }
      return .comparison(ref, op, try typed(value, for: spec), range)
    case .between(let ref, let low, let high, let negated, let range):
      let spec = try field(ref, in: collection)
      try tested(spec, at: ref.range)
      if spec.type == .textList {
        throw Diagnostic(
          "`between` does not apply to `\(spec.name)`, a list of text", at: range,
          notes: ["note: a list field takes `contains`, `=`, `!=`, `in` or `is null`"])
      }
      return .between(ref, try typed(low, for: spec), try typed(high, for: spec), negated: negated, range)
    case .inList(let ref, let values, let negated, let range):
      let spec = try field(ref, in: collection)
      try tested(spec, at: ref.range)
      var checked: [Literal] = []
      checked.reserveCapacity(values.count)
      for value in values { checked.append(try typed(value, for: spec)) }
      return .inList(ref, checked, negated: negated, range)
    case .isNull(let ref, _, _):
      try tested(try field(ref, in: collection), at: ref.range)
      return e
    case .contains(let ref, let phrase, let range):
      if let ref {
        let spec = try field(ref, in: collection)
        try tested(spec, at: ref.range)
        guard spec.type == .text || spec.type == .textList else {
          throw Diagnostic(
            "`contains` does not apply to `\(spec.name)`, \(Self.describe(spec.type))", at: range,
            notes: ["note: `contains` searches text and list-of-text fields"])
        }
        return .contains(ref, try text(phrase, for: "contains"), range)
      }
      try articlesOnly("contains", in: collection, at: range, note: "name the field to search, e.g. `name contains \"...\"`")
      return .contains(nil, try text(phrase, for: "contains"), range)
    case .cites(let number, let range):
      try articlesOnly("cites", in: collection, at: range, note: nil)
      return .cites(try text(number, for: "cites"), range)
    case .mentions(let name, let range):
      try articlesOnly("mentions", in: collection, at: range, note: nil)
      return .mentions(try text(name, for: "mentions"), range)
    case .near(let a, let b, let proximity, let range):
      try articlesOnly("contains ... near", in: collection, at: range, note: nil)
      return .near(try text(a, for: "contains"), try text(b, for: "near"), proximity, range)
    }
  }

  func articlesOnly(_ word: String, in collection: CollectionKind, at range: SourceRange, note: String?) throws(Diagnostic) {
    guard collection != .articles else { return }
    let bare = word == "contains" ? "`contains` without a field" : "`\(word)`"
    throw Diagnostic(
      "\(bare) applies only to articles, not to \(collection.rawValue)", at: range,
      notes: note.map { ["help: " + $0] } ?? [])
  }

  // MARK: Types

  static func describe(_ type: FieldType) -> String {
    switch type {
    case .text: return "text"
    case .integer: return "an integer"
    case .date: return "a date"
    case .textList: return "a list of text"
    case .number: return "a number"
    }
  }

  static func describe(_ value: Literal.Value) -> String {
    switch value {
    case .string: return "a string"
    case .integer: return "an integer"
    case .date: return "a date"
    case .variable: return "a variable"
    }
  }

  /// A literal after `contains`, `cites` or `mentions`, which must be text.
  func text(_ literal: Literal, for word: String) throws(Diagnostic) -> Literal {
    let value = try resolve(literal)
    guard case .string = value.value else {
      throw Diagnostic(
        "`\(word)` takes text; expected a string, found \(Self.describe(value.value))", at: literal.range,
        notes: ["help: write it in double quotes, \(Printer.quote(Printer.print(value)))"])
    }
    return value
  }

  static func fits(_ value: Literal.Value, _ type: FieldType) -> Bool {
    switch (type, value) {
    case (.text, .string), (.textList, .string), (.integer, .integer), (.date, .date), (.date, .integer): return true
    default: return false
    }
  }

  /// A literal compared with a field, which must fit the field's type.
  func typed(_ literal: Literal, for spec: Field) throws(Diagnostic) -> Literal {
    let value = try resolve(literal)
    let expected: String
    if Self.fits(value.value, spec.type) { return value }
    switch (spec.type, value.value) {
    case (.text, _), (.textList, _): expected = "a string"
    case (.integer, _), (.number, _): expected = "an integer"
    case (.date, _): expected = "a date (2021-06-30 or 2021-06) or a year"
    }
    var notes: [String] = []
    if case .string(let s) = value.value, spec.type != .text, spec.type != .textList,
      let parsed = try? Parser.parseLiteralText(s), Self.fits(parsed.value, spec.type)
    {
      notes.append("help: write it without quotes: \(Printer.print(parsed))")
    } else if spec.type == .text || spec.type == .textList {
      notes.append("help: write it in double quotes: \(Printer.quote(Printer.print(value)))")
    }
    throw Diagnostic(
      "`\(spec.name)` is \(Self.describe(spec.type)); expected \(expected), found \(Self.describe(value.value))",
      at: literal.range, notes: notes)
  }
}

extension Parser {
  /// `parseLiteralText(_:)` reads `text` as a single number or date literal, for suggestions.
  static func parseLiteralText(_ text: String) throws(Diagnostic) -> Literal {
    let tokens = Lexer.tokenize(text)
    guard tokens.count == 2 else { throw Diagnostic("not a literal", at: .none) }
    switch tokens[0].kind {
    case .integer(let n): return Literal(.integer(n))
    case .date(let d): return Literal(.date(d))
    default: throw Diagnostic("not a literal", at: .none)
    }
  }
}
