import TinqSupport
import TinqText

/// `Ngrams` is what counting the runs of a few syllables in some bodies finds: the most frequent
/// ones, each with its count and the number of articles it occurs in.
public struct Ngrams: Sendable {
  public struct Item: Sendable, Equatable {
    /// The syllables as first written, lowercased, joined by spaces (spellings that differ only in
    /// case or tone placement are one n-gram).
    public var text: String
    /// Occurrences in the bodies counted.
    public var count: Int
    /// Articles whose body holds it.
    public var articles: Int
  }

  /// The most frequent, in order: count, then articles, then Vietnamese alphabetical order.
  public var items: [Item]
  /// The n-grams counted (occurrences), and the distinct ones.
  public var total: Int
  public var distinct: Int
}

/// `GramTable` counts n-grams by key in one open-addressed array (linear probing, grown at half
/// full): the map is updated once per syllable of the bodies, where a `Dictionary` spent most of
/// the time hashing.
struct GramTable {
  struct Key: Equatable {
    var a: UInt64
    var b: UInt64
  }
  struct Tally {
    var count: Int32
    var articles: Int32
    var last: Int32
  }
  private(set) var keys: [Key]
  private(set) var tallies: [Tally]
  private(set) var used: [Bool]
  private(set) var count = 0
  private var mask: Int

  init() {
    keys = Array(repeating: Key(a: 0, b: 0), count: 1 << 12)
    tallies = Array(repeating: Tally(count: 0, articles: 0, last: -1), count: 1 << 12)
    used = Array(repeating: false, count: 1 << 12)
    mask = (1 << 12) - 1
  }

  @inline(__always)
  private func slot(_ key: Key) -> Int {
    // SplitMix64's finaliser: every bit of both words reaches the low bits the mask keeps.
    var h = key.a ^ (key.b &* 0x9E37_79B9_7F4A_7C15)
    h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
    h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int(truncatingIfNeeded: h ^ (h >> 31)) & mask
  }

  /// `position(of:)` is the slot holding `key`, if it was counted.
  @inline(__always)
  func position(of key: Key) -> Int? {
    var i = slot(key)
    while used[i] {
      if keys[i] == key { return i }
      i = (i + 1) & mask
    }
    return nil
  }

  /// `add(_:article:)` counts one occurrence of `key` in `article`.
  mutating func add(_ key: Key, article: Int32) {
    if count * 2 >= keys.count { grow() }
    var i = slot(key)
    while used[i], keys[i] != key { i = (i + 1) & mask }
    if !used[i] {
      used[i] = true
      keys[i] = key
      count += 1
    }
    tallies[i].count &+= 1
    if tallies[i].last != article {
      tallies[i].articles &+= 1
      tallies[i].last = article
    }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldTallies = tallies
    let oldUsed = used
    let size = keys.count * 2
    keys = Array(repeating: Key(a: 0, b: 0), count: size)
    tallies = Array(repeating: Tally(count: 0, articles: 0, last: -1), count: size)
    used = Array(repeating: false, count: size)
    mask = size - 1
    for j in oldKeys.indices where oldUsed[j] {
      var i = slot(oldKeys[j])
      while used[i] { i = (i + 1) & mask }
      used[i] = true
      keys[i] = oldKeys[j]
      tallies[i] = oldTallies[j]
    }
  }
}

/// `GramReader` reads the runs of syllables of stored bodies as n-gram keys: each distinct piece
/// is mapped to its syllable's term once, and whether its separator joins it to the next syllable
/// (spaces or a lone hyphen) once.
struct GramReader {
  let bodies: BodyStore
  var counter: SyllableCounter
  /// Per piece: 1 when its separator joins its syllable to the next, 0 when it does not, -1 not
  /// yet known.
  private var joins: [Int8]
  private var terms: [UInt32] = []
  private var joined: [Bool] = []

  init(bodies: BodyStore) {
    self.bodies = bodies
    counter = SyllableCounter(table: bodies.pieces)
    joins = [Int8](repeating: -1, count: bodies.pieces.count)
  }

  /// `forEachTerm(of:_:)` calls `body` with the term of every syllable of the body of `article`:
  /// its 1-grams, without the runs.
  @inline(__always)
  mutating func forEachTerm(of article: Int, _ body: (Int) -> Void) {
    for id in bodies.pieceIDs(of: article) {
      let t = counter.term(id)
      if t >= 0 { body(Int(t)) }
    }
  }

  /// `key(ofTerm:)` is the key of the 1-gram of term `t`.
  static func key(ofTerm t: Int) -> GramTable.Key {
    GramTable.Key(a: UInt64(truncatingIfNeeded: t) << 32 | 0xFFFF_FFFF, b: UInt64.max)
  }

