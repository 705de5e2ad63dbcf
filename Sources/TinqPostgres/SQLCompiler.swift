#if PostgreSQL
import PostgresNIO
import TinqEngine
import TinqFacts
import TinqSyntax
import TinqText

/// `SQL` is one statement for the server: its text with `$1...` parameters and their values.
struct SQL {
  var text: String
  var binds: [PostgresData]
}

/// `Unsupported` is a part of a checked statement that has no faithful SQL form yet: the backend
/// reports it at its position rather than answer differently from the in-memory engine.
struct Unsupported: Error {
  var message: String
  var range: SourceRange
}

/// `SQLCompiler` turns a checked `where` clause into a boolean SQL expression over
/// `tinq_articles a` that is never NULL, so `not` is plain negation and an unknown value is false
/// in every comparison, as `Semantics` defines them. Parameters collect in `binds`.
struct SQLCompiler {
  var binds: [PostgresData] = []

  /// `bind(_:)` adds a parameter and returns its placeholder.
  mutating func bind(_ s: String) -> String {
    binds.append(PostgresData(string: s))
    return "$\(binds.count)"
  }

  mutating func bind(_ i: Int) -> String {
    binds.append(PostgresData(int64: Int64(i)))
    return "$\(binds.count)::bigint"
  }

  mutating func bind(bytes: [UInt8]) -> String {
    binds.append(PostgresData(bytes: bytes))
    return "$\(binds.count)::bytea"
  }

  // MARK: - Predicates

  /// `predicate(_:top:)` compiles a clause; `top` tells that it stands in the top chain of `and`s,
  /// where PostgreSQL makes a subquery test a semi-join rather than a test per article.
  mutating func predicate(_ p: Predicate, top: Bool = true) throws(Unsupported) -> String {
    switch p {
    case .all(let items) where items.isEmpty:
      return "true"
    case .any(let items) where items.isEmpty:
      return "false"
    case .all(let items):
      return "(" + (try items.map { (q) throws(Unsupported) in try predicate(q, top: top) }).joined(separator: " AND ") + ")"
    case .any(let items):
      return "(" + (try items.map { (q) throws(Unsupported) in try predicate(q, top: false) }).joined(separator: " OR ") + ")"
    case .not(let inner):
      return "(NOT " + (try predicate(inner, top: false)) + ")"
    case .condition(let c):
      return try condition(c, top: top)
    }
  }

  /// The columns a scalar article field is compared on.
  enum Columns {
    /// A short text: its folded keys and collation key.
    case text(String)
    case integer(String)
    /// A partial date: its precision and its ordinals truncated to year, month and day.
    case date(precision: String, year: String, month: String, day: String)
  }

  /// The per-article tables of the list fields, with the column prefix of their elements.
  static func listTable(_ f: Field) -> (table: String, column: String)? {
    switch f.name {
    case "citations": return ("tinq_citations", "number")
    case "people": return ("tinq_article_people", "name")
    case "organizations": return ("tinq_article_organizations", "name")
    default: return nil
    }
  }

  static func columns(_ f: Field, alias: String = "a") throws(Unsupported) -> Columns? {
    switch f.name {
    case "id", "title", "source", "author", "url", "quarter", "week", "story": return .text("\(alias).\(f.name)")
    case "year": return .integer("\(alias).year")
    case "date":
      return .date(precision: "\(alias).date_precision", year: "\(alias).date_y", month: "\(alias).date_m", day: "\(alias).date_d")
    case "month":
      return .date(
        precision: "(CASE WHEN \(alias).date_precision >= 2 THEN 2 END)", year: "\(alias).date_y", month: "\(alias).date_m",
        day: "NULL::int")
    case "day":
      return .date(
        precision: "(CASE WHEN \(alias).date_precision = 3 THEN 3 END)", year: "\(alias).date_y", month: "\(alias).date_m",
        day: "\(alias).date_d")
    default: return nil
    }
  }

