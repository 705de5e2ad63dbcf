/// `DisplayWidth` measures text as a terminal shows it: a combining mark takes no column, East
/// Asian wide characters and most emoji take two, everything else one. NFC `Thượng` and its NFD
/// form both take six columns.
public enum DisplayWidth {
  /// `of(_:)` returns the number of terminal columns `text` occupies.
  public static func of(_ text: String) -> Int {
    var width = 0
    for character in text { width += of(character) }
    return width
  }

  /// `of(_:)` returns the number of terminal columns one character occupies.
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let v = first.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if isWide(v) || first.properties.isEmojiPresentation { return 2 }
    return 1
  }

  static func isWide(_ v: UInt32) -> Bool {
    (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF && v != 0x303F) || (v >= 0xAC00 && v <= 0xD7A3)
      || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
      || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD)
  }

  /// `truncate(_:to:)` cuts `text` to at most `columns` columns, ending with `…` when cut.
  public static func truncate(_ text: String, to columns: Int) -> String {
    if of(text) <= columns { return text }
    guard columns >= 1 else { return "" }
    var out = ""
    var width = 0
    for character in text {
      let w = of(character)
      if width + w > columns - 1 { break }
      out.append(character)
      width += w
    }
    return out + "…"
  }

  /// `pad(_:to:rightAlign:)` pads `text` with spaces to `columns` columns.
  public static func pad(_ text: String, to columns: Int, rightAlign: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, columns - of(text)))
    return rightAlign ? fill + text : text + fill
  }
}
