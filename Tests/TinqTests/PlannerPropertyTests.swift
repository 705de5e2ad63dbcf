import Testing
import Tinq
import TinqText
import TinqSupport
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore
import TinqEngine
import TinqSyntax

@testable import tinq_bench

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

/// `Oracle` decides a `where` clause on one article the plain way, from the syntax tree and the
/// article's own properties, written apart from the engine: no field registry, no checker, no
/// `Semantics`, no row reader. Only the text primitives (folding, collation, phrases) and the
/// facts' own matching (`CitationQuery`, `NameQuery`) are shared.
enum Oracle {
  enum V {
    case null, text(String), integer(Int), date(PartialDate), list([String])
  }

  static func read(_ field: String, of a: Article) -> V {
    switch field {
    case "id": return .text(a.id)
    case "title": return a.title.map(V.text) ?? .null
    case "date": return a.date.map(V.date) ?? .null
    case "year": return a.date.map { .integer($0.year) } ?? .null
    case "month": return a.date.flatMap { d in d.month.map { .date(PartialDate(year: d.year, month: $0)) } } ?? .null
    case "source": return a.source.map(V.text) ?? .null
    case "author": return a.author.map(V.text) ?? .null
    case "url": return a.url.map(V.text) ?? .null
    case "body": return .text(a.body)
    case "citations": return .list(a.citations.map(\.number))
    case "people": return .list(a.people.map(\.name))
    case "organizations": return .list(a.organizations.map(\.name))
    default: return .null
    }
  }

  static func order(_ c: Int, _ op: ComparisonOperator) -> Bool {
    switch op {
    case .equal: return c == 0
    case .notEqual: return c != 0
    case .less: return c < 0
    case .lessOrEqual: return c <= 0
    case .greater: return c > 0
    case .greaterOrEqual: return c >= 0
    }
  }

  static func date(_ l: Literal.Value) -> PartialDate? {
    switch l {
    case .integer(let y): return PartialDate(year: y)
    case .date(let d): return PartialDate(year: d.year, month: d.month, day: d.day)
    default: return nil
    }
  }

  /// `value op literal`; false when the value is unknown or, for dates, too imprecise to tell.
  static func compare(_ v: V, _ op: ComparisonOperator, _ l: Literal.Value, exactText: Bool = false) -> Bool {
    switch (v, l) {
    case (.null, _): return false
    case (.list(let items), _):
      if items.isEmpty { return false }
      if op == .notEqual { return !items.contains { compare(.text($0), .equal, l) } }
      return items.contains { compare(.text($0), op, l) }
    case (.text(let s), .string(let t)):
      if exactText, op == .equal { return s == t }
      if op == .equal || op == .notEqual { return Fold.looseMatches(query: t, value: s) == (op == .equal) }
      let a = VietnameseCollation.sortKey(s)
      let b = VietnameseCollation.sortKey(t)
      return order(a == b ? 0 : (VietnameseCollation.less(a, b) ? -1 : 1), op)
    case (.integer(let i), .integer(let j)):
      return order(i == j ? 0 : (i < j ? -1 : 1), op)
    case (.date(let a), _):
      guard let b = date(l) else { return false }
      // Compare the parts both know; equal so far and the article less precise: unknown.
      let parts = [(a.year, b.year), (a.month, b.month), (a.day, b.day)]
      for (x, y) in parts {
        guard let x, let y else {
          if y != nil { return false }
          return op == .equal || op == .lessOrEqual || op == .greaterOrEqual
        }
        if x != y { return order(x < y ? -1 : 1, op) }
      }
      return op == .equal || op == .lessOrEqual || op == .greaterOrEqual
    default: return false
    }
  }