  static func sqlOperator(_ op: ComparisonOperator) -> String {
    switch op {
    case .equal: return "="
    case .notEqual: return "<>"
    case .less: return "<"
    case .lessOrEqual: return "<="
    case .greater: return ">"
    case .greaterOrEqual: return ">="
    }
  }

  /// `compare(_:_:_:)` is `value op constant` on one value's columns, NULL-free.
  mutating func compare(_ columns: Columns, _ op: ComparisonOperator, _ constant: Constant, range: SourceRange) throws(Unsupported) -> String {
    let o = Self.sqlOperator(op)
    switch (columns, constant) {
    case (.text(let column), .text(let typed)):
      switch op {
      case .equal, .notEqual:
        let bare = !Fold.hasDiacritics(typed)
        let key = bind(Key.matchKey(typed, bare: bare))
        let c = column + (bare ? "_bare" : "_toned")
        return op == .equal ? "COALESCE(\(c) = \(key), false)" : "COALESCE(\(c) <> \(key), false)"
      default:
        return "COALESCE(\(column)_sort \(o) \(bind(bytes: ArticleRows.sortBytes(typed))), false)"
      }
    case (.integer(let column), .integer(let i)):
      return "COALESCE(\(column) \(o) \(bind(i)), false)"
    case (.date(let precision, let y, let m, let d), _):
      let literal: PartialDate
      switch constant {
      case .date(let date): literal = date
      case .integer(let year): literal = PartialDate(year: year)
      case .text: return "false"
      }
      let ly = literal.year * 10_000
      switch literal.precision {
      case .year:
        return "COALESCE(\(y) \(o) \(bind(ly)), false)"
      case .month:
        let lm = ly + (literal.month ?? 0) * 100
        let yb = bind(ly)
        let mb = bind(lm)
        return "COALESCE((\(precision) = 1 AND \(y) <> \(yb) AND \(y) \(o) \(yb)) OR (\(precision) >= 2 AND \(m) \(o) \(mb)), false)"
      case .day:
        let lm = ly + (literal.month ?? 0) * 100
        let yb = bind(ly)
        let mb = bind(lm)
        let db = bind(literal.ordinal)
        return "COALESCE((\(precision) = 1 AND \(y) <> \(yb) AND \(y) \(o) \(yb)) OR (\(precision) = 2 AND \(m) <> \(mb) AND \(m) \(o) \(mb)) OR (\(precision) = 3 AND \(d) \(o) \(db)), false)"
      }
    default:
      throw Unsupported(message: "this comparison", range: range)
    }
  }

  static func isNull(_ columns: Columns) -> String {
    switch columns {
    case .text(let c), .integer(let c): return "\(c) IS NULL"
    case .date(let precision, _, _, _): return "\(precision) IS NULL"
    }
  }

  /// `exists(_:_:)` is whether some element of a list field satisfies `condition` (over `x`).
  /// Every per-article test is a correlated `EXISTS` on `article_id`: a semi- or anti-join when it
  /// stands at the top of the clause, else one index probe per article. (An uncorrelated
  /// `a.id IN (...)` is faster under `or` while its hash fits `work_mem`, but past it PostgreSQL
  /// scans the whole subquery for every article: 10 minutes for one count at 100,000 articles.)
  static func exists(_ list: (table: String, column: String), _ condition: String?) -> String {
    "EXISTS (SELECT 1 FROM \(list.table) x WHERE x.article_id = a.id" + (condition.map { " AND " + $0 } ?? "") + ")"
  }

