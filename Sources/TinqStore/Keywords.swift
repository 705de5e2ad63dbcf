/// `GramComparison` is what counting the n-grams of two sets of bodies finds: every n-gram of the
/// first set (the focus) with its occurrences there and in the second (the reference), and the
/// n-grams each set holds in all, which keyness statistics are computed from.
public struct GramComparison: Sendable {
  /// Syllables per n-gram.
  public let size: Int
  /// Per n-gram of the focus: its occurrences in the focus (at least 1) and in the reference.
  public let focus: [Int]
  public let reference: [Int]
  /// The n-grams counted (occurrences) in the focus and in the reference.
  public let focusTotal: Int
  public let referenceTotal: Int
  let keys: [GramTable.Key]
  let spellings: [String]

  /// The number of distinct n-grams of the focus.
  public var count: Int { focus.count }

  /// `text(at:)` spells n-gram `i`: its syllables as first written, lowercased, joined by spaces.
  public func text(at i: Int) -> String { GramReader.text(keys[i], size: size, spellings: spellings) }
}

extension ArticleStore {
  /// `gramComparison(size:focus:reference:stop:)` counts every run of `size` syllables in the
  /// bodies of `focus` and of `reference`, as `ngrams(size:in:first:stop:)` does, keeping those
  /// of the focus: exact counts over both sets, which may overlap. When the reference holds the
  /// whole focus (`vs all`), only the rest of it is read and the focus's counts added. Nil when
  /// `stop` says so.
  public func gramComparison(size: Int, focus: DocSet, reference: DocSet, stop: () -> Bool = { false }) -> GramComparison? {
    guard size >= 1, size <= 4 else {
      return GramComparison(size: size, focus: [], reference: [], focusTotal: 0, referenceTotal: 0, keys: [], spellings: [])
    }
    var reader = GramReader(bodies: bodies)
    if size == 1 { return termComparison(reader: &reader, focus: focus, reference: reference, stop: stop) }
    var table = GramTable()
    guard let focusTotal = reader.tally(size: size, of: focus, into: &table, stop: stop) else { return nil }
    // Per slot of the table: occurrences in the reference. N-grams the focus lacks are only
    // looked up, never stored.
    var inReference = [Int32](repeating: 0, count: table.keys.count)
    var referenceTotal = 0
    var walked = reference
    if !focus.isEmpty, reference.intersection(focus) == focus {
      walked = reference.subtracting(focus)
      for j in table.keys.indices where table.used[j] { inReference[j] = table.tallies[j].count }
      referenceTotal = focusTotal
    }
    let countedReference = walked.forEach(stoppingWhen: stop) { article in
      reader.forEachGram(size: size, of: article) { key in
        referenceTotal += 1
        if let j = table.position(of: key) { inReference[j] &+= 1 }
      }
    }
    guard countedReference else { return nil }
    var keys: [GramTable.Key] = []
    var inFocus: [Int] = []
    var inOther: [Int] = []
    keys.reserveCapacity(table.count)
    inFocus.reserveCapacity(table.count)
    inOther.reserveCapacity(table.count)
    for j in table.keys.indices where table.used[j] {
      keys.append(table.keys[j])
      inFocus.append(Int(table.tallies[j].count))
      inOther.append(Int(inReference[j]))
    }
    return GramComparison(
      size: size, focus: inFocus, reference: inOther, focusTotal: focusTotal, referenceTotal: referenceTotal, keys: keys,
      spellings: reader.counter.spellings)
  }

  /// `termComparison(reader:focus:reference:stop:)` is `gramComparison` for single syllables:
  /// counted by term in flat arrays, with no table to hash into (the reference's terms the focus
  /// lacks are numbered after the focus's, so they fall outside its array).
  func termComparison(reader: inout GramReader, focus: DocSet, reference: DocSet, stop: () -> Bool) -> GramComparison? {
    var inFocus: [Int32] = []
    var focusTotal = 0
    let countedFocus = focus.forEach(stoppingWhen: stop) { article in
      reader.forEachTerm(of: article) { t in
        if t >= inFocus.count { inFocus.append(contentsOf: repeatElement(0, count: t + 1 - inFocus.count)) }
        inFocus[t] &+= 1
        focusTotal += 1
      }
    }
    guard countedFocus else { return nil }
    // Against the rest of the corpus or all of it, the reference's counts are the corpus's
    // (counted once) less the focus's, or the corpus's: its bodies are not read.
    let isAll = reference.count == count
    let isRest = !isAll && reference.intersection(focus).isEmpty && reference.count + focus.count == count
    var inReference = [Int32](repeating: 0, count: inFocus.count)
    var referenceTotal = 0
    if focus.universe == count, isAll || isRest {
      guard let whole = corpusTerms(stop: stop) else { return nil }
      for t in inFocus.indices where inFocus[t] > 0 {
        let corpus = Int32(whole.frequency[reader.counter.keys[t]] ?? Int(inFocus[t]))
        inReference[t] = isAll ? corpus : corpus - inFocus[t]
      }
      referenceTotal = isAll ? whole.total : whole.total - focusTotal
    } else {
      var walked = reference
      if !focus.isEmpty, reference.intersection(focus) == focus {
        walked = reference.subtracting(focus)
        inReference = inFocus
        referenceTotal = focusTotal
      }
      let known = inFocus.count
      let countedReference = walked.forEach(stoppingWhen: stop) { article in
        reader.forEachTerm(of: article) { t in
          referenceTotal += 1
          if t < known { inReference[t] &+= 1 }
        }
      }
      guard countedReference else { return nil }
    }
    var keys: [GramTable.Key] = []
    var a: [Int] = []
    var b: [Int] = []
    for t in inFocus.indices where inFocus[t] > 0 {
      keys.append(GramReader.key(ofTerm: t))
      a.append(Int(inFocus[t]))
      b.append(Int(inReference[t]))
    }
    return GramComparison(
      size: 1, focus: a, reference: b, focusTotal: focusTotal, referenceTotal: referenceTotal, keys: keys,
      spellings: reader.counter.spellings)
  }
}
