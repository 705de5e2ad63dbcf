import TinqFacts
import TinqStore
import TinqSupport
import TinqSyntax
import TinqText

/// `RowOrder` sorts rows by `order by` keys, stably, unknown values last in both directions.
///
/// Text is compared first on a short key (the letters of its first characters, see
/// `VietnameseCollation.primaryPrefix`), and a full collation key is built only for the rows
/// that tie on it, so ordering by a long field such as `body` holds a few bytes a row, never
/// every text. With a `limit`, the first rows are selected with a bounded heap instead of
/// sorting them all.
struct RowOrder {
  /// One row's value under one key.
  enum Cell {
    case null
    case number(Int)
    case text(prefix: [UInt32], truncated: Bool)
  }

  /// Full collation keys, built on demand for rows whose short keys tie, and kept while they fit
  /// a budget (a long text's key is twelve bytes a character): past it they are built again when
  /// needed, so memory stays bounded whatever the ties.
  final class FullKeys {
    var byColumn: [[Int: [UInt32]]]
    var longByColumn: [[Int: (weights: [UInt32], truncated: Bool)]]
    var stored = 0
    static let budget = 64 << 20  // 256 MB of UInt32s
    init(columns: Int) {
      byColumn = Array(repeating: [:], count: columns)
      longByColumn = Array(repeating: [:], count: columns)
    }
    /// Forgets every key (a run of ties is sorted).
    func clear() {
      for k in byColumn.indices {
        byColumn[k] = [:]
        longByColumn[k] = [:]
      }
      stored = 0
    }
  }

  static let prefixLength = 24

  let keys: [Ordering]
  let table: Table
  let members: [Int]
  /// Per key: the cells of the members, or the store's cached short keys of every article.
  private enum Column {
    case cells([Cell])
    /// Exact alphabetical ranks from the store's cache: the heads decide alone.
    case ranked
  }
  private var columns: [Column] = []
  /// Per key and member: the first three letters' weights packed in one integer, compared before
  /// anything else; 0 for a number (the cells order numbers), `UInt64.max` for an unknown value.
  /// Equal heads go on to the cells.
  private var heads: [[UInt64]] = []
  /// Per key: true when the heads are numbers (integers and dates), whose order is the heads'.
  private var numeric: [Bool] = []
  /// Per key: true when equal heads mean equal values (ranks).
  private var exact: [Bool] = []
  private let full: FullKeys

  init(keys: [Ordering], table: Table, members: [Int], cancellation: Cancellation?) throws(EvaluationFailure) {
    self.keys = keys
    self.table = table
    self.members = members
    full = FullKeys(columns: keys.count)
    var rankHeads: [Int: [UInt64]] = [:]
    for (k, key) in keys.enumerated() {
      if let ranks = table.ranks(key.field) {
        columns.append(.ranked)
        rankHeads[k] = members.map { ranks.ofArticle[$0] < 0 ? .max : UInt64(ranks.ofArticle[$0]) }
        continue
      }
      var column: [Cell] = []
      column.reserveCapacity(members.count)
      // A long text gets a longer short key, so fewer rows tie and need their full keys.
      let length = key.field.textScope == .body ? 4 * Self.prefixLength : Self.prefixLength
      let isBody = key.field.textScope == .body
      for (n, row) in members.enumerated() {
        if n & 1023 == 0, cancellation?.isCancelled == true { throw .cancelled }
        // A body is decoded only as far as its short key reaches.
        column.append(isBody ? Self.cell(table.prefix(key.field, row, scalars: length + 16), length: length) : Self.cell(table.value(key.field, row), length: length))
      }
      columns.append(.cells(column))
    }
    for k in keys.indices {
      if let ranked = rankHeads[k] {
        heads.append(ranked)
        numeric.append(false)
        exact.append(true)
        continue
      }
      exact.append(false)
      var isNumeric = true
      var column: [UInt64] = []
      column.reserveCapacity(members.count)
      for i in members.indices {
        switch cell(k, i) {
        case .null: column.append(.max)
        case .number: column.append(0)
        case .text(let p, _):
          isNumeric = false
          var head: UInt64 = 0
          for j in 0..<3 { head = head << 21 | UInt64(min(j < p.count ? p[j] : 0, 0x1F_FFFF)) }
          column.append(head)
        }
      }
      heads.append(column)
      numeric.append(isNumeric)
    }
  }

  static func cell(_ v: Value, length: Int = prefixLength) -> Cell {
    switch v {
    case .null: return .null
    case .integer(let i): return .number(i)
    case .decimal(let d): return .number(Int((d * 1_000_000).rounded()))
    case .date(let d): return .number(d.ordinal)
    case .text(let s):
      let p = VietnameseCollation.primaryPrefix(s, count: length)
      return .text(prefix: p.weights, truncated: p.truncated)
    case .list(let items): return items.first.map { cell($0, length: length) } ?? .null
    case .object(_, let values): return values.first.map { cell($0, length: length) } ?? .null
    }
  }

  /// `cell(_:length:)` is the cell of a text known by its beginning: cut short when the beginning
  /// is not the whole text.
  static func cell(_ prefix: (text: String, isWhole: Bool)?, length: Int) -> Cell {
    guard let prefix else { return .null }
    let p = VietnameseCollation.primaryPrefix(prefix.text, count: length)
    return .text(prefix: p.weights, truncated: p.truncated || !prefix.isWhole)
  }

  /// How many letters a tie on the short key is compared on before full keys are built: texts
  /// that share their first hundred letters (reports from one template) mostly part within a
  /// few hundred more (on the benchmark corpus, 99% of neighbours in body order part within 234
  /// characters), and a key this long is read from the text's beginning alone.
  static let longPrefixLength = 512

