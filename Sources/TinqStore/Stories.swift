import Synchronization
import TinqFacts
import TinqSupport
import TinqText

/// `Story` is one cluster of near-identical articles: a wire story and its republished copies
/// (lightly edited, truncated, re-headlined, under other outlets), or an article alone.
public struct Story: Sendable, Equatable {
  /// The story's id: the id of its earliest article.
  public var id: String
  /// The ordinals of its articles, earliest first: by date (undated last; of two dates that agree
  /// to the precision they share, the more precise first), ties by id.
  public var members: [Int]
  /// The outlets (sources) that ran it, in the order of their first copy; unknown ones left out.
  public var sources: [String]
  /// The earliest and the latest date among its copies, nil when none is dated.
  public var first: PartialDate?
  public var last: PartialDate?

  /// The ordinal of the earliest article.
  public var earliest: Int { members[0] }
  /// The number of copies (the articles in the story, the first included).
  public var copies: Int { members.count }
}

/// `Stories` is the corpus's articles grouped into stories: every article in exactly one.
public struct Stories: Sendable {
  /// The stories, in the load order of their earliest article.
  public let all: [Story]
  /// Per article ordinal: the index of its story in `all`.
  public let storyOf: [Int32]

  /// `story(of:)` is the story of the article with this ordinal.
  public func story(of ordinal: Int) -> Story { all[Int(storyOf[ordinal])] }

  /// `earlier(_:_:)` orders two dates of copies: by the precision they share, and when they agree
  /// there (2021-03 and 2021-03-02), the more precise first, as the one known to be early.
  static func earlier(_ a: PartialDate, _ b: PartialDate) -> Bool {
    let p = min(a.precision, b.precision)
    let (x, y) = (a.truncated(to: p), b.truncated(to: p))
    return x != y ? x < y : a.precision > b.precision
  }

  /// `later(_:_:)` is the mirror of `earlier`: the later at the shared precision, else the more
  /// precise.
  static func later(_ a: PartialDate, _ b: PartialDate) -> Bool {
    let p = min(a.precision, b.precision)
    let (x, y) = (a.truncated(to: p), b.truncated(to: p))
    return x != y ? y < x : a.precision > b.precision
  }

  /// `init(labels:metadata:)` groups articles by a label per ordinal (equal labels, one story).
  package init(labels: [Int], metadata: ArticleTable) {
    var groups: [Int: [Int]] = [:]
    for (ordinal, label) in labels.enumerated() { groups[label, default: []].append(ordinal) }
    func precedes(_ a: Int, _ b: Int) -> Bool {
      switch (metadata[a].date, metadata[b].date) {
      case (let x?, let y?) where x != y: return Self.earlier(x, y)
      case (.some, nil): return true
      case (nil, .some): return false
      default: return metadata[a].id != metadata[b].id ? metadata[a].id < metadata[b].id : a < b
      }
    }
    var stories: [Story] = []
    stories.reserveCapacity(groups.count)
    for var members in groups.values {
      if members.count > 1 { members.sort(by: precedes) }
      var sources: [String] = []
      var first: PartialDate? = nil
      var last: PartialDate? = nil
      for m in members {
        if let s = metadata[m].source, !sources.contains(s) { sources.append(s) }
        if let d = metadata[m].date {
          if first.map({ Self.earlier(d, $0) }) ?? true { first = d }
          if last.map({ Self.later(d, $0) }) ?? true { last = d }
        }
      }
      stories.append(Story(id: metadata[members[0]].id, members: members, sources: sources, first: first, last: last))
    }
    stories.sort { $0.earliest < $1.earliest }
    var storyOf = [Int32](repeating: 0, count: labels.count)
    for (s, story) in stories.enumerated() {
      for m in story.members { storyOf[m] = Int32(s) }
    }
    all = stories
    self.storyOf = storyOf
  }
}