  /// `tally(size:of:into:stop:)` adds every run of `size` syllables in the bodies of `articles`
  /// to `table`, with the article it is in, and returns how many there were; nil when `stop` says so.
  mutating func tally(size: Int, of articles: DocSet, into table: inout GramTable, stop: () -> Bool) -> Int? {
    var total = 0
    let completed = articles.forEach(stoppingWhen: stop) { article in
      forEachGram(size: size, of: article) { key in
        total += 1
        table.add(key, article: Int32(truncatingIfNeeded: article))
      }
    }
    return completed ? total : nil
  }

  /// `forEachGram(size:of:_:)` calls `body` with the key of every run of `size` syllables in the
  /// body of `article` that no punctuation interrupts.
  @inline(__always)
  mutating func forEachGram(size: Int, of article: Int, _ body: (GramTable.Key) -> Void) {
    terms.removeAll(keepingCapacity: true)
    joined.removeAll(keepingCapacity: true)
    for id in bodies.pieceIDs(of: article) {
      let t = counter.term(id)
      guard t >= 0 else {
        // No syllable: the run stops here.
        if !joined.isEmpty { joined[joined.count - 1] = false }
        continue
      }
      let i = Int(id)
      if joins[i] < 0 {
        let separator = counter.memo.info(id).separator
        joins[i] = separator == "-" || (!separator.isEmpty && separator.utf8.allSatisfy { $0 == 0x20 }) ? 1 : 0
      }
      terms.append(UInt32(t))
      joined.append(joins[i] == 1)
    }
    var run = 0  // syllables ending at k that are joined in one run
    for k in terms.indices {
      run = k > 0 && joined[k - 1] ? run + 1 : 1
      guard run >= size else { continue }
      var key = GramTable.Key(a: UInt64.max, b: UInt64.max)
      let from = k - size + 1
      for j in 0..<size {
        let t = UInt64(terms[from + j])
        switch j {
        case 0: key.a = t << 32 | 0xFFFF_FFFF
        case 1: key.a = key.a & 0xFFFF_FFFF_0000_0000 | t
        case 2: key.b = t << 32 | 0xFFFF_FFFF
        default: key.b = key.b & 0xFFFF_FFFF_0000_0000 | t
        }
      }
      body(key)
    }
  }

  /// `text(_:size:)` spells a key: its syllables as first written, lowercased, joined by spaces.
  func text(_ key: GramTable.Key, size: Int) -> String {
    GramReader.text(key, size: size, spellings: counter.spellings)
  }

  static func text(_ key: GramTable.Key, size: Int, spellings: [String]) -> String {
    let ids = [key.a >> 32, key.a & 0xFFFF_FFFF, key.b >> 32, key.b & 0xFFFF_FFFF].prefix(size)
    return ids.map { Int($0) < spellings.count ? spellings[Int($0)] : "?" }.joined(separator: " ")
  }
}

extension ArticleStore {
  /// `ngrams(size:in:first:stop:)` counts every run of `size` syllables in the bodies of
  /// `articles` that no punctuation interrupts (the syllables are separated by spaces or a hyphen
  /// alone), and returns the `first` most frequent; nil when `stop` says so.
  public func ngrams(size: Int, in articles: DocSet, first: Int, stop: () -> Bool = { false }) -> Ngrams? {
    guard size >= 1, size <= 4 else { return Ngrams(items: [], total: 0, distinct: 0) }
    typealias Key = GramTable.Key
    typealias Tally = GramTable.Tally
    var reader = GramReader(bodies: bodies)
    var table = GramTable()
    guard let total = reader.tally(size: size, of: articles, into: &table, stop: stop) else { return nil }
    // The most frequent `first`, kept in a bounded heap whose top is the least of them; ties on
    // both counts are decided by the text, which is made only for them.
    var texts: [UInt64: [(Key, [UInt32])]] = [:]
    func collationKey(_ key: Key) -> [UInt32] {
      if let known = texts[key.a ^ key.b]?.first(where: { $0.0 == key }) { return known.1 }
      let made = VietnameseCollation.sortKey(reader.text(key, size: size))
      texts[key.a ^ key.b, default: []].append((key, made))
      return made
    }
    func before(_ x: (key: Key, tally: Tally), _ y: (key: Key, tally: Tally)) -> Bool {
      if x.tally.count != y.tally.count { return x.tally.count > y.tally.count }
      if x.tally.articles != y.tally.articles { return x.tally.articles > y.tally.articles }
      return collationKey(x.key).lexicographicallyPrecedes(collationKey(y.key))
    }
    var heap = BoundedHeap(capacity: first, before: before)
    for j in table.keys.indices where table.used[j] { heap.offer((key: table.keys[j], tally: table.tallies[j])) }
    let items = heap.sorted().map {
      Ngrams.Item(text: reader.text($0.key, size: size), count: Int($0.tally.count), articles: Int($0.tally.articles))
    }
    return Ngrams(items: items, total: total, distinct: table.count)
  }
}
