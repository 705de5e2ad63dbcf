import TinqFacts
import TinqStore
import TinqSyntax
import TinqSupport
import TinqText

/// `MemoryBackend` answers checked statements from the in-memory store: plan the `where`
/// clause over the store's indexes, run the plan, order, cut and project the rows.
public struct MemoryBackend: Backend {
  /// The store queries run against.
  public let store: ArticleStore

  /// What relevance weighs phrases by when the store is not the whole corpus (nil: the store's
  /// own figures). The PostgreSQL backend gives the whole corpus's for the articles it reads.
  public var relevanceBasis: RelevanceBasis?

  /// `init(store:relevanceBasis:)` makes a backend over a store.
  public init(store: ArticleStore, relevanceBasis: RelevanceBasis? = nil) {
    self.store = store
    self.relevanceBasis = relevanceBasis
  }

  /// `prepareSortKeys(_:)` builds the alphabetical ranks of the short text fields that queries
  /// order, compare and group by (title, source and author by default), so that the first such
  /// query does not pay for them; a query that needs them meanwhile waits for this build rather
  /// than repeating it. The REPL runs it on a background thread once a corpus is loaded.
  public func prepareSortKeys(_ names: [String] = ["title", "source", "author"]) {
    let table = Table.of(.articles, in: store)
    for name in names {
      guard let field = Schema.field(name, in: .articles) else { continue }
      _ = table.ranks(field)
    }
  }

  /// `prepareInBackground()` is what the REPL builds while the user reads and types: the sort
  /// keys (`prepareSortKeys()`), then every syllable's frequency in the corpus, which
  /// `collocates` without a `where` and `keywords ... vs rest` read instead of counting every
  /// body again.
  public func prepareInBackground() {
    prepareSortKeys()
    _ = store.corpusTerms()
  }

  /// `run(_:cancellation:)` answers one checked statement.
  public func run(_ statement: CheckedStatement, cancellation: Cancellation? = nil) throws(EvaluationFailure) -> QueryResult {
    switch statement.kind {
    case .query(let q):
      return .rows(try rows(q, cancellation: cancellation).rows)
    case .count(let c):
      return try count(c, cancellation: cancellation).result
    case .show(let id):
      return .article(ArticleDetail(article: store.article(try resolveID(id, at: statement.range))))
    case .explain(let inner):
      return .plan(try explain(inner, cancellation: cancellation))
    case .binding(let name, let value):
      return .binding(name: name, value: Self.value(of: value))
    case .expectation(let e):
      return .expectation(try Expectations.evaluate(e, statement: statement, backend: self, cancellation: cancellation))
    case .concordance(let k):
      return try concordance(k, cancellation: cancellation).result
    case .collocates(let c):
      return .rows(try collocates(c, cancellation: cancellation).rows)
    case .ngrams(let g):
      return .rows(try ngrams(g, cancellation: cancellation).rows)
    case .keywords(let k):
      return .rows(try keywords(k, cancellation: cancellation).rows)
    }
  }

  package static func value(of literal: Literal.Value) -> Value {
    switch literal {
    case .string(let s): return .text(s)
    case .integer(let i): return .integer(i)
    case .date(let d): return .date(PartialDate(year: d.year, month: d.month, day: d.day))
    case .variable: return .null
    }
  }

  // MARK: - Filtering

  /// `filter(_:_:cancellation:first:)` is the rows of the collection that satisfy `p` (all when
  /// nil), the table, and the execution that ran the plan. When only the `first` rows in
  /// collection order are wanted (a `limit` without an order) and they are few, the plan runs
  /// over the first sixteenth of the collection, and over the rest only when that holds too few:
  /// whether a row satisfies the plan never depends on the others, so the rows given are the
  /// first of the whole answer, and then may be all there are of it.
  func filter(_ collection: CollectionKind, _ p: Predicate?, cancellation: Cancellation?, first: Int = .max)
    throws(EvaluationFailure) -> (set: DocSet, table: Table, execution: Execution)
  {
    let table = Table.of(collection, in: store)
    let execution = Execution(store: store, table: table, cancellation: cancellation)
    let all = DocSet.all(universe: table.count)
    guard let p else { return (all, table, execution) }
    let plan = Planner.plan(p, collection: collection)
    do {
      if first <= all.count / Self.earlyRows {
        let head = DocSet(universe: all.universe, members: 0..<(all.count / Self.earlyPart))
        let found = try execution.run(plan, within: head)
        if found.count >= first { return (found, table, execution) }
        return (found.union(try execution.run(plan, within: all.subtracting(head))), table, execution)
      }
      return (try execution.run(plan, within: all), table, execution)
    } catch {
      throw .cancelled
    }
  }

  /// A query wanting at most one row in `earlyRows` of the collection, without an order, runs its
  /// plan over the first `1 / earlyPart` of the collection first.
  static let earlyRows = 64
  static let earlyPart = 16

  // MARK: - Rows