/// `StoryClustering` finds near-duplicate articles with MinHash over syllable shingles and
/// locality-sensitive hashing (LSH) by bands, then joins verified pairs transitively.
///
/// - A body is read as its syllables, each folded to its bare key (lowercase, no diacritics, `đ`
///   as `d`), so a copy that lost or moved its tone marks is still a copy; punctuation and
///   numbers' separators are ignored. The title is left out: republishers rewrite headlines
///   (a re-headlined copy is still the story), and two stories may share a headline.
/// - Its shingles are the runs of `shingle` (4) consecutive syllables, hashed to 64 bits from the
///   syllables' hashes (seeded, so every run gives the same result).
/// - Its sketch is one-permutation MinHash (Li, Owen and Zhang 2012): each shingle's hash falls
///   into one of `bins` (128) bins by its top bits and each bin keeps the least; an empty bin
///   copies the filled bin a fixed hash sequence of its index first lands on (optimal
///   densification, Shrivastava 2017). One hash per shingle, where classic MinHash
///   needs 128, and the fraction of equal bins still estimates the Jaccard similarity of the two
///   sets of shingles (standard error about 0.044 at J = 0.5).
/// - LSH: the bins are cut into `bands` (42) bands of 3; two articles with an equal band are a
///   candidate pair, which happens with probability 1 - (1 - J^3)^42: 0.68 at J = 0.3, 0.94 at
///   0.4, 0.996 at 0.5. Each candidate pair is kept when its estimated Jaccard similarity is at
///   least `threshold` (0.3), and kept pairs are joined transitively (union-find).
/// - Shingles found in more than 1 in 200 of the articles (and more than 50) are left out of
///   every sketch (`CommonShingles`): an outlet's closing boilerplate, a stock phrase or a
///   template makes different stories look alike, and on a templated corpus (the synthetic
///   benchmark) would chain everything into one story and fill the LSH buckets.
/// - A body with fewer than `minimumShingles` shingles left is a story alone: a caption or a line
///   of boilerplate says too little to call two articles copies.
/// - In an LSH bucket each article is checked against the 8 before it, so a story with many
///   copies is joined through the chain in linear time.
/// - Two articles of one outlet (both sources known and equal) need more: at least
///   `sameOutletShared` (32) shingles in common, and either most of the shorter body inside the
///   longer (estimated containment at least `sameOutletContainment`, 0.8) or one day of
///   publication (both dates known to the day). Syndication runs across outlets; what one outlet
///   repeats across its own articles is a template (a weekly fund report, a broadcast schedule, a
///   weather bulletin) whose issues share half their text on different days, or a recurring box
///   (a reader-question footer) that is all of a body the scraper cut short. An outlet's update
///   of its own article (a morning text inside the afternoon one) or its same-day rewrite still
///   joins. Containment is estimated from the Jaccard estimate J and the two bodies' distinct
///   shingles: |A ∩ B| = J (|A| + |B|) / (1 + J).
///
/// MinHash rather than SimHash: the question is set overlap (how much of one text is in the
/// other: an edit, a cut), which MinHash estimates without bias and LSH finds without comparing
/// all pairs; SimHash's Hamming distance only tracks cosine similarity of weighted features and
/// needs 64 additions per shingle. Everything is seeded, so clusters are the same on every run.
public enum StoryClustering {
  /// Syllables per shingle.
  public static let shingle = 4
  /// Bins of a sketch.
  public static let bins = 128
  /// Bins per LSH band.
  public static let rows = 3
  /// LSH bands (the last `bins % rows` bins are in none).
  public static let bands = bins / rows
  /// The least estimated Jaccard similarity of two copies' shingle sets: chosen on the dev half
  /// of the hand-labelled pairs (`bench/annotations/story-pairs.tsv`), where 0.25 to 0.4 have
  /// the best balance of precision and recall; the middle of that range, since a lower one
  /// chains more stories together transitively.
  public static let threshold = 0.3
  /// The fewest shingles a body needs to join a story.
  public static let minimumShingles = 8
  /// The least estimated containment (shared shingles over the shorter body's) of two articles
  /// of one outlet published on different days (or undated): chosen on the dev half of the
  /// labelled pairs, where one outlet's own updates and copies hold 0.9 to 1 and its template
  /// series 0.5 to 0.6.
  public static let sameOutletContainment = 0.8
  /// The fewest estimated shared shingles of two articles of one outlet: a recurring box of a
  /// sentence or two (a reader-question footer, about 20 shingles on dev) is not a copy; the
  /// synthetic benchmark's same-outlet copies share 25 and more.
  public static let sameOutletShared = 32.0
  /// How many earlier members of an LSH bucket each member is checked against.
  static let comparisonsPerBucket = 8
  /// A shingle in more than this fraction of the articles (and more than
  /// `commonShingleFloor`) is boilerplate or a stock phrase: it is left out of every sketch.
  public static let commonShingleFraction = 1.0 / 200
  public static let commonShingleFloor = 50
  /// The most articles read to find the common shingles.
  static let commonShingleSample = 4096
  /// The seed of every hash.
  static let seed: UInt64 = 0x7469_6E71_7374_6F72  // "tinqstor"