  mutating func condition(_ c: Condition, top: Bool = false) throws(Unsupported) -> String {
    func unsupported(_ what: String) -> Unsupported {
      Unsupported(message: what + " has no PostgreSQL form yet", range: c.range)
    }
    switch c.test {
    case .compare(let f, let op, let constant):
      if let list = Self.listTable(f) {
        let element = Columns.text("x.\(list.column)")
        if op == .notEqual {
          let equal = try compare(element, .equal, constant, range: c.range)
          return "(" + Self.exists(list, nil) + " AND NOT " + Self.exists(list, equal) + ")"
        }
        return Self.exists(list, try compare(element, op, constant, range: c.range))
      }
      guard let columns = try Self.columns(f) else { throw unsupported("a comparison of \(f.name)") }
      return try compare(columns, op, constant, range: c.range)
    case .between(let f, let low, let high, let negated):
      if let list = Self.listTable(f) {
        let element = Columns.text("x.\(list.column)")
        let inside = "(" + (try compare(element, .greaterOrEqual, low, range: c.range)) + " AND "
          + (try compare(element, .lessOrEqual, high, range: c.range)) + ")"
        return negated ? "(" + Self.exists(list, nil) + " AND NOT " + Self.exists(list, inside) + ")" : Self.exists(list, inside)
      }
      guard let columns = try Self.columns(f) else { throw unsupported("between on \(f.name)") }
      if negated {
        return "(" + (try compare(columns, .less, low, range: c.range)) + " OR " + (try compare(columns, .greater, high, range: c.range)) + ")"
      }
      return "(" + (try compare(columns, .greaterOrEqual, low, range: c.range)) + " AND "
        + (try compare(columns, .lessOrEqual, high, range: c.range)) + ")"
    case .isIn(let f, let items, let negated):
      if let list = Self.listTable(f) {
        let element = Columns.text("x.\(list.column)")
        let any = "(" + (try items.map { (i) throws(Unsupported) in try compare(element, .equal, i, range: c.range) }).joined(separator: " OR ") + ")"
        return negated ? "(" + Self.exists(list, nil) + " AND NOT " + Self.exists(list, any) + ")" : Self.exists(list, any)
      }
      guard let columns = try Self.columns(f) else { throw unsupported("in on \(f.name)") }
      if items.isEmpty { return negated ? "(NOT \(Self.isNull(columns)))" : "false" }
      if negated {
        return "(NOT \(Self.isNull(columns)) AND "
          + (try items.map { (i) throws(Unsupported) in try compare(columns, .notEqual, i, range: c.range) }).joined(separator: " AND ") + ")"
      }
      return "(" + (try items.map { (i) throws(Unsupported) in try compare(columns, .equal, i, range: c.range) }).joined(separator: " OR ") + ")"
    case .isNull(let f, let negated):
      let test: String
      if let list = Self.listTable(f) {
        test = "NOT " + Self.exists(list, nil)
      } else if f.name == "body" {
        test = "false"
      } else if let columns = try Self.columns(f) {
        test = Self.isNull(columns)
      } else {
        throw unsupported("is null on \(f.name)")
      }
      return negated ? "(NOT (\(test)))" : "(\(test))"
    case .contains(let f, let phrase):
      // The title and the body are searched in the syllable index; other fields in their keys.
      if let f, f.name != "title", f.name != "body" { return try containsInKeys(f, phrase, range: c.range) }
      let part = f == nil ? "" : f?.name == "title" ? " AND t.part = 0" : " AND t.part = 1"
      if phrase.isEmpty { return "false" }
      guard phrase.bareKeys.count <= PostgresSchema.overlap + 1 else {
        throw Unsupported(
          message: "a phrase of more than \(PostgresSchema.overlap + 1) syllables has no PostgreSQL form", range: c.range)
      }
      let query = (phrase.tonedKeys.map { $0.map { "t:" + Key.nfc($0) } } ?? phrase.bareKeys.map { "b:" + $0 })
        .map(Terms.lexeme).joined(separator: " <-> ")
      return "EXISTS (SELECT 1 FROM tinq_terms t WHERE t.article_id = a.id\(part) AND t.terms @@ \(bind(query))::tsquery)"
    case .cites(let typed):
      var test: String
      if let pattern = CitationPattern.parse(typed) {
        test = "d.pattern_number = \(bind(pattern.number))"
        if let year = pattern.year { test += " AND d.pattern_year = \(bind(year))" }
        if let type = pattern.typeCode { test += " AND (d.pattern_type IS NULL OR d.pattern_type = \(bind(type)))" }
        if !pattern.codes.isEmpty {
          let like = "%" + pattern.codes.map { "/" + Self.likeEscaped($0) + "/" }.joined(separator: "%") + "%"
          test += " AND d.pattern_codes LIKE \(bind(like))"
        }
      } else {
        test = "d.number_folded = \(bind(Key.matchKey(typed, bare: true)))"
      }
      return "EXISTS (SELECT 1 FROM tinq_citations c JOIN tinq_documents d ON d.key = c.document_key WHERE c.article_id = a.id AND \(test))"
    case .mentions(let typed):
      // The name as typed, and written out when that differs (`NameQuery`).
      let query = NameQuery(typed)
      let bare = query.bare
      let key = query.keys.map { bind(Key.nfc($0)) }.joined(separator: ", ")
      let mode = bare ? "_bare" : "_toned"
      // The organisations so named or abbreviated, by their keys (an organisation's key is its
      // toned name), from the small dictionary; then their mentions by the key's index.
      let organizations = "SELECT e.key FROM tinq_organizations e WHERE "
        + (bare ? "e.name_bare IN (\(key))" : "e.key IN (\(key))") + " OR e.abbreviation\(mode) IN (\(key))"
      if top {
        // One subquery PostgreSQL joins once (two under `or` would be tested article by article).
        return "a.id IN (SELECT p.article_id FROM tinq_article_people p WHERE p.name\(mode) IN (\(key))"
          + " UNION ALL SELECT o.article_id FROM tinq_article_organizations o WHERE o.organization_key IN (\(organizations)))"
      }
      return "(EXISTS (SELECT 1 FROM tinq_article_people p WHERE p.article_id = a.id AND p.name\(mode) IN (\(key)))"
        + " OR EXISTS (SELECT 1 FROM tinq_article_organizations o WHERE o.article_id = a.id AND o.organization_key IN (\(organizations))))"
    case .near:
      throw unsupported("near")
    }
  }

