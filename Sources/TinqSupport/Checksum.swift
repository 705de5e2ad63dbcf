/// `Checksum` is a fast 64-bit checksum of a byte range: four independent lanes of 8 bytes each
/// (so the multiplications overlap), folded together with the length at the end. It detects
/// corruption, truncation and misplaced bytes; it is not a cryptographic hash. Snapshot sections
/// and source files are checked with it (see `docs/SNAPSHOT.md`). Bytes may be fed in pieces of
/// any size (`update`): the result is the same as for the whole range at once (`of`).
public struct Checksum: Sendable {
  private var a: UInt64 = 0x243F_6A88_85A3_08D3
  private var b: UInt64 = 0x1319_8A2E_0370_7344
  private var c: UInt64 = 0xA409_3822_299F_31D0
  private var d: UInt64 = 0x082E_FA98_EC4E_6C89
  /// Bytes short of a 32-byte block, waiting for the next piece.
  private var pending: [UInt8] = []
  /// Bytes fed so far.
  private var length = 0

  /// `init()` starts an empty checksum.
  public init() {}

  @inline(__always)
  static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
    var h = (lane ^ word) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 31
    return h
  }

  @inline(__always)
  private mutating func block(_ base: UnsafeRawPointer, _ i: Int) {
    a = Self.round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
    b = Self.round(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
    c = Self.round(c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
    d = Self.round(d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
  }

  /// `update(_:)` feeds the next bytes.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    length += bytes.count
    var i = 0
    if !pending.isEmpty {
      let take = min(32 - pending.count, bytes.count)
      pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<take]))
      i = take
      guard pending.count == 32 else { return }
      let full = pending
      full.withUnsafeBytes { if let p = $0.baseAddress { block(p, 0) } }
      pending.removeAll(keepingCapacity: true)
    }
    while i + 32 <= bytes.count {
      block(base, i)
      i += 32
    }
    if i < bytes.count { pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i...])) }
  }

  /// `update(_:)` feeds the bytes of an array.
  public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// `finish()` is the checksum of everything fed.
  public func finish() -> UInt64 {
    var (a, b, c, d) = (self.a, self.b, self.c, self.d)
    // The tail, a byte at a time into the lanes in turn.
    for (k, byte) in pending.enumerated() {
      let word = UInt64(byte) | 0x100
      switch k & 3 {
      case 0: a = Self.round(a, word)
      case 1: b = Self.round(b, word)
      case 2: c = Self.round(c, word)
      default: d = Self.round(d, word)
      }
    }
    let h = Hash64.mix(a, b, length)
    return Hash64.mix(h ^ c, d, length)
  }

  /// `of(_:)` checksums `bytes` (little-endian words, so the result is the same on any machine).
  public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var sum = Checksum()
    sum.update(bytes)
    return sum.finish()
  }

  /// `of(_:)` checksums the bytes of an array.
  public static func of(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { of($0) }
  }
}

/// `ChunkedChecksum` is the checksum of a large byte range that can be verified across cores:
/// the range is cut into chunks of `chunkSize` bytes (the last one shorter, none for an empty
/// range), each chunk has its `Checksum`, and the result is the `Checksum` of those chunk
/// checksums as little-endian words. Bytes may be fed in pieces of any size (`update`), as a
/// writer produces them; `of` computes it over bytes in memory, its chunks across the cores.
public struct ChunkedChecksum: Sendable {
  /// The bytes of one chunk: 16 MB.
  public static let chunkSize = 1 << 24
  private var current = Checksum()
  private var inCurrent = 0
  private var chunks: [UInt64] = []

  /// `init()` starts an empty checksum.
  public init() {}

  /// `update(_:)` feeds the next bytes.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var rest = bytes
    while !rest.isEmpty {
      let take = min(Self.chunkSize - inCurrent, rest.count)
      current.update(UnsafeRawBufferPointer(rebasing: rest[0..<take]))
      inCurrent += take
      rest = UnsafeRawBufferPointer(rebasing: rest[take...])
      if inCurrent == Self.chunkSize {
        chunks.append(current.finish())
        current = Checksum()
        inCurrent = 0
      }
    }
  }

  /// `update(_:)` feeds the bytes of an array.
  public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// `finish()` is the checksum of everything fed.
  public func finish() -> UInt64 {
    Self.combine(inCurrent > 0 ? chunks + [current.finish()] : chunks)
  }

  static func combine(_ chunks: [UInt64]) -> UInt64 {
    var words: [UInt8] = []
    words.reserveCapacity(chunks.count * 8)
    for c in chunks { withUnsafeBytes(of: c.littleEndian) { words.append(contentsOf: $0) } }
    return Checksum.of(words)
  }

  /// `chunks(of:)` is where each chunk of `count` bytes starts and ends.
  public static func chunks(of count: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: chunkSize).map { $0..<min(count, $0 + chunkSize) }
  }

  /// `of(_:)` is the checksum of bytes in memory (one core).
  public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var sum = ChunkedChecksum()
    sum.update(bytes)
    return sum.finish()
  }

  /// `of(_:)` is the checksum of each of several byte ranges, their chunks across the cores.
  public static func of(_ ranges: [UnsafeRawBufferPointer]) -> [UInt64] {
    let jobs = ranges.enumerated().flatMap { r, bytes in chunks(of: bytes.count).map { (r, $0) } }
    let all = ranges.map(BorrowedBytes.init)
    let sums = Parallel.map(jobs.count) { j in
      Checksum.of(UnsafeRawBufferPointer(rebasing: all[jobs[j].0].bytes[jobs[j].1]))
    }
    var perRange = [[UInt64]](repeating: [], count: ranges.count)
    for (job, sum) in zip(jobs, sums) { perRange[job.0].append(sum) }
    return perRange.map(combine)
  }
}
