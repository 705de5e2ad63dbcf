import Testing
import TinqText
import TinqSupport
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore
import TinqEngine
import TinqSyntax

/// A corpus built in memory with the awkward cases the planner must get right: unknown dates and
/// years, dates of every precision, both tone placements, NFD text, short citations, names typed
/// without diacritics.
enum RandomCorpus {
  static let syllables = [
    "an", "ninh", "quốc", "gia", "hòa", "hoà", "bình", "ma", "túy", "tuý", "ma", "tuy", "phối", "hợp", "Bộ",
    "Công", "an", "Đảng", "ủy", "thủy", "thuỷ", "lực", "lượng", "vũ", "trang", "biên", "giới", "tội", "phạm",
    "nh", "quốc", "ninh", "2019", "NĐ", "CP",
  ]
  static let citations: [Citation] = [
    Citation(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019),
    Citation(type: "Nghị quyết", number: "51-NQ/TW", issuer: "TW", year: nil),
    Citation(type: "Nghị quyết", number: "28-NQ/TW", issuer: "TW", year: nil),
    Citation(type: "Nghị quyết", number: "28/NQ-CP", issuer: "CP", year: nil),
    Citation(type: "Quyết định", number: "77/QĐ-UBND", issuer: "UBND", year: nil),
    Citation(type: "Quyết định", number: "110", issuer: nil, year: nil, isPartial: true),
    Citation(type: "Nghị định", number: "77/2010/NĐ-CP", issuer: "CP", year: 2010),
  ]
  static let people = ["Nguyễn Tân Cương", "Trần Quốc Tỏ", "Phan Văn Giang", "Lương Tam Quang", "Đỗ Căn"]
  static let orgs: [(String, String?)] = [("Bộ Công an", "BCA"), ("Bộ Quốc phòng", "BQP"), ("Cảnh sát biển", nil)]

  static func make(count: Int, seed: UInt64) -> [Article] {
    var rng = SplitMix64(seed: seed)
    func words(_ n: Int) -> String {
      (0..<n).map { _ in syllables.randomElement(using: &rng) ?? "an" }.joined(separator: Bool.random(using: &rng) ? " " : ", ")
    }
    return (0..<count).map { i in
      var date: PartialDate? = nil
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: date = nil
      case 1: date = PartialDate(year: Int.random(in: 2018...2023, using: &rng))
      case 2: date = PartialDate(year: Int.random(in: 2018...2023, using: &rng), month: Int.random(in: 1...12, using: &rng))
      default:
        date = PartialDate(
          year: Int.random(in: 2018...2023, using: &rng), month: Int.random(in: 1...12, using: &rng),
          day: Int.random(in: 1...28, using: &rng))
      }
      var body = words(Int.random(in: 5...40, using: &rng))
      if Int.random(in: 0..<5, using: &rng) == 0 { body = body.decomposedStringWithCanonicalMappingForTests }
      return Article(
        id: String(format: "a%03d", i),
        title: Bool.random(using: &rng) ? words(Int.random(in: 2...6, using: &rng)) : nil,
        date: date,
        source: ["CT", "BDK", nil].randomElement(using: &rng) ?? nil,
        author: ["KIỀU CHINH", "Việt Hưng", nil].randomElement(using: &rng) ?? nil,
        body: body,
        citations: citations.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 },
        people: people.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }.map { PersonMention(name: $0) },
        organizations: orgs.filter { _ in Bool.random(using: &rng) }.map {
          OrganizationMention(name: $0.0, abbreviation: $0.1)
        })
    }
  }
}

extension String {
  /// The NFD form, to check that nothing depends on how the text was composed.
  var decomposedStringWithCanonicalMappingForTests: String {
    String(String.UnicodeScalarView(unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
      switch scalar {
      case "ố": return ["o", "\u{302}", "\u{301}"]
      case "ợ": return ["o", "\u{31B}", "\u{323}"]
      case "ú": return ["u", "\u{301}"]
      case "ò": return ["o", "\u{300}"]
      default: return [scalar]
      }
    }))
  }
}

