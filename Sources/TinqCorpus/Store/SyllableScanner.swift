import Synchronization
import TinqText

/// FNV-1a, the hash of the byte caches: cheap to extend one byte at a time as text is scanned.
enum FNV {
  static var empty: UInt64 { 0xcbf2_9ce4_8422_2325 }

  @inline(__always)
  static func hash(_ h: UInt64, with byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
}

/// `ByteCache` maps short byte strings (syllables, pieces of text) to values, with open
/// addressing over an arena: a worker looks up what it has seen before without allocating.
struct ByteCache<Value> {
  private var hashes: [UInt64]
  private var offsets: [Int32]
  private var lengths: [Int32]
  private var values: [Value?]
  private var arena: [UInt8] = []
  private var used = 0
  private var mask: Int

  init(capacity: Int = 1 << 14) {
    hashes = [UInt64](repeating: 0, count: capacity)
    offsets = [Int32](repeating: -1, count: capacity)
    lengths = [Int32](repeating: 0, count: capacity)
    values = [Value?](repeating: nil, count: capacity)
    mask = capacity - 1
  }

  /// `value(for:hash:orInsert:)` returns the cached value of `bytes`, whose hash the caller computed
  /// as the bytes went by, computing and caching the value on a miss.
  @inline(__always)
  mutating func value(for bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, orInsert make: () -> Value) -> Value {
    let h = hash | 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while offsets[slot] >= 0 {
      if hashes[slot] == h, Int(lengths[slot]) == bytes.count {
        let o = Int(offsets[slot])
        var same = true
        for k in 0..<bytes.count where arena[o + k] != bytes[k] {
          same = false
          break
        }
        if same, let v = values[slot] { return v }
      }
      slot = (slot + 1) & mask
    }
    let v = make()
    hashes[slot] = h
    offsets[slot] = Int32(arena.count)
    lengths[slot] = Int32(bytes.count)
    values[slot] = v
    arena.append(contentsOf: bytes)
    used += 1
    if used * 2 > mask { grow() }
    return v
  }

  private mutating func grow() {
    let old = (hashes, offsets, lengths, values)
    let capacity = (mask + 1) * 2
    hashes = [UInt64](repeating: 0, count: capacity)
    offsets = [Int32](repeating: -1, count: capacity)
    lengths = [Int32](repeating: 0, count: capacity)
    values = [Value?](repeating: nil, count: capacity)
    mask = capacity - 1
    for s in old.1.indices where old.1[s] >= 0 {
      var slot = Int(truncatingIfNeeded: old.0[s]) & mask
      while offsets[slot] >= 0 { slot = (slot + 1) & mask }
      hashes[slot] = old.0[s]
      offsets[slot] = old.1[s]
      lengths[slot] = old.2[s]
      values[slot] = old.3[s]
    }
  }
}

/// `SyllableScanner` splits text into syllables on its UTF-8 bytes and interns each one, with a
/// per-worker cache keyed by the syllable's bytes: indexing never allocates a string for a
/// syllable it has seen before, and takes the lexicon's lock only for new ones.
///
/// In the same pass it encodes the text as *pieces* (a syllable as written with the separator
/// after it, e.g. `Nghị `), each a small number in the shared `PieceTable`: the compact form in
/// which the store keeps article bodies.
struct SyllableScanner {
  private var syllables = ByteCache<Lexicon.Entry>()
  private var pieces = ByteCache<UInt32>()
  let lexicon: Lexicon
  let pieceTable: PieceTable.Builder

  init(lexicon: Lexicon, pieceTable: PieceTable.Builder) {
    self.lexicon = lexicon
    self.pieceTable = pieceTable
  }

