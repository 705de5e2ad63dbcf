import TinqFacts
import TinqSyntax
import TinqText

// Lowering: a validated syntax tree (variables already resolved) to the checked statement.
// Validation has run, so every field resolves and every literal fits; a failure here is a
// checker bug, reported as a diagnostic rather than a trap.

extension CheckContext {
  func lower(_ statement: Statement) throws(Diagnostic) -> CheckedStatement {
    let text = Printer.print(statement)
    switch statement {
    case .query(let q):
      let collection = q.collection.kind
      var order: [Ordering] = []
      for key in q.order { order.append(Ordering(field: try field(key.field, in: collection), descending: key.descending)) }
      var columns: [Field] = []
      for selected in q.select { columns.append(try field(selected, in: collection)) }
      if columns.isEmpty { columns = Schema.defaultColumns(of: collection) }
      let query = CheckedQuery(
        collection: collection, filter: try q.filter.map { e throws(Diagnostic) in try lower(e, in: collection) },
        order: order, limit: q.limit?.count.map { max(0, $0) }, offset: max(0, q.limit?.offset ?? 0), columns: columns)
      return CheckedStatement(kind: .query(query), text: text, range: q.range)
    case .count(let c):
      let collection = c.collection.kind
      let order = c.order.map {
        GroupOrdering(
          key: $0.field.name == Keyword.count.rawValue ? .count : $0.field.name == Keyword.share.rawValue ? .share : .value,
          descending: $0.descending)
      }
      var count = CheckedCount(
        collection: collection, filter: try c.filter.map { e throws(Diagnostic) in try lower(e, in: collection) },
        groupBy: try c.groupBy.map { g throws(Diagnostic) in try field(g, in: collection) }, order: order,
        limit: c.limit?.count.map { max(0, $0) }, offset: max(0, c.limit?.offset ?? 0),
        share: try c.share.map { s throws(Diagnostic) in
          CheckedCount.Share(base: try s.filter.map { e throws(Diagnostic) in try lower(e, in: collection) })
        })
      count.across = try c.across.map { f throws(Diagnostic) in try field(f, in: collection) }
      count.distinct = try c.distinct.map { f throws(Diagnostic) in try field(f, in: collection) }
      return CheckedStatement(kind: .count(count), text: text, range: c.range)
    case .show(let s):
      return CheckedStatement(kind: .show(id: s.id), text: text, range: s.range)
    case .explain(let e):
      return CheckedStatement(kind: .explain(try lower(e.statement)), text: text, range: e.range)
    case .letBinding(let l):
      return CheckedStatement(kind: .binding(name: l.name, value: l.value.value), text: text, range: l.range)
    case .expect(let e):
      let test: CheckedExpectation.Test
      switch e.test {
      case .count(let c, let op, let n):
        guard case .count(let count) = try lower(.count(c)).kind else {
          throw Diagnostic("internal error: a count that did not lower to a count", at: e.range)
        }
        test = .count(count, op, n)
      case .rows(let q, let rows):
        guard case .query(var query) = try lower(.query(q)).kind else {
          throw Diagnostic("internal error: a query that did not lower to a query", at: e.range)
        }
        // The rows are compared by their key: the id, or the first field (number, name).
        if let key = Schema.fields(of: query.collection).first { query.columns = [key] }
        switch rows {
        case .none: test = .none(query)
        case .some: test = .some(query)
        case .includes(let keys): test = .includes(query, keys)
        case .excludes(let keys): test = .excludes(query, keys)
        }
      }
      return CheckedStatement(kind: .expectation(CheckedExpectation(test: test)), text: text, range: e.range)
    case .kwic(let k):
      let target: CheckedConcordance.Target
      switch k.target {
      case .contains(nil, let phrase, _): target = .phrase(Phrase(try string(phrase)))
      case .cites(let number, _): target = .cites(try string(number))
      case .mentions(let name, _): target = .mentions(try string(name))
      default: throw Diagnostic("internal error: a concordance target that is not a phrase, `cites` or `mentions`", at: k.range)
      }
      let concordance = CheckedConcordance(
        target: target, targetText: Printer.print(k.target), filter: try k.filter.map { e throws(Diagnostic) in try lower(e, in: .articles) },
        context: k.context ?? CheckedConcordance.defaultContext, sort: k.sort, descending: k.descending,
        sample: k.sample, seed: UInt64(truncatingIfNeeded: k.seed ?? Int(CheckedConcordance.defaultSeed)),
        limit: k.limit?.count.map { max(0, $0) }, offset: max(0, k.limit?.offset ?? 0), countOnly: k.countOnly)
      return CheckedStatement(kind: .concordance(concordance), text: text, range: k.range)
    case .collocates(let c):
      let checked = CheckedCollocates(
        phrase: Phrase(try string(c.phrase)), filter: try c.filter.map { e throws(Diagnostic) in try lower(e, in: .articles) },
        window: c.window ?? CollocatesStatement.defaultWindow, measure: c.measure ?? .logdice,
        limit: max(0, c.limit?.count ?? CheckedCollocates.defaultLimit), offset: max(0, c.limit?.offset ?? 0))
      return CheckedStatement(kind: .collocates(checked), text: text, range: c.range)
    case .ngrams(let g):
      let checked = CheckedNgrams(
        size: g.size, filter: try g.filter.map { e throws(Diagnostic) in try lower(e, in: .articles) },
        limit: max(0, g.limit?.count ?? CheckedNgrams.defaultLimit), offset: max(0, g.limit?.offset ?? 0))
      return CheckedStatement(kind: .ngrams(checked), text: text, range: g.range)
    case .keywords(let k):
      let items: CheckedKeywords.Items
      switch k.items {
      case .ngrams(let n)?: items = .ngrams(n)
      case .entities(let e)?: items = .entities(e)
      case nil: items = .ngrams(1)
      }
      let reference: CheckedKeywords.Reference
      switch k.reference {
      case .filter(let e): reference = .filter(try lower(e, in: .articles))
      case .rest: reference = .rest
      case .all: reference = .all
      }
      let checked = CheckedKeywords(
        items: items, focus: try lower(k.focus, in: .articles), focusRange: k.focus.range, reference: reference,
        referenceRange: k.referenceRange, measure: k.measure ?? .ll,
        limit: max(0, k.limit?.count ?? CheckedKeywords.defaultLimit), offset: max(0, k.limit?.offset ?? 0))
      return CheckedStatement(kind: .keywords(checked), text: text, range: k.range)
    }
  }