/// Random `where` clauses drawn from the grammar's predicates.
struct ExpressionGenerator {
  var rng: SplitMix64

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
  mutating func lit(_ v: Literal.Value) -> Literal { Literal(v) }

  mutating func predicate() -> Expression {
    switch Int.random(in: 0..<14, using: &rng) {
    case 0:
      return .cites(
        lit(.string(pick(["03/2019/NĐ-CP", "3/2019/nd-cp", "ND 03/2019", "Nghị định số 03/2019/NĐ-CP", "51-NQ/TW", "28-NQ/TW",
          "28/NQ-CP", "77/QĐ-UBND", "110", "99/2020/NĐ-CP", "77"]))), .none)
    case 1:
      return .mentions(
        lit(.string(pick(["Nguyễn Tân Cương", "nguyen tan cuong", "TRẦN QUỐC TỎ", "BCA", "bộ công an", "Cảnh sát biển", "Ai Đó"]))),
        .none)
    case 2, 3:
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
      return .comparison(FieldRef(name: "title"), pick([.less, .greaterOrEqual]), lit(.string(pick(["bình", "Đảng", "an"]))), .none)
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

@Suite struct PlannerPropertyTests {
  /// The planner (indexes, set operations, row checks over candidates) must return exactly what a
  /// naive evaluation of every predicate on every article returns.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func plannedEqualsNaive(seed: UInt64) {
    let store = ArticleStore(articles: RandomCorpus.make(count: 120, seed: seed))
    let evaluator = Evaluator(store: store)
    var generator = ExpressionGenerator(rng: SplitMix64(seed: seed &* 7919))
    var nonEmpty = 0
    for _ in 0..<1000 {
      let generated = generator.expression(depth: Int.random(in: 0...4, using: &generator.rng))
      // Go through the language: print the query, parse and check it, and run what came back.
      let text = Printer.print(.query(Query(collection: CollectionRef(kind: .articles), filter: generated)))
      guard case .query(let query)? = try? Checker.check(Parser.parseStatement(text), bindings: [:]),
        let e = query.filter
      else {
        Issue.record("the generated query does not parse and check: \(text)")
        return
      }
      let planned = evaluator.plannedFilter(.articles, where: e)
      let naive = evaluator.referenceFilter(.articles, where: e)
      if !naive.isEmpty { nonEmpty += 1 }
      #expect(planned == naive, "\(text)")
      if planned != naive { return }
    }
    // The generator must exercise matches, not only empty answers.
    #expect(nonEmpty > 300)
  }
}

/// `order by date|year [desc] limit N offset M` stops walking the date index once it has enough
/// rows: what it returns must be exactly that slice of the whole ordering.
@Suite struct DateOrderLimitTests {
  static let store = ArticleStore(articles: RandomCorpus.make(count: 400, seed: 5))

  static func ids(_ text: String) throws -> [String] {
    let statement = try Checker.check(Parser.parseStatement(text), bindings: [:])
    guard case .rows(let rows) = try Evaluator(store: store).run(statement) else { return [] }
    return rows.rows.map { row in
      if case .text(let id)? = row.first { return id }
      return "?"
    }
  }

  @Test(arguments: [
    "order by date", "order by date desc", "order by year", "order by year desc",
    "where contains \"an ninh\" order by date desc", "where year is null or contains \"ma tuy\" order by date",
  ])
  func limitIsASliceOfTheWholeOrder(clause: String) throws {
    let whole = try Self.ids("articles \(clause) select id")
    #expect(whole.count > 20)
    for (limit, offset) in [(0, 0), (1, 0), (10, 0), (10, 5), (7, whole.count - 3), (5, whole.count + 4), (1000, 0)] {
      let sliced = try Self.ids("articles \(clause) limit \(limit) offset \(offset) select id")
      let start = min(offset, whole.count)
      #expect(sliced == Array(whole[start..<min(whole.count, start + limit)]), "limit \(limit) offset \(offset)")
    }
  }
}
