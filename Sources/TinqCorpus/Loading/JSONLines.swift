import Foundation
import TinqExtraction
import TinqFacts
import TinqStore
import TinqSupport
import TinqText

/// `JSONLines` decodes one JSON Lines record into a body, an id and metadata.
enum JSONLines {
  /// A decoded record, or why it was skipped.
  enum Record {
    /// The body is valid UTF-8, kept as bytes: extraction works on bytes.
    case article(id: String?, body: [UInt8], metadata: ArticleMetadata)
    case skip(String)
  }

  /// Why a line holding a NUL byte is skipped. No JSON holds one unescaped, so a line is checked
  /// for one only once it has failed to parse.
  static let nulReason = "binary data (NUL byte)"

  /// How deep `JSONSerialization` nests arrays and objects (Foundation's limit): it refuses a line
  /// that goes deeper, however valid.
  static let maxDepth = 512

  /// `failure(_:_:parser:)` skips a line that did not parse, naming the first of: a NUL byte, bytes
  /// that are not UTF-8, nesting deeper than the parser goes (when the parser's `error` says it
  /// stopped there), or `reason`.
  static func failure(_ line: UnsafeBufferPointer<UInt8>, _ reason: String, parser error: (any Error)? = nil)
    -> Record
  {
    if let base = line.baseAddress, memchr(base, 0, line.count) != nil { return .skip(nulReason) }
    // The parser checks UTF-8 itself; validating again only to name the reason is cheaper than
    // validating every good line twice.
    if String(validating: line, as: UTF8.self) == nil { return .skip("not valid UTF-8") }
    if let error, nestsDeeper(line, than: maxDepth) {
      // Foundation says "Too many nested arrays or dictionaries"; a line that fails earlier, on
      // something else, is only malformed.
      let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      if said?.localizedCaseInsensitiveContains("nested") ?? true {
        return .skip("JSON nested too deep (more than \(maxDepth) levels)")
      }
    }
    return .skip(reason)
  }

  /// `nestsDeeper(_:than:)` is whether arrays and objects in `line` nest more than `limit` deep
  /// before the brackets stop balancing (strings skipped).
  static func nestsDeeper(_ line: UnsafeBufferPointer<UInt8>, than limit: Int) -> Bool {
    var depth = 0
    var inString = false
    var i = 0
    while i < line.count {
      let c = line[i]
      if inString {
        if c == 0x5C {
          i += 1
        } else if c == 0x22 {
          inString = false
        }
      } else if c == 0x22 {
        inString = true
      } else if c == 0x7B || c == 0x5B {
        depth += 1
        if depth > limit { return true }
      } else if c == 0x7D || c == 0x5D {
        depth -= 1
        if depth < 0 { return false }
      }
      i += 1
    }
    return false
  }

  /// `decode(_:)` reads one line (without its newline); blank lines yield nil.
  static func decode(_ bytes: ArraySlice<UInt8>) -> Record? {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// `decode(_:)` reads one line (without its newline) in place; blank lines yield nil.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Record? {
    var lo = 0
    var hi = bytes.count
    while hi > lo, bytes[hi - 1] == 0x0D || bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
    if hi - lo >= 3, bytes[lo] == 0xEF, bytes[lo + 1] == 0xBB, bytes[lo + 2] == 0xBF { lo += 3 }
    let line = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
    guard !line.isEmpty else { return nil }
    guard line[0] == 0x7B else { return failure(line, "malformed JSON: not an object") }
    if let record = FastObject.decode(line) { return record }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(buffer: line), options: [])
    } catch {
      return failure(line, "malformed JSON", parser: error)
    }
    guard let dict = object as? [String: Any] else { return .skip("malformed JSON: not an object") }
    var body: String? = nil
    for key in ["body", "content", "text"] {
      if let value = dict[key] {
        guard let s = value as? String else { return .skip("\"\(key)\" is not a string") }
        body = s
        break
      }
    }
    guard let text = body, !text.allSatisfy(\.isWhitespace) else { return .skip("missing body") }
    func field(_ key: String) -> String? {
      switch dict[key] {
      case let s as String: return s
      case let n as NSNumber: return n.stringValue
      default: return nil
      }
    }
    let metadata = ArticleMetadata(
      title: field("title"), date: field("date"), source: field("source"), author: field("author"), url: field("url"))
    let id = field("id").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
    return .article(id: id, body: Array(text.utf8), metadata: metadata)
  }
}

