import TinqText

/// `SourceLocation` is a position as a person sees it: 1-based line and column, the column
/// counting characters (grapheme clusters), so `Đ` is one column whether typed NFC or NFD.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  /// `line` is the 1-based line number.
  public var line: Int
  /// `column` is the 1-based column, in characters.
  public var column: Int

  /// `init(line:column:)` makes a location.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `description` is `line:column`.
  public var description: String { "\(line):\(column)" }
}

/// `DiagnosticFormatter` renders a `Diagnostic` for people: `FILE:LINE:COL: error: message`,
/// the source line, a caret under the range, then the notes.
///
/// Rendering is kept apart from parsing and checking so that nodes and tokens carry only byte
/// offsets; lines and columns are computed here, when a message is shown.
public enum DiagnosticFormatter {
  /// `location(of:in:)` converts a UTF-8 byte offset into a line and a character column.
  public static func location(of offset: Int, in source: String) -> SourceLocation {
    let (lineNumber, lineStart) = lineContaining(boundary(offset, in: source), in: source)
    let target = graphemeStart(boundary(offset, in: source), lineStart: lineStart, in: source)
    let prefix = slice(source, lineStart, target)
    return SourceLocation(line: lineNumber, column: prefix.count + 1)
  }

  /// `render(_:source:file:)` formats `d` as a compiler would: location, message, source line,
  /// caret (`^~~~` under the range), then one line per note.
  ///
  /// Each call scans the source up to the diagnostic; to render many diagnostics of one large
  /// source, make a `SourceText` once and call its `render(_:file:)`.
  public static func render(_ d: Diagnostic, source: String, file: String) -> String {
    let (lineNumber, lineStart) = lineContaining(boundary(d.range.start, in: source), in: source)
    let start = graphemeStart(boundary(d.range.start, in: source), lineStart: lineStart, in: source)
    let column = slice(source, lineStart, start).count + 1
    return format(
      d, file: file, source: source, line: lineNumber, column: column, lineStart: lineStart,
      lineEnd: endOfLine(from: lineStart, in: source), start: start, end: boundary(d.range.end, in: source))
  }

  /// The rendering itself, once the position is known.
  static func format(
    _ d: Diagnostic, file: String, source: String, line lineNumber: Int, column: Int, lineStart: Int, lineEnd: Int,
    start: Int, end rawEnd: Int
  ) -> String {
    let end = max(start, rawEnd)
    // A very long line is shown as a window around the caret, marked with `…` where cut.
    let windowStart = start - lineStart > 120 ? boundary(start - 100, in: source) : lineStart
    let windowEnd = lineEnd - start > 240 ? boundary(start + 200, in: source) : lineEnd
    let cutBefore = windowStart > lineStart ? "…" : ""
    let before = cutBefore + slice(source, windowStart, start)
    let under = slice(source, start, min(end, windowEnd))
    var line = cutBefore + slice(source, windowStart, windowEnd) + (windowEnd < lineEnd ? "…" : "")
    if line.hasSuffix("\r") { line.removeLast() }

    var out = "\(file):\(lineNumber):\(column): error: \(d.message)\n"
    out += visible(line) + "\n"
    // Tabs are copied so the caret lines up however the terminal expands them.
    var pad = ""
    for character in visible(before) {
      pad += character == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(character))
    }
    let width = max(1, DisplayWidth.of(visible(under)))
    out += pad + "^" + String(repeating: "~", count: width - 1)
    for note in d.notes {
      out += "\n"
      out += note.hasPrefix("note:") || note.hasPrefix("help:") ? note : "note: " + note
    }
    return out
  }

  /// `boundary(_:in:)` clamps an offset into the source and moves it back to the start of a scalar.
  static func boundary(_ offset: Int, in source: String) -> Int {
    let utf8 = source.utf8
    var target = min(max(0, offset), utf8.count)
    while target > 0, target < utf8.count,
      let i = utf8.index(utf8.startIndex, offsetBy: target, limitedBy: utf8.endIndex), utf8[i] & 0xC0 == 0x80
    {
      target -= 1
    }
    return target
  }

  /// `graphemeStart(_:lineStart:in:)` moves an offset back to the start of the character holding
  /// it, so a range starting at a combining mark is shown under its letter.
  static func graphemeStart(_ offset: Int, lineStart: Int, in source: String) -> Int {
    var position = lineStart
    for character in slice(source, lineStart, endOfLine(from: lineStart, in: source)) {
      let next = position + character.utf8.count
      if next > offset { return position }
      position = next
    }
    return position
  }

  /// The 1-based number of the line holding `offset` and that line's first byte.
  static func lineContaining(_ offset: Int, in source: String) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    var i = 0
    for byte in source.utf8 {
      if i >= offset { break }
      if byte == 0x0A {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    return (line, lineStart)
  }

  static func endOfLine(from start: Int, in source: String) -> Int {
    var i = 0
    for byte in source.utf8 {
      if i >= start && byte == 0x0A { return i }
      i += 1
    }
    return i
  }

  /// The text between two byte offsets; offsets inside a scalar decode as U+FFFD, never trap.
  static func slice(_ source: String, _ start: Int, _ end: Int) -> String {
    let utf8 = source.utf8
    guard start < end, let from = utf8.index(utf8.startIndex, offsetBy: start, limitedBy: utf8.endIndex),
      let to = utf8.index(utf8.startIndex, offsetBy: end, limitedBy: utf8.endIndex)
    else { return "" }
    return String(decoding: utf8[from..<to], as: UTF8.self)
  }

  /// Control characters are shown as `�` so the source line cannot move the cursor or ring a bell.
  static func visible(_ line: String) -> String {
    var out = ""
    for character in line {
      if character == "\t" {
        out.append(character)
      } else if let v = character.unicodeScalars.first?.value, v < 0x20 || v == 0x7F {
        out.append("\u{FFFD}")
      } else {
        out.append(character)
      }
    }
    return out
  }
}