  static func holds(_ e: Expression, _ a: Article) -> Bool {
    switch e {
    case .logical(.and, let l, let r, _): return holds(l, a) && holds(r, a)
    case .logical(.or, let l, let r, _): return holds(l, a) || holds(r, a)
    case .not(let inner, _): return !holds(inner, a)
    case .comparison(let f, let op, let lit, _):
      return compare(read(f.name, of: a), op, lit.value, exactText: f.name == "id")
    case .between(let f, let lo, let hi, let negated, _):
      let v = read(f.name, of: a)
      func inside(_ v: V) -> Bool { compare(v, .greaterOrEqual, lo.value) && compare(v, .lessOrEqual, hi.value) }
      func outside(_ v: V) -> Bool { compare(v, .less, lo.value) || compare(v, .greater, hi.value) }
      if case .list(let items) = v {
        return negated ? !items.isEmpty && !items.contains { inside(.text($0)) } : items.contains { inside(.text($0)) }
      }
      return negated ? outside(v) : inside(v)
    case .inList(let f, let items, let negated, _):
      let v = read(f.name, of: a)
      if negated { return !isNull(v) && items.allSatisfy { compare(v, .notEqual, $0.value) } }
      return items.contains { compare(v, .equal, $0.value) }
    case .isNull(let f, let negated, _):
      return isNull(read(f.name, of: a)) != negated
    case .contains(let f, let lit, _):
      guard case .string(let s) = lit.value else { return false }
      let phrase = Phrase(s)
      let texts: [String]
      switch f.map({ read($0.name, of: a) }) ?? .list([a.title ?? "", a.body]) {
      case .text(let t): texts = [t]
      case .list(let items): texts = items
      default: texts = []
      }
      return texts.contains { phrase.matches($0) }
    case .cites(let lit, _):
      guard case .string(let s) = lit.value else { return false }
      let q = CitationQuery(s)
      return a.citations.contains { q.matches($0) }
    case .mentions(let lit, _):
      guard case .string(let s) = lit.value else { return false }
      return NameQuery(s).mentionedIn(a)
    case .near(let x, let y, let proximity, _):
      guard case .string(let s) = x.value, case .string(let t) = y.value else { return false }
      return near(Phrase(s), Phrase(t), proximity, in: a.title ?? "", isTitle: true)
        || near(Phrase(s), Phrase(t), proximity, in: a.body, isTitle: false)
    }
  }

  /// The oracle's `near`: syllables and the separators between them, read afresh; a sentence ends
  /// at `.`, `!`, `?`, `…` (not `.` between digits) or a line break, a paragraph at a line break.
  static func near(_ a: Phrase, _ b: Phrase, _ p: Proximity, in text: String, isTitle: Bool) -> Bool {
    let syllables = Syllables.split(text)
    func starts(_ phrase: Phrase) -> [Int] {
      let wanted = phrase.tonedKeys ?? phrase.bareKeys
      let keys = syllables.map { phrase.tonedKeys == nil ? Fold.bareKey($0.unicodeScalars) : Fold.tonedKey($0.unicodeScalars) }
      guard keys.count >= wanted.count else { return [] }
      return (0...(keys.count - wanted.count)).filter { Array(keys[$0..<($0 + wanted.count)]) == wanted }
    }
    var unit = [Int](repeating: 0, count: syllables.count)
    for s in syllables.indices.dropFirst() {
      let gap = text[syllables[s - 1].endIndex..<syllables[s].startIndex]
      let breaks: Bool
      if isTitle {
        breaks = false
      } else if p.span == .paragraph {
        breaks = gap.contains("\n")
      } else {
        let stop = gap.contains { ".!?…\n".contains($0) }
        let decimal = gap == "." && syllables[s - 1].last?.isNumber == true && syllables[s].first?.isNumber == true
        breaks = stop && !decimal
      }
      unit[s] = unit[s - 1] + (breaks ? 1 : 0)
    }
    let (la, lb) = (a.bareKeys.count, b.bareKeys.count)
    for x in starts(a) {
      for y in starts(b) {
        switch p.span {
        case .syllables(let n):
          if y >= x + la && y - x - la <= n { return true }
          if !p.ordered && x >= y + lb && x - y - lb <= n { return true }
        case .sentence, .paragraph:
          if unit[x] == unit[y] && (!p.ordered || y >= x + la) { return true }
        }
      }
    }
    return false
  }

