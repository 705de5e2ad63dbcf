/// `Checksum` is a fast 64-bit checksum of a byte range: four independent lanes of 8 bytes each
/// (so the multiplications overlap), folded together with the length at the end. It detects
/// corruption, truncation and misplaced bytes; it is not a cryptographic hash. Snapshot sections
/// and source files are checked with it (see `docs/SNAPSHOT.md`).
public enum Checksum {
  @inline(__always)
  static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
    var h = (lane ^ word) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 31
    return h
  }

  /// `of(_:)` checksums `bytes` (little-endian words, so the result is the same on any machine).
  public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let n = bytes.count
    var a: UInt64 = 0x243F_6A88_85A3_08D3
    var b: UInt64 = 0x1319_8A2E_0370_7344
    var c: UInt64 = 0xA409_3822_299F_31D0
    var d: UInt64 = 0x082E_FA98_EC4E_6C89
    var i = 0
    if let base = bytes.baseAddress {
      while i + 32 <= n {
        a = round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
        b = round(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
        c = round(c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
        d = round(d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
        i += 32
      }
      // The tail, a byte at a time into the lanes in turn.
      var lane = 0
      while i < n {
        let byte = UInt64(base.load(fromByteOffset: i, as: UInt8.self)) | 0x100
        switch lane {
        case 0: a = round(a, byte)
        case 1: b = round(b, byte)
        case 2: c = round(c, byte)
        default: d = round(d, byte)
        }
        lane = (lane + 1) & 3
        i += 1
      }
    }
    var h = Hash64.mix(a, b, n)
    h = Hash64.mix(h ^ c, d, n)
    return h
  }

  /// `of(_:)` checksums the bytes of an array.
  public static func of(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { of($0) }
  }
}
