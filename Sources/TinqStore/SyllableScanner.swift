import Synchronization
import TinqText
import TinqFacts
import TinqSupport

/// `PieceCache` maps the bytes of a *piece* (a syllable as written with the separator after it,
/// e.g. `Nghị `) to that syllable's lexicon entry and the piece's number, so the indexer
/// recognises text it has seen before with one probe and no allocation.
///
/// Open addressing over one flat table of 32-byte slots. A piece of up to 16 bytes (nearly all
/// of them) is kept in its slot, so a probe reads one cache line and compares two words; a longer
/// piece keeps its bytes in an arena.
///
/// A cache belongs to one worker at a time; workers hand caches over through a `Reusable`'s
/// lock, which is what makes the unchecked `Sendable` sound.
final class PieceCache: @unchecked Sendable {
  struct Slot {
    /// A short piece: its first 8 bytes. A long one: its offset in `arena`.
    var word0: UInt64
    /// A short piece: bytes 8 to 16. A long one: its hash.
    var word1: UInt64
    /// The piece's length in bytes; 0 marks an empty slot.
    var length: UInt32
    var piece: UInt32
    /// The syllable's entry; `bare` is `noSyllable` for a piece that is only a separator.
    var entry: Lexicon.Entry
  }

  /// The `bare` of a piece with no syllable (text that starts with a separator).
  static let noSyllable = UInt32.max
  /// The longest piece kept inside its slot.
  static let inline = 16

  // One worker at a time owns a cache (see above), so the per-probe dynamic exclusivity checks
  // on these properties, a runtime call each, guard against nothing.
  @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
  @exclusivity(unchecked) private var mask: Int
  @exclusivity(unchecked) private var used = 0
  private var arena: [UInt8] = []

  init(capacity: Int = 1 << 12) {
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: Slot(word0: 0, word1: 0, length: 0, piece: 0, entry: .init(bare: 0, variant: 0)), count: capacity)
    mask = capacity - 1
  }

  deinit {
    slots.deinitialize(count: mask + 1)
    slots.deallocate()
  }

  /// `key(_:_:available:)` is the two key words of a short piece at `p`: its bytes, zero-padded.
  /// `available` bytes can be read from `p`; with 16 of them, two unaligned loads do it.
  @inline(__always)
  static func key(_ p: UnsafePointer<UInt8>, _ length: Int, available: Int) -> (UInt64, UInt64) {
    available >= 16 ? Hash64.load16(p, length) : Hash64.gather16(p, length)
  }

  /// `lookup(_:length:available:make:)` returns the piece number and syllable entry of the piece
  /// of `length` bytes at `p`, calling `make` to compute them the first time the piece is seen.
  @inline(__always)
  func lookup(
    _ p: UnsafePointer<UInt8>, length: Int, available: Int, make: () -> (UInt32, Lexicon.Entry)
  ) -> (UInt32, Lexicon.Entry) {
    let short = length <= PieceCache.inline
    let w0: UInt64
    let w1: UInt64
    let hash: UInt64
    if short {
      (w0, w1) = PieceCache.key(p, length, available: available)
      hash = Hash64.mix(w0, w1, length)
    } else {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for k in 0..<length { h = (h ^ UInt64(p[k])) &* 0x100_0000_01b3 }
      (w0, w1) = (0, h)
      hash = Hash64.mix(h, 0, length)
    }
    var s = Int(truncatingIfNeeded: hash) & mask
    while slots[s].length != 0 {
      let slot = slots[s]
      if Int(slot.length) == length {
        if short {
          if slot.word0 == w0, slot.word1 == w1 { return (slot.piece, slot.entry) }
        } else if slot.word1 == w1, sameBytes(at: Int(slot.word0), p, length) {
          return (slot.piece, slot.entry)
        }
      }
      s = (s + 1) & mask
    }
    let (piece, entry) = make()
    var stored = Slot(word0: w0, word1: w1, length: UInt32(length), piece: piece, entry: entry)
    if !short {
      stored.word0 = UInt64(arena.count)
      arena.append(contentsOf: UnsafeBufferPointer(start: p, count: length))
    }
    slots[s] = stored
    used += 1
    if used * 2 > mask { grow() }
    return (piece, entry)
  }

  private func sameBytes(at offset: Int, _ p: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    arena.withUnsafeBufferPointer { a in
      for k in 0..<length where a[offset + k] != p[k] { return false }
      return true
    }
  }

  private func grow() {
    let old = slots
    let oldCapacity = mask + 1
    let capacity = oldCapacity * 2
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: Slot(word0: 0, word1: 0, length: 0, piece: 0, entry: .init(bare: 0, variant: 0)), count: capacity)
    mask = capacity - 1
    for i in 0..<oldCapacity where old[i].length != 0 {
      let slot = old[i]
      let length = Int(slot.length)
      let hash =
        length <= PieceCache.inline ? Hash64.mix(slot.word0, slot.word1, length) : Hash64.mix(slot.word1, 0, length)
      var s = Int(truncatingIfNeeded: hash) & mask
      while slots[s].length != 0 { s = (s + 1) & mask }
      slots[s] = slot
    }
    old.deinitialize(count: oldCapacity)
    old.deallocate()
  }
}

/// `SyllableScanner` splits text into syllables on its UTF-8 bytes and interns each one. It reads
/// the text a piece at a time (a syllable and the separator after it): one cache probe gives both
/// the syllable's lexicon entry and the piece's number, the compact form in which the store keeps
/// article bodies (see `PieceTable`). Only a piece never seen before takes a lock.
struct SyllableScanner {
  let cache: PieceCache
  let lexicon: Lexicon
  let pieceTable: PieceTable.Builder