  static func isNull(_ v: V) -> Bool {
    switch v {
    case .null: return true
    case .list(let items): return items.isEmpty
    default: return false
    }
  }
}

@Suite struct PlannerPropertyTests {
  /// A backend (the planner: indexes, set operations, row checks over candidates) must return
  /// exactly the articles the independent oracle accepts, for random `where` clauses that go
  /// through the whole language: printed, parsed, checked, run.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func backendEqualsOracle(seed: UInt64) {
    let articles = RandomCorpus.make(count: 120, seed: seed)
    let store = ArticleStore(articles: articles)
    // The store as built, and as written to a snapshot and opened again.
    // Written in small pieces, so each large section is many writes and checksum updates.
    guard let reopened = try? SnapshotTests.reopened(store, pieceBytes: 97) else {
      Issue.record("the random store did not round-trip through a snapshot")
      return
    }
    for backend: any Backend in [MemoryBackend(store: store), MemoryBackend(store: reopened)] {
      checkAgainstOracle(backend, articles: articles, seed: seed)
    }
  }

  func checkAgainstOracle(_ backend: any Backend, articles: [Article], seed: UInt64) {
    var generator = ExpressionGenerator(rng: SplitMix64(seed: seed &* 7919))
    var nonEmpty = 0
    for _ in 0..<1000 {
      let generated = generator.expression(depth: Int.random(in: 0...4, using: &generator.rng))
      let text = Printer.print(.query(Query(collection: CollectionRef(kind: .articles), filter: generated))) + " select id"
      guard let checked = try? Checker.check(Parser.parseStatement(text), bindings: [:]),
        case .rows(let rows)? = try? backend.run(checked, cancellation: nil)
      else {
        Issue.record("the generated query does not parse, check and run: \(text)")
        return
      }
      let answered = rows.rows.map { row -> String in
        if case .text(let id)? = row.first { return id }
        return "?"
      }
      let expected = articles.filter { Oracle.holds(generated, $0) }.map(\.id)
      if !expected.isEmpty { nonEmpty += 1 }
      #expect(answered == expected, "\(text)")
      if answered != expected { return }
    }
    // The generator must exercise matches, not only empty answers.
    #expect(nonEmpty > 300)
  }

  /// The oracle is not vacuous: it disagrees with a wrong answer.
  @Test func oracleTellsUnknownFromFalse() {
    let dated = Article(id: "x", date: PartialDate(year: 2021), body: "an ninh")
    let lessPrecise = Expression.comparison(FieldRef(name: "date"), .equal, Literal(.date(PartialDateLiteral(year: 2021, month: 6))), .none)
    #expect(!Oracle.holds(lessPrecise, dated))
    #expect(!Oracle.holds(.comparison(FieldRef(name: "date"), .notEqual, Literal(.date(PartialDateLiteral(year: 2021, month: 6))), .none), dated))
    #expect(Oracle.holds(.comparison(FieldRef(name: "year"), .equal, Literal(.integer(2021)), .none), dated))
    #expect(!Oracle.holds(.comparison(FieldRef(name: "month"), .notEqual, Literal(.date(PartialDateLiteral(year: 2021, month: 6))), .none), dated))
  }
}

/// `order by date|year [desc] limit N offset M` stops walking the date index once it has enough
/// rows: what it returns must be exactly that slice of the whole ordering.
@Suite struct DateOrderLimitTests {
  static let store = ArticleStore(articles: RandomCorpus.make(count: 400, seed: 5))

