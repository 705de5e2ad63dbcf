import TinqFacts
import TinqStore
import TinqSyntax
import TinqText

/// `PlanNode` is how a `where` clause will be answered: by an index, by the full-text index, or
/// row by row; combined with set operations.
indirect enum PlanNode {
  /// An index answers the predicate outright.
  case index(label: String, lookup: (ArticleStore) -> DocSet)
  /// The positional index answers a phrase, restricted to the candidates found so far.
  case phrase(label: String, phrase: Phrase, scope: TextScope)
  /// No index covers the predicate: test each candidate row.
  case scan(label: String, predicate: Expression)
  case and([PlanNode])
  case or([PlanNode])
  case not(PlanNode)

  /// Cheaper kinds first inside `and`: indexes, then phrases (restricted by what indexes found), then
  /// row checks over the fewest rows.
  var stage: Int {
    switch self {
    case .index: return 0
    case .phrase: return 1
    case .and, .or, .not: return 2
    case .scan: return 3
    }
  }
}

/// `Planner` turns a checked `where` expression into a plan.
enum Planner {
  static func plan(_ e: Expression, collection: CollectionKind) -> PlanNode {
    switch e {
    case .logical(.and, _, _, _):
      return .and(flatten(e, .and).map { plan($0, collection: collection) })
    case .logical(.or, _, _, _):
      return .or(flatten(e, .or).map { plan($0, collection: collection) })
    case .not(let inner, _):
      return .not(plan(inner, collection: collection))
    default:
      guard collection == .articles else { return .scan(label: Printer.print(e), predicate: e) }
      return articlePlan(e)
    }
  }

  /// Collects the operands of a chain of one operator without recursing on the chain's length.
  static func flatten(_ e: Expression, _ op: LogicalOperator) -> [Expression] {
    var out: [Expression] = []
    var stack = [e]
    while let top = stack.popLast() {
      if case .logical(let o, let l, let r, _) = top, o == op {
        stack.append(r)
        stack.append(l)
      } else {
        out.append(top)
      }
    }
    return out
  }

  static func string(_ l: Literal) -> String? {
    if case .string(let s) = l.value { return s }
    return nil
  }

  static func integer(_ l: Literal) -> Int? {
    if case .integer(let i) = l.value { return i }
    return nil
  }

  /// The plan of one article predicate.
  static func articlePlan(_ e: Expression) -> PlanNode {
    let text = Printer.print(e)
    switch e {
    case .cites(let lit, _):
      guard let s = string(lit) else { break }
      return .index(label: "citation index: \(text)") { $0.articles(citing: s) }
    case .mentions(let lit, _):
      guard let s = string(lit) else { break }
      return .index(label: "people/organisation index: \(text)") { $0.articles(mentioning: s) }
    case .contains(let field, let lit, _):
      guard let s = string(lit) else { break }
      switch field?.name {
      case nil: return .phrase(label: "full-text index (title, body): \(text)", phrase: Phrase(s), scope: .titleOrBody)
      case "title": return .phrase(label: "full-text index (title): \(text)", phrase: Phrase(s), scope: .title)
      case "body": return .phrase(label: "full-text index (body): \(text)", phrase: Phrase(s), scope: .body)
      default: break
      }
    case .comparison(let f, let op, let lit, _):
      switch f.name {
      case "year":
        guard let y = integer(lit) else { break }
        return .index(label: "year index: \(text)") { store in
          switch op {
          case .equal: return store.articles(inYears: y...y)
          case .notEqual: return store.dated.subtracting(store.articles(inYears: y...y))
          case .less: return y == Int.min ? DocSet(universe: store.count) : store.articles(inYears: Int.min...(y - 1))
          case .lessOrEqual: return store.articles(inYears: Int.min...y)
          case .greater: return y == Int.max ? DocSet(universe: store.count) : store.articles(inYears: (y + 1)...Int.max)
          case .greaterOrEqual: return store.articles(inYears: y...Int.max)
          }
        }
      case "date":
        guard let d = Semantics.date(of: lit.value) else { break }
        return .index(label: "date index: \(text)") { $0.articles(datedWhere: { Semantics.compareDates($0, op, d) }) }
      case "id" where op == .equal:
        guard let s = string(lit) else { break }
        return .index(label: "id index: \(text)") { store in
          DocSet(universe: store.count, members: store.ordinal(ofID: s).map { [$0] } ?? [])
        }
      case "source" where op == .equal:
        guard let s = string(lit) else { break }
        return .index(label: "source index: \(text)") { $0.articles(withSource: s) }
      case "author" where op == .equal:
        guard let s = string(lit) else { break }
        return .index(label: "author index: \(text)") { $0.articles(withAuthor: s) }
      default: break
      }
    case .between(let f, let lo, let hi, let negated, _) where f.name == "year":
      guard let a = integer(lo), let b = integer(hi) else { break }
      return .index(label: "year index: \(text)") { store in
        let inside = a <= b ? store.articles(inYears: a...b) : DocSet(universe: store.count)
        return negated ? store.dated.subtracting(inside) : inside
      }
    case .between(let f, let lo, let hi, let negated, _) where f.name == "date":
      guard Semantics.date(of: lo.value) != nil, Semantics.date(of: hi.value) != nil else { break }
      return .index(label: "date index: \(text)") { store in
        store.articles(datedWhere: { d in Semantics.between(.date(d), lo.value, hi.value, negated: negated) })
      }
    case .inList(let f, let items, let negated, _) where f.name == "year":
      let years = items.compactMap(integer)
      return .index(label: "year index: \(text)") { store in
        var set = DocSet(universe: store.count)
        for y in years { set.formUnion(store.articles(inYears: y...y)) }
        return negated ? store.dated.subtracting(set) : set
      }
    case .isNull(let f, let negated, _) where f.name == "year" || f.name == "date":
      return .index(label: "date index: \(text)") { store in negated ? store.dated : store.dated.complement() }
    default:
      break
    }
    return .scan(label: text, predicate: e)
  }
}