  /// `Sketch` is a body's MinHash signature: `bins` values, with the number of distinct shingles
  /// it was made from (for estimating containment).
  public struct Sketch: Sendable, Equatable {
    public var values: [UInt32]
    public var shingles: Int
  }

  /// `syllableHash(_:)` is the hash of one syllable, by its bare key.
  public static func syllableHash<S: Sequence<Unicode.Scalar>>(_ syllable: S) -> UInt64 {
    var key = Fold.bareKey(syllable)
    return key.withUTF8 { Hash64.bytes($0, seed: seed) }
  }

  /// `syllableHash(utf8:)` is `syllableHash(_:)` of a syllable's UTF-8 bytes: an ASCII syllable
  /// (whose bare key is itself in lowercase) is hashed without making a string.
  public static func syllableHash(utf8 word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    if word.count <= 32, word.allSatisfy({ $0 < 0x80 }) {
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { lower in
        for (i, b) in word.enumerated() { lower[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        return Hash64.bytes(UnsafeBufferPointer(lower), seed: seed)
      }
    }
    return syllableHash(String(decoding: word, as: UTF8.self).unicodeScalars)
  }

  /// `syllableHashes(of:)` is the hash of every syllable of a text, in order: a syllable is a run
  /// of word letters, as the store cuts bodies.
  public static func syllableHashes(of text: String) -> [UInt64] {
    var out: [UInt64] = []
    var word = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if Fold.isWordScalar(scalar) {
        word.append(scalar)
      } else if !word.isEmpty {
        out.append(syllableHash(word))
        word.removeAll(keepingCapacity: true)
      }
    }
    if !word.isEmpty { out.append(syllableHash(word)) }
    return out
  }

  /// `shingles(_:)` is the hash of every run of `shingle` syllables, in order.
  public static func shingles(_ syllables: [UInt64]) -> [UInt64] {
    guard syllables.count >= shingle else { return [] }
    var out: [UInt64] = []
    out.reserveCapacity(syllables.count - shingle + 1)
    for i in 0...(syllables.count - shingle) {
      out.append(shingleHash(syllables, at: i))
    }
    return out
  }

  @inline(__always)
  static func shingleHash(_ s: [UInt64], at i: Int) -> UInt64 {
    let a = s[i] ^ ((s[i + 1] << 21) | (s[i + 1] >> 43))
    let b = s[i + 2] ^ ((s[i + 3] << 21) | (s[i + 3] >> 43))
    return Hash64.mix(a, b, 4)
  }

  /// `sketch(shingles:)` is the sketch of a set of shingle hashes, nil when there are fewer than
  /// `minimumShingles`.
  public static func sketch(shingles: [UInt64]) -> Sketch? {
    guard shingles.count >= minimumShingles else { return nil }
    var values = [UInt32](repeating: 0, count: bins)
    var filled = [Bool](repeating: false, count: bins)
    sketch(shingles, into: &values, filled: &filled)
    return Sketch(values: values, shingles: Set(shingles).count)
  }

  /// `distinctCount(_:)` is the number of distinct values in `hashes`, sorting them in place.
  static func distinctCount(_ hashes: inout [UInt64]) -> Int {
    hashes.sort()
    var n = 0
    var previous: UInt64? = nil
    for h in hashes where h != previous {
      n += 1
      previous = h
    }
    return n
  }

  /// `overlap(equal:_:_:)` is the estimated share of the smaller of two sets of shingles
  /// (`a` and `b` distinct ones) inside the other, from `equal` equal bins, and the estimated
  /// number of shingles they share.
  static func overlap(equal: Int, _ a: Int, _ b: Int) -> (containment: Double, shared: Double) {
    let j = Double(equal) / Double(bins)
    let shared = j * Double(a + b) / (1 + j)
    let smaller = Double(max(1, min(a, b)))
    return (min(1, shared / smaller), shared)
  }

  /// `sameOutletAllows(equal:_:_:sameDay:)` tells whether two articles of one outlet with `equal`
  /// equal bins, of `a` and `b` distinct shingles, published on one day or not, are close enough
  /// to be one story.
  static func sameOutletAllows(equal: Int, _ a: Int, _ b: Int, sameDay: Bool) -> Bool {
    let o = overlap(equal: equal, a, b)
    return o.shared >= sameOutletShared && (sameDay || o.containment >= sameOutletContainment)
  }

  /// `dayCode(_:)` numbers a date known to the day (-1 for one known less precisely or unknown).
  static func dayCode(_ date: PartialDate?) -> Int32 {
    guard let date, let month = date.month, let day = date.day else { return -1 }
    return Int32(clamping: date.year * 372 + month * 31 + day)
  }

  /// `sketch(_:into:filled:)` writes the densified sketch of `shingles` into `values`.
  static func sketch(_ shingles: [UInt64], into values: inout [UInt32], filled: inout [Bool]) {
    let binBits = UInt64(bins.trailingZeroBitCount)
    for k in 0..<bins {
      values[k] = .max
      filled[k] = false
    }
    for h in shingles {
      let bin = Int(truncatingIfNeeded: h >> (64 - binBits))
      let v = UInt32(truncatingIfNeeded: h)
      if v <= values[bin] {
        values[bin] = v
        filled[bin] = true
      }
    }
    guard filled.contains(false), filled.contains(true) else { return }
    // Optimal densification (Shrivastava 2017): an empty bin copies the bin that a fixed hash
    // sequence of its own index first lands on among the filled ones, so empty bins draw
    // independently and two sparse sets agree on an empty bin only as often as on a filled one.
    for k in 0..<bins where !filled[k] {
      var attempt: UInt64 = 0
      while true {
        let j = Int(truncatingIfNeeded: Hash64.mix(UInt64(k), attempt, 16) % UInt64(bins))
        if filled[j] {
          values[k] = values[j]
          break
        }
        attempt += 1
      }
    }
  }

  /// `similarity(_:_:)` is the estimated Jaccard similarity of two sketches: the fraction of
  /// equal bins.
  public static func similarity(_ a: Sketch, _ b: Sketch) -> Double {
    Double(equalBins(a.values[...], b.values[...])) / Double(bins)
  }

  @inline(__always)
  static func equalBins(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Int {
    var n = 0
    for (x, y) in zip(a, b) where x == y { n += 1 }
    return n
  }

  /// `jaccard(_:_:)` is the exact Jaccard similarity of two sets of shingles (for checking the
  /// estimate).
  public static func jaccard(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
  }

  /// `labels(sketches:outlets:dates:threshold:)` clusters sketches (one per item, nil for an item
  /// too short to compare), with each item's outlet and date (nil when unknown; none given, all
  /// unknown): each item's label is the least index in its cluster.
  public static func labels(sketches: [Sketch?], outlets: [String?] = [], dates: [PartialDate?] = [], threshold: Double = threshold) -> [Int] {
    var flat = [UInt32](repeating: 0, count: sketches.count * bins)
    var present = [Bool](repeating: false, count: sketches.count)
    var counts = [Int32](repeating: 0, count: sketches.count)
    for (i, s) in sketches.enumerated() {
      guard let s else { continue }
      present[i] = true
      counts[i] = Int32(clamping: s.shingles)
      for k in 0..<bins { flat[i * bins + k] = s.values[k] }
    }
    var days = [Int32](repeating: -1, count: sketches.count)
    for (i, d) in dates.prefix(sketches.count).enumerated() { days[i] = dayCode(d) }
    return labels(
      flat: flat, present: present, counts: counts, outlets: outletCodes(outlets, count: sketches.count), days: days, threshold: threshold)
  }

  /// `outletCodes(_:count:)` numbers the outlets in order of first appearance, -1 for unknown (or
  /// for every item when none are given).
  static func outletCodes(_ outlets: [String?], count: Int) -> [Int32] {
    var codes = [Int32](repeating: -1, count: count)
    var known: [String: Int32] = [:]
    for (i, o) in outlets.prefix(count).enumerated() {
      guard let o, !o.isEmpty else { continue }
      if let c = known[o] {
        codes[i] = c
      } else {
        let c = Int32(known.count)
        known[o] = c
        codes[i] = c
      }
    }
    return codes
  }

  /// `labels(flat:present:counts:outlets:days:threshold:)` clusters the sketches laid end to end
  /// in `flat`, made from `counts` distinct shingles, by outlet codes (-1 unknown) and day codes
  /// (-1 unknown): LSH finds candidate pairs, each is verified, and verified pairs are joined.
  static func labels(flat: [UInt32], present: [Bool], counts: [Int32], outlets: [Int32], days: [Int32], threshold: Double) -> [Int] {
    let n = present.count
    var parent = Array(0..<n)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    func sameDay(_ a: Int, _ b: Int) -> Bool {
      days.indices.contains(a) && days.indices.contains(b) && days[a] >= 0 && days[a] == days[b]
    }
    let rows = self.rows
    let needed = Int((threshold * Double(bins)).rounded(.up))
    var keyed: [(key: UInt64, item: Int32)] = []
    keyed.reserveCapacity(n)
    for band in 0..<bands {
      keyed.removeAll(keepingCapacity: true)
      for i in 0..<n where present[i] {
        var h = UInt64(band)
        for r in 0..<rows { h = Hash64.mix(h, UInt64(flat[i * bins + band * rows + r]), r) }
        keyed.append((h, Int32(i)))
      }
      keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.item < $1.item }
      var start = 0
      while start < keyed.count {
        var end = start + 1
        while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
        if end - start > 1 {
          for j in (start + 1)..<end {
            let b = Int(keyed[j].item)
            // Each article is checked against the few before it in the bucket: a large bucket
            // (a story with many copies) is still joined through the chain, in linear time.
            for i in max(start, j - comparisonsPerBucket)..<j {
              let a = Int(keyed[i].item)
              let ra = find(a)
              let rb = find(b)
              if ra == rb { continue }
              let equal = equalBins(flat[(a * bins)..<(a * bins + bins)], flat[(b * bins)..<(b * bins + bins)])
              guard equal >= needed else { continue }
              // Two articles of one outlet need more (see `sameOutletAllows`).
              if outlets.indices.contains(a), outlets.indices.contains(b), outlets[a] >= 0, outlets[a] == outlets[b],
                !sameOutletAllows(equal: equal, Int(counts[a]), Int(counts[b]), sameDay: sameDay(a, b))
              {
                continue
              }
              if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
            }
          }
        }
        start = end
      }
    }
    return (0..<n).map(find)
  }
}

extension ArticleStore {
  /// `stories` is the corpus grouped into stories (see `StoryClustering`), computed on first
  /// use from the stored bodies and kept: a corpus loaded from JSON lines or opened from a
  /// snapshot gives the same stories.
  public var stories: Stories {
    storyCache.value { storySketches().stories(threshold: StoryClustering.threshold) }
  }

