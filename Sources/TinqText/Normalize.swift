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
    // One pass over the bytes finds whether anything needs changing; most text needs nothing.
    var needsScalarPass = false
    var hasCombining = false
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == 0x0D {
        needsScalarPass = true
      } else if byte == 0xCC || byte == 0xCD {
        // 0xCC/0xCD lead the UTF-8 of U+0300–U+036F, the combining marks of NFD Vietnamese.
        hasCombining = true
      } else if previous == 0xC2 && (byte == 0xA0 || byte == 0xAB || byte == 0xBB) {
        needsScalarPass = true  // NBSP, « and »
      } else if previous == 0xE2 && (byte == 0x80 || byte == 0x81) {
        needsScalarPass = true  // general punctuation: spaces, zero-width characters, curly quotes
      } else if (previous == 0xEF && byte == 0xBB) || (previous == 0xE3 && byte == 0x80) {
        needsScalarPass = true  // the BOM, the ideographic space
      }
      previous = byte
    }
    guard needsScalarPass || hasCombining else { return text }
    if !needsScalarPass { return text.precomposedStringWithCanonicalMapping }
    var composed = hasCombining ? text.precomposedStringWithCanonicalMapping : text
    var out = String.UnicodeScalarView()
    var changed = false
    var previousWasCR = false
    for (i, scalar) in composed.unicodeScalars.enumerated() {
      if previousWasCR {
        previousWasCR = false
        if scalar == "\n" { changed = true; continue }
      }
      switch scalar.value {
      case 0xFEFF where i == 0, 0x200B, 0x200C, 0x200D, 0x2060:
        changed = true  // BOM and zero-width characters
      case 0x0D:
        out.append("\n")
        previousWasCR = true
        changed = true
      case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
        out.append(" ")
        changed = true
      case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB:
        out.append("\"")
        changed = true
      case 0x2018, 0x2019, 0x201A, 0x201B:
        out.append("'")
        changed = true
      default:
        out.append(scalar)
      }
    }
    if changed { composed = String(out) }
    return composed
  }
}
