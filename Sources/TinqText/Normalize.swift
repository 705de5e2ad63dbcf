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
    var needsScalarPass = false
    var hasCombining = false
    // Only CR and a few scalars are rewritten; their UTF-8 starts with 0x0D, 0xC2 (NBSP, «, »),
    // 0xE2 (general punctuation), 0xE3 (ideographic space) or 0xEF (BOM). Vietnamese letters never
    // do, so most texts are returned untouched after this one scan.
    // Scanning a buffer: iterating `String.UTF8View` costs several nanoseconds a byte here.
    var scanned = text
    scanned.withUTF8 { bytes in
      for byte in bytes where byte == 0x0D || byte >= 0xC2 {
        switch byte {
        case 0xCC, 0xCD: hasCombining = true  // lead bytes of U+0300–U+036F, NFD Vietnamese marks
        case 0x0D, 0xC2, 0xE2, 0xE3, 0xEF: needsScalarPass = true
        default: break
        }
        if hasCombining {
          needsScalarPass = true
          break
        }
      }
    }
    guard needsScalarPass else { return text }
    var composed = hasCombining ? text.precomposedStringWithCanonicalMapping : text
    // Rewriting bytes rather than appending to a `UnicodeScalarView` keeps loading fast: the
    // scalar-view append was most of the time spent extracting an article.
    var changed = false
    var source = composed
    let out: [UInt8] = source.withUTF8 { bytes in
      let n = bytes.count
      return [UInt8](unsafeUninitializedCapacity: n) { buffer, count in
        var o = 0
        var previousWasCR = false
        var i = 0
        while i < n {
          let b = bytes[i]
          if b < 0x80 && b != 0x0D {
            if previousWasCR {
              previousWasCR = false
              if b == 0x0A {
                changed = true
                i += 1
                continue
              }
            }
            buffer[o] = b
            o += 1
            i += 1
            continue
          }
          let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
          let end = min(i + width, n)
          if b != 0x0D && b != 0xC2 && b != 0xE2 && b != 0xE3 && b != 0xEF {
            // No rewritten scalar starts with this byte: copy the letter as is.
            previousWasCR = false
            for k in i..<end {
              buffer[o] = bytes[k]
              o += 1
            }
            i = end
            continue
          }
          var value = UInt32(b)
          if width == 2, end == i + 2 {
            value = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
          } else if width == 3, end == i + 3 {
            value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
          } else if width == 4 {
            value = 0x10000  // not rewritten below
          }
          previousWasCR = false
          // Every replacement is no longer than what it replaces, so `o <= i` throughout.
          switch value {
          case 0xFEFF where i == 0, 0x200B, 0x200C, 0x200D, 0x2060:
            changed = true  // BOM and zero-width characters
          case 0x0D:
            buffer[o] = 0x0A
            o += 1
            previousWasCR = true
            changed = true
          case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            buffer[o] = 0x20
            o += 1
            changed = true
          case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB:
            buffer[o] = 0x22
            o += 1
            changed = true
          case 0x2018, 0x2019, 0x201A, 0x201B:
            buffer[o] = 0x27
            o += 1
            changed = true
          default:
            for k in i..<end {
              buffer[o] = bytes[k]
              o += 1
            }
          }
          i = end
        }
        count = o
      }
    }
    if changed { composed = String(decoding: out, as: UTF8.self) }
    return composed
  }
}