  /// `scan(_:into:encodingInto:)` appends the entries of the syllables of `text`, in order, and
  /// when `encoded` is given, the text's pieces as varints.
  mutating func scan(_ text: String, into tokens: inout [Lexicon.Entry], encodingInto encoded: UnsafeMutablePointer<[UInt8]>? = nil) {
    var text = text
    let table = Fold.wordScalarTable
    table.withUnsafeBufferPointer { wordTable in
      text.withUTF8 { buf in
        let n = buf.count
        var i = 0
        var start = -1
        var pieceStart = 0
        var wordHash = FNV.empty
        var pieceHash = wordHash
        let encoding = encoded != nil
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
            if start < 0 {
              start = i
              wordHash = FNV.empty
              if let encoded, i > pieceStart {
                piece(UnsafeBufferPointer(rebasing: buf[pieceStart..<i]), hash: pieceHash, into: encoded)
                pieceStart = i
                pieceHash = FNV.empty
              }
            }
          } else if start >= 0 {
            tokens.append(entry(UnsafeBufferPointer(rebasing: buf[start..<i]), hash: wordHash))
            start = -1
          }
          // Both hashes grow with the bytes as they pass: no second pass over a syllable.
          var k = 0
          while k < len {
            let byte = buf[i + k]
            if isWord { wordHash = FNV.hash(wordHash, with: byte) }
            if encoding { pieceHash = FNV.hash(pieceHash, with: byte) }
            k += 1
          }
          i += len
        }
        if start >= 0 { tokens.append(entry(UnsafeBufferPointer(rebasing: buf[start..<n]), hash: wordHash)) }
        if let encoded, n > pieceStart {
          piece(UnsafeBufferPointer(rebasing: buf[pieceStart..<n]), hash: pieceHash, into: encoded)
        }
      }
    }
  }

  @inline(__always)
  private mutating func entry(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Lexicon.Entry {
    let lexicon = self.lexicon
    return syllables.value(for: bytes, hash: hash) { lexicon.intern(String(decoding: bytes, as: UTF8.self)[...]) }
  }

  @inline(__always)
  private mutating func piece(
    _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, into encoded: UnsafeMutablePointer<[UInt8]>
  ) {
    let table = pieceTable
    let id = pieces.value(for: bytes, hash: hash) { table.intern(bytes) }
    VarInt.append(id, to: &encoded.pointee)
  }
}

/// `PieceTable` holds every distinct piece of text (a syllable as written plus the separator
/// after it) once; bodies are kept as sequences of piece numbers and decoded on demand.
public struct PieceTable: Sendable {
  let arena: [UInt8]
  let offsets: [UInt32]  // piece i is arena[offsets[i]..<offsets[i + 1]]

  /// The number of distinct pieces.
  public var count: Int { offsets.count - 1 }

  /// `decode(_:)` turns an encoded text back into the string it was made from.
  func decode(_ encoded: ArraySlice<UInt8>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(encoded.count * 4)
    encoded.withUnsafeBufferPointer { p in
      var i = 0
      while i < p.count {
        let id = Int(VarInt.read(p, &i))
        guard id + 1 < offsets.count else { break }
        bytes.append(contentsOf: arena[Int(offsets[id])..<Int(offsets[id + 1])])
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `Builder` collects pieces from concurrent workers (each keeps its own cache and takes the
  /// lock only for a piece it has not seen).
  final class Builder: Sendable {
    struct State {
      var ids: [[UInt8]: UInt32] = [:]  // by bytes, so canonically equal spellings stay distinct
      var arena: [UInt8] = []
      var offsets: [UInt32] = [0]
    }
    let state = Mutex(State())

    func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
      let key = Array(bytes)
      return state.withLock { s in
        if let id = s.ids[key] { return id }
        let id = UInt32(s.offsets.count - 1)
        s.ids[key] = id
        s.arena.append(contentsOf: bytes)
        s.offsets.append(UInt32(s.arena.count))
        return id
      }
    }

    func freeze() -> PieceTable {
      state.withLock { PieceTable(arena: $0.arena, offsets: $0.offsets) }
    }
  }
}
