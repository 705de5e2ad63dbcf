import TinqStore
import TinqSupport
import TinqSyntax
import TinqText

/// `Keyness` computes the statistics of `keywords` from an item's frequency a in the focus and b
/// in the reference, and the sizes of the two: the n-grams counted in each (for syllables and
/// n-grams) or their articles (for entities, counted by the articles holding them).
public enum Keyness {
  /// The N of simple maths: 1, Sketch Engine's default, which favours items of middling
  /// frequency over the rarest.
  public static let simpleMathsN = 1.0

  /// `perMillion(_:of:)` is a frequency per million items of its set (0 for an empty set).
  public static func perMillion(_ frequency: Int, of size: Int) -> Double {
    size > 0 ? Double(frequency) * 1_000_000 / Double(size) : 0
  }

  /// Log-likelihood (Dunning 1993), signed: G2 = 2 Σ O ln(O / E) over the 2×2 table O11 = a,
  /// O12 = b, O21 = size(focus) − a, O22 = size(reference) − b, E from its margins (as
  /// `Association.ll` computes it with f(x,y) = a, f(x) = a + b, f(y) = size(focus), N = both
  /// sizes), negative when a / size(focus) < b / size(reference): the more over-represented in
  /// the focus, the higher; under-represented items rank last.
  public static func ll(focus a: Int, reference b: Int, focusSize: Int, referenceSize: Int) -> Double {
    let g2 = Association.ll(together: a, node: a + b, collocate: focusSize, size: focusSize + referenceSize)
    return Double(a) * Double(referenceSize) < Double(b) * Double(focusSize) ? -g2 : g2
  }

  /// Simple maths (Kilgarriff 2009, Sketch Engine's keywords): (fpm(a) + N) / (fpm(b) + N), fpm
  /// the frequency per million of its set, N = 1.
  public static func simple(focus a: Int, reference b: Int, focusSize: Int, referenceSize: Int) -> Double {
    (perMillion(a, of: focusSize) + simpleMathsN) / (perMillion(b, of: referenceSize) + simpleMathsN)
  }

  /// `score(_:focus:reference:focusSize:referenceSize:)` is the named statistic of one item.
  public static func score(
    _ measure: KeywordsStatement.Measure, focus a: Int, reference b: Int, focusSize: Int, referenceSize: Int
  ) -> Double {
    switch measure {
    case .ll: return ll(focus: a, reference: b, focusSize: focusSize, referenceSize: referenceSize)
    case .simple: return simple(focus: a, reference: b, focusSize: focusSize, referenceSize: referenceSize)
    }
  }
}

extension MemoryBackend {
  /// `keywords(_:cancellation:)` answers `keywords ... vs ...`: rows of an item, its frequency in
  /// the focus and in the reference (raw and per million) and the statistic, the most
  /// characteristic of the focus first.
  func keywords(_ k: CheckedKeywords, cancellation: Cancellation?) throws(EvaluationFailure) -> (
    rows: RowSet, focus: Execution, reference: Execution?
  ) {
    let (focus, _, focusExecution) = try filter(.articles, k.focus, cancellation: cancellation)
    guard !focus.isEmpty else {
      throw .diagnostic(
        Diagnostic(
          "no article matches this `where`: `keywords` has nothing to characterise", at: k.focusRange,
          notes: ["note: `keywords` compares the articles of its first `where` with the reference after `vs`"]))
    }
    let reference: DocSet
    var referenceExecution: Execution? = nil
    switch k.reference {
    case .filter(let p):
      let (set, _, execution) = try filter(.articles, p, cancellation: cancellation)
      reference = set
      referenceExecution = execution
    case .rest: reference = DocSet.all(universe: focus.universe).subtracting(focus)
    case .all: reference = DocSet.all(universe: focus.universe)
    }
    guard !reference.isEmpty else {
      let what = k.reference.isRest ? "every article is in the focus, so `vs rest` leaves none" : "no article matches the reference: `keywords` has nothing to compare with"
      throw .diagnostic(
        Diagnostic(what, at: k.referenceRange, notes: ["help: compare with `vs all` or `vs where ...`"]))
    }
    let counts: KeywordCounts
    switch k.items {
    case .ngrams(let size):
      guard
        let compared = store.gramComparison(
          size: size, focus: focus, reference: reference, stop: { cancellation?.isCancelled == true })
      else { throw .cancelled }
      counts = KeywordCounts(
        count: compared.count, focus: compared.focus, reference: compared.reference, focusSize: compared.focusTotal,
        referenceSize: compared.referenceTotal, text: compared.text(at:))
    case .entities(let kind):
      let lists: [(name: String, articles: [Int])]
      switch kind {
      case .people: lists = store.people.map { ($0.name, $0.articles) }
      case .organizations: lists = store.organizations.map { ($0.name, $0.articles) }
      case .citations: lists = store.documents.map { ($0.citation.number, $0.articles) }
      }
      var names: [String] = []
      var inFocus: [Int] = []
      var inReference: [Int] = []
      for (name, articles) in lists {
        var a = 0
        var b = 0
        for i in articles {
          if focus.contains(i) { a += 1 }
          if reference.contains(i) { b += 1 }
        }
        guard a > 0 else { continue }
        names.append(name)
        inFocus.append(a)
        inReference.append(b)
      }
      counts = KeywordCounts(
        count: names.count, focus: inFocus, reference: inReference, focusSize: focus.count, referenceSize: reference.count,
        text: { names[$0] })
    }
    let rows = counts.ranked(by: k.measure, first: k.offset > Int.max - k.limit ? Int.max : k.offset + k.limit)
      .dropFirst(k.offset)
      .map { i -> [Value] in
        [
          .text(counts.text(i)), .integer(counts.focus[i]), .integer(counts.reference[i]),
          .decimal(Keyness.perMillion(counts.focus[i], of: counts.focusSize)),
          .decimal(Keyness.perMillion(counts.reference[i], of: counts.referenceSize)),
          .decimal(counts.score(i, by: k.measure)),
        ]
      }
    let item: String
    switch k.items {
    case .ngrams: item = "keyword"
    case .entities(.people): item = "person"
    case .entities(.organizations): item = "organization"
    case .entities(.citations): item = "citation"
    }
    return (
      RowSet(
        collection: .articles, columns: [item, "focus", "reference", "focus_pm", "reference_pm", k.measure.rawValue],
        rows: Array(rows)),
      focusExecution, referenceExecution
    )
  }
}

extension CheckedKeywords.Reference {
  var isRest: Bool {
    if case .rest = self { return true }
    return false
  }
}

/// `KeywordCounts` is what the statistics of `keywords` read, whatever was counted: per item, its
/// frequency in the focus and in the reference, the sizes of both, and its text.
struct KeywordCounts {
  let count: Int
  let focus: [Int]
  let reference: [Int]
  let focusSize: Int
  let referenceSize: Int
  let text: (Int) -> String

  func score(_ i: Int, by measure: KeywordsStatement.Measure) -> Double {
    Keyness.score(measure, focus: focus[i], reference: reference[i], focusSize: focusSize, referenceSize: referenceSize)
  }

  /// `ranked(by:first:)` is the `first` items, highest statistic first; ties go by frequency in
  /// the focus, then in Vietnamese order, texts made only for the ties.
  func ranked(by measure: KeywordsStatement.Measure, first: Int) -> [Int] {
    let scores = (0..<count).map { score($0, by: measure) }
    var collationKeys: [Int: [UInt32]] = [:]
    func collationKey(_ i: Int) -> [UInt32] {
      if let known = collationKeys[i] { return known }
      let made = VietnameseCollation.sortKey(text(i))
      collationKeys[i] = made
      return made
    }
    func before(_ x: Int, _ y: Int) -> Bool {
      if scores[x] != scores[y] { return scores[x] > scores[y] }
      if focus[x] != focus[y] { return focus[x] > focus[y] }
      return collationKey(x).lexicographicallyPrecedes(collationKey(y))
    }
    var heap = BoundedHeap(capacity: first, before: before)
    for i in 0..<count { heap.offer(i) }
    return heap.sorted()
  }
}
