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
  /// The positional index answers two phrases near each other, among the candidates so far.
  case near(label: String, a: Phrase, b: Phrase, proximity: Proximity)
  /// No index covers the predicate: test each candidate row, once for the whole predicate
  /// (a run of conditions that no index answers is checked in one pass).
  case scan(label: String, predicate: Predicate)
  case and([PlanNode])
  case or([PlanNode])
  case not(PlanNode)

  /// Cheaper kinds first inside `and`: indexes, then phrases (restricted by what indexes found), then
  /// row checks over the fewest rows.
  var stage: Int {
    switch self {
    case .index: return 0
    case .phrase, .near: return 1
    case .and, .or, .not: return 2
    case .scan: return 3
    }
  }
}

/// `Planner` turns a checked `where` clause into a plan for the in-memory store.
enum Planner {
  static func plan(_ p: Predicate, collection: CollectionKind) -> PlanNode {
    switch p {
    case .all(let items): return combine(items.map { ($0, plan($0, collection: collection)) }, all: true)
    case .any(let items): return combine(items.map { ($0, plan($0, collection: collection)) }, all: false)
    case .not(let inner):
      let planned = plan(inner, collection: collection)
      if case .scan = planned { return .scan(label: p.text, predicate: p) }
      return .not(planned)
    case .condition(let c):
      guard collection == .articles else { return .scan(label: c.text, predicate: p) }
      return articlePlan(c)
    }
  }

  /// The operands of `and`/`or`, planned: the operands that only a scan can answer become one
  /// scan, so each row is read once for all of them, not once per condition.
  static func combine(_ operands: [(Predicate, PlanNode)], all: Bool) -> PlanNode {
    let scanned = operands.filter { if case .scan = $0.1 { return true } else { return false } }.map(\.0)
    var nodes = operands.filter { if case .scan = $0.1 { return false } else { return true } }.map(\.1)
    if scanned.count == 1, let only = scanned.first {
      nodes.append(.scan(label: only.text, predicate: only))
    } else if scanned.count > 1 {
      let merged: Predicate = all ? .all(scanned) : .any(scanned)
      if nodes.isEmpty { return .scan(label: merged.text, predicate: merged) }
      nodes.append(.scan(label: merged.text, predicate: merged))
    }
    return all ? .and(nodes) : .or(nodes)
  }

