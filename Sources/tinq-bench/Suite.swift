// The fixed query suite, written once for both engines so that the figures side by side answer
// the same questions.

import Foundation

/// `BenchQuery` is one query of the suite, in Tinq's language and in SQL for FTS5.
struct BenchQuery: Sendable, Codable {
  /// What the target list calls the query's kind.
  enum Kind: String, Sendable, Codable {
    /// Answered by an extraction index (`cites`, `mentions`, year, `count by year`): target < 1 ms.
    case indexed
    /// A phrase `contains`: target < 5 ms and ≥ 5× faster than FTS5.
    case phrase
    /// Everything else: reported, no target.
    case other
  }

  /// A short name for tables.
  var name: String
  /// The timed Tinq statement (a count, except where noted).
  var tinq: String
  /// The untimed Tinq statement returning ids for the comparison, when semantics coincide.
  var tinqIds: String?
  /// The target class.
  var kind: Kind
  /// The timed SQL, nil when FTS5 has no equivalent.
  var sql: String?
  /// Parameters of `sql`.
  var params: [String]
  /// The untimed SQL returning ids for the comparison.
  var idsSQL: String?
  /// Why FTS5 has no equivalent, or why results may differ.
  var why: String?
  /// The phrases or numbers a differing article is checked for, to name the reason.
  var needles: [String]
  /// True when result order matters (the `order by ... limit` query).
  var ordered: Bool

  enum CodingKeys: String, CodingKey {
    case name, tinq, tinqIds = "tinq_ids", kind, sql, params, idsSQL = "ids_sql", why, needles, ordered
  }
}

/// `BenchSuite` builds the suite from the generator's pools.
enum BenchSuite {
  /// The phrase found in most articles.
  static let commonPhrase = "an ninh"
  /// A seven-syllable phrase found in roughly one article in ten.
  static let rarePhrase = "phối hợp giữa hai lực lượng được Đảng"
  /// A phrase typed without diacritics.
  static let plainPhrase = "toi pham ma tuy"
  /// The phrase of the ordered rows query.
  static let orderedPhrase = "tội phạm ma túy"