  static func ids(_ text: String) throws -> [String] {
    let statement = try Checker.check(Parser.parseStatement(text), bindings: [:])
    guard case .rows(let rows) = try MemoryBackend(store: store).run(statement) else { return [] }
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

/// Ordering by text compares short keys first and full collation keys only for ties, and takes
/// the first rows of a `limit` with a bounded heap: it must give exactly the order of full keys.
@Suite struct TextOrderTests {
  static let articles: [Article] = {
    var rng = SplitMix64(seed: 77)
    // Long shared beginnings (past the short key, past the long prefix a body's ties are compared
    // on, see `RowOrder.longPrefixLength`), tone and case differences, unknowns.
    let plan = String(repeating: "Công an tỉnh triển khai kế hoạch phòng chống, ", count: 4)
    let report = String(repeating: "Báo cáo tổng kết công tác năm của lực lượng; ", count: 50)
    let stems = [
      "Công an tỉnh triển khai kế hoạch phòng chống ", "Cong an tinh trien khai ke hoach phong chong ", "ma túy", "Ma tuý", "má",
      "ma", "", plan, plan.uppercased(), report, report + "Ma ",
    ]
    let tails = ["tội phạm", "tội phạm ma túy", "Tội phạm", "toi pham", "b", "ă", "", "2021", "đ"]
    return (0..<300).map { i in
      let title: String? = Int.random(in: 0..<6, using: &rng) == 0 ? nil : (stems.randomElement(using: &rng) ?? "") + (tails.randomElement(using: &rng) ?? "")
      return Article(
        id: String(format: "t%03d", i), title: title, source: ["CT", "BDK", nil].randomElement(using: &rng) ?? nil,
        author: ["KIỀU CHINH", "Việt Hưng", "viet hung", nil].randomElement(using: &rng) ?? nil,
        body: (stems.randomElement(using: &rng) ?? "") + (tails.randomElement(using: &rng) ?? "") + " \(i % 7)")
    }
  }()
  static let corpus = Corpus(articles: articles)

  /// The expected order: full keys, unknown last in both directions, then load order.
  static func expected(_ keys: [(String, Bool)]) -> [String] {
    // The corpus's own articles: extraction completes those that carry no facts.
    let articles = corpus.articles
    func value(_ a: Article, _ field: String) -> String? {
      switch field {
      case "title": return a.title
      case "author": return a.author
      case "source": return a.source
      case "body": return a.body
      default: return a.id
      }
    }
    return articles.indices.sorted { x, y in
      for (field, descending) in keys {
        let a = value(articles[x], field).map(VietnameseCollation.sortKey)
        let b = value(articles[y], field).map(VietnameseCollation.sortKey)
        switch (a, b) {
        case (nil, nil): continue
        case (nil, _): return false
        case (_, nil): return true
        case (let p?, let q?):
          if p == q { continue }
          return descending ? q.lexicographicallyPrecedes(p) : p.lexicographicallyPrecedes(q)
        }
      }
      return x < y
    }.map { articles[$0].id }
  }

  @Test(arguments: [
    [("title", false)], [("title", true)], [("author", false), ("title", true)], [("body", false)],
    [("source", true), ("body", true)],
  ])
  func textOrderIsFullKeyOrder(keys: [(String, Bool)]) throws {
    let clause = keys.map { $0.0 + ($0.1 ? " desc" : "") }.joined(separator: ", ")
    let whole = Self.expected(keys)
    for (limit, offset) in [(nil, 0), (1, 0), (10, 0), (10, 17), (50, 250)] as [(Int?, Int)] {
      let cut = (limit.map { " limit \($0)" } ?? "") + " offset \(offset)"
      guard case .rows(let rows) = try Self.corpus.query("articles order by \(clause)\(cut) select id") else {
        Issue.record("expected rows")
        return
      }
      let ids = rows.rows.map { row -> String in
        if case .text(let id)? = row.first { return id }
        return "?"
      }
      let start = min(offset, whole.count)
      let end = limit.map { min(whole.count, start + $0) } ?? whole.count
      #expect(ids == Array(whole[start..<end]), "order by \(clause)\(cut)")
    }
  }

  /// Counting by the body keeps one article a distinct body, not the bodies: the groups must be
  /// those of plain counting, in full-key order, and ordered or cut as asked.
  /// An article made in memory with its facts keeps them, but its text is normalised as any is:
  /// an NFD body counts with the NFC one (counting by body compares bytes).
  @Test func anNFDBodyGivenWithItsFactsCountsWithItsNFCForm() throws {
    let nfc = "Công an tỉnh thu giữ ma túy."
    let nfd = "Co\u{302}ng an ti\u{309}nh thu giu\u{31B}\u{303} ma tu\u{301}y."
    #expect(nfd == nfc && Array(nfd.utf8) != Array(nfc.utf8))
    let corpus = Corpus(articles: [
      Article(id: "a", body: nfc, organizations: [OrganizationMention(name: "Công an tỉnh")]),
      Article(id: "b", body: nfd, organizations: [OrganizationMention(name: "Công an tỉnh")]),
    ])
    guard case .groups(let groups) = try corpus.query("count articles by body") else {
      Issue.record("expected groups")
      return
    }
    #expect(groups.groups.map(\.count) == [2])
  }

  /// The facts an article brings with it are normalised at the door too: an NFD name is the
  /// same person, and an NFD rank the same rank, as their NFC forms.
  @Test func anNFDNameGivenWithItsFactsIsTheSameEntity() throws {
    let nfd = "Tra\u{302}\u{300}n Quo\u{302}\u{301}c To\u{309}"
    let corpus = Corpus(articles: [
      Article(id: "a", body: "x", people: [PersonMention(name: "Trần Quốc Tỏ")]),
      Article(id: "b", body: "y", people: [PersonMention(name: nfd, rank: "\u{110}a\u{323}i ta\u{301}")]),
    ])
    guard case .rows(let people) = try corpus.query("people select name, ranks, articles") else {
      Issue.record("expected rows")
      return
    }
    #expect(people.rows == [[.text("Trần Quốc Tỏ"), .list([.text("Đại tá")]), .integer(2)]])
    #expect(people.rows.first.map { Array(text($0[0]).utf8) == Array("Trần Quốc Tỏ".utf8) } == true)
  }

  @Test func countingByBodyMatchesPlainCounting() throws {
    let articles = Self.corpus.articles
    var counts: [String: Int] = [:]
    for a in articles { counts[a.body, default: 0] += 1 }
    let expected = counts.keys.sorted {
      let (x, y) = (VietnameseCollation.sortKey($0), VietnameseCollation.sortKey($1))
      return x == y ? $0 < $1 : x.lexicographicallyPrecedes(y)
    }
    guard case .groups(let all) = try Self.corpus.query("count articles by body") else {
      Issue.record("expected groups")
      return
    }
    #expect(all.groups.map { text($0.value) } == expected)
    #expect(all.groups.map(\.count) == expected.map { counts[$0] ?? 0 })
    // Cut counts take the value order only of the groups that can make the cut.
    let cuts: [(order: String, descending: Bool?, limit: Int, offset: Int)] = [
      ("order by count desc", true, 3, 0), ("order by count desc", true, 5, 2), ("order by count", false, 4, 0),
      ("order by count", false, 3, 7), ("", nil, 5, 0), ("", nil, 3, 4), ("order by count desc", true, 0, 0),
      ("order by count desc", true, 1_000, 0),
    ]
    for cut in cuts {
      let statement = "count articles by body \(cut.order) limit \(cut.limit) offset \(cut.offset)"
      guard case .groups(let top) = try Self.corpus.query(statement) else {
        Issue.record("expected groups")
        return
      }
      let arranged = expected.enumerated().sorted { a, b in
        let (x, y) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
        guard let descending = cut.descending, x != y else { return a.offset < b.offset }
        return descending ? x > y : x < y
      }.map(\.element)
      let start = min(cut.offset, arranged.count)
      let want = Array(arranged[start..<min(arranged.count, start + cut.limit)])
      #expect(top.groups.map { text($0.value) } == want, "\(statement)")
      #expect(top.groups.map(\.count) == want.map { counts[$0] ?? 0 }, "\(statement)")
    }
  }

  func text(_ v: Value) -> String {
    if case .text(let s) = v { return s }
    return "?"
  }
}
