import TinqText

/// `SyllableScanner` splits text into syllables on its UTF-8 bytes and interns each one, with a
/// per-worker cache keyed by the syllable's bytes: indexing never allocates a string for a
/// syllable it has seen before, and takes the lexicon's lock only for new ones.
struct SyllableScanner {
  private var hashes: [UInt64]
  private var offsets: [Int32]
  private var lengths: [Int32]
  private var entries: [Lexicon.Entry]
  private var arena: [UInt8] = []
  private var used = 0
  private var mask: Int
  let lexicon: Lexicon

  init(lexicon: Lexicon, capacity: Int = 1 << 14) {
    self.lexicon = lexicon
    hashes = [UInt64](repeating: 0, count: capacity)
    offsets = [Int32](repeating: -1, count: capacity)
    lengths = [Int32](repeating: 0, count: capacity)
    entries = [Lexicon.Entry](repeating: Lexicon.Entry(bare: 0, variant: 0), count: capacity)
    mask = capacity - 1
  }

  /// `scan(_:into:)` appends the entries of the syllables of `text`, in order.
  mutating func scan(_ text: String, into tokens: inout [Lexicon.Entry]) {
    var text = text
    let table = Fold.wordScalarTable
    table.withUnsafeBufferPointer { wordTable in
    text.withUTF8 { buf in
      let n = buf.count
      var i = 0
      var start = -1
      while i < n {
        let b = buf[i]
        var len = 1
        let isWord: Bool
        if b < 0x80 {
          isWord = wordTable[Int(b)]
        } else {
          var v: UInt32
          if b >= 0xF0 {
            len = 4
            v = UInt32(b & 0x07)
          } else if b >= 0xE0 {
            len = 3
            v = UInt32(b & 0x0F)
          } else {
            len = 2
            v = UInt32(b & 0x1F)
          }
          if i + len > n { len = n - i }
          var k = 1
          while k < len {
            v = v << 6 | UInt32(buf[i + k] & 0x3F)
            k += 1
          }
          if v < UInt32(wordTable.count) {
            isWord = wordTable[Int(v)]
          } else {
            isWord = Unicode.Scalar(v).map(Fold.isWordScalar) ?? false
          }
        }
        if isWord {
          if start < 0 { start = i }
        } else if start >= 0 {
          tokens.append(entry(UnsafeBufferPointer(rebasing: buf[start..<i])))
          start = -1
        }
        i += len
      }
      if start >= 0 { tokens.append(entry(UnsafeBufferPointer(rebasing: buf[start..<n]))) }
    }
    }
  }

  @inline(__always)
  private mutating func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> Lexicon.Entry {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    h |= 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while offsets[slot] >= 0 {
      if hashes[slot] == h, Int(lengths[slot]) == bytes.count {
        let o = Int(offsets[slot])
        var same = true
        for k in 0..<bytes.count where arena[o + k] != bytes[k] {
          same = false
          break
        }
        if same { return entries[slot] }
      }
      slot = (slot + 1) & mask
    }
    let syllable = String(decoding: bytes, as: UTF8.self)
    let e = lexicon.intern(syllable[...])
    hashes[slot] = h
    offsets[slot] = Int32(arena.count)
    lengths[slot] = Int32(bytes.count)
    entries[slot] = e
    arena.append(contentsOf: bytes)
    used += 1
    if used * 2 > mask { grow() }
    return e
  }

  private mutating func grow() {
    let old = (hashes, offsets, lengths, entries)
    let capacity = (mask + 1) * 2
    hashes = [UInt64](repeating: 0, count: capacity)
    offsets = [Int32](repeating: -1, count: capacity)
    lengths = [Int32](repeating: 0, count: capacity)
    entries = [Lexicon.Entry](repeating: Lexicon.Entry(bare: 0, variant: 0), count: capacity)
    mask = capacity - 1
    for s in old.1.indices where old.1[s] >= 0 {
      var slot = Int(truncatingIfNeeded: old.0[s]) & mask
      while offsets[slot] >= 0 { slot = (slot + 1) & mask }
      hashes[slot] = old.0[s]
      offsets[slot] = old.1[s]
      lengths[slot] = old.2[s]
      entries[slot] = old.3[s]
    }
  }
}