/// `FastObject` decodes the common record, one flat object whose values are all strings, without
/// Foundation, whose parser and bridging cost more than extracting the article. It declines
/// (returns nil) on anything else: numbers, nulls, nesting, odd escapes, invalid UTF-8, even a
/// trailing comma; such lines take `JSONSerialization`, so accepted lines, values and warnings
/// stay exactly as they were.
enum FastObject {
  /// The keys a record is read for, in `Slot` order.
  static let keys: [[UInt8]] = ["body", "content", "text", "title", "date", "source", "author", "url", "id"].map {
    Array($0.utf8)
  }

  /// `decode(_:)` reads one trimmed line that starts with `{`.
  static func decode(_ line: UnsafeBufferPointer<UInt8>) -> JSONLines.Record? {
    let n = line.count
    var values = [String?](repeating: nil, count: 9)
    // The body candidates stay bytes; only the first present one is used.
    var bodies: [[UInt8]?] = [nil, nil, nil]
    var scratch: [UInt8] = []
    var i = 1
    skipSpace(line, &i)
    guard i < n else { return nil }
    if line[i] != 0x7D {
      while true {
        guard i < n, line[i] == 0x22 else { return nil }
        guard let (keyStart, keyEnd, keyEscaped) = scanString(line, &i), !keyEscaped else { return nil }
        skipSpace(line, &i)
        guard i < n, line[i] == 0x3A else { return nil }
        i += 1
        skipSpace(line, &i)
        guard i < n, line[i] == 0x22 else { return nil }
        guard let (valueStart, valueEnd, escaped) = scanString(line, &i) else { return nil }
        if let slot = slot(line, keyStart, keyEnd), slot < 3 {
          let raw = UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
          if escaped {
            guard unescape(raw, into: &scratch), scratch.withUnsafeBufferPointer({ isValidUTF8($0) }) else { return nil }
            bodies[slot] = scratch
          } else {
            guard isValidUTF8(raw) else { return nil }
            bodies[slot] = Array(raw)
          }
        } else if let slot = slot(line, keyStart, keyEnd) {
          let raw = UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
          if escaped {
            guard unescape(raw, into: &scratch) else { return nil }
            guard let value = scratch.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
              return nil
            }
            values[slot] = value
          } else {
            guard let value = String(validating: raw, as: UTF8.self) else { return nil }
            values[slot] = value
          }
        } else if !isValidUTF8(UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])) {
          return nil
        }
        skipSpace(line, &i)
        guard i < n else { return nil }
        if line[i] == 0x2C {
          i += 1
          skipSpace(line, &i)
          continue
        }
        guard line[i] == 0x7D else { return nil }
        break
      }
    }
    i += 1
    skipSpace(line, &i)
    guard i == n else { return nil }
    guard let body = bodies[0] ?? bodies[1] ?? bodies[2] else { return nil }
    guard !isBlank(body) else { return .skip("missing body") }
    let metadata = ArticleMetadata(title: values[3], date: values[4], source: values[5], author: values[6], url: values[7])
    let id = values[8].flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
    return .article(id: id, body: body, metadata: metadata)
  }

  /// `isBlank(_:)` is `String(decoding: body).allSatisfy(\.isWhitespace)`. An ASCII byte that is
  /// not whitespace and follows an ASCII byte always starts a Character of its own, which is then
  /// not whitespace; a body with such a byte is answered without making a String.
  static func isBlank(_ body: [UInt8]) -> Bool {
    var previous: UInt8 = 0
    for b in body {
      if b < 0x80, previous < 0x80, b != 0x20, b < 0x09 || b > 0x0D { return false }
      previous = b
    }
    return String(decoding: body, as: UTF8.self).allSatisfy(\.isWhitespace)
  }

  @inline(__always)
  static func skipSpace(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
    while i < line.count, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D || line[i] == 0x0A { i += 1 }
  }

  /// `slot(_:_:_:)` returns the index in `keys` of the key spelled by bytes `a..<b`.
  static func slot(_ line: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int? {
    let length = b - a
    guard length >= 2, length <= 7 else { return nil }
    for (k, key) in keys.enumerated() where key.count == length && key[0] == line[a] {
      var same = true
      for j in 1..<length where key[j] != line[a + j] {
        same = false
        break
      }
      if same { return k }
    }
    return nil
  }

  /// `scanString(_:_:)` moves past the string starting at the quote at `i`, returning the range of
  /// its contents and whether it holds escapes; nil on a control character or no closing quote.
  static func scanString(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (Int, Int, Bool)? {
    let n = line.count
    let start = i + 1
    var j = start
    var escaped = false
    skipPlain(line, &j)
    while j < n {
      let c = line[j]
      if c == 0x22 {
        i = j + 1
        return (start, j, escaped)
      }
      if c == 0x5C {
        escaped = true
        j += 2
        continue
      }
      if c < 0x20 { return nil }
      j += 1
      skipPlain(line, &j)
    }
    return nil
  }

  /// `skipPlain(_:_:)` moves `j` over whole eight-byte words holding no quote, backslash or
  /// control character; the tests are exact for "any byte of the word", though not for which.
  @inline(__always)
  static func skipPlain(_ line: UnsafeBufferPointer<UInt8>, _ j: inout Int) {
    guard let base = line.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    let n = line.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    while j + 8 <= n {
      let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
      let quote = x ^ (ones &* 0x22)
      let slash = x ^ (ones &* 0x5C)
      let special = ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((x &- ones &* 0x20) & ~x)
      if special & 0x8080_8080_8080_8080 != 0 { return }
      j += 8
    }
  }

  /// `unescape(_:into:)` writes the bytes a string's escaped contents stand for; false on an
  /// escape this decoder leaves to Foundation (unknown, NUL, or an unpaired surrogate).
  static func unescape(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(raw.count)
    let n = raw.count
    var i = 0
    while i < n {
      // Copy the run up to the next backslash at once.
      var j = n
      if let base = raw.baseAddress, let hit = memchr(base + i, 0x5C, n - i) {
        j = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      }
      if j > i {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<j]))
        i = j
      }
      guard i < n else { break }
      guard i + 1 < n else { return false }
      switch raw[i + 1] {
      case 0x22: out.append(0x22)
      case 0x5C: out.append(0x5C)
      case 0x2F: out.append(0x2F)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        guard let unit = hex4(raw, i + 2), unit != 0 else { return false }
        i += 6
        var value = UInt32(unit)
        if unit >= 0xD800 && unit <= 0xDBFF {
          guard i + 1 < n, raw[i] == 0x5C, raw[i + 1] == 0x75, let low = hex4(raw, i + 2), low >= 0xDC00,
            low <= 0xDFFF
          else { return false }
          value = 0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(low - 0xDC00))
          i += 6
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
          return false
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        out.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
        continue
      default:
        return false
      }
      i += 2
    }
    return true
  }

  static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16? {
    guard at + 4 <= raw.count else { return nil }
    var value: UInt16 = 0
    for k in at..<at + 4 {
      let c = raw[k]
      let digit: UInt8
      switch c {
      case 0x30...0x39: digit = c - 0x30
      case 0x41...0x46: digit = c - 0x41 + 10
      case 0x61...0x66: digit = c - 0x61 + 10
      default: return nil
      }
      value = value << 4 | UInt16(digit)
    }
    return value
  }

  /// `isValidUTF8(_:)` checks well-formed UTF-8 (the Unicode standard's table 3-7: no overlong
  /// forms, surrogates or scalars past U+10FFFF), without making a String. Vietnamese text mixes
  /// short ASCII runs with two- and three-byte letters, so it skips ASCII eight bytes at a time
  /// and checks each other sequence in place: about half the standard library's work on it.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = bytes.baseAddress else { return true }
    let n = bytes.count
    let raw = UnsafeRawPointer(p)
    @inline(__always) func continuation(_ c: UInt8) -> Bool { c & 0xC0 == 0x80 }
    var i = 0
    while i < n {
      if i + 8 <= n {
        let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
        if high == 0 {
          i += 8
          continue
        }
        i += high.trailingZeroBitCount / 8
      }
      let c = p[i]
      if c < 0x80 {
        i += 1
      } else if c < 0xC2 {
        return false  // a continuation byte, or the lead of an overlong two-byte form
      } else if c < 0xE0 {
        guard i + 1 < n, continuation(p[i + 1]) else { return false }
        i += 2
      } else if c < 0xF0 {
        guard i + 2 < n, continuation(p[i + 2]) else { return false }
        let c1 = p[i + 1]
        switch c {
        case 0xE0: guard c1 >= 0xA0, c1 <= 0xBF else { return false }  // overlong
        case 0xED: guard c1 >= 0x80, c1 <= 0x9F else { return false }  // surrogates
        default: guard continuation(c1) else { return false }
        }
        i += 3
      } else if c < 0xF5 {
        guard i + 3 < n, continuation(p[i + 2]), continuation(p[i + 3]) else { return false }
        let c1 = p[i + 1]
        switch c {
        case 0xF0: guard c1 >= 0x90, c1 <= 0xBF else { return false }  // overlong
        case 0xF4: guard c1 >= 0x80, c1 <= 0x8F else { return false }  // past U+10FFFF
        default: guard continuation(c1) else { return false }
        }
        i += 4
      } else {
        return false
      }
    }
    return true
  }
}
