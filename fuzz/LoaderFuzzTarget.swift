// The libFuzzer entry point for corpus loading: every input is loaded as a `.txt` article and as a
// JSON Lines file, the latter whole and again in small chunks, mapped and through the read
// buffer. A crash, a trap, a hang, chunk sizes that disagree, or a line that neither loads nor
// warns (nor is blank) is a finding; ordinary warnings are not.
import Foundation

@testable import TinqCorpus
import TinqFacts

/// A scratch directory for the files each input is written to, removed at exit.
let scratch: String = {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-loader-fuzz-\(UUID().uuidString)").path
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  atexit { try? FileManager.default.removeItem(atPath: scratch) }
  return path
}()

/// `loaderFuzzTestOneInput(_:_:)` loads one input every way and checks the loads agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let txt = scratch + "/input.txt"
  let jsonl = scratch + "/input.jsonl"
  guard FileManager.default.createFile(atPath: txt, contents: Data(bytes)),
    FileManager.default.createFile(atPath: jsonl, contents: Data(bytes))
  else { fatalError("cannot write the scratch files") }

  // Both files through the public entry point, citations resolved across them.
  guard let loaded = try? CorpusLoader.load(paths: [txt, jsonl]) else { fatalError("load threw") }
  let textWarnings = loaded.warnings.filter { $0.path == txt }
  let textArticles = loaded.articles.filter { $0.origin == txt }
  if textArticles.count + textWarnings.count != 1 {
    fatalError(".txt: \(textArticles.count) articles, \(textWarnings)")
  }
  if textWarnings.contains(where: { $0.line != nil }) { fatalError(".txt warning with a line: \(textWarnings)") }

  // The JSON Lines file whole, then in chunks of 1 to 31 bytes (chosen by the input), mapped and
  // read through the buffer: the same articles and warnings every time.
  let whole = render(jsonl, chunkSize: CorpusLoader.chunkSize, mapped: true)
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
  let small = Int(hash % 31) + 1
  for (chunkSize, mapped) in [(small, true), (small, false), (4096, false)] {
    let other = render(jsonl, chunkSize: chunkSize, mapped: mapped)
    if other.lines != whole.lines {
      fatalError("chunk size \(chunkSize), mapped \(mapped): \(other.lines) vs \(whole.lines)")
    }
  }
  checkLines(bytes, whole)
  return 0
}

/// What loading a JSON Lines file gave: a line per article (number, id, body) and warning, and the
/// numbers of the lines that loaded or warned.
struct Rendered {
  var lines: [String] = []
  var articleLines: [Int] = []
  var warnings: [LoadWarning] = []
}

func render(_ path: String, chunkSize: Int, mapped: Bool) -> Rendered {
  var articles: [Article] = []
  var warnings: [LoadWarning] = []
  CorpusLoader.loadJSONLines(path, into: &articles, warnings: &warnings, chunkSize: chunkSize, mapped: mapped)
  var r = Rendered(warnings: warnings)
  for a in articles {
    guard let origin = a.origin, let colon = origin.lastIndex(of: ":"),
      let n = Int(origin[origin.index(after: colon)...])
    else { fatalError("article without a line: \(String(describing: a.origin))") }
    r.articleLines.append(n)
    r.lines.append("\(n) \(a.id) \(a.body)")
  }
  r.lines += warnings.map(\.description)
  return r
}

/// Every line that is not blank loads or warns, once, in order, with its right number (line ends
/// LF, CR LF or CR), unless the whole file is one warning ("binary file", "empty file").
func checkLines(_ bytes: [UInt8], _ r: Rendered) {
  var lines: [ArraySlice<UInt8>] = []
  var start = 0
  var i = 0
  while i < bytes.count {
    if bytes[i] == 0x0A || bytes[i] == 0x0D {
      lines.append(bytes[start..<i])
      if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
      start = i + 1
    }
    i += 1
  }
  if start < bytes.count { lines.append(bytes[start...]) }
  let numbered = lines.indices.filter { !isBlank(lines[$0]) }.map { $0 + 1 }
  if r.warnings.count == 1, r.warnings[0].line == nil, r.articleLines.isEmpty {
    let reason = r.warnings[0].reason
    if reason == "empty file", numbered.isEmpty { return }
    if reason == "binary file", bytes.contains(0) { return }
    fatalError("file-level warning \(reason) for lines \(numbered)")
  }
  if r.warnings.contains(where: { $0.line == nil }) { fatalError("file-level warning among others: \(r.warnings)") }
  let warned = r.warnings.compactMap(\.line)
  if r.articleLines != r.articleLines.sorted() || warned != warned.sorted() { fatalError("lines out of order") }
  if (r.articleLines + warned).sorted() != numbered {
    fatalError("loaded \(r.articleLines) and warned \(warned), expected lines \(numbered)")
  }
}

/// A blank line, as the decoder trims one: spaces, tabs and CRs at its end, spaces and tabs at its
/// start, then one byte order mark.
func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
  var rest = line
  while let last = rest.last, last == 0x0D || last == 0x20 || last == 0x09 { rest = rest.dropLast() }
  while let first = rest.first, first == 0x20 || first == 0x09 { rest = rest.dropFirst() }
  if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
  return rest.isEmpty
}
