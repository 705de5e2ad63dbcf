import TinqSupport
import TinqSyntax
import TinqText

/// `ExpressionGenerator` makes random `where` clauses over the fields, phrases, numbers and names
/// that the planner's property test's corpus holds (and that real and synthetic corpora hold in
/// part): every kind of condition, `near` with every span, nested `and`, `or` and `not`. The
/// planner's property test and the PostgreSQL differential tests compare engines on them, and
/// `tinq-bench postgres --random N` on any corpus.
struct ExpressionGenerator {
  init(rng: SplitMix64) { self.rng = rng }

  var rng: SplitMix64

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
  mutating func lit(_ v: Literal.Value) -> Literal { Literal(v) }

  mutating func predicate() -> Expression {
    switch Int.random(in: 0..<16, using: &rng) {
    case 0:
      return .cites(
        lit(.string(pick(["03/2019/NĐ-CP", "3/2019/nd-cp", "ND 03/2019", "Nghị định số 03/2019/NĐ-CP", "51-NQ/TW", "28-NQ/TW",
          "28/NQ-CP", "77/QĐ-UBND", "110", "99/2020/NĐ-CP", "77"]))), .none)
    case 1:
      return .mentions(
        lit(.string(pick(["Nguyễn Tân Cương", "nguyen tan cuong", "TRẦN QUỐC TỎ", "BCA", "bộ công an", "Cảnh sát biển", "Ai Đó"]))),
        .none)
    case 2, 3:
      if Int.random(in: 0..<3, using: &rng) == 0 {
        let span = pick([Proximity.Span.syllables(0), .syllables(3), .syllables(10), .sentence, .paragraph])
        return .near(
          lit(.string(pick(["an ninh", "ma tuy", "quốc gia", "Bộ", "hoà bình"]))),
          lit(.string(pick(["an", "biên giới", "ma túy", "phối hợp", "lực lượng"]))),
          Proximity(span: span, ordered: Bool.random(using: &rng)), .none)
      }
      let phrase = pick(["an ninh", "ma tuy", "ma túy", "ma tuý", "hoà bình", "hòa", "nh quốc", "quốc gia", "thủy", "NĐ-CP", "đảng ủy", "dang uy", "Bộ"])
      let field: FieldRef? = pick([nil, nil, FieldRef(name: "title"), FieldRef(name: "body"), FieldRef(name: "author")])
      return .contains(field, lit(.string(phrase)), .none)
    case 4:
      return .comparison(
        FieldRef(name: "year"), pick(ComparisonOperator.allCases), lit(.integer(Int.random(in: 2017...2024, using: &rng))), .none)
    case 5:
      let a = Int.random(in: 2017...2024, using: &rng)
      return .between(FieldRef(name: "year"), lit(.integer(a)), lit(.integer(a + Int.random(in: -1...3, using: &rng))), negated: Bool.random(using: &rng), .none)
    case 6:
      return .inList(FieldRef(name: "year"), [lit(.integer(2019)), lit(.integer(Int.random(in: 2018...2023, using: &rng)))], negated: Bool.random(using: &rng), .none)
    case 7:
      return .isNull(FieldRef(name: pick(["year", "date", "title", "source", "citations"])), negated: Bool.random(using: &rng), .none)
    case 8:
      let d = pick([
        PartialDateLiteral(year: 2020), PartialDateLiteral(year: 2021, month: 6), PartialDateLiteral(year: 2022, month: 3, day: 15),
      ])
      return .comparison(FieldRef(name: "date"), pick(ComparisonOperator.allCases), lit(.date(d)), .none)
    case 9:
      return .between(
        FieldRef(name: "date"), lit(.date(PartialDateLiteral(year: 2019, month: 5))), lit(.integer(2021)), negated: Bool.random(using: &rng), .none)
    case 10:
      return .comparison(FieldRef(name: pick(["source", "author"])), pick([.equal, .notEqual]), lit(.string(pick(["CT", "ct", "kieu chinh", "Việt Hưng", "BDK"]))), .none)
    case 11:
      return .comparison(FieldRef(name: "id"), .equal, lit(.string(pick(["a001", "a017", "zzz"]))), .none)
    case 12:
      if Bool.random(using: &rng) {
        return .between(
          FieldRef(name: pick(["title", "author", "source"])), lit(.string(pick(["an", "Bộ", "bình"]))),
          lit(.string(pick(["Đảng", "tội phạm", "KIỀU", "viet"]))), negated: Bool.random(using: &rng), .none)
      }
      return .comparison(FieldRef(name: pick(["title", "author"])), pick([.less, .greaterOrEqual, .greater]), lit(.string(pick(["bình", "Đảng", "an", "Việt Hưng"]))), .none)
    case 13:
      return .comparison(
        FieldRef(name: "month"), pick(ComparisonOperator.allCases),
        lit(.date(PartialDateLiteral(year: Int.random(in: 2018...2023, using: &rng), month: Int.random(in: 1...12, using: &rng)))), .none)
    case 14:
      return .comparison(
        FieldRef(name: pick(["people", "organizations", "citations"])), pick([.equal, .notEqual]),
        lit(.string(pick(["nguyen tan cuong", "Bộ Công an", "bo quoc phong", "03/2019/NĐ-CP", "Ai Đó"]))), .none)
    default:
      return .inList(FieldRef(name: pick(["source", "author"])), [lit(.string("CT")), lit(.string("viet hung"))], negated: Bool.random(using: &rng), .none)
    }
  }

  mutating func expression(depth: Int) -> Expression {
    if depth == 0 { return predicate() }
    switch Int.random(in: 0..<5, using: &rng) {
    case 0: return .not(expression(depth: depth - 1), .none)
    case 1, 2: return .logical(.and, expression(depth: depth - 1), expression(depth: depth - 1), .none)
    case 3: return .logical(.or, expression(depth: depth - 1), expression(depth: depth - 1), .none)
    default: return predicate()
    }
  }
}
