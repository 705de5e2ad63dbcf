import Foundation

/// `TextNormalizer` brings text to the one form every later stage assumes: NFC, `\n` line
/// ends, no byte-order mark, ordinary spaces and straight quotes.
///
/// Normalising once at the door is what makes an NFD, CRLF or BOM copy of an article give exactly
/// the same extraction and query results as the original.
public enum TextNormalizer {
  /// `normalize(_:)` returns `text` in NFC with CRLF/CR turned into LF, a leading BOM removed,
  /// NBSP and other Unicode spaces turned into U+0020, and curly quotes made straight.
  public static func normalize(_ text: String) -> String {
    var source = text
    let result: (bytes: [UInt8], changed: Bool)? = source.withUTF8 { normalizedUTF8($0, text: text) }
    guard let result, result.changed else { return text }
    return String(decoding: result.bytes, as: UTF8.self)
  }

  /// `normalizedBytes(_:)` returns the UTF-8 of `normalize(text)` without making a String, for
  /// callers that work on bytes anyway.
  public static func normalizedBytes(_ text: String) -> [UInt8] {
    var source = text
    return source.withUTF8 { bytes in normalizedUTF8(bytes, text: text)?.bytes ?? Array(bytes) }
  }

  /// `normalizedBytes(utf8:)` is `normalizedBytes(_:)` for text already held as valid UTF-8.
  public static func normalizedBytes(utf8 bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBufferPointer { p in
      normalizedUTF8(p, text: String(decoding: p, as: UTF8.self))?.bytes
    } ?? bytes
  }

  /// `normalizedUTF8(_:text:)` normalises the UTF-8 `bytes` of `text`; nil when nothing needs
  /// rewriting, else the new bytes and whether they differ from the input.
  static func normalizedUTF8(
    _ bytes: UnsafeBufferPointer<UInt8>, text: @autoclosure () -> String
  ) -> (bytes: [UInt8], changed: Bool)? {
    // Only CR and a few scalars are rewritten; their UTF-8 starts with 0x0D, 0xC2 (NBSP, «, »),
    // 0xE2 (general punctuation), 0xE3 (ideographic space) or 0xEF (BOM); combining marks, which
    // NFC may compose, start with 0xCC or 0xCD. Vietnamese letters never do, so most texts are
    // returned untouched after this one scan, and the rest are rewritten from where it stopped.
    var first = 0
    let n = bytes.count
    while first < n, !isSpecial(bytes[first]) { first += 1 }
    guard first < n else { return nil }
    if let pass = rewrite(bytes, from: first) { return pass }
    // Composing Latin letters with their marks through a table gives exactly what Foundation's
    // NFC gives for such text, at a fraction of the cost; anything else takes Foundation's path.
    if let composed = LatinComposer.compose(bytes) {
      let pass = composed.withUnsafeBufferPointer { rewrite($0, from: 0, composed: true) }
      if let pass, pass.changed { return (pass.bytes, true) }
      return (composed, true)
    }
    var nfc = text().precomposedStringWithCanonicalMapping
    let pass = nfc.withUTF8 { rewrite($0, from: 0, composed: true) }
    if let pass, pass.changed { return (pass.bytes, true) }
    return (Array(nfc.utf8), !nfc.utf8.elementsEqual(bytes))
  }

  /// `isSpecial(_:)` tells the lead bytes of the scalars `rewrite` changes and of combining marks:
  /// 0x0D, 0xC2, 0xCC, 0xCD, 0xE2, 0xE3 and 0xEF, as a 256-bit set (two words cover them all).
  @inline(__always)
  static func isSpecial(_ c: UInt8) -> Bool {
    let low: UInt64 = 1 << 0x0D
    let high: UInt64 = 1 << (0xC2 - 0xC0) | 1 << (0xCC - 0xC0) | 1 << (0xCD - 0xC0) | 1 << (0xE2 - 0xC0)
      | 1 << (0xE3 - 0xC0) | 1 << (0xEF - 0xC0)
    let word = c < 0x40 ? low : (c >= 0xC0 ? high : 0)
    return (word >> UInt64(c & 0x3F)) & 1 != 0
  }

  /// `isRewritten(_:)` is `isSpecial` without the combining marks (0xCC, 0xCD).
  @inline(__always)
  static func isRewritten(_ c: UInt8) -> Bool {
    let low: UInt64 = 1 << 0x0D
    let high: UInt64 = 1 << (0xC2 - 0xC0) | 1 << (0xE2 - 0xC0) | 1 << (0xE3 - 0xC0) | 1 << (0xEF - 0xC0)
    let word = c < 0x40 ? low : (c >= 0xC0 ? high : 0)
    return (word >> UInt64(c & 0x3F)) & 1 != 0
  }

