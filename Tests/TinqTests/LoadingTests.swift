import Foundation
import Testing
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore

/// A scratch directory removed when the test ends.
final class ScratchDirectory {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-load-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

let sampleArticle = """
  Tiêu đề bài viết mẫu về phối hợp

  15/01/2020 - 21:48

  (CT)- Ngày 15-1-2020, Bộ Công an triển khai Nghị định số 03/2019/NĐ-CP của Chính phủ.
  """

@Suite struct LoadingTests {
  /// A repeated id (in one file, across files, in a .txt named like a JSONL id) is renamed
  /// `ID~2`, `ID~3`, ... with a warning naming both places, so every operator sees one article.
  @Test func duplicateIdsAreRenamedWithAWarning() throws {
    let dir = try ScratchDirectory()
    let a = try dir.write("a.jsonl", #"{"id":"dup","body":"Một."}"# + "\n" + #"{"id":"dup","body":"Hai."}"# + "\n")
    try dir.write("b/dup.txt", "Ba.")
    let b = try dir.write("c.jsonl", #"{"id":"dup~2","body":"Bốn."}"# + "\n")
    let loaded = try CorpusLoader.load(paths: [a, dir.url.appendingPathComponent("b").path, b])
    #expect(loaded.articles.map(\.id) == ["dup", "dup~2", "dup~3", "dup~2~2"])
    #expect(loaded.articles.map(\.body) == ["Một.", "Hai.", "Ba.", "Bốn."])
    let renames = loaded.warnings.map(\.description).filter { $0.contains("duplicate id") }
    #expect(renames.first == a + ":2: duplicate id \"dup\" (first at " + a + ":1); this one is \"dup~2\"")
    #expect(renames.count == 3)
  }

  @Test func hostileFilesAreSkippedWithReasons() throws {
    let dir = try ScratchDirectory()
    try dir.write("a_good.txt", sampleArticle)
    let invalid = try dir.write("b_invalid.txt", [0x41, 0x20, 0xC3, 0x28, 0xFF, 0x0A])
    let empty = try dir.write("c_empty.txt", [])
    let binary = try dir.write("d_binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02])
    let blank = try dir.write("e_blank.txt", "  \n\r\n ")
    try dir.write("f_notes.md", "ignored")
    try dir.write("sub/g_good.txt", sampleArticle)
    let loaded = try CorpusLoader.load(paths: [dir.path])
    #expect(loaded.articles.map(\.id) == ["a_good", "g_good"])
    let reasons = Dictionary(uniqueKeysWithValues: loaded.warnings.map { ($0.path, $0.reason) })
    #expect(reasons[invalid] == "not valid UTF-8")
    #expect(reasons[empty] == "empty file")
    #expect(reasons[binary] == "binary file")
    #expect(reasons[blank] == "empty file")
    #expect(loaded.warnings.count == 4)
    #expect(loaded.warnings.allSatisfy { $0.line == nil })
  }

  @Test func missingPathThrows() throws {
    let dir = try ScratchDirectory()
    let missing = dir.path + "/nope"
    #expect(throws: CorpusPathError.self) { try CorpusLoader.load(paths: [missing]) }
    do {
      _ = try CorpusLoader.load(paths: [missing])
    } catch {
      #expect(error.path == missing)
      #expect(error.description.contains(missing))
    }
  }

  @Test func jsonLinesMetadataWinsAndBadLinesAreSkipped() throws {
    let dir = try ScratchDirectory()
    let body = sampleArticle.replacingOccurrences(of: "\n", with: "\\n")
    let lines = [
      #"{"id": "x1", "title": "Tiêu đề JSONL", "date": "2021-06-30", "source": "QĐND", "author": "A B", "url": "https://e.vn/1", "body": "\#(body)"}"#,
      #"{"id": "x2", "content": "Bài chỉ có nội dung. Bộ Quốc phòng họp."}"#,
      "",
      "{not json",
      #"{"id": "x4", "title": "no body"}"#,
      #"["an", "array"]"#,
      #"{"text": "Bài không có id, ngày 2 tháng 3.", "date": "05/01/2016"}"#,
      #"{"id": 7, "body": "Id là số.", "date": "2021"}"#,
      #"{"body": 12}"#,
      #"{"id": "x9", "body": "Tháng.", "date": "2021-06"}"#,
    ]
    let file = try dir.write("corpus.jsonl", lines.joined(separator: "\r\n"))
    let loaded = try CorpusLoader.load(paths: [file])
    #expect(loaded.articles.map(\.id) == ["x1", "x2", "corpus.jsonl:7", "7", "x9"])
    let a = try #require(loaded.articles.first)
    #expect(a.title == "Tiêu đề JSONL")
    #expect(a.date?.description == "2021-06-30")
    #expect(a.source == "QĐND")
    #expect(a.author == "A B")
    #expect(a.url == "https://e.vn/1")
    #expect(a.provenance["date"]?.rule == "jsonl")
    // Extraction still fills the rest and strips the dateline stamp; the record gives its own
    // title, so the body's first line stays body text (issue #17: given metadata never removes it).
    #expect(a.citations.map(\.number) == ["03/2019/NĐ-CP"])
    #expect(a.body.hasPrefix("Tiêu đề bài viết mẫu"))
    #expect(a.body.contains("(CT)- Ngày 15-1-2020"))
    #expect(!a.body.contains("21:48"))
    #expect(loaded.articles[1].title == nil)
    #expect(loaded.articles[1].organizations.map(\.name) == ["Bộ Quốc phòng"])
    #expect(loaded.articles[2].date?.description == "2016-01-05")
    #expect(loaded.articles[3].date?.description == "2021")
    #expect(loaded.articles[4].date?.description == "2021-06")
    #expect(loaded.warnings.map(\.line) == [4, 5, 6, 9])
    #expect(loaded.warnings.allSatisfy { $0.path == file })
    #expect(loaded.warnings[1].reason == "missing body")
    #expect(loaded.warnings[0].description.hasPrefix(file + ":4: "))
  }

  @Test func jsonLinesInvalidUTF8LineIsSkipped() throws {
    let dir = try ScratchDirectory()
    var bytes = Array(#"{"id": "ok", "body": "Bài một."}"#.utf8) + [0x0A]
    bytes += Array(#"{"id": "bad", "body": "B"#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8) + [0x0A]
    bytes += Array(#"{"id": "ok2", "body": "Bài hai."}"#.utf8)
    let file = try dir.write("x.jsonl", bytes)
    let loaded = try CorpusLoader.load(paths: [file])
    #expect(loaded.articles.map(\.id) == ["ok", "ok2"])
    #expect(loaded.warnings == [LoadWarning(path: file, line: 2, reason: "not valid UTF-8")])
  }

  @Test func emptyJSONLinesFileIsReported() throws {
    let dir = try ScratchDirectory()
    let file = try dir.write("empty.jsonl", [])
    let loaded = try CorpusLoader.load(paths: [dir.path])
    #expect(loaded.articles.isEmpty)
    #expect(loaded.warnings == [LoadWarning(path: file, reason: "empty file")])
  }

  @Test func pathsCombineInOrder() throws {
    let one = try ScratchDirectory()
    let two = try ScratchDirectory()
    try one.write("b.txt", "Bài B.")
    try one.write("a.txt", "Bài A.")
    let single = try two.write("z.txt", "Bài Z.")
    try two.write("lines.jsonl", #"{"id": "j1", "body": "J."}"# + "\n" + #"{"id": "j2", "body": "K."}"#)
    let loaded = try CorpusLoader.load(paths: [single, one.path, two.path])
    #expect(loaded.articles.map(\.id) == ["z", "a", "b", "j1", "j2"])
    #expect(loaded.articles.first?.origin == single)
    // The folder reaches z.txt again: read once, the second path named.
    #expect(loaded.warnings == [LoadWarning(path: two.path + "/z.txt", reason: "already loaded, skipped")])
  }

  @Test func largeJSONLinesFileStreamsAcrossChunks() throws {
    let dir = try ScratchDirectory()
    // About 11 MB: three read chunks, so records straddle chunk boundaries.
    var text = ""
    let body = String(repeating: "Bộ Công an phối hợp Bộ Quốc phòng. ", count: 60)
    for i in 0..<4_500 { text += #"{"id": "n\#(i)", "body": "\#(body)"}"# + "\n" }
    let file = try dir.write("big.jsonl", text)
    let loaded = try CorpusLoader.load(paths: [file])
    #expect(loaded.warnings.isEmpty)
    #expect(loaded.articles.count == 4_500)
    #expect(loaded.articles.map(\.id) == (0..<4_500).map { "n\($0)" })
  }
}

/// `JSONLinesCase` is a JSON Lines file's bytes and what loading it must give: the article ids in
/// order and the warnings (line, reason) in order.
struct JSONLinesCase: Sendable, CustomTestStringConvertible {
  var name: String
  var bytes: [UInt8]
  var ids: [String]
  var warnings: [(line: Int?, reason: String)]
  var testDescription: String { name }

  /// Records `{"id": "rN", "body": "Bài N."}` for the given ids.
  static func record(_ id: String) -> [UInt8] { Array(#"{"id": "\#(id)", "body": "Bài \#(id)."}"#.utf8) }
}

/// JSON Lines files judged line by line.
let jsonLinesCases: [JSONLinesCase] = {
  let r = JSONLinesCase.record
  let nul = "binary data (NUL byte)"
  return [
    JSONLinesCase(
      name: "a NUL inside a string",
      bytes: r("a") + [0x0A] + Array(#"{"id": "b", "body": "B"#.utf8) + [0]
        + Array(#"B."}"#.utf8) + [0x0A] + r("c"),
      ids: ["a", "c"], warnings: [(2, nul)]),
    JSONLinesCase(
      name: "a NUL on the first line", bytes: [0] + r("a") + [0x0A] + r("b") + [0x0A], ids: ["b"], warnings: [(1, nul)]),
    JSONLinesCase(
      name: "a NUL after the object", bytes: r("a") + [0x0A] + r("b") + [0, 0x0A] + r("c"), ids: ["a", "c"],
      warnings: [(2, nul)]),
    JSONLinesCase(
      name: "a NUL between keys",
      bytes: Array(#"{"id": "a",  "#.utf8) + [0] + Array(#" "body": "A."}"#.utf8) + [0x0A] + r("b"),
      ids: ["b"], warnings: [(1, nul)]),
    JSONLinesCase(
      name: "a NUL and bad UTF-8 on one line", bytes: r("a") + [0x0A, 0x7B, 0xFF, 0x00, 0x0A] + r("b"),
      ids: ["a", "b"],
      warnings: [(2, nul)]),
    JSONLinesCase(
      name: "nothing loads and a NUL: binary", bytes: [0x7B, 0x00, 0x0A, 0x01, 0x02, 0x00], ids: [],
      warnings: [(nil, "binary file")]),
    JSONLinesCase(
      name: "nothing loads, one NUL among bad lines: binary",
      bytes: Array("{bad\n".utf8) + [0x00, 0x0A] + Array("[1]".utf8),
      ids: [], warnings: [(nil, "binary file")]),
    JSONLinesCase(
      name: "CR line ends", bytes: r("a") + [0x0D] + r("b") + Array("\r{bad\r".utf8) + r("c") + [0x0D],
      ids: ["a", "b", "c"], warnings: [(3, "malformed JSON")]),
    JSONLinesCase(
      name: "CR LF line ends", bytes: r("a") + Array("\r\n\r\n{bad\r\n".utf8) + r("b"), ids: ["a", "b"],
      warnings: [(3, "malformed JSON")]),
    JSONLinesCase(
      name: "LF, CR LF and CR mixed",
      bytes: r("a") + [0x0A] + r("b") + Array("\r\n{bad\r".utf8) + r("c") + Array("\r\r{bad\n".utf8) + r("d"),
      ids: ["a", "b", "c", "d"], warnings: [(3, "malformed JSON"), (6, "malformed JSON")]),
    JSONLinesCase(
      name: "LF CR is two line ends", bytes: r("a") + Array("\n\r{bad\n".utf8) + r("b"), ids: ["a", "b"],
      warnings: [(3, "malformed JSON")]),
    JSONLinesCase(name: "only a byte order mark", bytes: [0xEF, 0xBB, 0xBF], ids: [], warnings: [(nil, "empty file")]),
    JSONLinesCase(
      name: "a byte order mark and blank lines", bytes: Array("\u{FEFF}\n  \r\n\t\r".utf8), ids: [],
      warnings: [(nil, "empty file")]),
    JSONLinesCase(name: "only spaces", bytes: Array("   ".utf8), ids: [], warnings: [(nil, "empty file")]),
    JSONLinesCase(name: "only line ends", bytes: Array("\n\r\n\r".utf8), ids: [], warnings: [(nil, "empty file")]),
    JSONLinesCase(name: "nothing", bytes: [], ids: [], warnings: [(nil, "empty file")]),
    JSONLinesCase(
      name: "a byte order mark, then a record", bytes: [0xEF, 0xBB, 0xBF] + r("a"), ids: ["a"], warnings: []),
    JSONLinesCase(
      name: "nested as deep as the parser goes", bytes: r("a") + [0x0A] + nested(512) + [0x0A] + r("b"),
      ids: ["a", "deep", "b"], warnings: []),
    JSONLinesCase(
      name: "nested one level deeper", bytes: r("a") + [0x0A] + nested(513) + [0x0A] + r("b"), ids: ["a", "b"],
      warnings: [(2, "JSON nested too deep (more than 512 levels)")]),
    JSONLinesCase(
      name: "nested far deeper", bytes: nested(100_000) + [0x0D] + r("b"), ids: ["b"],
      warnings: [(1, "JSON nested too deep (more than 512 levels)")]),
    JSONLinesCase(
      name: "deep in objects", bytes: nested(600, object: true) + [0x0A] + r("b"), ids: ["b"],
      warnings: [(1, "JSON nested too deep (more than 512 levels)")]),
    JSONLinesCase(
      name: "brackets in strings do not count",
      bytes: Array(#"{"id": "s", "body": "[[[{{{", "x": ""#.utf8) + Array(repeating: 0x5B, count: 600)
        + Array(#""}"#.utf8),
      ids: ["s"], warnings: []),
    JSONLinesCase(
      name: "deep but malformed before", bytes: Array(#"{"id": x, "a": "#.utf8) + Array(repeating: 0x5B, count: 600),
      ids: [], warnings: [(1, "malformed JSON")]),
  ]
}()

/// `nested(_:object:)` is a record `depth` levels deep: the record's object, then arrays (or
/// objects) inside it.
func nested(_ depth: Int, object: Bool = false) -> [UInt8] {
  let open = object ? #"{"a": "# : "["
  let close = object ? "}" : "]"
  let inner = String(repeating: open, count: depth - 1) + "1" + String(repeating: close, count: depth - 1)
  return Array(#"{"id": "deep", "body": "Sâu.", "a": \#(inner)}"#.utf8)
}

@Suite struct LoadingEdgeTests {
  /// Each line of a JSON Lines file is judged alone: a bad one is a warning with its number, the
  /// others load.
  @Test(arguments: jsonLinesCases)
  func jsonLinesFileIsJudgedLineByLine(_ c: JSONLinesCase) throws {
    let dir = try ScratchDirectory()
    let file = try dir.write("case.jsonl", c.bytes)
    let loaded = try CorpusLoader.load(paths: [file])
    #expect(loaded.articles.map(\.id) == c.ids)
    #expect(loaded.warnings == c.warnings.map { LoadWarning(path: file, line: $0.line, reason: $0.reason) })
  }

  @Test func binaryJSONLinesFileIsSkipped() throws {
    let dir = try ScratchDirectory()
    let file = try dir.write("blob.jsonl", [0x7B, 0x00, 0x0A, 0x01, 0x02, 0x00])
    let loaded = try CorpusLoader.load(paths: [file])
    #expect(loaded.articles.isEmpty)
    #expect(loaded.warnings == [LoadWarning(path: file, reason: "binary file")])
  }

  @Test func explicitFileOfAnotherKindIsAWarning() throws {
    let dir = try ScratchDirectory()
    let file = try dir.write("notes.md", "Bài.")
    let loaded = try CorpusLoader.load(paths: [file])
    #expect(loaded.articles.isEmpty)
    #expect(loaded.warnings.map(\.path) == [file])
  }

  /// A text longer than the rules read at once (`ArticleExtractor.batchBytes`), on one line: the
  /// facts at its start and at its end are both found, and its text is whole.
  @Test func aOneLineTextLongerThanABatchKeepsItsFactsAndText() throws {
    let dir = try ScratchDirectory()
    let filler = String(repeating: "Các lực lượng chức năng tiếp tục phối hợp tuần tra. ", count: 50_000)
    #expect(filler.utf8.count > ArticleExtractor.batchBytes)
    let text = "Theo Nghị định số 03/2019/NĐ-CP, Bộ Công an phối hợp. " + filler
      + "Thông tư 15/2020/TT-BCA quy định rõ, Bộ Quốc phòng hướng dẫn."
    let file = try dir.write("long.txt", text)
    let loaded = try CorpusLoader.load(paths: [file])
    let article = try #require(loaded.articles.first)
    #expect(article.citations.map(\.number) == ["03/2019/NĐ-CP", "15/2020/TT-BCA"])
    #expect(article.organizations.map(\.name) == ["Bộ Công an", "Bộ Quốc phòng"])
    #expect(article.body == text)
  }

  @Test func oneHugeLineWithoutNewlineLoads() throws {
    let dir = try ScratchDirectory()
    // About 9 MB on one line: longer than the read buffer (two chunks), which must grow.
    let body = String(repeating: "Bộ Công an. ", count: 560_000)
    let file = try dir.write("huge.jsonl", #"{"id": "h", "body": "\#(body)"}"#)
    let loaded = try CorpusLoader.load(paths: [file])
    #expect(loaded.articles.map(\.id) == ["h"])
    #expect(loaded.articles.first?.organizations.map(\.name) == ["Bộ Công an"])
  }

  /// The kinds of file that are not regular, made in a scratch directory under a corpus file's
  /// name (a device through a symbolic link to `/dev/null`).
  enum Special: String, CaseIterable {
    case fifoJSONL = "pipe.jsonl", fifoText = "pipe.txt", socket = "socket.jsonl", device = "null.txt"

    func make(at path: String) throws {
      switch self {
      case .fifoJSONL, .fifoText: #expect(mkfifo(path, 0o600) == 0)
      case .socket: #expect(bindSocket(at: path))
      case .device: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
      }
    }
  }

  /// A named pipe, socket or device, given directly or found in a folder, is never opened (a pipe
  /// would block until a writer came): one warning, at once. If the loader does block on a pipe, a
  /// watchdog opens it for writing after ten seconds, so the test fails instead of hanging.
  @Test(arguments: Special.allCases, [false, true])
  func nonRegularFileIsSkippedUnopened(_ kind: Special, inFolder: Bool) throws {
    let dir = try ScratchDirectory()
    try dir.write("a.txt", "Bài A.")
    let special = dir.path + "/" + kind.rawValue
    try kind.make(at: special)
    let done = DispatchSemaphore(value: 0)
    let watchdog = Thread {
      guard done.wait(timeout: .now() + 10) == .timedOut else { return }
      let fd = open(special, O_WRONLY | O_NONBLOCK)
      if fd >= 0 { close(fd) }
    }
    watchdog.start()
    let started = Date()
    let loaded = try CorpusLoader.load(paths: inFolder ? [dir.path] : [special])
    done.signal()
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(loaded.articles.map(\.id) == (inFolder ? ["a"] : []))
    #expect(loaded.warnings == [LoadWarning(path: special, reason: "not a regular file")])
  }

  /// Only files with a corpus file's name are read from a folder; a pipe of another name is
  /// ignored like any other file.
  @Test func nonRegularFileOfAnotherNameInAFolderIsIgnored() throws {
    let dir = try ScratchDirectory()
    try dir.write("a.txt", "Bài A.")
    #expect(mkfifo(dir.path + "/notes.md", 0o600) == 0)
    let loaded = try CorpusLoader.load(paths: [dir.path])
    #expect(loaded.articles.map(\.id) == ["a"])
    #expect(loaded.warnings.isEmpty)
  }

  /// A symbolic link back into a folder being walked (`ln -s . d/a`, an absolute link, `..` from a
  /// subfolder, a link to itself) is not followed: the article loads once, the link is named.
  @Test(arguments: [(".", "loop"), ("ROOT", "loop"), ("..", "sub/up"), ("self", "self")])
  func symlinkLoopIsSkippedWithAWarning(_ destination: String, _ name: String) throws {
    let dir = try ScratchDirectory()
    try dir.write("a.txt", "Bài A.")
    try dir.write("sub/b.txt", "Bài B.")
    let link = dir.path + "/" + name
    let target = destination == "ROOT" ? dir.path : destination
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let loaded = try CorpusLoader.load(paths: [dir.path])
    #expect(loaded.articles.map(\.id) == ["a", "b"])
    #expect(loaded.warnings == [LoadWarning(path: link, reason: "symlink loop, skipped")])
  }

  /// A file or folder reached by two paths is read once; the later path is named. Paths, relative
  /// to the scratch directory, are given in order; `links` are made first (name, destination),
  /// `hard` links too.
  struct Repeat: Sendable, CustomTestStringConvertible {
    var name: String
    var paths: [String]
    var links: [(String, String)] = []
    var hard: [(String, String)] = []
    var ids: [String]
    var skipped: [String]
    var testDescription: String { name }
  }

  static let repeats: [Repeat] = [
    Repeat(name: "folder twice", paths: [".", "."], ids: ["a", "b", "c1"], skipped: ["."]),
    Repeat(name: "file twice", paths: ["a.txt", "a.txt"], ids: ["a"], skipped: ["a.txt"]),
    Repeat(name: "JSON Lines twice", paths: ["sub/c.jsonl", "sub/c.jsonl"], ids: ["c1"], skipped: ["sub/c.jsonl"]),
    Repeat(name: "subfolder after folder", paths: [".", "sub"], ids: ["a", "b", "c1"], skipped: ["sub"]),
    Repeat(name: "file then its folder", paths: ["sub/b.txt", "."], ids: ["b", "a", "c1"], skipped: ["sub/b.txt"]),
    Repeat(
      name: "symlinked file", paths: ["."], links: [("z.txt", "a.txt")], ids: ["a", "b", "c1"], skipped: ["z.txt"]),
    Repeat(name: "symlinked folder", paths: ["."], links: [("z", "sub")], ids: ["a", "b", "c1"], skipped: ["z"]),
    Repeat(name: "hard link", paths: ["."], hard: [("z.txt", "a.txt")], ids: ["a", "b", "c1"], skipped: ["z.txt"]),
  ]

  @Test(arguments: repeats)
  func fileReachedTwiceLoadsOnce(_ r: Repeat) throws {
    let dir = try ScratchDirectory()
    try dir.write("a.txt", "Bài A.")
    try dir.write("sub/b.txt", "Bài B.")
    try dir.write("sub/c.jsonl", #"{"id": "c1", "body": "Bài C."}"#)
    for (name, destination) in r.links {
      try FileManager.default.createSymbolicLink(atPath: dir.path + "/" + name, withDestinationPath: destination)
    }
    for (name, existing) in r.hard {
      try FileManager.default.linkItem(atPath: dir.path + "/" + existing, toPath: dir.path + "/" + name)
    }
    func full(_ p: String) -> String { p == "." ? dir.path : dir.path + "/" + p }
    let loaded = try CorpusLoader.load(paths: r.paths.map(full))
    #expect(loaded.articles.map(\.id) == r.ids)
    #expect(loaded.warnings == r.skipped.map { LoadWarning(path: full($0), reason: "already loaded, skipped") })
  }

  /// A symbolic link to nothing in a folder is named, whatever its name.
  @Test(arguments: ["gone.txt", "gone"])
  func danglingSymlinkIsAWarning(_ name: String) throws {
    let dir = try ScratchDirectory()
    try dir.write("a.txt", "Bài A.")
    let link = dir.path + "/" + name
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.path + "/nowhere")
    let loaded = try CorpusLoader.load(paths: [dir.path])
    #expect(loaded.articles.map(\.id) == ["a"])
    #expect(loaded.warnings == [LoadWarning(path: link, reason: "dangling symlink, skipped")])
  }

  /// A subfolder that cannot be read is named (root reads any folder, so not as root).
  @Test(.enabled(if: geteuid() != 0, "root can read any folder"), arguments: [0o000, 0o300, 0o600])
  func unreadableSubfolderIsAWarning(_ mode: Int) throws {
    let dir = try ScratchDirectory()
    try dir.write("a.txt", "Bài A.")
    try dir.write("locked/b.txt", "Bài B.")
    let locked = dir.path + "/locked"
    #expect(chmod(locked, mode_t(mode)) == 0)
    defer { chmod(locked, 0o700) }
    let loaded = try CorpusLoader.load(paths: [dir.path])
    #expect(loaded.articles.map(\.id) == ["a"])
    #expect(loaded.warnings == [LoadWarning(path: locked, reason: "cannot open directory")])
  }

  /// Folders deeper than the walk goes are named, not dropped.
  @Test func folderTooDeepIsAWarning() throws {
    let dir = try ScratchDirectory()
    let levels = (0..<65).map { _ in "d" }
    try dir.write(levels.joined(separator: "/") + "/deep.txt", "Bài sâu.")
    try dir.write(levels.dropLast().joined(separator: "/") + "/shallow.txt", "Bài nông.")
    let loaded = try CorpusLoader.load(paths: [dir.path])
    #expect(loaded.articles.map(\.id) == ["shallow"])
    #expect(
      loaded.warnings == [
        LoadWarning(
          path: dir.path + "/" + levels.joined(separator: "/"),
          reason: "folder nested too deep (more than 64 levels), skipped")
      ])
  }
}

/// `bindSocket(at:)` makes a Unix domain socket file at `path`; false if it cannot.
func bindSocket(at path: String) -> Bool {
  let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else { return false }
  defer { close(fd) }
  var address = sockaddr_un()
  address.sun_family = sa_family_t(AF_UNIX)
  let bytes = Array(path.utf8)
  let capacity = MemoryLayout.size(ofValue: address.sun_path)
  guard bytes.count < capacity else { return false }
  withUnsafeMutableBytes(of: &address.sun_path) { raw in
    for (i, b) in bytes.enumerated() { raw[i] = b }
  }
  let size = socklen_t(MemoryLayout<sockaddr_un>.size)
  return withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) == 0 }
  }
}