  /// `rows(_:cancellation:early:)` answers a query. With `early`, a `limit` without an order
  /// stops the plan once it has the rows (see `filter`); `explain` runs the whole plan, to count
  /// every step's rows.
  func rows(_ q: CheckedQuery, cancellation: Cancellation?, early: Bool = true) throws(EvaluationFailure) -> (
    rows: RowSet, execution: Execution
  ) {
    // Enough rows for the limit and its offset; ordering may stop there.
    // Saturating: `limit 1 offset 9223372036854775807` asks for nothing, and must not overflow.
    let needed = q.limit.map { count in
      let (sum, overflow) = q.offset.addingReportingOverflow(count)
      return overflow ? Int.max : sum
    } ?? .max
    let (set, table, execution) = try filter(
      q.collection, q.filter, cancellation: cancellation, first: early && q.order.isEmpty ? needed : .max)
    var scores: [Int: Double]? = nil
    var ordinals: [Int]
    let phrases = Self.containedPhrases(q.filter)
    if let first = q.order.first, first.field.derived == .score {
      // Relevance: the best `needed` by score (all when no limit); ties keep corpus order.
      let ranked = store.fullText.relevanceRanking(
        of: phrases, in: set, basis: basis(phrases, execution), first: needed, highestFirst: first.descending)
      var known: [Int: Double] = [:]
      for r in ranked.prefix(needed) { known[r.article] = r.score }
      scores = known
      ordinals = ranked.map(\.article)
    } else {
      ordinals = try order(set, by: q.order, table: table, needed: needed, cancellation: cancellation)
    }
    if q.limit != nil || q.offset > 0 {
      let offset = min(q.offset, ordinals.count)
      let end = min(ordinals.count - offset, q.limit ?? .max) + offset
      ordinals = Array(ordinals[offset..<max(offset, end)])
    }
    var rows = ordinals.map { i in q.columns.map { table.value($0, i) } }
    if q.collection == .articles, q.columns.contains(where: { $0.derived != nil }) {
      derive(q, ordinals: ordinals, phrases: phrases, scores: scores, basis: basis(phrases, execution), into: &rows)
    }
    return (RowSet(collection: q.collection, columns: q.columns.map(\.name), rows: rows), execution)
  }

  /// `basis(_:_:)` is what relevance weighs the phrases by: the backend's basis when it has one,
  /// else the counts the plan found over the whole corpus (nil when it did not search them all).
  func basis(_ phrases: [(Phrase, TextScope)], _ execution: Execution) -> RelevanceBasis? {
    relevanceBasis ?? execution.corpusBasis(phrases)
  }

  /// `derive(_:ordinals:phrases:scores:basis:into:)` fills the columns the query itself decides:
  /// each row's snippet of the `contains` phrases, and its relevance score (computed for the rows
  /// alone, weighed by `basis`, unless ordering by it already scored them).
  func derive(
    _ q: CheckedQuery, ordinals: [Int], phrases: [(Phrase, TextScope)], scores known: [Int: Double]?,
    basis: RelevanceBasis?, into rows: inout [[Value]]
  ) {
    for (j, field) in q.columns.enumerated() {
      switch field.derived {
      case .snippet?:
        let snippets = store.snippets(of: ordinals, phrases: phrases)
        for (r, i) in ordinals.enumerated() {
          rows[r][j] = snippets[i].map { Value.marked($0.text, marks: $0.marks) } ?? .null
        }
      case .score?:
        let scores =
          known
          ?? store.fullText.relevance(of: phrases, in: DocSet(universe: store.count, members: ordinals), basis: basis)
        for (r, i) in ordinals.enumerated() { rows[r][j] = .decimal(scores[i] ?? 0) }
      case nil:
        continue
      }
    }
  }

  /// `containedPhrases(_:)` is the phrases of the `contains` conditions on the title or body that
  /// hold outside any `not`, with the part each searches.
  package static func containedPhrases(_ p: Predicate?) -> [(Phrase, TextScope)] {
    var out: [(Phrase, TextScope)] = []
    var stack = p.map { [$0] } ?? []
    while let top = stack.popLast() {
      switch top {
      case .all(let items), .any(let items): stack.append(contentsOf: items.reversed())
      case .not: continue
      case .condition(let c):
        if case .near(let a, let b, _) = c.test {
          out.append((a, .titleOrBody))
          out.append((b, .titleOrBody))
          continue
        }
        guard case .contains(let field, let phrase) = c.test else { continue }
        if let field {
          if let scope = field.textScope { out.append((phrase, scope)) }
        } else {
          out.append((phrase, .titleOrBody))
        }
      }
    }
    return out
  }

  /// A sort key for one value: unknowns are handled apart (always last).
  enum SortKey: Comparable {
    case number(Int)
    case text([UInt32])

    static func < (a: SortKey, b: SortKey) -> Bool {
      switch (a, b) {
      case (.number(let x), .number(let y)): return x < y
      case (.text(let x), .text(let y)): return x.lexicographicallyPrecedes(y)
      case (.number, .text): return true
      case (.text, .number): return false
      }
    }
  }

  static func sortKey(_ v: Value) -> SortKey? {
    switch v {
    case .null: return nil
    case .integer(let i): return .number(i)
    case .decimal(let d): return .number(Int((d * 1_000_000).rounded()))
    case .date(let d): return .number(d.ordinal)
    case .text(let s): return .text(VietnameseCollation.sortKey(s))
    case .list(let items): return items.first.flatMap(sortKey)
    case .object(_, let values): return values.first.flatMap(sortKey)
    }
  }

  /// `order(_:by:table:needed:)` sorts the rows, stably, unknown values last in both directions;
  /// only the first `needed` rows of the result are sure to be there.
  func order(
    _ set: DocSet, by keys: [Ordering], table: Table, needed: Int = .max, cancellation: Cancellation?
  ) throws(EvaluationFailure) -> [Int] {
    guard !keys.isEmpty else { return set.members }
    if Self.walksDateIndex(keys, table.collection) {
      return orderByDate(set, descending: keys[0].descending, yearOnly: keys[0].field.index == .year, needed: needed)
    }
    let order = try RowOrder(keys: keys, table: table, members: set.members, cancellation: cancellation)
    return try order.ordered(needed: needed, cancellation: cancellation)
  }

  /// Ordering articles by date or year alone walks the date index instead of sorting.
  static func walksDateIndex(_ keys: [Ordering], _ collection: CollectionKind) -> Bool {
    keys.count == 1 && collection == .articles && (keys[0].field.index == .date || keys[0].field.index == .year)
  }

  /// Ordering by date walks the store's date order instead of sorting: equal dates keep load
  /// order, undated articles come last. The walk stops once it has `needed` rows (a `limit`
  /// plus its offset), so `order by date desc limit 10` reads a few dates, not the whole index.
  func orderByDate(_ set: DocSet, descending: Bool, yearOnly: Bool, needed: Int = .max) -> [Int] {
    let order = store.dateOrder
    var out: [Int] = []
    func key(_ i: Int) -> Int { yearOnly ? order[i].ordinal / 10_000 : order[i].ordinal }
    // Takes one group of equal keys, in load order (the date order is stable by ordinal within a
    // date, but a year's dates are not in load order).
    func take(_ group: Range<Int>) {
      var members = order[group].compactMap { set.contains($0.article) ? $0.article : nil }
      if yearOnly { members.sort() }
      out += members
    }
    if descending {
      var end = order.count
      while end > 0, out.count < needed {
        var start = end - 1
        while start > 0, key(start - 1) == key(end - 1) { start -= 1 }
        take(start..<end)
        end = start
      }
    } else {
      var start = 0
      while start < order.count, out.count < needed {
        var end = start + 1
        while end < order.count, key(end) == key(start) { end += 1 }
        take(start..<end)
        start = end
      }
    }
    if out.count < needed { set.subtracting(store.dated).forEach { out.append($0) } }
    return out
  }

  // MARK: - Counting

  func count(_ c: CheckedCount, cancellation: Cancellation?) throws(EvaluationFailure) -> (result: QueryResult, execution: Execution) {
    let (set, table, execution) = try filter(c.collection, c.filter, cancellation: cancellation)
    if c.distinct != nil { return (try countStories(set, c, table: table, cancellation: cancellation), execution) }
    guard let by = c.groupBy else { return (.count(set.count), execution) }
    if let across = c.across {
      return (.crossTab(try crossTab(set, rows: by, columns: across, table: table, cancellation: cancellation)), execution)
    }
    if let share = c.share {
      // Each group's matching articles beside all of the group's articles in the base.
      let (base, _, _) = try filter(c.collection, share.base, cancellation: cancellation)
      let counts = try valueCounts(set.intersection(base), by: by, table: table, cancellation: cancellation)
      let totals = try valueCounts(base, by: by, table: table, cancellation: cancellation)
      var countOf: [Value: Int] = [:]
      for g in counts { countOf[g.value] = g.count }
      let groups = totals.map { (value: $0.value, count: countOf[$0.value] ?? 0) }
      let order = Self.arrangedIndices(groups, totals: totals.map(\.count), c)
      return (
        .groups(GroupedCount(field: by.name, groups: order.map { groups[$0] }, totals: order.map { totals[$0].count })),
        execution
      )
    }
    if by.textScope == .body, let encoded = table.encodedBody {
      return (
        .groups(try countByBody(set, by: by, encoded: encoded, table: table, c, cancellation: cancellation)), execution
      )
    }
    let groups = try valueCounts(set, by: by, table: table, cancellation: cancellation)
    return (.groups(GroupedCount(field: by.name, groups: Self.arrange(groups, c))), execution)
  }