  /// `queries(pools:)` returns the suite.
  static func queries(pools: Pools = .standard) -> [BenchQuery] {
    let frequent = pools.documents[0].number
    let rare = pools.rareDocument.number
    let person = pools.queriedPerson.name
    let countSQL = "SELECT count(*) FROM docs WHERE docs MATCH ?"
    let idsSQL = "SELECT meta.id FROM docs JOIN meta ON meta.rowid = docs.rowid WHERE docs MATCH ?"
    func phraseSQL(_ p: String) -> String { "\"" + p + "\"" }
    func q(
      _ name: String, _ pred: String, _ kind: BenchQuery.Kind, match: String?, needles: [String], why: String? = nil
    ) -> BenchQuery {
      BenchQuery(
        name: name, tinq: "count articles where \(pred)", tinqIds: "articles where \(pred) select id", kind: kind,
        sql: match == nil ? nil : countSQL, params: match.map { [$0] } ?? [], idsSQL: match == nil ? nil : idsSQL,
        why: why, needles: needles, ordered: false)
    }
    let boolean = "(contains \"buôn lậu\" or contains \"ma túy\") and not contains \"biên giới\""
    return [
      q("cites frequent", "cites \"\(frequent)\"", .indexed, match: phraseSQL(frequent), needles: [frequent],
        why: "FTS5 matches the number as four tokens; Tinq also counts resolved short references"),
      q("cites rare", "cites \"\(rare)\"", .indexed, match: phraseSQL(rare), needles: [rare]),
      q("mentions person", "mentions \"\(person)\"", .indexed, match: phraseSQL(person), needles: [person],
        why: "Tinq counts extracted people, FTS5 any occurrence of the words"),
      BenchQuery(
        name: "year range", tinq: "count articles where year between 2018 and 2020",
        tinqIds: "articles where year between 2018 and 2020 select id", kind: .indexed,
        sql: "SELECT count(*) FROM meta WHERE year BETWEEN 2018 AND 2020", params: [],
        idsSQL: "SELECT id FROM meta WHERE year BETWEEN 2018 AND 2020", why: "FTS5 is given Tinq's extracted years",
        needles: [], ordered: false),
      q("contains common", "contains \"\(commonPhrase)\"", .phrase, match: phraseSQL(commonPhrase), needles: [commonPhrase]),
      q("contains rare", "contains \"\(rarePhrase)\"", .phrase, match: phraseSQL(rarePhrase), needles: [rarePhrase]),
      q("no diacritics", "contains \"\(plainPhrase)\"", .phrase, match: phraseSQL(plainPhrase), needles: [orderedPhrase]),
      q("boolean with not", boolean, .other, match: "(\"buôn lậu\" OR \"ma túy\") NOT \"biên giới\"",
        needles: ["buôn lậu", "ma túy", "biên giới"]),
      BenchQuery(
        name: "phrase by date", tinq: "articles where contains \"\(orderedPhrase)\" order by date desc limit 10",
        tinqIds: "articles where contains \"\(orderedPhrase)\" order by date desc limit 10 select id", kind: .other,
        sql: "SELECT meta.id FROM docs JOIN meta ON meta.rowid = docs.rowid WHERE docs MATCH ? ORDER BY meta.date DESC LIMIT 10",
        params: [phraseSQL(orderedPhrase)],
        idsSQL: "SELECT meta.id FROM docs JOIN meta ON meta.rowid = docs.rowid WHERE docs MATCH ? ORDER BY meta.date DESC LIMIT 10",
        why: "articles with the same date may tie in a different order", needles: [orderedPhrase], ordered: true),
      // Evidence (issue #13): relevance beside FTS5's bm25, proximity beside NEAR, snippets beside
      // snippet(), and concordances, which FTS5 has not.
      BenchQuery(
        name: "relevance top 10", tinq: "articles where contains \"\(orderedPhrase)\" order by relevance limit 10",
        tinqIds: "articles where contains \"\(orderedPhrase)\" order by relevance limit 10 select id", kind: .other,
        sql: "SELECT meta.id FROM docs JOIN meta ON meta.rowid = docs.rowid WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10",
        params: [phraseSQL(orderedPhrase)],
        idsSQL: "SELECT meta.id FROM docs JOIN meta ON meta.rowid = docs.rowid WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10",
        why: "both BM25 (k1 1.2, b 0.75), but FTS5 counts tokens and reads the title as body text; Tinq counts syllables and weighs the title twice",
        needles: [orderedPhrase], ordered: true),
      q(
        "near within 5", "contains \"ma túy\" near \"bắt giữ\" within 5", .other,
        match: "NEAR(\"ma túy\" \"bắt giữ\", 5)", needles: ["ma túy", "bắt giữ"],
        why: "FTS5's NEAR counts tokens between the phrases as Tinq counts syllables"),
      BenchQuery(
        name: "snippets for 10", tinq: "articles where contains \"\(orderedPhrase)\" limit 10 select id, snippet", tinqIds: nil,
        kind: .other,
        sql: "SELECT snippet(docs, 0, '[', ']', '…', 30) FROM docs WHERE docs MATCH ? LIMIT 10",
        params: [phraseSQL(orderedPhrase)], idsSQL: nil, why: nil, needles: [], ordered: false),
      BenchQuery(
        name: "kwic right 50", tinq: "kwic \"\(orderedPhrase)\" sort by right limit 50", tinqIds: nil, kind: .other, sql: nil,
        params: [], idsSQL: nil, why: "FTS5 has no concordance", needles: [], ordered: false),
      // Trends and counts of words (issue #14), which FTS5 has not.
      BenchQuery(
        name: "collocates", tinq: "collocates of \"ma túy\" limit 20", tinqIds: nil, kind: .other, sql: nil,
        params: [], idsSQL: nil, why: "FTS5 has no collocation counts", needles: [], ordered: false),
      BenchQuery(
        name: "bigrams, one year", tinq: "ngrams 2 where year = 2019 limit 20", tinqIds: nil, kind: .other, sql: nil,
        params: [], idsSQL: nil, why: "FTS5 has no n-gram counts", needles: [], ordered: false),
      BenchQuery(
        name: "keywords, one year vs rest", tinq: "keywords where year = 2019 vs rest limit 20", tinqIds: nil, kind: .other,
        sql: nil, params: [], idsSQL: nil, why: "FTS5 has no keyword lists", needles: [], ordered: false),
      BenchQuery(
        name: "count by year", tinq: "count articles by year", tinqIds: nil, kind: .indexed,
        sql: "SELECT year, count(*) FROM meta GROUP BY year", params: [], idsSQL: nil, why: nil, needles: [],
        ordered: false),
      BenchQuery(
        name: "top citations", tinq: "citations order by articles desc limit 10", tinqIds: nil, kind: .other, sql: nil,
        params: [], idsSQL: nil, why: "FTS5 has no citation extraction", needles: [], ordered: false),
    ]
  }

  /// `fts5SuiteJSON(_:)` is the suite as `bench/fts5_bench.py --suite` reads it.
  static func fts5SuiteJSON(_ queries: [BenchQuery]) throws -> Data {
    let entries: [[String: Any]] = queries.map { q in
      var e: [String: Any] = ["name": q.name, "params": q.params]
      if let sql = q.sql { e["sql"] = sql }
      if let ids = q.idsSQL { e["ids_sql"] = ids }
      if let why = q.why { e["why"] = why }
      return e
    }
    return try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
  }
}