/// `SourceText` is a source with its tables of line and character starts, built once, so that
/// any number of its offsets can be located and rendered, each in logarithmic time plus the
/// length of what is shown. A script with thousands of errors stays fast to report.
public struct SourceText: Sendable {
  /// `text` is the source.
  public let text: String
  let byteCount: Int
  let lineStarts: [Int]
  let characterStarts: [Int]
  /// The line number of the text's first line in its file (a script's statements read from the
  /// middle of a file keep the file's line numbers).
  public let firstLine: Int

  /// `init(_:firstLine:)` indexes `text`: one pass over its bytes and one over its characters.
  public init(_ text: String, firstLine: Int = 1) {
    self.text = text
    self.firstLine = firstLine
    var lineStarts = [0]
    var i = 0
    for byte in text.utf8 {
      i += 1
      if byte == 0x0A { lineStarts.append(i) }
    }
    byteCount = i
    self.lineStarts = lineStarts
    var characterStarts: [Int] = []
    var offset = 0
    for character in text {
      characterStarts.append(offset)
      // Lines end at `\n`, so the `\r` of a CRLF pair counts as a character of its line.
      if character == "\r\n" { characterStarts.append(offset + 1) }
      offset += character.utf8.count
    }
    characterStarts.append(offset)
    self.characterStarts = characterStarts
  }

  /// The index of the last element of `table` that is at most `offset`.
  static func lastIndex(in table: [Int], atMost offset: Int) -> Int {
    var low = 0
    var high = table.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if table[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The line index, the line's first byte, the character-snapped offset and the column.
  func position(_ offset: Int) -> (line: Int, lineStart: Int, start: Int, column: Int) {
    let clamped = DiagnosticFormatter.boundary(offset, in: text)
    let line = Self.lastIndex(in: lineStarts, atMost: clamped)
    let lineStart = lineStarts[line]
    let character = Self.lastIndex(in: characterStarts, atMost: clamped)
    let first = Self.lastIndex(in: characterStarts, atMost: lineStart)
    let start = max(lineStart, characterStarts[character])
    return (line, lineStart, start, character - first + 1)
  }

  /// `location(of:)` is `DiagnosticFormatter.location(of:in:)` for this source.
  public func location(of offset: Int) -> SourceLocation {
    let p = position(offset)
    return SourceLocation(line: p.line + firstLine, column: p.column)
  }

  /// `render(_:file:)` is `DiagnosticFormatter.render(_:source:file:)` for this source.
  public func render(_ d: Diagnostic, file: String) -> String {
    let p = position(d.range.start)
    let lineEnd = p.line + 1 < lineStarts.count ? lineStarts[p.line + 1] - 1 : byteCount
    return DiagnosticFormatter.format(
      d, file: file, source: text, line: p.line + firstLine, column: p.column, lineStart: p.lineStart, lineEnd: lineEnd,
      start: p.start, end: DiagnosticFormatter.boundary(d.range.end, in: text))
  }
}