  /// The plan of one article condition: the field's index, the full-text index, or a scan.
  static func articlePlan(_ c: Condition) -> PlanNode {
    let text = c.text
    switch c.test {
    case .cites(let typed):
      return .index(label: "citation index: \(text)") { $0.articles(citing: typed) }
    case .mentions(let typed):
      return .index(label: "people/organisation index: \(text)") { $0.articles(mentioning: typed) }
    case .near(let a, let b, let proximity):
      return .near(label: "full-text index, positions: \(text)", a: a, b: b, proximity: proximity)
    case .contains(let field, let phrase):
      guard let scope = field.map(\.textScope) ?? .titleOrBody else { break }
      let part = scope == .titleOrBody ? "title, body" : (scope == .title ? "title" : "body")
      return .phrase(label: "full-text index (\(part)): \(text)", phrase: phrase, scope: scope)
    case .compare(let f, let op, let constant):
      switch (f.index, constant) {
      case (.year?, .integer(let y)):
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
      case (.date?, .date(let d)):
        return .index(label: "date index: \(text)") { $0.articles(datedWhere: { Semantics.compareDates($0, op, d) }) }
      case (.id?, .text(let s)) where op == .equal:
        return .index(label: "id index: \(text)") { store in
          DocSet(universe: store.count, members: store.ordinal(ofID: s).map { [$0] } ?? [])
        }
      case (.source?, .text(let s)) where op == .equal || op == .notEqual:
        return .index(label: "source index: \(text)") { store in
          op == .equal ? store.articles(withSource: s) : store.sourced.subtracting(store.articles(withSource: s))
        }
      case (.author?, .text(let s)) where op == .equal || op == .notEqual:
        return .index(label: "author index: \(text)") { store in
          op == .equal ? store.articles(withAuthor: s) : store.authored.subtracting(store.articles(withAuthor: s))
        }
      case (.people?, .text(let s)) where op == .equal:
        return .index(label: "people index: \(text)") { $0.articles(withPersonNamed: s) }
      case (.organizations?, .text(let s)) where op == .equal:
        return .index(label: "organisation index: \(text)") { $0.articles(withOrganizationNamed: s) }
      case (_, .text(let s)) where op != .equal && op != .notEqual && f.index != .id && Table.isRanked(f):
        return .index(label: "sort ranks: \(text)") { store in
          Table.of(.articles, in: store).rows(f) { ranks in
            let (below, equal) = ranks.position(of: s)
            let through = below + (equal ? 1 : 0)
            switch op {
            case .less: return 0..<below
            case .lessOrEqual: return 0..<through
            case .greater: return through..<ranks.count
            default: return below..<ranks.count  // >=
            }
          }
        }
      default: break
      }
    case .between(let f, let lo, let hi, let negated):
      switch (f.index, lo, hi) {
      case (.year?, .integer(let a), .integer(let b)):
        return .index(label: "year index: \(text)") { store in
          let inside = a <= b ? store.articles(inYears: a...b) : DocSet(universe: store.count)
          return negated ? store.dated.subtracting(inside) : inside
        }
      case (.date?, .date, .date):
        return .index(label: "date index: \(text)") { store in
          store.articles(datedWhere: { d in Semantics.between(.date(d), lo, hi, negated: negated) })
        }
      case (_, .text(let low), .text(let high)) where f.index != .id && Table.isRanked(f):
        return .index(label: "sort ranks: \(text)") { store in
          Table.of(.articles, in: store).rows(f, negated: negated) { ranks in
            let from = ranks.position(of: low).below
            let (below, equal) = ranks.position(of: high)
            return from..<max(from, below + (equal ? 1 : 0))
          }
        }
      default: break
      }
    case .isIn(let f, let items, let negated) where f.index == .year:
      let years = items.compactMap { if case .integer(let y) = $0 { return y } else { return nil } }
      return .index(label: "year index: \(text)") { store in
        var set = DocSet(universe: store.count)
        for y in years { set.formUnion(store.articles(inYears: y...y)) }
        return negated ? store.dated.subtracting(set) : set
      }
    case .isIn(let f, let items, let negated) where f.index == .source || f.index == .author:
      let values = items.compactMap { if case .text(let s) = $0 { return s } else { return nil } }
      let isSource = f.index == .source
      return .index(label: (isSource ? "source" : "author") + " index: \(text)") { store in
        var set = DocSet(universe: store.count)
        for v in values { set.formUnion(isSource ? store.articles(withSource: v) : store.articles(withAuthor: v)) }
        return negated ? (isSource ? store.sourced : store.authored).subtracting(set) : set
      }
    case .isIn(let f, let items, false) where f.index == .people || f.index == .organizations:
      let values = items.compactMap { if case .text(let s) = $0 { return s } else { return nil } }
      let isPeople = f.index == .people
      return .index(label: (isPeople ? "people" : "organisation") + " index: \(text)") { store in
        var set = DocSet(universe: store.count)
        for v in values {
          set.formUnion(isPeople ? store.articles(withPersonNamed: v) : store.articles(withOrganizationNamed: v))
        }
        return set
      }
    case .isNull(let f, let negated) where f.index == .source || f.index == .author:
      let isSource = f.index == .source
      return .index(label: (isSource ? "source" : "author") + " index: \(text)") { store in
        let present = isSource ? store.sourced : store.authored
        return negated ? present : present.complement()
      }
    case .isNull(let f, let negated) where f.index == .year || f.index == .date:
      return .index(label: "date index: \(text)") { store in negated ? store.dated : store.dated.complement() }
    default:
      break
    }
    return .scan(label: text, predicate: .condition(c))
  }
}

/// `Execution` runs a plan over a store, keeping the row count of every step for `explain`.
final class Execution {
  let store: ArticleStore
  let table: Table
  let cancellation: Cancellation?
  /// (depth, label, rows) in plan order.
  var steps: [(depth: Int, label: String, rows: Int)] = []
  /// The phrases searched over the whole collection, each with the number of articles holding
  /// it: what relevance weighs a phrase by, known without searching again.
  var corpusCounts: [(phrase: Phrase, scope: TextScope, articles: Int)] = []

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
      if within.count == within.universe { corpusCounts.append((phrase, scope, result.count)) }
    case .near(let l, let a, let b, let proximity):
      label = "index  " + l
      result = store.articles(with: a, near: b, proximity: proximity, within: within)
    case .scan(let l, let predicate):
      label = "scan   " + l + " (checked on " + rowCount(within.count) + ")"
      result = DocSet(universe: within.universe)
      var scan = RowScan(table: table)
      let completed = within.forEach(checking: cancellation) { i in
        if scan.test(predicate, row: i) { result.insert(i) }
      }
      if !completed { throw Cancelled() }
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

  /// `corpusBasis(_:)` is what relevance weighs the phrases by over the whole collection, when
  /// the plan searched each of them over all of it (nil otherwise: relevance searches again).
  func corpusBasis(_ phrases: [(Phrase, TextScope)]) -> RelevanceBasis? {
    var documents: [Int] = []
    for (phrase, scope) in phrases {
      guard let known = corpusCounts.first(where: { $0.phrase == phrase && $0.scope == scope }) else { return nil }
      documents.append(known.articles)
    }
    let index = store.fullText
    return RelevanceBasis(articles: index.universe, syllables: index.corpusSyllables, documents: documents)
  }

  /// The plan as `explain` prints it: one line per step with the rows it produced.
  func describe() -> String {
    steps.map { String(repeating: "  ", count: $0.depth + 1) + $0.label + "  → " + rowCount($0.rows) }
      .joined(separator: "\n")
  }
}

/// `rowCount(_:)` spells a number of rows: `1 row`, `0 rows`, `12 rows`.
func rowCount(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }
