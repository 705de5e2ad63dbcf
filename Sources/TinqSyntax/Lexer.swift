import TinqText

/// `Lexer` turns source text into tokens. It never fails: text it cannot read becomes an `error`
/// token carrying the diagnostic, and the parser reports the first such token it reaches.
///
/// The lexer works on UTF-8 bytes so that every token's range is a byte range, and runs in one
/// pass, so a megabyte of input costs a megabyte of work.
public enum Lexer {
  /// `tokenize(_:)` returns the tokens of `source`, ending with one `endOfInput` token.
  ///
  /// `--` starts a comment to the end of the line; a first line starting `#!` is skipped.
  public static func tokenize(_ source: String) -> [Token] {
    var scanner = Scanner(source: source)
    return scanner.run()
  }
}

/// `Scanner` holds the position of one tokenize call.
struct Scanner {
  let source: String
  let bytes: [UInt8]
  var position = 0
  var tokens: [Token] = []

  init(source: String) {
    self.source = source
    self.bytes = Array(source.utf8)
  }

  mutating func run() -> [Token] {
    if bytes.starts(with: [UInt8(ascii: "#"), UInt8(ascii: "!")]) { skipLine() }
    while true {
      skipTrivia()
      guard position < bytes.count else { break }
      let start = position
      let kind = scanToken()
      // Every branch of scanToken consumes at least one byte, so the loop always ends.
      if position == start { position += 1 }
      tokens.append(Token(kind, SourceRange(start, position)))
    }
    tokens.append(Token(.endOfInput, SourceRange(bytes.count, bytes.count)))
    return tokens
  }

  // MARK: Characters

