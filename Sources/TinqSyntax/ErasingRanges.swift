import TinqText
// `erasingRanges()` on every node: the structural form of a tree, used to compare a reparsed
// tree with the original (`==` compares ranges too).

extension Statement {
  /// `erasingRanges()` returns the statement with every source range set to `.none`.
  public func erasingRanges() -> Statement {
    switch self {
    case .query(let q): return .query(q.erasingRanges())
    case .count(let c):
      return .count(
        CountStatement(
          collection: CollectionRef(kind: c.collection.kind), filter: c.filter?.erasingRanges(),
          groupBy: c.groupBy?.erasingRanges(),
          order: c.order.map { OrderKey(field: $0.field.erasingRanges(), descending: $0.descending) },
          limit: c.limit?.erasingRanges(),
          share: c.share.map {
            ShareClause(collection: $0.collection.map { CollectionRef(kind: $0.kind) }, filter: $0.filter?.erasingRanges())
          }, across: c.across?.erasingRanges(), distinct: c.distinct?.erasingRanges()))
    case .show(let s): return .show(ShowStatement(id: s.id))
    case .explain(let e): return .explain(ExplainStatement(statement: e.statement.erasingRanges()))
    case .letBinding(let l): return .letBinding(LetStatement(name: l.name, value: l.value.erasingRanges()))
    case .expect(let e):
      switch e.test {
      case .count(let c, let op, let n):
        guard case .count(let erased) = Statement.count(c).erasingRanges() else { return self }
        return .expect(ExpectStatement(test: .count(erased, op, n)))
      case .rows(let q, let test):
        return .expect(ExpectStatement(test: .rows(q.erasingRanges(), test)))
      }
    case .kwic(var k):
      k.target = k.target.erasingRanges()
      k.filter = k.filter?.erasingRanges()
      k.limit = k.limit?.erasingRanges()
      k.range = .none
      return .kwic(k)
    case .collocates(var c):
      c.phrase = c.phrase.erasingRanges()
      c.filter = c.filter?.erasingRanges()
      c.limit = c.limit?.erasingRanges()
      c.range = .none
      return .collocates(c)
    case .ngrams(var g):
      g.filter = g.filter?.erasingRanges()
      g.limit = g.limit?.erasingRanges()
      g.range = .none
      return .ngrams(g)
    case .keywords(var k):
      k.focus = k.focus.erasingRanges()
      if case .filter(let e) = k.reference { k.reference = .filter(e.erasingRanges()) }
      k.referenceRange = .none
      k.limit = k.limit?.erasingRanges()
      k.range = .none
      return .keywords(k)
    }
  }
}

extension Query {
  /// `erasingRanges()` returns the query with every source range set to `.none`.
  public func erasingRanges() -> Query {
    Query(
      collection: CollectionRef(kind: collection.kind), filter: filter?.erasingRanges(),
      order: order.map { OrderKey(field: $0.field.erasingRanges(), descending: $0.descending) },
      limit: limit?.erasingRanges(),
      select: select.map { $0.erasingRanges() })
  }
}

extension FieldRef {
  /// `erasingRanges()` returns the field reference without its range.
  public func erasingRanges() -> FieldRef { FieldRef(name: name) }
}

extension Literal {
  /// `erasingRanges()` returns the literal without its range.
  public func erasingRanges() -> Literal { Literal(value) }
}

extension Expression {
  /// `erasingRanges()` returns the expression with every source range set to `.none`.
  ///
  /// A chain of one operator is rebuilt in a loop along its left spine, so a long `and` chain
  /// costs no stack.
  public func erasingRanges() -> Expression {
    switch self {
    case .logical(let op, _, _, _):
      var rights: [Expression] = []
      var node = self
      while case .logical(op, let lhs, let rhs, _) = node {
        rights.append(rhs)
        node = lhs
      }
      var result = node.erasingRanges()
      for rhs in rights.reversed() { result = .logical(op, result, rhs.erasingRanges(), .none) }
      return result
    case .not(let inner, _):
      return .not(inner.erasingRanges(), .none)
    case .comparison(let field, let op, let value, _):
      return .comparison(field.erasingRanges(), op, value.erasingRanges(), .none)
    case .between(let field, let low, let high, let negated, _):
      return .between(field.erasingRanges(), low.erasingRanges(), high.erasingRanges(), negated: negated, .none)
    case .inList(let field, let values, let negated, _):
      return .inList(field.erasingRanges(), values.map { $0.erasingRanges() }, negated: negated, .none)
    case .isNull(let field, let negated, _):
      return .isNull(field.erasingRanges(), negated: negated, .none)
    case .contains(let field, let phrase, _):
      return .contains(field?.erasingRanges(), phrase.erasingRanges(), .none)
    case .cites(let number, _):
      return .cites(number.erasingRanges(), .none)
    case .mentions(let name, _):
      return .mentions(name.erasingRanges(), .none)
    case .near(let a, let b, let proximity, _):
      return .near(a.erasingRanges(), b.erasingRanges(), proximity, .none)
    }
  }
}


extension LimitClause {
  /// `erasingRanges()` returns the clause with its source range set to `.none`.
  public func erasingRanges() -> LimitClause { LimitClause(count: count, offset: offset) }
}