  /// The long prefix of the text under key `k` of the row at position `i` (see
  /// `longPrefixLength`), kept within the budget as full keys are.
  private func longPrefix(_ k: Int, _ i: Int) -> (weights: [UInt32], truncated: Bool) {
    if let known = full.longByColumn[k][i] { return known }
    var key: (weights: [UInt32], truncated: Bool) = ([], false)
    if let prefix = table.prefix(keys[k].field, members[i], scalars: Self.longPrefixLength + 16) {
      let p = VietnameseCollation.primaryPrefix(prefix.text, count: Self.longPrefixLength)
      key = (p.weights, p.truncated || !prefix.isWhole)
    }
    if full.stored + key.weights.count <= FullKeys.budget {
      full.longByColumn[k][i] = key
      full.stored += key.weights.count
    }
    return key
  }

  /// The full key of the text under key `k` of the row at position `i`.
  private func fullKey(_ k: Int, _ i: Int) -> [UInt32] {
    if let known = full.byColumn[k][i] { return known }
    let key: [UInt32]
    switch table.value(keys[k].field, members[i]) {
    case .text(let s): key = VietnameseCollation.sortKey(s)
    case .list(let items):
      if case .text(let s)? = items.first { key = VietnameseCollation.sortKey(s) } else { key = [] }
    case .object(_, let values):
      if case .text(let s)? = values.first { key = VietnameseCollation.sortKey(s) } else { key = [] }
    default: key = []
    }
    if full.stored + key.count <= FullKeys.budget {
      full.byColumn[k][i] = key
      full.stored += key.count
    }
    return key
  }

  private func cell(_ k: Int, _ i: Int) -> Cell {
    switch columns[k] {
    case .cells(let cells): return cells[i]
    case .ranked: return .null  // never read: ranked heads decide
    }
  }

  /// -1, 0 or 1: how positions `a` and `b` compare under key `k`, ascending, unknown last; when
  /// not `deep`, texts that their short keys do not part compare as equal.
  private func compare(_ k: Int, _ a: Int, _ b: Int, deep: Bool = true) -> Int {
    switch (cell(k, a), cell(k, b)) {
    case (.null, .null): return 0
    case (.null, _): return 2  // unknown last, whatever the direction
    case (_, .null): return -2
    case (.number(let x), .number(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.number, .text): return -1
    case (.text, .number): return 1
    case (.text(let p, let pt), .text(let q, let qt)):
      if let decided = VietnameseCollation.comparePrefixes((p, pt), (q, qt)) { return decided }
      if !deep { return 0 }
      if pt || qt, let decided = VietnameseCollation.comparePrefixes(longPrefix(k, a), longPrefix(k, b)) {
        return decided
      }
      let x = fullKey(k, a)
      let y = fullKey(k, b)
      return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
    }
  }

  /// True when position `a` comes before position `b`; when not `deep`, by short keys alone,
  /// and `a` before `b` when those do not part them.
  func less(_ a: Int, _ b: Int, deep: Bool = true) -> Bool {
    for k in keys.indices {
      let x = heads[k][a]
      let y = heads[k][b]
      if x != y, !numeric[k] || x == .max || y == .max {
        if x == .max { return false }
        if y == .max { return true }
        return keys[k].descending ? x > y : x < y
      }
      if exact[k] { continue }
      let c = compare(k, a, b, deep: deep)
      if c == 0 { continue }
      if c == 2 { return false }
      if c == -2 { return true }
      return keys[k].descending ? c > 0 : c < 0
    }
    return a < b
  }

  /// True when the short keys do not part positions `a` and `b` under any key.
  private func tied(_ a: Int, _ b: Int) -> Bool {
    for k in keys.indices {
      if heads[k][a] != heads[k][b] { return false }
      if exact[k] { continue }
      if compare(k, a, b, deep: false) != 0 { return false }
    }
    return true
  }

  /// The ordinals in order; only the first `needed` are sure to be there.
  func ordered(needed: Int, cancellation: Cancellation?) throws(EvaluationFailure) -> [Int] {
    let n = members.count
    if needed < n / 4 {
      // The best `needed` positions seen so far.
      var heap = BoundedHeap<Int>(capacity: needed) { less($0, $1) }
      for i in 0..<n {
        if i & 4095 == 0, cancellation?.isCancelled == true { throw .cancelled }
        heap.offer(i)
      }
      return heap.sorted().map { members[$0] }
    }
    // Sorted on short keys first; then each run of positions they do not part is sorted on long
    // prefixes and full keys, which are kept for that run only, so memory follows the largest
    // run, not the rows. The comparisons look at the cancellation now and then, so Ctrl-C stops
    // a long sort.
    var comparisons = 0
    func sorted(_ positions: [Int], deep: Bool) throws(EvaluationFailure) -> [Int] {
      do {
        return try positions.sorted { a, b throws(Cancelled) in
          comparisons &+= 1
          if comparisons & 4095 == 0, cancellation?.isCancelled == true { throw Cancelled() }
          return less(a, b, deep: deep)
        }
      } catch {
        throw .cancelled
      }
    }
    var order = try sorted(Array(0..<n), deep: false)
    var start = 0
    while start < n {
      var end = start + 1
      while end < n, tied(order[end - 1], order[end]) { end += 1 }
      if end - start > 1 {
        order.replaceSubrange(start..<end, with: try sorted(Array(order[start..<end]), deep: true))
        full.clear()
      }
      start = end
    }
    return order.map { members[$0] }
  }
}