  /// `withStories(labels:)` gives the store the stories that group its articles by these labels
  /// (one per ordinal; equal labels, one story), as made when the whole corpus was loaded (a
  /// database keeps each article's story): they are not clustered again.
  package func withStories(labels: [Int]) -> ArticleStore {
    storyCache.set(Stories(labels: labels, metadata: metadata))
    return self
  }

  /// `storySketches()` sketches every body (on every core): what clustering at any threshold
  /// starts from.
  public func storySketches() -> StorySketches {
    let n = metadata.count
    let table = bodies.pieces
    let bodies = self.bodies
    // The hash of every distinct piece's syllable, 0 for a piece without one.
    let pieceCount = table.count
    let pieceChunks = max(1, min(64, pieceCount / 4096))
    let pieceHashes: [UInt64] = Parallel.map(pieceChunks) { c in
      let from = pieceCount * c / pieceChunks
      let to = pieceCount * (c + 1) / pieceChunks
      var out: [UInt64] = []
      out.reserveCapacity(to - from)
      table.arena.withUnsafeBufferPointer { arena in
        for id in from..<to {
          let length = Int(table.shapes[id].wordBytes)
          if length == 0 {
            out.append(0)
            continue
          }
          let start = Int(table.offsets[id])
          out.append(StoryClustering.syllableHash(utf8: UnsafeBufferPointer(rebasing: arena[start..<(start + length)])) | 1)
        }
      }
      return out
    }.flatMap { $0 }
    @Sendable func syllables(of ordinal: Int, into syllables: inout [UInt64]) {
      syllables.removeAll(keepingCapacity: true)
      bodies.encoded(of: ordinal).withUnsafeBufferPointer { p in
        guard let base = p.baseAddress else { return }
        var i = 0
        while i < p.count {
          let id = Int(VarInt.read(base, &i, p.count))
          if id < pieceHashes.count, pieceHashes[id] != 0 { syllables.append(pieceHashes[id]) }
        }
      }
    }
    let common = CommonShingles.find(articles: n) { ordinal, shingles in
      var buffer: [UInt64] = []
      syllables(of: ordinal, into: &buffer)
      shingles = StoryClustering.shingles(buffer)
    }
    let bins = StoryClustering.bins
    let chunks = max(1, min(256, n / 256))
    let sketched: [(values: [UInt32], present: [Bool], counts: [Int32])] = Parallel.map(chunks) { c in
      let from = n * c / chunks
      let to = n * (c + 1) / chunks
      var values = [UInt32](repeating: 0, count: (to - from) * bins)
      var present = [Bool](repeating: false, count: to - from)
      var counts = [Int32](repeating: 0, count: to - from)
      var buffer: [UInt64] = []
      var shingles: [UInt64] = []
      var sketch = [UInt32](repeating: 0, count: bins)
      var filled = [Bool](repeating: false, count: bins)
      for ordinal in from..<to {
        syllables(of: ordinal, into: &buffer)
        guard buffer.count >= StoryClustering.shingle + StoryClustering.minimumShingles - 1 else { continue }
        shingles.removeAll(keepingCapacity: true)
        for i in 0...(buffer.count - StoryClustering.shingle) {
          let h = StoryClustering.shingleHash(buffer, at: i)
          if !common.contains(h) { shingles.append(h) }
        }
        guard shingles.count >= StoryClustering.minimumShingles else { continue }
        StoryClustering.sketch(shingles, into: &sketch, filled: &filled)
        let row = (ordinal - from) * bins
        for k in 0..<bins { values[row + k] = sketch[k] }
        present[ordinal - from] = true
        counts[ordinal - from] = Int32(clamping: StoryClustering.distinctCount(&shingles))
      }
      return (values, present, counts)
    }
    var flat: [UInt32] = []
    flat.reserveCapacity(n * bins)
    var present: [Bool] = []
    present.reserveCapacity(n)
    var counts: [Int32] = []
    counts.reserveCapacity(n)
    for part in sketched {
      flat.append(contentsOf: part.values)
      present.append(contentsOf: part.present)
      counts.append(contentsOf: part.counts)
    }
    let heads = (0..<n).map { metadata.head($0) }
    let outlets = StoryClustering.outletCodes(heads.map(\.source), count: n)
    let days = heads.map { StoryClustering.dayCode($0.date) }
    return StorySketches(flat: flat, present: present, counts: counts, outlets: outlets, days: days, metadata: metadata)
  }
}

/// `CommonShingles` is the set of shingles too common to tell stories apart (boilerplate, stock
/// phrases): those in more than `commonShingleFraction` of the articles and more than
/// `commonShingleFloor`, estimated on an even sample of at most `commonShingleSample` articles.
/// It is kept as a bitmap of 2^24 bits indexed by the hash, so testing a shingle is one load; a
/// rare shingle sharing a bit with a common one (about 1 in 200 at 80,000 common shingles) is
/// left out too, which costs a sketch nothing measurable.
struct CommonShingles {
  private var bits: [UInt64]
  static let bitCount = 1 << 24

