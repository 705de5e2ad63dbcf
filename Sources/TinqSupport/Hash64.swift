/// `Hash64` mixes up to 16 bytes held in two words, and their count, into one well-spread 64-bit
/// hash: the last step of hashing a short key gathered a word at a time (the index's piece cache,
/// extraction's word hashes).
public enum Hash64 {
  @inline(__always)
  public static func mix(_ a: UInt64, _ b: UInt64, _ length: Int) -> UInt64 {
    var h = a &* 0x9E37_79B9_7F4A_7C15
    h ^= (b ^ UInt64(truncatingIfNeeded: length)) &* 0xC2B2_AE3D_27D4_EB4F
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 32)
  }

  /// `bytes(_:seed:)` hashes a byte string 16 bytes at a time, each step a `mix`.
  @inline(__always)
  public static func bytes(_ buffer: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
    let n = buffer.count
    guard let p = buffer.baseAddress else { return mix(seed, 0, 0) }
    let raw = UnsafeRawPointer(p)
    var h = seed
    var i = 0
    while i + 16 < n {
      let w0 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
      h = mix(h ^ w0, w1, i)
      i += 16
    }
    var w0: UInt64 = 0
    var w1: UInt64 = 0
    if n >= 16 {
      // The last 16 bytes, overlapping the ones before when n is not a multiple of 16.
      (w0, w1) = load16(p + n - 16, 16)
    } else {
      (w0, w1) = gather16(p, n)
    }
    return mix(h ^ w0, w1, n)
  }

  /// `load16(_:_:)` is the first `min(length, 16)` bytes at `p` as two little-endian words, zero
  /// past them: two unaligned loads, so 16 bytes must be readable from `p`.
  @inlinable @inline(__always)
  public static func load16(_ p: UnsafePointer<UInt8>, _ length: Int) -> (UInt64, UInt64) {
    let raw = UnsafeRawPointer(p)
    var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    if length < 8 {
      w0 &= (1 << UInt64(length &* 8)) &- 1
      w1 = 0
    } else if length < 16 {
      w1 &= (1 << UInt64((length &- 8) &* 8)) &- 1
    }
    return (w0, w1)
  }

  /// `gather16(_:_:)` is `load16(_:_:)` a byte at a time, for where fewer than 16 bytes can be
  /// read.
  public static func gather16(_ p: UnsafePointer<UInt8>, _ length: Int) -> (UInt64, UInt64) {
    var w0: UInt64 = 0
    var w1: UInt64 = 0
    for k in 0..<min(length, 16) {
      if k < 8 { w0 |= UInt64(p[k]) << UInt64(k * 8) } else { w1 |= UInt64(p[k]) << UInt64((k - 8) * 8) }
    }
    return (w0, w1)
  }
}