  /// `countStories(_:_:table:cancellation:)` answers `count ... distinct story`: each story (see
  /// `StoryClustering`) counts once per group, however many of its copies the group holds; a
  /// story whose copies fall in two groups counts in both.
  func countStories(_ set: DocSet, _ c: CheckedCount, table: Table, cancellation: Cancellation?) throws(
    EvaluationFailure
  ) -> QueryResult {
    let storyOf = store.stories.storyOf
    func distinct(_ set: DocSet) throws(EvaluationFailure) -> Int {
      var seen = Set<Int32>()
      if !set.forEach(checking: cancellation, { _ = seen.insert(storyOf[$0]) }) { throw .cancelled }
      return seen.count
    }
    guard let by = c.groupBy else { return .count(try distinct(set)) }
    if let across = c.across {
      var cells = Set<StoryKey<Pair<Value>>>()
      var rowStories = Set<StoryKey<Value>>()
      var columnStories = Set<StoryKey<Value>>()
      var pairs: [Pair<Value>: Int] = [:]
      var rowTotals: [Value: Int] = [:]
      var columnTotals: [Value: Int] = [:]
      let completed = set.forEach(checking: cancellation) { i in
        let story = storyOf[i]
        let rs = Self.groupValues(table.value(by, i))
        let cs = Self.groupValues(table.value(across, i))
        for r in rs {
          if rowStories.insert(StoryKey(r, story)).inserted { rowTotals[r, default: 0] += 1 }
          for col in cs where cells.insert(StoryKey(Pair(r, col), story)).inserted { pairs[Pair(r, col), default: 0] += 1 }
        }
        for col in cs where columnStories.insert(StoryKey(col, story)).inserted { columnTotals[col, default: 0] += 1 }
      }
      if !completed { throw .cancelled }
      func ordered(_ totals: [Value: Int], _ f: Field) -> [Value] { Self.filled(Self.inValueOrder(totals), f).map(\.value) }
      let rowValues = ordered(rowTotals, by)
      let columnValues = ordered(columnTotals, across)
      return .crossTab(
        CrossTab(
          rowField: by.name, columnField: across.name, rows: rowValues, columns: columnValues,
          counts: rowValues.map { r in columnValues.map { col in pairs[Pair(r, col)] ?? 0 } },
          rowTotals: rowValues.map { rowTotals[$0] ?? 0 }, columnTotals: columnValues.map { columnTotals[$0] ?? 0 },
          total: try distinct(set)))
    }
    func storyCounts(_ set: DocSet) throws(EvaluationFailure) -> [(value: Value, count: Int)] {
      var seen = Set<StoryKey<Value>>()
      var counts: [Value: Int] = [:]
      let completed = set.forEach(checking: cancellation) { i in
        let story = storyOf[i]
        for v in Self.groupValues(table.value(by, i)) where seen.insert(StoryKey(v, story)).inserted {
          counts[v, default: 0] += 1
        }
      }
      if !completed { throw .cancelled }
      return Self.filled(Self.inValueOrder(counts), by)
    }
    if let share = c.share {
      let (base, _, _) = try filter(c.collection, share.base, cancellation: cancellation)
      let counts = try storyCounts(set.intersection(base))
      let totals = try storyCounts(base)
      var countOf: [Value: Int] = [:]
      for g in counts { countOf[g.value] = g.count }
      let groups = totals.map { (value: $0.value, count: countOf[$0.value] ?? 0) }
      let order = Self.arrangedIndices(groups, totals: totals.map(\.count), c)
      return .groups(GroupedCount(field: by.name, groups: order.map { groups[$0] }, totals: order.map { totals[$0].count }))
    }
    return .groups(GroupedCount(field: by.name, groups: Self.arrange(try storyCounts(set), c)))
  }

  /// A group's value (or pair of values) and a story in it.
  struct StoryKey<T: Hashable>: Hashable {
    var value: T
    var story: Int32
    init(_ value: T, _ story: Int32) {
      self.value = value
      self.story = story
    }
  }