  /// `rewrite(_:)` turns line ends, spaces, quotes and invisible characters into their one form.
  /// Bytes before `from` are known to need nothing. Unless `composed`, it returns nil on meeting a
  /// combining mark, which needs NFC first.
  static func rewrite(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, composed: Bool = false
  ) -> (bytes: [UInt8], changed: Bool)? {
    // Rewriting bytes rather than appending to a `UnicodeScalarView` keeps loading fast: the
    // scalar-view append was most of the time spent extracting an article.
    var changed = false
    let n = bytes.count
    guard n > 0, let base = bytes.baseAddress else { return ([], false) }
    var sawMark = false
    let out = [UInt8](unsafeUninitializedCapacity: n) { buffer, count in
      guard let dst = buffer.baseAddress else {
        count = 0
        return
      }
      var o = 0
      var i = 0
      var j = min(max(from, 0), n)
      while i < n {
        // Runs of bytes that start no rewritten scalar are copied whole.
        while j < n {
          let c = base[j]
          if composed ? isRewritten(c) : isSpecial(c) {
            if !composed, c == 0xCC || c == 0xCD { sawMark = true }
            break
          }
          j += 1
        }
        if sawMark { break }
        if j > i {
          (dst + o).update(from: base + i, count: j - i)
          o += j - i
          i = j
        }
        guard i < n else { break }
        let b = base[i]
        if b == 0x0D {
          // CR and CRLF both become LF.
          dst[o] = 0x0A
          o += 1
          changed = true
          i += 1
          if i < n, base[i] == 0x0A { i += 1 }
          j = i
          continue
        }
        let width = b < 0xE0 ? 2 : 3
        let end = min(i + width, n)
        var value = UInt32(b)
        if width == 2, end == i + 2 {
          value = UInt32(b & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
        } else if width == 3, end == i + 3 {
          value = UInt32(b & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
        }
        // Every replacement is no longer than what it replaces, so `o <= i` throughout.
        switch value {
        case 0xFEFF where i == 0, 0x200B, 0x200C, 0x200D, 0x2060:
          changed = true  // BOM and zero-width characters
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
          dst[o] = 0x20
          o += 1
          changed = true
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB:
          dst[o] = 0x22
          o += 1
          changed = true
        case 0x2018, 0x2019, 0x201A, 0x201B:
          dst[o] = 0x27
          o += 1
          changed = true
        default:
          for k in i..<end {
            dst[o] = base[k]
            o += 1
          }
        }
        i = end
        j = i
      }
      count = o
    }
    return sawMark ? nil : (out, changed)
  }
}

/// `LatinComposer` is NFC for text made of Latin letters, punctuation and the combining marks
/// U+0300–U+036F: each letter and the marks after it become the one precomposed letter they are
/// canonically equivalent to. Its tables are derived from Foundation's own normalisation, and it
/// declines (returns nil) whenever a text holds anything outside what they cover, so its answers
/// are Foundation's answers.
enum LatinComposer {
  /// The tables: which scalars below U+2100 pass through NFC alone, the full canonical
  /// decomposition of each precomposed letter, the combining class of each mark, and the
  /// composition of each canonical letter-plus-marks sequence (packed 21 bits a scalar).
  struct Tables: Sendable {
    var inert: [Bool]
    /// For each scalar below U+2100, its canonical decomposition packed (see `pack`) when it has
    /// one, else 0.
    var decomposition: [UInt64]
    var markClass: [UInt8]
    /// An open-addressed table from a packed canonical sequence to its precomposed letter.
    var compositionKeys: [UInt64]
    var compositionValues: [UInt32]

    /// `composition(_:)` returns the letter a packed canonical sequence composes to, or nil.
    @inline(__always)
    func composition(_ key: UInt64) -> UInt32? {
      let mask = compositionKeys.count - 1
      var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
      while compositionKeys[slot] != 0 {
        if compositionKeys[slot] == key { return compositionValues[slot] }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  static let tables: Tables = {
    let limit = 0x2100
    var inert = [Bool](repeating: false, count: limit)
    var decomposition = [UInt64](repeating: 0, count: limit)
    var keys = [UInt64](repeating: 0, count: 4096)
    var values = [UInt32](repeating: 0, count: 4096)
    var markClass = [UInt8](repeating: 0, count: 0x70)
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    for v in 0x300..<0x370 {
      guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
      let s = String(Character(scalar))
      let ccc = scalar.properties.canonicalCombiningClass.rawValue
      // A mark that NFC rewrites on its own (U+0340, U+0344, …) is left to Foundation.
      if ccc != 0, scalars(s.precomposedStringWithCanonicalMapping) == [UInt32(v)],
        scalars(s.decomposedStringWithCanonicalMapping) == [UInt32(v)]
      {
        markClass[v - 0x300] = ccc
      }
    }
    let ranges = [0..<0x2B0, 0x1E00..<0x1F00, 0x2000..<0x20D0]
    for range in ranges {
      for v in range {
        guard let scalar = Unicode.Scalar(UInt32(v)), scalar.properties.canonicalCombiningClass.rawValue == 0
        else { continue }
        let s = String(Character(scalar))
        guard scalars(s.precomposedStringWithCanonicalMapping) == [UInt32(v)] else { continue }
        let nfd = scalars(s.decomposedStringWithCanonicalMapping)
        if nfd.count > 1 {
          // Only a starter then known marks, at most three scalars, is handled here.
          guard nfd.count <= 3, nfd[0] < 0x2100,
            nfd.dropFirst().allSatisfy({ $0 >= 0x300 && $0 < 0x370 && markClass[Int($0) - 0x300] != 0 })
          else { continue }
          let key = pack(nfd)
          decomposition[v] = key
          var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (keys.count - 1)
          while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
          keys[slot] = key
          values[slot] = UInt32(v)
        } else if nfd != [UInt32(v)] {
          continue
        }
        inert[v] = true
      }
    }
    return Tables(
      inert: inert, decomposition: decomposition, markClass: markClass, compositionKeys: keys,
      compositionValues: values)
  }()

  @inline(__always)
  static func pack(_ values: [UInt32]) -> UInt64 {
    var key: UInt64 = 0
    for v in values { key = key << 21 | UInt64(v) }
    return key
  }

  /// `compose(_:)` returns the NFC of valid UTF-8 `bytes`, or nil when the text holds a scalar or
  /// a sequence the tables do not cover.
  static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    let t = tables
    let n = bytes.count
    var failed = false
    // Composition only shortens: a letter and a two-byte mark become at most three bytes.
    let out = t.inert.withUnsafeBufferPointer { inert in
      t.markClass.withUnsafeBufferPointer { markClass in
        [UInt8](unsafeUninitializedCapacity: n) { dst, count in
          count = 0
          failed = !composeInto(bytes, dst, &count, t, inert, markClass)
          if failed { count = 0 }
        }
      }
    }
    return failed ? nil : out
  }

  static func composeInto(
    _ bytes: UnsafeBufferPointer<UInt8>, _ dst: UnsafeMutableBufferPointer<UInt8>, _ o: inout Int, _ t: Tables,
    _ inert: UnsafeBufferPointer<Bool>, _ markClass: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let n = bytes.count
    var i = 0
    // The letter just written, which marks that follow are composed with.
    var letter: UInt32 = 0
    var letterWidth = 0
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        guard o < dst.count else { return false }
        dst[o] = b
        o += 1
        letter = UInt32(b)
        letterWidth = 1
        i += 1
        continue
      }
      var v: UInt32
      var w: Int
      if b < 0xE0, i + 1 < n {
        v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        w = 2
      } else if b < 0xF0, i + 2 < n {
        v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        w = 3
      } else {
        return false
      }
      if v >= 0x300 && v < 0x370 {
        // The letter's full decomposition, then every mark that follows, at most three scalars
        // packed 21 bits each.
        guard letterWidth > 0 else { return false }
        let decomposed = t.decomposition[Int(letter)]
        var key = decomposed != 0 ? decomposed : UInt64(letter)
        var count = decomposed == 0 ? 1 : decomposed >> 42 != 0 ? 3 : 2
        while true {
          guard markClass[Int(v) - 0x300] != 0, count < 3 else { return false }
          key = key << 21 | UInt64(v)
          count += 1
          i += w
          guard i + 1 < n, bytes[i] == 0xCC || bytes[i] == 0xCD else { break }
          v = UInt32(bytes[i] & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
          w = 2
          guard v >= 0x300 && v < 0x370 else { break }
        }
        // Canonical order: marks sorted by combining class, equal classes keeping their order.
        if count == 3 {
          let m1 = Int((key >> 21) & 0x1F_FFFF) - 0x300
          let m2 = Int(key & 0x1F_FFFF) - 0x300
          if m1 >= 0, m1 < 0x70, m2 >= 0, m2 < 0x70, markClass[m1] > markClass[m2] {
            key = (key >> 42) << 42 | UInt64(m2 + 0x300) << 21 | UInt64(m1 + 0x300)
          }
        }
        guard let composed = t.composition(key), let scalar = Unicode.Scalar(composed) else { return false }
        o -= letterWidth
        for unit in UTF8.encode(scalar) ?? UTF8.EncodedScalar() {
          guard o < dst.count else { return false }
          dst[o] = unit
          o += 1
        }
        letterWidth = 0
        continue
      }
      guard v < 0x2100, inert[Int(v)], o + w <= dst.count else { return false }
      for k in i..<i + w {
        dst[o] = bytes[k]
        o += 1
      }
      letter = v
      letterWidth = w
      i += w
    }
    return true
  }
}