  /// `containsInKeys(_:_:range:)` is a phrase in a short text field or in an element of a list
  /// field: its folded key (syllables' keys joined by single spaces, as the phrase was typed:
  /// toned or bare) holds the phrase's keys as whole syllables.
  mutating func containsInKeys(_ f: Field, _ phrase: Phrase, range: SourceRange) throws(Unsupported) -> String {
    if phrase.isEmpty { return "false" }
    let toned = phrase.tonedKeys
    let wanted = Key.nfc((toned ?? phrase.bareKeys).joined(separator: " "))
    let suffix = toned == nil ? "_bare" : "_toned"
    let pattern = bind("% " + Self.likeEscaped(wanted) + " %")
    if let list = Self.listTable(f) {
      return Self.exists(list, "(' ' || x.\(list.column)\(suffix) || ' ') LIKE \(pattern)")
    }
    guard case .text(let column)? = try Self.columns(f) else {
      throw Unsupported(message: "contains on \(f.name) has no PostgreSQL form yet", range: range)
    }
    return "COALESCE((' ' || \(column)\(suffix) || ' ') LIKE \(pattern), false)"
  }

  static func likeEscaped(_ s: String) -> String {
    var out = ""
    for ch in s {
      if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
      out.append(ch)
    }
    return out
  }

  // MARK: - Ordering

  /// `orderBy(_:)` is the `ORDER BY` list: each key unknown last in both directions, then corpus order.
  static func orderBy(_ keys: [Ordering], range: SourceRange) throws(Unsupported) -> String {
    var parts: [String] = []
    for key in keys {
      let expression: String
      switch key.field.name {
      case "id", "title", "source", "author", "url", "quarter", "week", "story": expression = "a.\(key.field.name)_sort"
      case "year": expression = "a.year"
      case "date": expression = "COALESCE(a.date_d, a.date_m, a.date_y)"
      case "month": expression = "a.date_m"
      case "day": expression = "a.date_d"
      default:
        throw Unsupported(message: "order by \(key.field.name) has no PostgreSQL form yet", range: range)
      }
      parts.append(expression + (key.descending ? " DESC" : " ASC") + " NULLS LAST")
    }
    parts.append("a.ordinal")
    return parts.joined(separator: ", ")
  }
}
#endif
