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
    for byte in text.utf8 where byte >= 0x80 || byte == 0x0D {
      // 0xCC/0xCD lead the UTF-8 of U+0300–U+036F, the combining marks of NFD Vietnamese.
      if byte == 0xCC || byte == 0xCD { hasCombining = true }
      needsScalarPass = true
    }
    guard needsScalarPass else { return text }
    var composed = hasCombining ? text.precomposedStringWithCanonicalMapping : text
    // Rewriting bytes rather than appending to a `UnicodeScalarView` keeps loading fast: the
    // scalar-view append was most of the time spent extracting an article.
    var out: [UInt8] = []
    out.reserveCapacity(composed.utf8.count)
    var changed = false
    var previousWasCR = false
    var isFirst = true
    let bytes = Array(composed.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
      let end = min(i + width, bytes.count)
      var value = UInt32(b)
      if width == 2, end == i + 2 {
        value = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
      } else if width == 3, end == i + 3 {
        value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
      } else if width == 4 {
        value = 0x10000  // not rewritten below
      }
      let wasFirst = isFirst
      isFirst = false
      if previousWasCR {
        previousWasCR = false
        if value == 0x0A {
          changed = true
          i = end
          continue
        }
      }
      switch value {
      case 0xFEFF where wasFirst, 0x200B, 0x200C, 0x200D, 0x2060:
        changed = true  // BOM and zero-width characters
      case 0x0D:
        out.append(0x0A)
        previousWasCR = true
        changed = true
      case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
        out.append(0x20)
        changed = true
      case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB:
        out.append(0x22)
        changed = true
      case 0x2018, 0x2019, 0x201A, 0x201B:
        out.append(0x27)
        changed = true
      default:
        out.append(contentsOf: bytes[i..<end])
      }
      i = end
    }
    if changed { composed = String(decoding: out, as: UTF8.self) }
    return composed
  }
}
