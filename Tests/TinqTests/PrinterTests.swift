import Testing
import TinqText
import TinqSupport
import TinqSyntax

/// `SyntaxTreeGenerator` builds random syntax trees (ranges `.none`) covering every node kind.
struct SyntaxTreeGenerator {
  var rng: SplitMix64
  let names = ["year", "title", "date", "people", "x", "đại_tá", "a_1", "name", "articles", "type"]
  let textPieces = ["", "a", "ma túy", "\"", "\\", "\\\"", "NĐ-CP", "\n", "--", "'", "Đ\u{300}", "😀", "where", ";", " "]

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
  mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

  mutating func field() -> FieldRef { FieldRef(name: pick(names)) }

  mutating func literal() -> Literal {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0:
      var s = ""
      for _ in 0..<Int.random(in: 0..<4, using: &rng) { s += pick(textPieces) }
      return Literal(.string(s))
    case 1:
      return Literal(.integer(pick([0, 1, -1, 2021, Int.max, Int.min, Int.random(in: -1_000_000...1_000_000, using: &rng)])))
    case 2:
      let year = Int.random(in: 1...9999, using: &rng)
      // A year alone is written as an integer, so a date literal always has a month.
      let month = Int.random(in: 1...12, using: &rng)
      let day = chance(60) ? Int.random(in: 1...PartialDateLiteral.days(inMonth: month, year: year), using: &rng) : nil
      return Literal(.date(PartialDateLiteral(year: year, month: month, day: day)))
    default:
      return Literal(.variable(pick(["since", "x", "đ_1"])))
    }
  }

  mutating func expression(depth: Int) -> Expression {
    if depth > 0 && chance(45) {
      if chance(25) { return .not(expression(depth: depth - 1), .none) }
      return .logical(pick(LogicalOperator.allCases), expression(depth: depth - 1), expression(depth: depth - 1), .none)
    }
    switch Int.random(in: 0..<8, using: &rng) {
    case 0: return .comparison(field(), pick(ComparisonOperator.allCases), literal(), .none)
    case 1: return .between(field(), literal(), literal(), negated: chance(50), .none)
    case 2: return .inList(field(), (0...Int.random(in: 0..<3, using: &rng)).map { _ in literal() }, negated: chance(50), .none)
    case 3: return .isNull(field(), negated: chance(50), .none)
    case 4: return .contains(chance(50) ? field() : nil, literal(), .none)
    case 5: return .cites(literal(), .none)
    case 6: return .mentions(literal(), .none)
    default: return .comparison(field(), .equal, literal(), .none)
    }
  }

  /// `limit N`, `offset M`, or both.
  mutating func limit() -> LimitClause {
    let offset = chance(50) ? Int.random(in: 0...9, using: &rng) : nil
    return LimitClause(count: offset == nil || chance(50) ? Int.random(in: -3...100, using: &rng) : nil, offset: offset)
  }

  mutating func collection() -> CollectionRef { CollectionRef(kind: pick(CollectionKind.allCases)) }

  mutating func statement(depth: Int = 2) -> Statement {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0..<5:
      var q = Query(collection: collection())
      if chance(80) { q.filter = expression(depth: 5) }
      if chance(40) { q.order = (0...Int.random(in: 0..<3, using: &rng)).map { _ in OrderKey(field: field(), descending: chance(50)) } }
      if chance(40) { q.limit = limit() }
      if chance(40) { q.select = (0...Int.random(in: 0..<3, using: &rng)).map { _ in field() } }
      return .query(q)
    case 5, 6:
      var c = CountStatement(collection: collection(), filter: chance(70) ? expression(depth: 4) : nil, groupBy: chance(50) ? field() : nil)
      if c.groupBy != nil, chance(50) {
        c.order = (0...Int.random(in: 0..<2, using: &rng)).map { _ in
          OrderKey(field: chance(50) ? FieldRef(name: "count") : field(), descending: chance(50))
        }
      }
      if c.groupBy != nil, chance(50) { c.limit = limit() }
      return .count(c)
    case 7:
      return .show(ShowStatement(id: pick(["000", "000_d0844a13450a2335", "a \"b\" \\ c", "", "x:12"])))
    case 8 where depth > 0:
      return .explain(ExplainStatement(statement: statement(depth: depth - 1)))
    case 9 where chance(50):
      var q = Query(collection: collection())
      if chance(70) { q.filter = expression(depth: 3) }
      let keys = (0...Int.random(in: 0..<3, using: &rng)).map { _ in pick(["002", "a \"b\"", "03/2019/NĐ-CP", "x:1"]) }
      let test: ExpectStatement.RowTest = pick([.none, .some, .includes(keys), .excludes(keys)])
      if chance(30) {
        return .expect(ExpectStatement(test: .count(CountStatement(collection: collection(), filter: q.filter), pick(ComparisonOperator.allCases), Int.random(in: 0...9, using: &rng))))
      }
      return .expect(ExpectStatement(test: .rows(q, test)))
    default:
      return .letBinding(LetStatement(name: pick(["since", "x", "đ_1", "let", "where", "5", "0x"]), value: literal()))
    }
  }
}

@Suite struct PrinterTests {
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func printedTreesParseBackToThemselves(seed: UInt64) throws {
    var generator = SyntaxTreeGenerator(rng: SplitMix64(seed: seed))
    for _ in 0..<1_000 {
      let tree = generator.statement()
      let text = Printer.print(tree)
      do {
        let reparsed = try Parser.parseStatement(text).erasingRanges()
        #expect(reparsed == tree, "\(text)")
        if reparsed != tree { return }
      } catch {
        Issue.record("\(text): \(error.message)")
        return
      }
    }
  }

  static let canonical: [(Expression, String)] = {
    let a = Expression.comparison(FieldRef(name: "a"), .equal, Literal(.integer(1)), .none)
    let b = Expression.isNull(FieldRef(name: "b"), negated: true, .none)
    let c = Expression.contains(nil, Literal(.string("x\"y")), .none)
    return [
      (.logical(.and, .logical(.and, a, b, .none), c, .none), "a = 1 and b is not null and contains \"x\\\"y\""),
      (.logical(.and, a, .logical(.and, b, c, .none), .none), "a = 1 and (b is not null and contains \"x\\\"y\")"),
      (.logical(.and, .logical(.or, a, b, .none), c, .none), "(a = 1 or b is not null) and contains \"x\\\"y\""),
      (.logical(.or, a, .logical(.and, b, c, .none), .none), "a = 1 or b is not null and contains \"x\\\"y\""),
      (.not(.logical(.or, a, b, .none), .none), "not (a = 1 or b is not null)"),
      (.not(.not(a, .none), .none), "not not a = 1"),
      (.between(FieldRef(name: "date"), Literal(.date(PartialDateLiteral(year: 21, month: 2))), Literal(.integer(-3)), negated: true, .none),
        "date not between 0021-02 and -3"),
    ]
  }()

  @Test(arguments: canonical)
  func printsCanonicalText(expression: Expression, expected: String) {
    #expect(Printer.print(expression) == expected)
  }

  @Test func longChainsPrintAndEraseWithoutRecursion() throws {
    var e = Expression.cites(Literal(.string("x")), .none)
    for _ in 0..<20_000 { e = .logical(.and, e, .cites(Literal(.string("x")), .none), .none) }
    let text = Printer.print(e)
    #expect(text.count == 20_001 * 9 + 20_000 * 5)
    let erased = e.erasingRanges()
    #expect(Printer.print(erased) == text)
  }
}