/// `Execution` runs a plan over a store, keeping the row count of every step for `explain`.
final class Execution {
  let store: ArticleStore
  let table: Table
  let cancellation: Cancellation?
  /// (depth, label, rows) in plan order.
  var steps: [(depth: Int, label: String, rows: Int)] = []

  init(store: ArticleStore, table: Table, cancellation: Cancellation?) {
    self.store = store
    self.table = table
    self.cancellation = cancellation
  }

  func checkCancelled() throws(Cancelled) {
    if cancellation?.isCancelled == true { throw Cancelled() }
  }

  /// `run(_:within:depth:)` returns the rows of `within` that satisfy `node`.
  func run(_ node: PlanNode, within: DocSet, depth: Int = 0) throws(Cancelled) -> DocSet {
    try checkCancelled()
    let step = steps.count
    steps.append((depth, "", 0))
    var label: String
    var result: DocSet
    switch node {
    case .index(let l, let lookup):
      label = "index  " + l
      result = lookup(store).intersection(within)
    case .phrase(let l, let phrase, let scope):
      label = "index  " + l
      result = store.fullText.documents(containing: phrase, scope: scope, within: within)
    case .scan(let l, let predicate):
      label = "scan   " + l + " (checked on " + rowCount(within.count) + ")"
      result = DocSet(universe: within.universe)
      var checked = 0
      var failure: Cancelled? = nil
      within.forEach { i in
        checked += 1
        if checked & 1023 == 0, cancellation?.isCancelled == true { failure = Cancelled() }
        if failure == nil, Reference.test(predicate, row: i, table: table) { result.insert(i) }
      }
      if let failure { throw failure }
    case .and(let children):
      label = "and"
      result = within
      // Run cheap steps first; among index steps, the most selective first.
      var pending = children.sorted { $0.stage < $1.stage }
      let indexCount = pending.prefix { $0.stage == 0 }.count
      var indexResults: [DocSet] = []
      for child in pending.prefix(indexCount) {
        indexResults.append(try run(child, within: within, depth: depth + 1))
      }
      for r in indexResults.sorted(by: { $0.count < $1.count }) { result.formIntersection(r) }
      pending.removeFirst(indexCount)
      for child in pending {
        result = try run(child, within: result, depth: depth + 1)
      }
    case .or(let children):
      label = "or"
      result = DocSet(universe: within.universe)
      for child in children {
        // Rows already in the union need not be tested again.
        result.formUnion(try run(child, within: within.subtracting(result), depth: depth + 1))
      }
    case .not(let inner):
      label = "not"
      result = within.subtracting(try run(inner, within: within, depth: depth + 1))
    }
    steps[step] = (depth, label, result.count)
    return result
  }

  /// The plan as `explain` prints it: one line per step with the rows it produced.
  func describe() -> String {
    steps.map { String(repeating: "  ", count: $0.depth + 1) + $0.label + "  → " + rowCount($0.rows) }
      .joined(separator: "\n")
  }
}

/// `Reference` checks a predicate on one row directly: the semantics the planner must reproduce.
/// The planner uses it for predicates no index covers; the tests use it as the naive evaluator.
public enum Reference {
  static func test(_ e: Expression, row: Int, table: Table) -> Bool {
    switch e {
    case .logical(let op, _, _, _):
      let operands = Planner.flatten(e, op)
      return op == .and
        ? operands.allSatisfy { test($0, row: row, table: table) }
        : operands.contains { test($0, row: row, table: table) }
    case .not(let inner, _):
      return !test(inner, row: row, table: table)
    case .comparison(let f, let op, let lit, _):
      if f.name == "id", case .string(let s) = lit.value, table.collection == .articles {
        // Ids compare exactly, as the id index does.
        guard case .text(let id) = table.value("id", row) else { return false }
        return op == .equal ? id == s : Semantics.compare(.text(id), op, lit.value)
      }
      return Semantics.compare(table.value(f.name, row), op, lit.value)
    case .between(let f, let lo, let hi, let negated, _):
      return Semantics.between(table.value(f.name, row), lo.value, hi.value, negated: negated)
    case .inList(let f, let items, let negated, _):
      return Semantics.isIn(table.value(f.name, row), items.map(\.value), negated: negated)
    case .isNull(let f, let negated, _):
      return Semantics.isNull(table.value(f.name, row)) != negated
    case .contains(let f, let lit, _):
      guard case .string(let s) = lit.value else { return false }
      let phrase = Phrase(s)
      if let f { return Semantics.contains(table.value(f.name, row), phrase) }
      return Semantics.contains(table.value("title", row), phrase) || Semantics.contains(table.value("body", row), phrase)
    case .cites(let lit, _):
      guard case .string(let s) = lit.value, case .list = table.value("citations", row) else { return false }
      return citationMatch(s, row: row, table: table)
    case .mentions(let lit, _):
      guard case .string(let s) = lit.value else { return false }
      return mentionMatch(s, row: row, table: table)
    }
  }

  static func citationMatch(_ s: String, row: Int, table: Table) -> Bool {
    guard let article = table.article?(row) else { return false }
    let q = CitationQuery(s)
    return article.citations.contains { q.matches($0) }
  }

  static func mentionMatch(_ s: String, row: Int, table: Table) -> Bool {
    guard let article = table.article?(row) else { return false }
    return NameQuery(s).mentionedIn(article)
  }
}

/// `rowCount(_:)` spells a number of rows: `1 row`, `0 rows`, `12 rows`.
func rowCount(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }
