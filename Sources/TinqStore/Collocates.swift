import Synchronization
import TinqSupport
import TinqText

/// `Collocation` is what counting a phrase's neighbours finds: for each syllable seen within the
/// window, how often it stands there and how often it occurs in the bodies counted, beside the
/// phrase's own frequency and the number of syllables counted.
public struct Collocation: Sendable {
  /// A syllable (as first written, in lowercase; spellings that differ only in case or tone
  /// placement are one) and its counts.
  public struct Item: Sendable, Equatable {
    public var syllable: String
    /// The syllable's toned key (`Fold.tonedKey`), what spellings are merged by.
    public var key: String
    /// f(x, y): times the syllable stands within the window of an occurrence of the phrase.
    public var together: Int
    /// f(y): times it occurs in the bodies counted.
    public var frequency: Int
  }

  public var items: [Item]
  /// f(x): occurrences of the phrase.
  public var occurrences: Int
  /// N: syllables of the bodies counted.
  public var syllables: Int
}

/// `SyllableCounter` maps each distinct piece to its syllable's folded key once, then counts.
struct SyllableCounter {
  let memo: PieceMemo
  /// Per piece number: its term, or -1 when not seen yet (-2: no syllable).
  var termOfPiece: [Int32]
  /// Per term: its toned key and the first spelling seen, lowercased.
  var keys: [String] = []
  var spellings: [String] = []
  var termIndex: [String: Int32] = [:]

  init(table: PieceTable) {
    memo = PieceMemo(table: table)
    termOfPiece = [Int32](repeating: -1, count: table.count)
  }

  /// The term of piece `id`.
  mutating func term(_ id: UInt32) -> Int32 {
    let i = Int(id)
    guard i < termOfPiece.count else { return -2 }
    let known = termOfPiece[i]
    if known != -1 { return known }
    let word = memo.info(id).word
    var t: Int32 = -2
    if !word.isEmpty {
      let key = Fold.tonedKey(word.unicodeScalars)
      if let found = termIndex[key] {
        t = found
      } else {
        t = Int32(keys.count)
        keys.append(key)
        spellings.append(word.lowercased())
        termIndex[key] = t
      }
    }
    termOfPiece[i] = t
    return t
  }
}

/// `CorpusTerms` is every syllable's frequency in the whole corpus's bodies, by toned key, with
/// the first spelling seen (lowercased) and the number of syllables: what `collocates` without a
/// `where` and `keywords ... vs rest` or `vs all` would otherwise count anew over every body.
public struct CorpusTerms: Sendable {
  public let frequency: [String: Int]
  public let spelling: [String: String]
  public let total: Int
}

extension CorpusTerms {
  /// `followedBy(_:)` is the counts of a corpus made of this one's articles and then `later`'s:
  /// frequencies add up, and a key keeps the spelling this corpus saw first.
  package func followedBy(_ later: CorpusTerms) -> CorpusTerms {
    var frequency = self.frequency
    var spelling = self.spelling
    for (key, n) in later.frequency {
      frequency[key, default: 0] += n
      if spelling[key] == nil { spelling[key] = later.spelling[key] }
    }
    return CorpusTerms(frequency: frequency, spelling: spelling, total: total + later.total)
  }
}

/// `CorpusTermsCache` holds a store's `CorpusTerms` once counted, or once read from the
/// snapshot the store was opened from.
final class CorpusTermsCache: Sendable {
  let value = Mutex<CorpusTerms?>(nil)
  /// The counts a snapshot stored, decoded on first use (nil when they do not decode: they are
  /// counted then).
  let stored: Deferred<CorpusTerms?>?

  init(stored: Deferred<CorpusTerms?>? = nil) { self.stored = stored }
}

extension ArticleStore {
  /// `countTerms(_:stop:)` counts the syllables of the bodies of `articles` (nil when stopped).
  package func countTerms(_ articles: DocSet, stop: () -> Bool = { false }) -> CorpusTerms? {
    var reader = GramReader(bodies: bodies)
    var frequency: [Int] = []
    var total = 0
    let completed = articles.forEach(stoppingWhen: stop) { a in
      reader.forEachTerm(of: a) { t in
        if t >= frequency.count { frequency.append(contentsOf: repeatElement(0, count: t + 1 - frequency.count)) }
        frequency[t] += 1
        total += 1
      }
    }
    guard completed else { return nil }
    let counter = reader.counter
    var byKey: [String: Int] = [:]
    var spelling: [String: String] = [:]
    byKey.reserveCapacity(frequency.count)
    spelling.reserveCapacity(frequency.count)
    for t in frequency.indices {
      byKey[counter.keys[t]] = frequency[t]
      spelling[counter.keys[t]] = counter.spellings[t]
    }
    return CorpusTerms(frequency: byKey, spelling: spelling, total: total)
  }

  /// Whether the store was opened from a snapshot that stored its syllable counts.
  package var hasStoredCorpusTerms: Bool { corpusTermsCache.stored != nil }

  /// `adoptCorpusTerms(_:)` gives the store counts made elsewhere (an update adds the new
  /// articles' counts to the snapshot's), which must be those of its bodies.
  package func adoptCorpusTerms(_ terms: CorpusTerms) {
    corpusTermsCache.value.withLock { if $0 == nil { $0 = terms } }
  }

  /// `corpusTerms(stop:)` is every syllable's frequency in the corpus's bodies, counted over
  /// every body on first use (nil when stopped) and kept for the store's life.
  public func corpusTerms(stop: () -> Bool = { false }) -> CorpusTerms? {
    if let known = corpusTermsCache.value.withLock({ $0 }) { return known }
    if let stored = corpusTermsCache.stored?.value {
      corpusTermsCache.value.withLock { if $0 == nil { $0 = stored } }
      return stored
    }
    guard let terms = countTerms(DocSet.all(universe: count), stop: stop) else { return nil }
    corpusTermsCache.value.withLock { if $0 == nil { $0 = terms } }
    return terms
  }

  /// `collocation(of:window:in:stop:)` counts, in the bodies of `articles`, the syllables that
  /// stand within `window` syllables either side of each occurrence of `phrase` (the phrase's own
  /// syllables apart), and every syllable's frequency in those bodies: exact counts over the
  /// whole (sub)corpus, which the statistics are computed from.
  public func collocation(
    of phrase: Phrase, window: Int, in articles: DocSet, stop: @Sendable () -> Bool = { false }
  ) -> Collocation? {
    var counter = SyllableCounter(table: bodies.pieces)
    var frequency: [Int] = []
    var together: [Int] = []
    var syllables = 0
    let found = fullText.occurrences(of: phrase, scope: .body, within: articles)
    var next = 0
    // Over the whole corpus the frequencies are the store's, counted once: only the windows of
    // the bodies that hold the phrase are read.
    let whole = articles.count == count ? corpusTerms(stop: stop) : nil
    if articles.count == count, whole == nil { return nil }
    if let whole {
      return windowsOnly(found, window: window, whole: whole, stop: stop)
    }
    let walked = whole == nil ? articles : DocSet(universe: count, members: Self.distinctArticles(of: found))
    let completed = walked.forEach(stoppingWhen: stop) { a in
      let ids = bodies.pieceIDs(of: a)
      var terms: [Int32] = []
      terms.reserveCapacity(ids.count)
      for id in ids {
        let t = counter.term(id)
        guard t >= 0 else { continue }
        terms.append(t)
        if Int(t) >= frequency.count {
          frequency.append(contentsOf: repeatElement(0, count: Int(t) + 1 - frequency.count))
          together.append(contentsOf: repeatElement(0, count: Int(t) + 1 - together.count))
        }
        frequency[Int(t)] += 1
      }
      syllables += terms.count
      // The phrase's occurrences in this body (they come by article, in order).
      while next < found.count, found[next].article < a { next += 1 }
      let title = fullText.titleSyllables(of: a)
      while next < found.count, found[next].article == a {
        let o = found[next]
        next += 1
        let start = o.position - title - 1
        guard start >= 0, start + o.length <= terms.count else { continue }
        for s in max(0, start - window)..<start { together[Int(terms[s])] += 1 }
        for s in (start + o.length)..<min(terms.count, start + o.length + window) { together[Int(terms[s])] += 1 }
      }
    }
    if !completed { return nil }
    var items: [Collocation.Item] = []
    for t in together.indices where together[t] > 0 {
      let key = counter.keys[t]
      if let whole {
        items.append(
          Collocation.Item(
            syllable: whole.spelling[key] ?? counter.spellings[t], key: key, together: together[t],
            frequency: whole.frequency[key] ?? frequency[t]))
      } else {
        items.append(Collocation.Item(syllable: counter.spellings[t], key: key, together: together[t], frequency: frequency[t]))
      }
    }
    return Collocation(items: items, occurrences: found.count, syllables: whole?.total ?? syllables)
  }

  /// `windowsOnly(_:window:whole:stop:)` is `collocation` over the whole corpus: the
  /// frequencies are the corpus's, so of each body holding the phrase only the syllables within
  /// `window` of an occurrence are read (the pieces between stepped over), each piece's term
  /// looked up once in a flat table.
  func windowsOnly(_ found: [Occurrence], window: Int, whole: CorpusTerms, stop: () -> Bool) -> Collocation? {
    var counter = SyllableCounter(table: bodies.pieces)
    var together: [Int] = []
    var i = 0
    var articlesRead = 0
    while i < found.count {
      let a = found[i].article
      articlesRead += 1
      if articlesRead % 1024 == 0, stop() { return nil }
      let title = fullText.titleSyllables(of: a)
      var text = bodies.window(of: a)
      while i < found.count, found[i].article == a {
        let o = found[i]
        i += 1
        let start = o.position - title - 1
        guard start >= 0, o.length > 0 else { continue }
        text.load(max(0, start - window)...(start + o.length + window - 1))
        // An occurrence past the body's end (a stale position) counts nothing, as a body read
        // whole would.
        guard text.piece(start + o.length - 1) != nil else { continue }
        for s in max(0, start - window)..<start {
          if let id = text.piece(s) { count(counter.term(id), into: &together) }
        }
        for s in (start + o.length)..<(start + o.length + window) {
          guard let id = text.piece(s) else { break }
          count(counter.term(id), into: &together)
        }
      }
    }
    var items: [Collocation.Item] = []
    for t in together.indices where together[t] > 0 {
      let key = counter.keys[t]
      items.append(
        Collocation.Item(
          syllable: whole.spelling[key] ?? counter.spellings[t], key: key, together: together[t],
          frequency: whole.frequency[key] ?? 0))
    }
    return Collocation(items: items, occurrences: found.count, syllables: whole.total)
  }

  /// `count(_:into:)` adds one to term `t`'s count (none for a piece with no syllable).
  @inline(__always)
  private func count(_ t: Int32, into counts: inout [Int]) {
    guard t >= 0 else { return }
    let i = Int(t)
    if i >= counts.count { counts.append(contentsOf: repeatElement(0, count: i + 1 - counts.count)) }
    counts[i] += 1
  }

  /// The articles of a list of occurrences (which come by article, in order), each once.
  static func distinctArticles(of found: [Occurrence]) -> [Int] {
    var out: [Int] = []
    for o in found where out.last != o.article { out.append(o.article) }
    return out
  }
}