  /// Lowers a `where` expression: chains of one operator become one n-ary node (walked without
  /// recursing on the chain's length), leaves become conditions.
  func lower(_ e: Expression, in collection: CollectionKind) throws(Diagnostic) -> Predicate {
    switch e {
    case .logical(let op, _, _, _):
      var operands: [Predicate] = []
      var stack = [e]
      while let top = stack.popLast() {
        if case .logical(op, let l, let r, _) = top {
          stack.append(r)
          stack.append(l)
        } else {
          operands.append(try lower(top, in: collection))
        }
      }
      return op == .and ? .all(operands) : .any(operands)
    case .not(let inner, _):
      return .not(try lower(inner, in: collection))
    default:
      return .condition(Condition(test: try test(e, in: collection), text: Printer.print(e), range: e.range))
    }
  }

  func test(_ e: Expression, in collection: CollectionKind) throws(Diagnostic) -> Condition.Test {
    switch e {
    case .comparison(let ref, let op, let value, _):
      let f = try field(ref, in: collection)
      return .compare(f, op, try constant(value, for: f))
    case .between(let ref, let low, let high, let negated, _):
      let f = try field(ref, in: collection)
      return .between(f, try constant(low, for: f), try constant(high, for: f), negated: negated)
    case .inList(let ref, let values, let negated, _):
      let f = try field(ref, in: collection)
      var constants: [Constant] = []
      constants.reserveCapacity(values.count)
      for v in values { constants.append(try constant(v, for: f)) }
      return .isIn(f, constants, negated: negated)
    case .isNull(let ref, let negated, _):
      return .isNull(try field(ref, in: collection), negated: negated)
    case .contains(let ref, let phrase, _):
      let f = try ref.map { r throws(Diagnostic) in try field(r, in: collection) }
      return .contains(f, Phrase(try string(phrase)))
    case .cites(let number, _):
      return .cites(try string(number))
    case .mentions(let name, _):
      return .mentions(try string(name))
    case .near(let a, let b, let proximity, _):
      return .near(Phrase(try string(a)), Phrase(try string(b)), proximity)
    case .logical, .not:
      throw Diagnostic("internal error: a logical operator where a condition was expected", at: e.range)
    }
  }

  func string(_ literal: Literal) throws(Diagnostic) -> String {
    if case .string(let s) = literal.value { return s }
    throw Diagnostic("internal error: expected a checked string", at: literal.range)
  }

  /// A literal that validation fitted to `field`, as a typed constant.
  func constant(_ literal: Literal, for field: Field) throws(Diagnostic) -> Constant {
    switch (field.type, literal.value) {
    case (.text, .string(let s)), (.textList, .string(let s)): return .text(s)
    case (.integer, .integer(let i)): return .integer(i)
    case (.date, .date(let d)): return .date(PartialDate(year: d.year, month: d.month, day: d.day))
    case (.date, .integer(let y)): return .date(PartialDate(year: y))
    default: throw Diagnostic("internal error: a literal that does not fit `\(field.name)`", at: literal.range)
    }
  }
}
