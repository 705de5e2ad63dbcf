import TinqStore

extension MemoryBackend {
  /// `ngrams(_:cancellation:)` answers `ngrams N ...`: rows of an n-gram, its count and the
  /// number of articles holding it, the most frequent first.
  func ngrams(_ g: CheckedNgrams, cancellation: Cancellation?) throws(EvaluationFailure) -> (
    rows: RowSet, execution: Execution
  ) {
    let (set, _, execution) = try filter(.articles, g.filter, cancellation: cancellation)
    let needed = g.offset > Int.max - g.limit ? Int.max : g.offset + g.limit
    guard
      let found = store.ngrams(size: g.size, in: set, first: needed, stop: { cancellation?.isCancelled == true })
    else { throw .cancelled }
    let rows = found.items.dropFirst(g.offset).map { item -> [Value] in
      [.text(item.text), .integer(item.count), .integer(item.articles)]
    }
    return (RowSet(collection: .articles, columns: ["ngram", "count", "articles"], rows: Array(rows)), execution)
  }
}