  /// `crossTab(_:rows:columns:table:cancellation:)` counts the rows of `set` by the pairs of
  /// values of two fields (each distinct element of a list once).
  func crossTab(_ set: DocSet, rows: Field, columns: Field, table: Table, cancellation: Cancellation?) throws(
    EvaluationFailure
  ) -> CrossTab {
    // Fields with a small key per row (a year, a short text's rank) are counted by key, and each
    // key's value read once; any other field by its values.
    var pairs: [Pair<Value>: Int] = [:]
    var rowTotals: [Value: Int] = [:]
    var columnTotals: [Value: Int] = [:]
    if let rowKeys = groupKeys(rows, table: table), let columnKeys = groupKeys(columns, table: table) {
      var pairCounts: [Pair<Int>: Int] = [:]
      let completed = set.forEach(checking: cancellation) { i in
        pairCounts[Pair(rowKeys.key(i), columnKeys.key(i)), default: 0] += 1
      }
      if !completed { throw .cancelled }
      var rowValue: [Int: Value] = [:]
      var columnValue: [Int: Value] = [:]
      for (p, n) in pairCounts {
        let r = rowValue[p.row] ?? rowKeys.value(p.row)
        let c = columnValue[p.column] ?? columnKeys.value(p.column)
        rowValue[p.row] = r
        columnValue[p.column] = c
        pairs[Pair(r, c), default: 0] += n
        rowTotals[r, default: 0] += n
        columnTotals[c, default: 0] += n
      }
    } else {
      let completed = set.forEach(checking: cancellation) { i in
        let rs = Self.groupValues(table.value(rows, i))
        let cs = Self.groupValues(table.value(columns, i))
        for r in rs {
          rowTotals[r, default: 0] += 1
          for c in cs { pairs[Pair(r, c), default: 0] += 1 }
        }
        for c in cs { columnTotals[c, default: 0] += 1 }
      }
      if !completed { throw .cancelled }
    }
    func ordered(_ totals: [Value: Int], _ f: Field) -> [Value] { Self.filled(Self.inValueOrder(totals), f).map(\.value) }
    let rowValues = ordered(rowTotals, rows)
    let columnValues = ordered(columnTotals, columns)
    return CrossTab(
      rowField: rows.name, columnField: columns.name, rows: rowValues, columns: columnValues,
      counts: rowValues.map { r in columnValues.map { c in pairs[Pair(r, c)] ?? 0 } },
      rowTotals: rowValues.map { rowTotals[$0] ?? 0 }, columnTotals: columnValues.map { columnTotals[$0] ?? 0 },
      total: set.count)
  }

  /// `GroupKeys` gives a row's value of one field as a small integer, and the value of a key.
  struct GroupKeys {
    let key: (Int) -> Int
    let value: (Int) -> Value
  }

  /// `groupKeys(_:table:)` keys the year (by itself) and the short text fields of articles (by
  /// their alphabetical rank, which equal values share); nil for any other field.
  func groupKeys(_ field: Field, table: Table) -> GroupKeys? {
    guard table.collection == .articles else { return nil }
    let store = self.store
    if field.index == .year {
      let years = store.articleYears
      return GroupKeys(
        key: { years[$0] == .min ? Int.min / 4 : Int(years[$0]) },
        value: { $0 == Int.min / 4 ? .null : .integer($0) })
    }
    guard field.type == .text, field.derived == nil, let ranks = table.ranks(field) else { return nil }
    return GroupKeys(
      key: { Int(ranks.ofArticle[$0]) },
      value: { $0 < 0 || $0 >= ranks.representative.count ? .null : table.value(field, Int(ranks.representative[$0])) })
  }

  /// `valueCounts(_:by:table:cancellation:)` counts the rows of `set` by the value of `by`, in
  /// value order, unknown last, a period's gaps filled with zeros; a list counts each row once
  /// per distinct element.
  func valueCounts(_ set: DocSet, by: Field, table: Table, cancellation: Cancellation?) throws(EvaluationFailure) -> [(
    value: Value, count: Int
  )] {
    if table.collection == .articles, by.index == .year {
      // The year index answers this without reading any article.
      var groups: [(value: Value, count: Int)] = []
      var dated = 0
      for (year, articles) in store.years {
        let n = articles.intersection(set).count
        dated += n
        if n > 0 { groups.append((.integer(year), n)) }
      }
      if set.count > dated { groups.append((.null, set.count - dated)) }
      return groups
    }
    if table.collection == .articles, let period = by.period {
      // The date order walks the dates in order, so a period's articles come together: its value
      // is computed once per distinct date, not once per article.
      var groups: [(value: Value, count: Int)] = []
      var lastOrdinal = Int.min
      var value = Value.null
      var counted = 0
      for entry in store.dateOrder where set.contains(entry.article) {
        if entry.ordinal != lastOrdinal {
          lastOrdinal = entry.ordinal
          // The ordinal says the date; the article's record is read only for a year before 0.
          value = period.value(of: PartialDate(ordinal: entry.ordinal) ?? store.metadata[entry.article].date)
        }
        if value.isNull { continue }
        counted += 1
        if let last = groups.last, last.value == value {
          groups[groups.count - 1].count += 1
        } else {
          groups.append((value, 1))
        }
      }
      if set.count > counted { groups.append((.null, set.count - counted)) }
      return Self.filled(groups, by)
    }
    if table.collection == .articles, by.derived == nil, let ranks = table.ranks(by) {
      // A short text field: each row adds one to its value's rank, and each rank's value is read
      // once; the ranks are already in value order.
      var perRank = [Int](repeating: 0, count: ranks.representative.count)
      var unknown = 0
      let completed = set.forEach(checking: cancellation) { i in
        let k = Int(ranks.ofArticle[i])
        if k < 0 { unknown += 1 } else { perRank[k] += 1 }
      }
      if !completed { throw .cancelled }
      var groups: [(value: Value, count: Int)] = perRank.indices.filter { perRank[$0] > 0 }.map {
        (table.value(by, Int(ranks.representative[$0])), perRank[$0])
      }
      if unknown > 0 { groups.append((.null, unknown)) }
      return groups
    }
    var counts: [Value: Int] = [:]
    let completed = set.forEach(checking: cancellation) { i in
      for v in Self.groupValues(table.value(by, i)) { counts[v, default: 0] += 1 }
    }
    if !completed { throw .cancelled }
    return Self.filled(Self.inValueOrder(counts), by)
  }