  /// `scalar(at:)` decodes the scalar starting at byte `i` and its length in bytes.
  func scalar(at i: Int) -> (Unicode.Scalar, Int) {
    let b0 = bytes[i]
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
    guard length > 1, i + length <= bytes.count else { return ("\u{FFFD}", 1) }
    var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length {
      let b = bytes[i + k]
      guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
      value = value << 6 | UInt32(b & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  func isWhitespace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
    case 0..<0x80: return false
    case 0xFEFF, 0x200B: return true  // a byte-order mark or zero-width space pasted in with a query
    default: return s.properties.isWhitespace
    }
  }

  func isNameScalar(_ s: Unicode.Scalar) -> Bool {
    s == "_" || Fold.isWordScalar(s)
  }

  func isDigit(at i: Int) -> Bool {
    i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39
  }

  mutating func skipLine() {
    while position < bytes.count && bytes[position] != 0x0A { position += 1 }
  }

  mutating func skipTrivia() {
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: "-") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "-") {
        skipLine()
        continue
      }
      let (s, length) = scalar(at: position)
      guard isWhitespace(s) else { return }
      position += length
    }
  }

  /// `location(_:)` is `line:column` of a byte offset, for messages that point at another place.
  func location(_ offset: Int) -> String {
    let l = DiagnosticFormatter.location(of: offset, in: source)
    return "\(l.line):\(l.column)"
  }

  // MARK: Tokens

  mutating func scanToken() -> TokenKind {
    let start = position
    let b = bytes[position]
    switch b {
    case UInt8(ascii: "("): position += 1; return .leftParen
    case UInt8(ascii: ")"): position += 1; return .rightParen
    case UInt8(ascii: ","): position += 1; return .comma
    case UInt8(ascii: ";"): position += 1; return .semicolon
    case UInt8(ascii: "\""): return scanString()
    case UInt8(ascii: "'"): return scanSingleQuoted()
    case UInt8(ascii: "$"): return scanVariable()
    case UInt8(ascii: "="):
      position += 1
      if position < bytes.count && bytes[position] == UInt8(ascii: "=") {
        position += 1
        return .error(LexicalError("`==` is not an operator; equality is written `=`", at: SourceRange(start, position)))
      }
      return .comparison(.equal)
    case UInt8(ascii: "!"):
      position += 1
      if position < bytes.count && bytes[position] == UInt8(ascii: "=") {
        position += 1
        return .comparison(.notEqual)
      }
      return .error(LexicalError("unexpected `!`; negation is written `not`, inequality `!=`", at: SourceRange(start, position)))
    case UInt8(ascii: "<"):
      position += 1
      if position < bytes.count && bytes[position] == UInt8(ascii: "=") {
        position += 1
        return .comparison(.lessOrEqual)
      }
      if position < bytes.count && bytes[position] == UInt8(ascii: ">") {
        position += 1
        return .error(LexicalError("`<>` is not an operator; inequality is written `!=`", at: SourceRange(start, position)))
      }
      return .comparison(.less)
    case UInt8(ascii: ">"):
      position += 1
      if position < bytes.count && bytes[position] == UInt8(ascii: "=") {
        position += 1
        return .comparison(.greaterOrEqual)
      }
      return .comparison(.greater)
    case UInt8(ascii: "-"):
      if isDigit(at: position + 1) { return scanNumber() }
      position += 1
      return .error(LexicalError("unexpected `-`; a comment starts with `--`", at: SourceRange(start, position)))
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return scanNumber()
    default:
      let (s, length) = scalar(at: position)
      if isNameScalar(s) { return scanName() }
      position += length
      let range = SourceRange(start, position)
      switch s.value {
      case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB:
        return .error(LexicalError("unexpected curly quote \(s); strings are written in straight double quotes `\"`", at: range))
      case 0..<0x20, 0x7F..<0xA0, 0xFFFD:
        let hex = String(s.value, radix: 16, uppercase: true)
        return .error(LexicalError("unexpected character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)", at: range))
      default:
        return .error(LexicalError("unexpected character `\(Character(s))`", at: range))
      }
    }
  }

  /// name -> (letter | "_") { letter | digit | "_" }
  mutating func scanName() -> TokenKind {
    let start = position
    while position < bytes.count {
      let (s, length) = scalar(at: position)
      guard isNameScalar(s) else { break }
      position += length
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if let keyword = Keyword.lookup(text) { return .keyword(keyword) }
    return .identifier(text)
  }

  /// variable -> "$" name
  mutating func scanVariable() -> TokenKind {
    let start = position
    position += 1
    let nameStart = position
    while position < bytes.count {
      let (s, length) = scalar(at: position)
      guard isNameScalar(s) else { break }
      position += length
    }
    guard position > nameStart else {
      return .error(LexicalError("expected a variable name after `$`", at: SourceRange(start, position)))
    }
    return .variable(String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased())
  }

  /// Reads a run of ASCII digits as a non-negative integer; nil when it overflows `Int`.
  mutating func digits(negative: Bool = false) -> (value: Int?, count: Int) {
    var value: Int? = 0
    var count = 0
    while isDigit(at: position) {
      let digit = Int(bytes[position] - 0x30)
      if let v = value {
        let (m, o1) = v.multipliedReportingOverflow(by: 10)
        // Accumulating negatively lets `Int.min` itself be written.
        let (s, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
        value = o1 || o2 ? nil : s
      }
      position += 1
      count += 1
    }
    return (value, count)
  }

  /// integer -> ["-"] digit {digit}; date -> year "-" month ["-" day]; a digit-led name is an id.
  mutating func scanNumber() -> TokenKind {
    let start = position
    let negative = bytes[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    let (value, count) = digits(negative: negative)
    // `000_d0844a13450a2335`: an article id typed bare, read as a name.
    if !negative && position < bytes.count {
      let (s, _) = scalar(at: position)
      if isNameScalar(s) && !(s.value >= 0x30 && s.value <= 0x39) {
        position = start
        return scanName()
      }
    }
    if !negative && position < bytes.count && bytes[position] == UInt8(ascii: "-") && isDigit(at: position + 1) {
      return scanDate(start: start, year: value, yearDigits: count)
    }
    let range = SourceRange(start, position)
    guard let value else {
      return .error(
        LexicalError("integer \(Scanner.shortened(text(range))) is too large; integers range from \(Int.min) to \(Int.max)", at: range))
    }
    return .integer(value)
  }

  /// `shortened(_:)` cuts a long literal for a message, as long identifiers are: the first and
  /// last characters around `…`.
  static func shortened(_ text: String) -> String {
    guard text.count > 40 else { return text }
    return String(text.prefix(20)) + "…" + String(text.suffix(10))
  }

  mutating func scanDate(start: Int, year: Int?, yearDigits: Int) -> TokenKind {
    position += 1
    let (month, monthDigits) = digits()
    var day: Int? = nil
    var dayDigits = 0
    if position < bytes.count && bytes[position] == UInt8(ascii: "-") && isDigit(at: position + 1) {
      position += 1
      let d = digits()
      day = d.value ?? Int.max
      dayDigits = d.count
    }
    let range = SourceRange(start, position)
    func invalid(_ why: String) -> TokenKind {
      .error(
        LexicalError(
          "invalid date \(Scanner.shortened(text(range))): \(why)", at: range,
          notes: ["note: dates are written YYYY-MM-DD or YYYY-MM"]))
    }
    guard yearDigits == 4, let year else { return invalid("the year must have four digits") }
    guard year >= 1 else { return invalid("there is no year 0") }
    guard monthDigits <= 2, let month, (1...12).contains(month) else { return invalid("the month must be 01 to 12") }
    if let day {
      let days = PartialDateLiteral.days(inMonth: month, year: year)
      guard dayDigits <= 2, (1...days).contains(day) else {
        return invalid("the day must be 01 to \(days)")
      }
    }
    return .date(PartialDateLiteral(year: year, month: month, day: day))
  }

  /// string -> '"' { character | '\"' | '\\' } '"'
  mutating func scanString() -> TokenKind {
    let start = position
    position += 1
    var value: [UInt8] = []
    var badEscape: SourceRange? = nil
    while position < bytes.count {
      let b = bytes[position]
      if b == UInt8(ascii: "\"") {
        position += 1
        if let badEscape {
          let escape = text(badEscape)
          return .error(
            LexicalError(
              "unknown escape \(escape) in a string; only \\\" and \\\\ are escapes", at: badEscape,
              notes: ["help: write a backslash as \\\\"]))
        }
        return .string(String(decoding: value, as: UTF8.self))
      }
      if b == UInt8(ascii: "\\") {
        guard position + 1 < bytes.count else { position += 1; break }
        let next = bytes[position + 1]
        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") {
          value.append(next)
          position += 2
          continue
        }
        let (_, length) = scalar(at: position + 1)
        if badEscape == nil { badEscape = SourceRange(position, position + 1 + length) }
        position += 1 + length
        continue
      }
      value.append(b)
      position += 1
    }
    return .error(
      LexicalError(
        "expected '\"' to close the string at \(location(start)), found end of input",
        at: SourceRange(start, start + 1), atEnd: true))
  }

  /// A single-quoted string is read whole so that the one error names the fix.
  mutating func scanSingleQuoted() -> TokenKind {
    let start = position
    position += 1
    while position < bytes.count && bytes[position] != UInt8(ascii: "'") && bytes[position] != 0x0A {
      position += 1
    }
    if position < bytes.count && bytes[position] == UInt8(ascii: "'") { position += 1 }
    let range = SourceRange(start, position)
    return .error(
      LexicalError("strings are written in double quotes, not single quotes", at: range,
        notes: ["help: write \"\(text(range).dropFirst().prefix { $0 != "'" })\""]))
  }

  func text(_ range: SourceRange) -> String {
    String(decoding: bytes[max(0, range.start)..<min(bytes.count, range.end)], as: UTF8.self)
  }
}

extension PartialDateLiteral {
  /// `days(inMonth:year:)` is the number of days in a month of the proleptic Gregorian calendar.
  public static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
