import TinqFacts
import TinqStore
import TinqSyntax
import TinqText

/// `RowScan` tests the part of a `where` clause that no index answers, row by row: the meaning
/// is `Semantics`, and the indexes must agree with it (the planner property test compares both
/// with an independent oracle). Each field of a row is read, folded and collated at most once
/// however many conditions test it, and each literal once for the whole scan, so a thousand
/// conditions on one field cost a thousand comparisons per row, not a thousand readings.
struct RowScan {
  let table: Table
  private var row = -1
  private var values: [Value?]
  private var sortKeys: [[UInt32]?]
  private var bareKeys: [String?]
  private var tonedKeys: [String?]
  private var literalSortKeys: [String: [UInt32]] = [:]
  private var literalMatchKeys: [String: (key: String, bare: Bool)] = [:]
  private var citationQueries: [String: CitationQuery] = [:]
  private var nameQueries: [String: NameQuery] = [:]
  private let title: Field?
  private let body: Field?

  init(table: Table) {
    self.table = table
    let count = Schema.fields(of: table.collection).count
    values = Array(repeating: nil, count: count)
    sortKeys = Array(repeating: nil, count: count)
    bareKeys = Array(repeating: nil, count: count)
    tonedKeys = Array(repeating: nil, count: count)
    let fields = Schema.fields(of: table.collection)
    title = fields.first { $0.textScope == .title }
    body = fields.first { $0.textScope == .body }
  }

  /// `test(_:row:)` tells whether `row` satisfies the predicate.
  mutating func test(_ p: Predicate, row: Int) -> Bool {
    if row != self.row {
      self.row = row
      for i in values.indices {
        values[i] = nil
        sortKeys[i] = nil
        bareKeys[i] = nil
        tonedKeys[i] = nil
      }
    }
    return holds(p)
  }

  private mutating func holds(_ p: Predicate) -> Bool {
    switch p {
    case .all(let items):
      for item in items where !holds(item) { return false }
      return true
    case .any(let items):
      for item in items where holds(item) { return true }
      return false
    case .not(let inner):
      return !holds(inner)
    case .condition(let c):
      return holds(c.test)
    }
  }

  private mutating func value(_ f: Field) -> Value {
    if let v = values[f.slot] { return v }
    let v = table.value(f, row)
    values[f.slot] = v
    return v
  }

  private mutating func sortKey(_ f: Field, _ s: String) -> [UInt32] {
    if let k = sortKeys[f.slot] { return k }
    let k = VietnameseCollation.sortKey(s)
    sortKeys[f.slot] = k
    return k
  }


  private var rankColumns: [Int: SortKeyCache.Ranks] = [:]
  /// Per field slot, where each typed text falls among the field's ranked values.
  private var literalPositions: [Int: [String: (below: Int32, equal: Bool)]] = [:]

  /// How the row's value under `f` orders against a typed text, from the store's ranks alone:
  /// nil when the field has none, `.some(nil)` when the value is unknown.
  private mutating func cachedOrder(_ f: Field, _ typed: String) -> Int?? {
    let ranks: SortKeyCache.Ranks
    if let known = rankColumns[f.slot] {
      ranks = known
    } else {
      guard let built = table.ranks(f) else { return nil }
      rankColumns[f.slot] = built
      ranks = built
    }
    guard row < ranks.ofArticle.count else { return nil }
    let rank = ranks.ofArticle[row]
    guard rank >= 0 else { return .some(nil) }
    let position: (below: Int32, equal: Bool)
    if let known = literalPositions[f.slot]?[typed] {
      position = known
    } else {
      position = table.position(of: typed, among: ranks, field: f)
      literalPositions[f.slot, default: [:]][typed] = position
    }
    if rank < position.below { return .some(-1) }
    if rank == position.below, position.equal { return .some(0) }
    return .some(1)
  }

  /// How the row's text under `f` orders against a typed text, by full keys.
  private mutating func textOrder(_ f: Field, _ s: String, _ typed: String) -> Int {
    Self.order(sortKey(f, s), literalSortKey(typed))
  }