  /// `groupValues(_:)` is what a row counts under when grouped by a value: the value itself; for
  /// a list, each distinct element once (a record by its first field), and an empty list as
  /// unknown.
  static func groupValues(_ v: Value) -> [Value] {
    guard case .list(let items) = v else { return [v] }
    if items.isEmpty { return [.null] }
    var seen = Set<Value>()
    return items.compactMap { item in
      let key: Value
      if case .object(_, let values) = item { key = values.first ?? .null } else { key = item }
      return seen.insert(key).inserted ? key : nil
    }
  }

  /// `inValueOrder(_:)` is counts by value in value order, unknown last.
  package static func inValueOrder(_ counts: [Value: Int]) -> [(value: Value, count: Int)] {
    counts.map { (value: $0.key, count: $0.value, key: sortKey($0.key)) }
      .sorted { a, b in
        switch (a.key, b.key) {
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): return x < y
        }
      }
      .map { (value: $0.value, count: $0.count) }
  }

  /// A row value and a column value of a two-way count.
  struct Pair<T: Hashable>: Hashable {
    var row: T
    var column: T
    init(_ row: T, _ column: T) {
      self.row = row
      self.column = column
    }
  }

  /// Counting by the body keeps one article a distinct body and a count, not the bodies: equal
  /// bodies are found by the hash of their stored encoding and confirmed by comparing encodings
  /// (a piece has one number in the store, and every text is normalised at the door, so equal
  /// bodies are equal encodings), none decoded.
  /// The groups are put in value order by short keys (`RowOrder`), ordered and cut as asked, and
  /// only the texts of the groups returned are decoded for the answer.
  func countByBody(
    _ set: DocSet, by: Field, encoded: (Int) -> Column<UInt8>, table: Table, _ c: CheckedCount,
    cancellation: Cancellation?
  ) throws(EvaluationFailure) -> GroupedCount {
    var buckets: [Int: [Int]] = [:]
    var representatives: [Int] = []
    var counts: [Int] = []
    // Bodies are compared as stored, without decoding one (equal bodies, equal encodings).
    let completed = set.forEach(checking: cancellation) { i in
      let bytes = encoded(i)
      let hash = Int(truncatingIfNeeded: bytes.withUnsafeBufferPointer { Hash64.bytes($0, seed: 0x7469_6e71) })
      if let same = buckets[hash]?.first(where: { encoded(representatives[$0]).elementsEqual(bytes) }) {
        counts[same] += 1
      } else {
        buckets[hash, default: []].append(representatives.count)
        representatives.append(i)
        counts.append(1)
      }
    }
    if !completed { throw .cancelled }
    // Value order of the distinct texts, by short keys; a group's rank stands for its value
    // while the groups are ordered and cut.
    func inValueOrder(_ members: [Int], needed: Int = .max) throws(EvaluationFailure) -> [Int] {
      let order = try RowOrder(
        keys: [Ordering(field: by, descending: false)], table: table, members: members, cancellation: cancellation)
      return Array(try order.ordered(needed: needed, cancellation: cancellation).prefix(needed))
    }
    let sorted: [Int]
    if let limit = c.limit, c.order.allSatisfy({ $0.key == .count }) {
      // Only the first groups are shown, and the value order decides only among equal counts:
      // it is needed for the groups that can make the cut, and of the groups tied at the cut,
      // only for the first few (a bounded heap), not for every distinct text.
      let needed = c.offset > Int.max - limit ? Int.max : c.offset + limit
      if let key = c.order.first {
        let byCount = representatives.indices.sorted {
          key.descending ? counts[$0] > counts[$1] : counts[$0] < counts[$1]
        }
        if needed == 0 {
          sorted = []
        } else if needed < byCount.count {
          let boundary = counts[byCount[needed - 1]]
          let better = byCount.filter { key.descending ? counts[$0] > boundary : counts[$0] < boundary }
          let tied = byCount.filter { counts[$0] == boundary }
          let first = try inValueOrder(better.map { representatives[$0] })
          sorted = first + (try inValueOrder(tied.map { representatives[$0] }, needed: needed - better.count))
        } else {
          sorted = try inValueOrder(representatives)
        }
      } else {
        sorted = try inValueOrder(representatives, needed: needed)
      }
    } else {
      sorted = try inValueOrder(representatives)
    }
    var countOf: [Int: Int] = [:]
    for (k, row) in representatives.enumerated() { countOf[row] = counts[k] }
    let groups: [(value: Value, count: Int)] = sorted.enumerated().map { (value: .integer($0.offset), count: countOf[$0.element] ?? 0) }
    let arranged = Self.arrange(groups, c)
    return GroupedCount(
      field: by.name,
      groups: arranged.map { group in
        guard case .integer(let rank) = group.value else { return group }
        return (value: table.value(by, sorted[rank]), count: group.count)
      })
  }

  /// `filled(_:_:)` adds a zero row for every period missing between the first and the last of
  /// a count by a period field, so the series is continuous; the unknown row stays last.
  package static func filled(_ groups: [(value: Value, count: Int)], _ by: Field) -> [(value: Value, count: Int)] {
    guard let period = by.period else { return groups }
    let known = groups.filter { !$0.value.isNull }
    guard let first = known.first, let last = known.last, let all = period.span(from: first.value, to: last.value) else {
      return groups
    }
    var counts: [Value: Int] = [:]
    for g in known { counts[g.value] = g.count }
    return all.map { (value: $0, count: counts[$0] ?? 0) } + groups.filter(\.value.isNull)
  }

  /// `arrange(_:_:)` orders groups (given in value order, unknown last) by the count's
  /// `order by`, stably, the unknown value last in both directions, then cuts them.
  package static func arrange(_ groups: [(value: Value, count: Int)], _ c: CheckedCount) -> [(value: Value, count: Int)] {
    arrangedIndices(groups, totals: nil, c).map { groups[$0] }
  }

  /// `arrangedIndices(_:totals:_:)` is the order `arrange` puts the groups in, as indices; with
  /// totals, `order by share` compares count / total (a group with no total last).
  package static func arrangedIndices(_ groups: [(value: Value, count: Int)], totals: [Int]?, _ c: CheckedCount) -> [Int] {
    var indices = Array(groups.indices)
    if !c.order.isEmpty {
      let keys = groups.map { sortKey($0.value) }
      func share(_ i: Int) -> Double? {
        guard let totals, totals[i] > 0 else { return nil }
        return Double(groups[i].count) / Double(totals[i])
      }
      indices = groups.indices.sorted { a, b in
        for key in c.order {
          switch key.key {
          case .share:
            switch (share(a), share(b)) {
            case (nil, nil): continue
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
              if x != y { return key.descending ? x > y : x < y }
            }
          case .count:
            let (x, y) = (groups[a].count, groups[b].count)
            if x != y { return key.descending ? x > y : x < y }
          case .value:
            switch (keys[a], keys[b]) {
            case (nil, nil): continue
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
              if x == y { continue }
              return key.descending ? y < x : x < y
            }
          }
        }
        return a < b
      }
    }
    guard c.limit != nil || c.offset > 0 else { return indices }
    let start = min(c.offset, indices.count)
    let end = start + min(indices.count - start, c.limit ?? .max)
    return Array(indices[start..<end])
  }

  // MARK: - show and explain

  func resolveID(_ id: String, at range: SourceRange) throws(EvaluationFailure) -> Int {
    if let i = store.ordinal(ofID: id) { return i }
    let matches = store.ordinals(withIDPrefix: id)
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty {
      throw .diagnostic(Diagnostic("no article has the id or id prefix \"\(id)\"", at: range))
    }
    let shown = matches.prefix(5).map { store.metadata[$0].id }
    throw .diagnostic(Diagnostic(
      "the id prefix \"\(id)\" is ambiguous: \(matches.count) articles match", at: range,
      notes: ["note: candidates: " + shown.joined(separator: ", ") + (matches.count > 5 ? ", ..." : "")]))
  }

  func explain(_ statement: CheckedStatement, cancellation: Cancellation?) throws(EvaluationFailure) -> String {
    var lines = ["query: " + statement.text]
    switch statement.kind {
    case .query(let q):
      let (rows, execution) = try self.rows(q, cancellation: cancellation, early: false)
      lines.append("collection: \(q.collection.rawValue) (" + rowCount(Table.of(q.collection, in: store).count) + ")")
      if q.filter != nil { lines.append("where:\n" + execution.describe()) }
      if !q.order.isEmpty {
        let how =
          q.order.first?.field.derived == .score
          ? "score every row by BM25 over the contains phrases (positions from the full-text index), sort"
          : Self.walksDateIndex(q.order, q.collection) ? "walk the date index" : "sort by collation keys"
        lines.append("order: " + how)
      }
      lines.append("result: " + rowCount(rows.rows.count))
    case .count(let c):
      let (result, execution) = try count(c, cancellation: cancellation)
      lines.append("collection: \(c.collection.rawValue) (" + rowCount(Table.of(c.collection, in: store).count) + ")")
      if c.filter != nil { lines.append("where:\n" + execution.describe()) }
      switch result {
      case .count(let n): lines.append("result: count \(n)")
      case .groups(let g): lines.append("result: \(g.groups.count) groups by \(g.field)")
      default: break
      }
      if c.distinct != nil {
        lines.insert("distinct: each story once per group (clusters of near-copies, built on first use)", at: lines.count - 1)
      }
    case .show(let id):
      let i = try resolveID(id, at: statement.range)
      lines.append("lookup: id index, then id prefix → \(store.metadata[i].id)")
    case .explain(let inner):
      lines.append(try explain(inner, cancellation: cancellation))
    case .binding:
      lines.append("binding: no evaluation")
    case .expectation:
      lines.append("expectation: runs its count or query, then compares")
    case .concordance(let k):
      let (result, execution) = try concordance(k, cancellation: cancellation, explaining: true)
      lines.append("collection: articles (" + rowCount(store.count) + ")")
      lines.append("articles:\n" + execution.describe())
      switch k.target {
      case .phrase: lines.append("occurrences: the phrase's positions in the full-text index")
      case .cites: lines.append("occurrences: each matching citation's number and cited words, by the full-text index")
      case .mentions: lines.append("occurrences: each matching name and abbreviation, by the full-text index")
      }
      if let key = k.sort { lines.append("order: " + (key == .left || key == .right ? "sort by \(key.rawValue) context, collation keys" : "sort by \(key.rawValue)")) }
      switch result {
      case .count(let n): lines.append("result: count \(n)")
      case .concordance(let c): lines.append("result: \(c.lines.count) of \(c.occurrences) lines, in \(c.articles) articles")
      default: break
      }
    case .collocates(let c):
      let (rows, execution) = try collocates(c, cancellation: cancellation)
      lines.append("collection: articles (" + rowCount(store.count) + ")")
      if c.filter != nil { lines.append("articles:\n" + execution.describe()) }
      lines.append("occurrences: the phrase's positions in the full-text index (bodies)")
      lines.append("counts: every syllable of the bodies counted, from their stored pieces")
      lines.append("result: \(rows.rows.count) collocates by \(c.measure.rawValue)")
    case .ngrams(let g):
      let (rows, execution) = try ngrams(g, cancellation: cancellation)
      lines.append("collection: articles (" + rowCount(store.count) + ")")
      if g.filter != nil { lines.append("articles:\n" + execution.describe()) }
      lines.append("counts: every run of \(g.size) syllables of the bodies counted, from their stored pieces")
      lines.append("result: \(rows.rows.count) n-grams")
    case .keywords(let k):
      let (rows, focus, reference) = try keywords(k, cancellation: cancellation)
      lines.append("collection: articles (" + rowCount(store.count) + ")")
      lines.append("focus:\n" + focus.describe())
      switch k.reference {
      case .filter: lines.append("reference:\n" + (reference?.describe() ?? ""))
      case .rest: lines.append("reference: the other articles")
      case .all: lines.append("reference: all articles (those of the focus counted once, added to the rest)")
      }
      switch k.items {
      case .ngrams(let n):
        let what = n == 1 ? "every syllable" : "every run of \(n) syllables"
        lines.append("counts: \(what) of the focus's bodies, then of the reference's, from their stored pieces")
      case .entities(let e):
        lines.append("counts: the articles of each of the \(e.rawValue), in the focus and in the reference")
      }
      lines.append("result: \(rows.rows.count) keywords by \(k.measure.rawValue)")
    }
    return lines.joined(separator: "\n")
  }
}