  @inline(__always)
  func contains(_ h: UInt64) -> Bool {
    let i = Int(truncatingIfNeeded: h >> 40)
    return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
  }

  /// `find(articles:shingles:)` counts in how many sampled articles each shingle stands.
  static func find(articles n: Int, shingles: (Int, inout [UInt64]) -> Void) -> CommonShingles {
    var set = CommonShingles(bits: [UInt64](repeating: 0, count: bitCount / 64))
    let cap = max(Double(StoryClustering.commonShingleFloor), Double(n) * StoryClustering.commonShingleFraction)
    guard Double(n) > cap else { return set }
    let step = max(1, (n + StoryClustering.commonShingleSample - 1) / StoryClustering.commonShingleSample)
    let sampled = (n + step - 1) / step
    // The cap scaled to the sample; at least 3 so that chance does not make a rare shingle common.
    let sampleCap = max(3, Int((cap * Double(sampled) / Double(n)).rounded(.up)))
    var counts: [UInt64: Int32] = [:]
    var list: [UInt64] = []
    for ordinal in stride(from: 0, to: n, by: step) {
      shingles(ordinal, &list)
      list.sort()
      var previous: UInt64? = nil
      for h in list where h != previous {
        counts[h, default: 0] += 1
        previous = h
      }
    }
    for (h, c) in counts where Int(c) > sampleCap {
      let i = Int(truncatingIfNeeded: h >> 40)
      set.bits[i >> 6] |= 1 << UInt64(i & 63)
    }
    return set
  }
}

/// `StorySketches` is every article's sketch (see `StoryClustering`), laid end to end, with
/// whether the article has one (a body too short has none).
public struct StorySketches: Sendable {
  let flat: [UInt32]
  let present: [Bool]
  /// Per article: its distinct shingles (0 without a sketch).
  let counts: [Int32]
  /// Per article: its outlet's code, -1 when unknown.
  let outlets: [Int32]
  /// Per article: its date's day code (`StoryClustering.dayCode`), -1 when not known to the day.
  let days: [Int32]
  let metadata: ArticleTable

