#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TinqFacts
import TinqStore
import TinqSyntax
import TinqText

/// `Association` computes the association measures of `collocates`, from the counts of one
/// collocate y with the node x: f(x, y) the co-occurrences within the window, f(x) the node's
/// occurrences, f(y) the collocate's frequency and N the syllables counted.
public enum Association {
  /// logDice (Rychlý 2008): 14 + log2(2 f(x,y) / (f(x) + f(y))); at most 14, independent of N.
  public static func logDice(together: Int, node: Int, collocate: Int) -> Double {
    14 + log2(2 * Double(together) / Double(max(1, node + collocate)))
  }

  /// Mutual information (Church and Hanks 1990): log2(f(x,y) N / (f(x) f(y))).
  public static func mi(together: Int, node: Int, collocate: Int, size: Int) -> Double {
    log2(Double(together) * Double(size) / Double(max(1, node * collocate)))
  }

  /// Log-likelihood (Dunning 1993): 2 Σ O ln(O / E) over the 2×2 table O11 = f(x,y),
  /// O12 = f(x) − f(x,y), O21 = f(y) − f(x,y), O22 = N − f(x) − f(y) + f(x,y) (cells below 0
  /// read as 0), E from its margins.
  public static func ll(together: Int, node: Int, collocate: Int, size: Int) -> Double {
    let o11 = Double(together)
    let o12 = Double(max(0, node - together))
    let o21 = Double(max(0, collocate - together))
    let o22 = Double(max(0, size - node - collocate + together))
    let n = o11 + o12 + o21 + o22
    guard n > 0 else { return 0 }
    let r1 = o11 + o12
    let r2 = o21 + o22
    let c1 = o11 + o21
    let c2 = o12 + o22
    func term(_ o: Double, _ e: Double) -> Double { o > 0 && e > 0 ? o * log(o / e) : 0 }
    return 2 * (term(o11, r1 * c1 / n) + term(o12, r1 * c2 / n) + term(o21, r2 * c1 / n) + term(o22, r2 * c2 / n))
  }

  /// `score(_:node:size:)` is the named measure of one collocate.
  public static func score(
    _ measure: CollocatesStatement.Measure, together: Int, node: Int, collocate: Int, size: Int
  ) -> Double {
    switch measure {
    case .logdice: return logDice(together: together, node: node, collocate: collocate)
    case .mi: return mi(together: together, node: node, collocate: collocate, size: size)
    case .ll: return ll(together: together, node: node, collocate: collocate, size: size)
    }
  }
}

extension MemoryBackend {
  /// `collocates(_:cancellation:)` answers `collocates of ...`: rows of a collocate, its
  /// co-occurrences, its frequency and the measure, the strongest first.
  func collocates(_ c: CheckedCollocates, cancellation: Cancellation?) throws(EvaluationFailure) -> (
    rows: RowSet, execution: Execution
  ) {
    let (set, _, execution) = try filter(.articles, c.filter, cancellation: cancellation)
    guard let counted = store.collocation(of: c.phrase, window: c.window, in: set, stop: { cancellation?.isCancelled == true })
    else { throw .cancelled }
    let nodeSyllables = Set(c.phrase.tonedKeys ?? [])
    let nodeBare = Set(c.phrase.tonedKeys == nil ? c.phrase.bareKeys : [])
    var scored: [(item: Collocation.Item, score: Double)] = []
    for item in counted.items where item.together >= CheckedCollocates.minimumTogether {
      // The node's own syllables beside it (a repeated phrase) are not its collocates.
      if nodeSyllables.contains(item.key) || nodeBare.contains(Fold.bareKey(item.syllable.unicodeScalars)) { continue }
      let s = Association.score(
        c.measure, together: item.together, node: counted.occurrences, collocate: item.frequency, size: counted.syllables)
      scored.append((item, s))
    }
    scored.sort { a, b in
      if a.score != b.score { return a.score > b.score }
      if a.item.together != b.item.together { return a.item.together > b.item.together }
      return VietnameseCollation.less(VietnameseCollation.sortKey(a.item.syllable), VietnameseCollation.sortKey(b.item.syllable))
    }
    let start = min(c.offset, scored.count)
    let kept = scored[start..<min(scored.count, start + c.limit)]
    let rows = kept.map { s -> [Value] in
      [.text(s.item.syllable), .integer(s.item.together), .integer(s.item.frequency), .decimal(s.score)]
    }
    return (
      RowSet(collection: .articles, columns: ["collocate", "together", "frequency", c.measure.rawValue], rows: rows),
      execution
    )
  }
}
