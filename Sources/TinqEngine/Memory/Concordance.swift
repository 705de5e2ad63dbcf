import TinqFacts
import TinqStore
import TinqSupport
import TinqSyntax
import TinqText

// `kwic`: the occurrences come from the positional index (for `cites` and `mentions`, of the
// phrases extraction read in each article), the context from the article's text.

extension MemoryBackend {
  /// `concordance(_:cancellation:explaining:)` answers `kwic ...` (and `count kwic ...`).
  /// `explaining` runs the whole plan of `concordanceArticles`, to count every step's rows.
  func concordance(_ k: CheckedConcordance, cancellation: Cancellation?, explaining: Bool = false)
    throws(EvaluationFailure) -> (result: QueryResult, execution: Execution)
  {
    let (articles, execution) = try concordanceArticles(k, cancellation: cancellation, explaining: explaining)
    if cancellation?.isCancelled == true { throw .cancelled }
    let occurrences = self.occurrences(of: k.target, in: articles)
    if cancellation?.isCancelled == true { throw .cancelled }
    if k.countOnly { return (.count(occurrences.count), execution) }
    var articleCount = 0
    var last = -1
    for o in occurrences where o.article != last {
      articleCount += 1
      last = o.article
    }
    var chosen = Array(occurrences.indices)
    if let n = k.sample, n < chosen.count {
      var generator = SplitMix64(seed: k.seed)
      // A partial Fisher–Yates shuffle draws `n` distinct lines; they are then put back in
      // corpus order, so the sample reads like the concordance it is drawn from.
      for i in 0..<n {
        let j = i + Int(generator.next() % UInt64(chosen.count - i))
        chosen.swapAt(i, j)
      }
      chosen = Array(chosen[0..<n]).sorted()
    }
    let picked = chosen.map { occurrences[$0] }
    var order = Array(picked.indices)
    switch k.sort {
    case nil:
      if k.descending { order.reverse() }
    case .left?, .right?:
      // Only the lines shown are ordered (`contextOrder` keeps the first in a heap), by the
      // contexts' syllables, ties in corpus order.
      let (shown, overflow) = k.offset.addingReportingOverflow(k.limit ?? .max)
      order = store.contextOrder(
        picked, side: k.sort == .left ? .left : .right, syllables: Self.sortContext, descending: k.descending,
        first: overflow ? .max : shown, stop: { cancellation?.isCancelled == true })
      if cancellation?.isCancelled == true { throw .cancelled }
    case .date?:
      let dates = picked.map { store.metadata[$0.article].date?.ordinal }
      order.sort { a, b in
        switch (dates[a], dates[b]) {
        case (let x?, let y?) where x != y: return k.descending ? x > y : x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a < b
        }
      }
    case .id?:
      order.sort { a, b in
        let x = store.metadata[picked[a].article].id
        let y = store.metadata[picked[b].article].id
        if x != y { return k.descending ? x > y : x < y }
        return a < b
      }
    }
    let start = min(k.offset, order.count)
    let end = start + min(order.count - start, k.limit ?? .max)
    let kept = Array(order[start..<end])
    let shown = store.passages(kept.map { picked[$0] }, context: k.context, stop: { cancellation?.isCancelled == true })
    if cancellation?.isCancelled == true { throw .cancelled }
    let lines = shown.map { p in
      let a = store.metadata[p.article]
      return ConcordanceLine(
        id: a.id, date: a.date, source: a.source, left: p.left, match: p.match, right: p.right, part: p.part.rawValue,
        offset: p.offset)
    }
    return (.concordance(Concordance(lines: lines, occurrences: occurrences.count, articles: articleCount)), execution)
  }

  /// Sorting by context reads this many syllables (and more when the context shown is wider).
  static let sortContext = 8

  /// `concordanceArticles(_:cancellation:explaining:)` is the articles the filter keeps that also
  /// hold the target (for `cites` and `mentions`, through their indexes). A phrase is found only
  /// where it stands, so its occurrences are looked up in the articles the filter keeps, without
  /// searching the index for it first (`explaining` still runs that step, to show it).
  func concordanceArticles(_ k: CheckedConcordance, cancellation: Cancellation?, explaining: Bool = false)
    throws(EvaluationFailure) -> (DocSet, Execution)
  {
    if case .phrase = k.target, !explaining {
      let (set, _, execution) = try filter(.articles, k.filter, cancellation: cancellation)
      return (set, execution)
    }
    let (set, _, execution) = try filter(.articles, k.articles, cancellation: cancellation)
    return (set, execution)
  }

  /// `occurrences(of:in:)` lists where the target stands in the articles, by article and position.
  /// A phrase is looked up in the index. For `cites` and `mentions`, each article's matching
  /// citations and names give phrases (the number, the words the citation was read from, the
  /// name and its abbreviation), looked up in the articles that need them; overlapping finds
  /// keep the longest.
  func occurrences(of target: CheckedConcordance.Target, in articles: DocSet) -> [Occurrence] {
    switch target {
    case .phrase(let phrase):
      return store.fullText.occurrences(of: phrase, within: articles)
    case .cites(let s):
      let query = CitationQuery(s)
      return occurrences(in: articles) { a in
        a.citations.filter(query.matches).flatMap { c in [c.number, c.provenance.excerpt] }
      }
    case .mentions(let s):
      let query = NameQuery(s)
      return occurrences(in: articles) { a in
        a.people.filter { query.matches($0.name) }.map(\.name)
          + a.organizations.filter { o in query.matches(o.name) || (o.abbreviation.map(query.matches) ?? false) }
          .flatMap { o in [o.name] + (o.abbreviation.map { [$0] } ?? []) }
      }
    }
  }

  /// `occurrences(in:phrases:)` finds each article's own phrases and merges what they find.
  func occurrences(in articles: DocSet, phrases: (Article) -> [String]) -> [Occurrence] {
    var wanted: [Phrase: DocSet] = [:]
    articles.forEach { i in
      for text in phrases(store.metadata[i]) where !text.isEmpty {
        // The words as written: diacritics count when they are there, so a name does not
        // match another spelled alike without them.
        wanted[Phrase(text), default: DocSet(universe: store.count)].insert(i)
      }
    }
    var found: [Occurrence] = []
    for (phrase, set) in wanted { found += store.fullText.occurrences(of: phrase, within: set) }
    found.sort { ($0.article, $0.position, -$0.length) < ($1.article, $1.position, -$1.length) }
    var merged: [Occurrence] = []
    for o in found {
      if let last = merged.last, last.article == o.article, o.position < last.position + last.length { continue }
      merged.append(o)
    }
    return merged
  }
}