  private mutating func literalSortKey(_ s: String) -> [UInt32] {
    if let k = literalSortKeys[s] { return k }
    let k = VietnameseCollation.sortKey(s)
    literalSortKeys[s] = k
    return k
  }

  /// Text equality as `Semantics.textEqual` decides it, with both sides folded once.
  private mutating func textEqual(_ f: Field, _ s: String, typed: String) -> Bool {
    let literal: (key: String, bare: Bool)
    if let known = literalMatchKeys[typed] {
      literal = known
    } else {
      let bare = !Fold.hasDiacritics(typed)
      literal = (Fold.matchKey(typed, bare: bare), bare)
      literalMatchKeys[typed] = literal
    }
    let key: String
    if literal.bare {
      if let k = bareKeys[f.slot] { key = k } else { key = Fold.matchKey(s, bare: true); bareKeys[f.slot] = key }
    } else {
      if let k = tonedKeys[f.slot] { key = k } else { key = Fold.matchKey(s, bare: false); tonedKeys[f.slot] = key }
    }
    return key == literal.key
  }

  private static func order(_ a: [UInt32], _ b: [UInt32]) -> Int {
    a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
  }

  private mutating func holds(_ t: Condition.Test) -> Bool {
    switch t {
    case .compare(let f, let op, let constant):
      if f.index == .id, case .text(let s) = constant {
        // Ids compare exactly, as the id index does.
        guard case .text(let id) = value(f) else { return false }
        return op == .equal ? id == s : Semantics.compare(.text(id), op, constant)
      }
      if case .text(let typed) = constant, op != .equal, op != .notEqual, let known = cachedOrder(f, typed) {
        // The cached short keys decide without reading the row (nil: an unknown value).
        return known.map { Semantics.order($0, op) } ?? false
      }
      if case .text(let typed) = constant, case .text(let s) = value(f) {
        switch op {
        case .equal: return textEqual(f, s, typed: typed)
        case .notEqual: return !textEqual(f, s, typed: typed)
        default: return Semantics.order(textOrder(f, s, typed), op)
        }
      }
      return Semantics.compare(value(f), op, constant)
    case .between(let f, let lo, let hi, let negated):
      if case .text(let low) = lo, case .text(let high) = hi, let a = cachedOrder(f, low), let b = cachedOrder(f, high) {
        guard let x = a, let y = b else { return false }  // an unknown value
        return negated ? x < 0 || y > 0 : x >= 0 && y <= 0
      }
      if case .text(let low) = lo, case .text(let high) = hi, case .text(let s) = value(f) {
        let below = textOrder(f, s, low) < 0
        let above = textOrder(f, s, high) > 0
        return negated ? below || above : !below && !above
      }
      return Semantics.between(value(f), lo, hi, negated: negated)
    case .isIn(let f, let items, let negated):
      if case .text(let s) = value(f), f.index != .id {
        if negated { return items.allSatisfy { if case .text(let t) = $0 { return !textEqual(f, s, typed: t) } else { return true } } }
        return items.contains { if case .text(let t) = $0 { return textEqual(f, s, typed: t) } else { return false } }
      }
      return Semantics.isIn(value(f), items, negated: negated)
    case .isNull(let f, let negated):
      return Semantics.isNull(value(f)) != negated
    case .contains(let f?, let phrase):
      return Semantics.contains(value(f), phrase)
    case .contains(nil, let phrase):
      guard let title, let body else { return false }
      return Semantics.contains(value(title), phrase) || Semantics.contains(value(body), phrase)
    case .cites(let typed):
      guard let article = table.article?(row) else { return false }
      let query = citationQueries[typed] ?? CitationQuery(typed)
      citationQueries[typed] = query
      return article.citations.contains { query.matches($0) }
    case .near(let a, let b, let proximity):
      guard let title, let body, case .text(let text) = value(body) else { return false }
      let heading: String? = if case .text(let t) = value(title) { t } else { nil }
      return ArticleStore.textHolds(a, near: b, proximity: proximity, title: heading, body: text)
    case .mentions(let typed):
      guard let article = table.article?(row) else { return false }
      let query = nameQueries[typed] ?? NameQuery(typed)
      nameQueries[typed] = query
      return query.mentionedIn(article)
    }
  }
}