  /// `similarity(_:_:)` is the estimated Jaccard similarity of two articles' shingles, nil when
  /// either is too short to have a sketch.
  public func similarity(_ a: Int, _ b: Int) -> Double? {
    let bins = StoryClustering.bins
    guard present.indices.contains(a), present.indices.contains(b), present[a], present[b] else { return nil }
    return Double(StoryClustering.equalBins(flat[(a * bins)..<(a * bins + bins)], flat[(b * bins)..<(b * bins + bins)]))
      / Double(bins)
  }

  /// `overlap(_:_:)` is the estimated containment of two articles' shingles (the share of the
  /// smaller set inside the other) and the estimated number they share, nil when either is too
  /// short to have a sketch.
  public func overlap(_ a: Int, _ b: Int) -> (containment: Double, shared: Double)? {
    guard let s = similarity(a, b) else { return nil }
    return StoryClustering.overlap(equal: Int((s * Double(StoryClustering.bins)).rounded()), Int(counts[a]), Int(counts[b]))
  }

  /// `sameOutlet(_:_:)` tells whether two articles are known to come from one outlet.
  public func sameOutlet(_ a: Int, _ b: Int) -> Bool {
    outlets.indices.contains(a) && outlets.indices.contains(b) && outlets[a] >= 0 && outlets[a] == outlets[b]
  }

  /// `stories(threshold:)` clusters the articles at a threshold of estimated similarity.
  public func stories(threshold: Double) -> Stories {
    Stories(
      labels: StoryClustering.labels(flat: flat, present: present, counts: counts, outlets: outlets, days: days, threshold: threshold),
      metadata: metadata)
  }
}

/// `StoryCache` holds a store's stories once computed: the first query that needs them builds
/// them, and one that comes meanwhile waits for that build instead of repeating it.
public final class StoryCache: Sendable {
  private let stories = Mutex<Stories?>(nil)

  public init() {}

  /// `set(_:)` gives the stories made elsewhere (a database that stores each article's story),
  /// unless they are known already.
  package func set(_ given: Stories) {
    stories.withLock { known in
      if known == nil { known = given }
    }
  }

  /// `value(_:)` returns the stories, building them with `build` the first time.
  public func value(_ build: () -> Stories) -> Stories {
    stories.withLock { known in
      if let known { return known }
      let built = build()
      known = built
      return built
    }
  }
}