  /// `scan(_:into:encodingInto:)` appends the entries of the syllables of `text`, in order, and
  /// when `encoded` is given, the text's pieces as varints.
  func scan(_ text: String, into tokens: inout [Lexicon.Entry], encodingInto encoded: UnsafeMutablePointer<ByteRun>? = nil) {
    var text = text
    Fold.wordScalarTable.withUnsafeBufferPointer { wordTable in
      text.withUTF8 { buf in
        guard let base = buf.baseAddress else { return }
        let n = buf.count
        // Entries gather in scratch and join `tokens` a few thousand at a time, sparing an array
        // append per syllable.
        let room = min(n, 4096)
        let entries = UnsafeMutablePointer<Lexicon.Entry>.allocate(capacity: room)
        defer { entries.deallocate() }
        var entryCount = 0
        /// Whether the scalar at `i` belongs in a syllable, and its length in bytes.
        @inline(__always)
        func classify(_ i: Int) -> (Bool, Int) {
          let b = base[i]
          if b < 0x80 { return (wordTable[Int(b)], 1) }
          var len: Int
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
          len = min(len, n - i)
          for k in 1..<max(len, 1) { v = v << 6 | UInt32(base[i + k] & 0x3F) }
          if v < UInt32(wordTable.count) { return (wordTable[Int(v)], len) }
          return (Unicode.Scalar(v).map(Fold.isWordScalar) ?? false, len)
        }
        var i = 0
        while i < n {
          let start = i
          while i < n {
            let (isWord, len) = classify(i)
            if !isWord { break }
            i += len
          }
          let wordEnd = i
          while i < n {
            let (isWord, len) = classify(i)
            if isWord { break }
            i += len
          }
          let (piece, entry) = cache.lookup(base + start, length: i - start, available: n - start) {
            let word = UnsafeBufferPointer(start: base + start, count: wordEnd - start)
            let entry =
              word.isEmpty
              ? Lexicon.Entry(bare: PieceCache.noSyllable, variant: 0)
              : lexicon.intern(String(decoding: word, as: UTF8.self)[...])
            return (pieceTable.intern(UnsafeBufferPointer(start: base + start, count: i - start)), entry)
          }
          if entry.bare != PieceCache.noSyllable {
            if entryCount == room {
              tokens.append(contentsOf: UnsafeBufferPointer(start: entries, count: entryCount))
              entryCount = 0
            }
            entries[entryCount] = entry
            entryCount += 1
          }
          encoded?.pointee.append(piece)
        }
        tokens.append(contentsOf: UnsafeBufferPointer(start: entries, count: entryCount))
      }
    }
  }
}

/// `PieceTable` holds every distinct piece of text (a syllable as written plus the separator
/// after it) once; bodies are kept as sequences of piece numbers and decoded on demand.
public struct PieceTable: Sendable {
  let arena: [UInt8]
  let offsets: [UInt32]  // piece i is arena[offsets[i]..<offsets[i + 1]]
  /// Per piece, what reading a body's context needs without decoding it (`PieceShape`).
  let shapes: [PieceShape]

  init(arena: [UInt8], offsets: [UInt32]) {
    self.arena = arena
    self.offsets = offsets
    var shapes: [PieceShape] = []
    shapes.reserveCapacity(max(0, offsets.count - 1))
    arena.withUnsafeBufferPointer { all in
      for i in 0..<max(0, offsets.count - 1) {
        shapes.append(PieceShape(UnsafeBufferPointer(rebasing: all[Int(offsets[i])..<Int(offsets[i + 1])])))
      }
    }
    self.shapes = shapes
  }

  init(arena: [UInt8], offsets: [UInt32], shapes: [PieceShape]) {
    self.arena = arena
    self.offsets = offsets
    self.shapes = shapes
  }

  /// The number of distinct pieces.
  public var count: Int { offsets.count - 1 }

  /// `decode(_:)` turns an encoded text back into the string it was made from.
  func decode(_ encoded: Column<UInt8>) -> String { decode(encoded, maxBytes: .max).text }

  /// `decode(_:maxBytes:)` decodes pieces until the text holds `maxBytes` bytes or more (whole
  /// pieces, so whole scalars), and tells whether that is the whole text.
  func decode(_ encoded: Column<UInt8>, maxBytes: Int) -> (text: String, isWhole: Bool) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(encoded.count * 4, maxBytes) + 64)
    var isWhole = true
    encoded.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      var i = 0
      while i < p.count {
        if bytes.count >= maxBytes {
          isWhole = false
          return
        }
        let id = Int(VarInt.read(base, &i, p.count))
        guard id + 1 < offsets.count else { break }
        bytes.append(contentsOf: arena[Int(offsets[id])..<Int(offsets[id + 1])])
      }
    }
    return (String(decoding: bytes, as: UTF8.self), isWhole)
  }

  /// `Builder` collects pieces from concurrent workers (each keeps its own cache and takes the
  /// lock only for a piece it has not seen).
  final class Builder: Sendable {
    struct State {
      var ids: [[UInt8]: UInt32] = [:]  // by bytes, so canonically equal spellings stay distinct
      var arena: [UInt8] = []
      var offsets: [UInt32] = [0]
    }
    let state: Mutex<State>

    init() { state = Mutex(State()) }

    /// `init(_:)` starts with the pieces of a table, under the same numbers.
    init(_ table: PieceTable) {
      var s = State()
      s.arena = table.arena
      s.offsets = table.offsets
      s.ids.reserveCapacity(table.count)
      for i in 0..<table.count {
        s.ids[Array(table.arena[Int(table.offsets[i])..<Int(table.offsets[i + 1])])] = UInt32(i)
      }
      state = Mutex(s)
    }

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
