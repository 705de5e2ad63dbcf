import TinqSyntax

/// `Expectations` decides `expect` statements on any backend: it runs their count or query there
/// and compares, so every backend gets the same assertions for free.
package enum Expectations {
  package static func evaluate(
    _ e: CheckedExpectation, statement: CheckedStatement, backend: any Backend, cancellation: Cancellation?
  ) throws(EvaluationFailure) -> ExpectationResult {
    func run(_ kind: CheckedStatement.Kind) throws(EvaluationFailure) -> QueryResult {
      try backend.run(CheckedStatement(kind: kind, text: statement.text, range: statement.range), cancellation: cancellation)
    }
    func keys(_ q: CheckedQuery) throws(EvaluationFailure) -> [String] {
      guard case .rows(let rows) = try run(.query(q)) else { return [] }
      return rows.rows.compactMap { row in
        switch row.first {
        case .text(let s)?: return s
        case .integer(let i)?: return String(i)
        default: return nil
        }
      }
    }
    func listed(_ items: [String]) -> String {
      let shown = items.prefix(5).joined(separator: ", ")
      return items.count > 5 ? shown + ", … (\(items.count) in all)" : shown
    }
    func rows(_ found: [String]) -> String {
      found.isEmpty ? "no rows" : (found.count == 1 ? "1 row" : "\(found.count) rows") + " (" + listed(found) + ")"
    }
    let text = statement.text
    switch e.test {
    case .count(let c, let op, let n):
      guard case .count(let got) = try run(.count(c)) else {
        throw .diagnostic(Diagnostic("internal error: a count gave no number", at: statement.range))
      }
      let passed = Semantics.compare(.integer(got), op, .integer(n))
      return ExpectationResult(statement: text, passed: passed, expected: (op == .equal ? "" : op.rawValue + " ") + "\(n)", got: "\(got)")
    case .none(let q):
      let found = try keys(q)
      return ExpectationResult(statement: text, passed: found.isEmpty, expected: "no rows", got: rows(found))
    case .some(let q):
      let found = try keys(q)
      return ExpectationResult(statement: text, passed: !found.isEmpty, expected: "some rows", got: rows(found))
    case .includes(let q, let wanted):
      let found = try keys(q)
      let missing = wanted.filter { key in !found.contains { matches($0, key, collection: q.collection) } }
      return ExpectationResult(
        statement: text, passed: missing.isEmpty, expected: "rows " + listed(wanted),
        got: missing.isEmpty ? "all of them" : rows(found) + " without " + listed(missing))
    case .excludes(let q, let unwanted):
      let found = try keys(q)
      let present = unwanted.filter { key in found.contains { matches($0, key, collection: q.collection) } }
      return ExpectationResult(
        statement: text, passed: present.isEmpty, expected: "no row " + listed(unwanted),
        got: present.isEmpty ? "none of them" : rows(found) + " with " + listed(present))
    }
  }

  /// Article ids compare exactly; numbers and names as `=` compares them.
  static func matches(_ found: String, _ typed: String, collection: CollectionKind) -> Bool {
    collection == .articles ? found == typed : Semantics.textEqual(value: found, typed: typed)
  }
}