extension MemoryBackend {
  /// `notes(for:)` says when a statement's `cites` or `mentions` names nothing in the corpus, so
  /// an empty answer is not mistaken for a real zero: a mistyped number or a name that was never
  /// extracted (where `contains` may be what was meant).
  public func notes(for statement: CheckedStatement) -> [String] {
    let filter: Predicate?
    switch statement.kind {
    case .query(let q): filter = q.filter
    case .count(let c): filter = c.filter
    case .collocates(let c): filter = c.filter
    case .ngrams(let g): filter = g.filter
    case .keywords(let k):
      if case .filter(let p) = k.reference { filter = .all([k.focus, p]) } else { filter = k.focus }
    case .concordance(let k):
      var conditions: [Predicate] = k.filter.map { [$0] } ?? []
      switch k.target {
      case .cites(let s): conditions.append(.condition(Condition(test: .cites(s), text: "", range: .none)))
      case .mentions(let s): conditions.append(.condition(Condition(test: .mentions(s), text: "", range: .none)))
      case .phrase: break
      }
      filter = conditions.isEmpty ? nil : .all(conditions)
    case .explain(let inner): return notes(for: inner)
    case .show, .binding, .expectation: return []
    }
    var notes: [String] = []
    for condition in filter?.conditions ?? [] {
      switch condition.test {
      case .cites(let s) where store.documents(matching: s).isEmpty:
        notes.append("note: no document in the corpus is numbered \"\(s)\"")
      case .mentions(let s) where store.entities(named: s).isEmpty:
        notes.append("note: no person or organisation named \"\(s)\" was extracted; `contains` searches the text")
      default:
        break
      }
    }
    return notes
  }
}
