import Foundation

/// `JSONLines` decodes one JSON Lines record into a body, an id and metadata.
enum JSONLines {
  /// A decoded record, or why it was skipped.
  enum Record {
    case article(id: String?, body: String, metadata: ArticleMetadata)
    case skip(String)
  }

  /// `decode(_:)` reads one line (without its newline); blank lines yield nil.
  static func decode(_ bytes: ArraySlice<UInt8>) -> Record? {
    var line = bytes
    while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
    while let first = line.first, first == 0x20 || first == 0x09 { line = line.dropFirst() }
    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
    guard !line.isEmpty else { return nil }
    guard line.first == 0x7B else {
      return .skip(String(validating: line, as: UTF8.self) == nil ? "not valid UTF-8" : "malformed JSON: not an object")
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(line), options: [])
    } catch {
      // The parser checks UTF-8 itself; validating again only to name the reason is cheaper than
      // validating every good line twice.
      return .skip(String(validating: line, as: UTF8.self) == nil ? "not valid UTF-8" : "malformed JSON")
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
    return .article(id: id, body: text, metadata: metadata)
  }
}
