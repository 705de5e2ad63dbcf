import Foundation
import Testing
import Tinq
import TinqStore
import TinqSupport

/// `tinq build --update` (`Corpus.update`): a snapshot brought up to date with its sources
/// answers exactly as a new build of the same files, whatever changed and wherever (a file added
/// before or after the others, changed, removed), including what depends on the whole corpus:
/// short citations, bare names another article confirms, duplicate ids. Only the new and changed
/// files are read, and the index segments before the first change are kept.
@Suite struct SnapshotUpdateTests {
  /// A folder of sources and a snapshot beside it.
  struct Scratch {
    let dir = SnapshotTests.scratch()
    var sources: String { dir + "/nguồn" }
    var snapshot: String { dir + "/tin.tinq" }

    init() throws { try FileManager.default.createDirectory(atPath: dir + "/nguồn", withIntermediateDirectories: true) }

    func write(_ name: String, _ text: String) throws {
      let path = sources + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func remove(_ name: String) throws { try FileManager.default.removeItem(atPath: sources + "/" + name) }

    func build() throws { try Corpus.load(paths: [sources]).save(to: snapshot) }

    /// Updates the snapshot, then checks it against a new load of the same sources.
    func updateAndCompare(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SnapshotUpdate {
      let result = try Corpus.update(snapshot: snapshot)
      let updated = try Corpus.open(snapshot)
      let fresh = try Corpus.load(paths: [sources])
      #expect(updated.articles == fresh.articles, sourceLocation: sourceLocation)
      #expect(SnapshotTests.answers(updated) == SnapshotTests.answers(fresh), sourceLocation: sourceLocation)
      // Word statistics read the corpus's syllable counts, which an update adds to.
      for statement in ["collocates of \"ma túy\" limit 50", "keywords where contains \"quốc lộ\" vs rest limit 50"] {
        #expect(
          SnapshotTests.answers(updated, statement) == SnapshotTests.answers(fresh, statement),
          sourceLocation: sourceLocation)
      }
      #expect(updated.snapshot?.changes.isEmpty == true, sourceLocation: sourceLocation)
      #expect(Set(updated.warnings) == Set(fresh.warnings), sourceLocation: sourceLocation)
      return result
    }
  }

  /// `count` short articles as JSON Lines, numbered from `first`, each naming an officer and a
  /// decree so that the facts and the index have something to hold.
  static func lines(_ count: Int, from first: Int = 0, tag: String) -> String {
    (first..<first + count).map { i in
      let body =
        "Ngày \(i % 28 + 1)/\(i % 12 + 1)/2021, Công an huyện \(tag) \(i) bắt giữ đối tượng vận chuyển ma túy. Thượng tá Lê Văn \(["An", "Bình", "Cường", "Dũng"][i % 4]) cho biết vụ việc xử lý theo Nghị định số \(i % 9 + 1)/2019/NĐ-CP."
      return #"{"id": "\#(tag)-\#(i)", "title": "Tin \#(tag) số \#(i)", "body": "\#(body)"}"#
    }.joined(separator: "\n") + "\n"
  }

  enum Change: String, CaseIterable, Sendable {
    case fileAddedAfter, fileAddedBefore, fileChanged, fileRemoved, lastFileGrows
  }

  /// Two thousand articles (two full index segments) in three files, then one change.
  @Test(arguments: Change.allCases)
  func anUpdatedSnapshotAnswersAsANewBuild(_ change: Change) throws {
    let s = try Scratch()
    try s.write("b.jsonl", Self.lines(1_500, tag: "b"))
    try s.write("c.txt", "Tin c\n\nĐại úy Trần Minh Khoa tuần tra trên quốc lộ.\n")
    try s.write("d.jsonl", Self.lines(600, tag: "d"))
    try s.build()
    switch change {
    case .fileAddedAfter: try s.write("e.jsonl", Self.lines(30, tag: "e"))
    case .fileAddedBefore: try s.write("a.txt", "Tin a\n\nTrung tá Hồ Văn Tám dự họp.\n")
    case .fileChanged: try s.write("c.txt", "Tin c mới\n\nThiếu tá Trần Minh Khoa tuần tra trên quốc lộ 1A.\n")
    case .fileRemoved: try s.remove("c.txt")
    case .lastFileGrows: try s.write("d.jsonl", Self.lines(700, tag: "d"))
    }
    let result = try s.updateAndCompare()
    let expected: (read: Int, keptSegments: Int) =
      switch change {
      case .fileAddedAfter: (30, 2)
      case .fileAddedBefore: (1, 0)
      case .fileChanged: (1, 1)
      case .fileRemoved: (0, 1)
      case .lastFileGrows: (700, 1)
      }
    #expect(result.extracted == expected.read)
    #expect(result.keptSegments == expected.keptSegments)
    #expect(!result.isUpToDate)
    // A second update finds nothing to do, and writes nothing.
    let before = try FileManager.default.attributesOfItem(atPath: s.snapshot)[.modificationDate] as? Date
    #expect(try Corpus.update(snapshot: s.snapshot).isUpToDate)
    #expect(try FileManager.default.attributesOfItem(atPath: s.snapshot)[.modificationDate] as? Date == before)
  }

  /// What the corpus settles follows the files: a name and a short citation that a new file
  /// confirms are taken, and leave again with it.
  @Test func corpusEvidenceComesAndGoesWithTheFiles() throws {
    let s = try Scratch()
    try s.write("a.txt", "Tin a\n\nHôm qua Phạm Thành đến dự lễ khai mạc và nhắc lại Chỉ thị 05 của Bộ Chính trị.\n")
    try s.build()
    let bare = try Corpus.open(s.snapshot).articles[0]
    #expect(bare.people.isEmpty)
    #expect(bare.citations.map(\.number) == ["05"])

    try s.write("b.txt", "Tin b\n\nThượng tá Phạm Thành chỉ đạo. Năm 2016, Bộ Chính trị ban hành Chỉ thị 05-CT/TW.\n")
    _ = try s.updateAndCompare()
    let confirmed = try Corpus.open(s.snapshot).articles[0]
    #expect(confirmed.people.map(\.name) == ["Phạm Thành"])
    #expect(confirmed.citations.map(\.number) == ["05-CT/TW"])

    try s.remove("b.txt")
    _ = try s.updateAndCompare()
    #expect(try Corpus.open(s.snapshot).articles[0] == bare)
  }

  /// Ids are made unique in file order, as a load does: a file added before another with the
  /// same article id takes the id, and the older article is renamed (and named again when the
  /// new file goes).
  @Test func duplicateIdsAreSettledInFileOrder() throws {
    let s = try Scratch()
    try s.write("m/tin.txt", "Tin một\n\nBài thứ nhất.\n")
    try s.build()
    try s.write("a/tin.txt", "Tin hai\n\nBài thứ hai.\n")
    _ = try s.updateAndCompare()
    #expect(try Corpus.open(s.snapshot).articles.map(\.id) == ["tin", "tin~2"])
    try s.remove("a/tin.txt")
    _ = try s.updateAndCompare()
    #expect(try Corpus.open(s.snapshot).articles.map(\.id) == ["tin"])
  }

  /// The update can be written elsewhere, leaving the snapshot as it was.
  @Test func anUpdateCanGoToAnotherFile() throws {
    let s = try Scratch()
    try s.write("a.txt", "Tin a\n\nBài một.\n")
    try s.build()
    try s.write("b.txt", "Tin b\n\nBài hai.\n")
    let other = s.dir + "/khác.tinq"
    let result = try Corpus.update(snapshot: s.snapshot, to: other)
    #expect(result.extracted == 1)
    #expect(try Corpus.open(other).articleCount == 2)
    #expect(try Corpus.open(s.snapshot).articleCount == 1)
  }

  /// Where each section of a snapshot's bytes lies, from its section table.
  static func sections(_ bytes: [UInt8]) -> [String: Range<Int>] {
    func u64(_ at: Int) -> Int { Int(bytes[at..<at + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
    let count = Int(bytes[12..<16].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    let table = u64(16)
    var ranges: [String: Range<Int>] = [:]
    for k in 0..<count {
      let entry = table + 32 * k
      let tag = String(decoding: bytes[entry..<entry + 4], as: UTF8.self)
      ranges[tag] = u64(entry + 8)..<u64(entry + 8) + u64(entry + 16)
    }
    return ranges
  }

  /// The update's own sections and the syllable counts, damaged byte by byte behind valid
  /// checksums (a forged file), never make opening, querying or updating trap: the snapshot
  /// opens, answers, and an update either works or says why not.
  @Test func damagedUpdateRecordsNeverTrap() throws {
    let s = try Scratch()
    try s.write("a.txt", "Tin a\n\nHôm qua Phạm Thành nhắc lại Chỉ thị 05 của Bộ Chính trị về ma túy.\n")
    try s.write("b.jsonl", Self.lines(5, tag: "b"))
    try s.build()
    try s.write("c.txt", "Tin c\n\nThượng tá Phạm Thành chỉ đạo.\n")
    let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: s.snapshot)))
    let ranges = Self.sections(good)
    let damaged = s.dir + "/hỏng.tinq"
    let output = s.dir + "/ra.tinq"
    var rng = SplitMix64(seed: 5)
    var opened = 0
    for tag in ["FILA", "EVID", "TERM"] {
      let range = try #require(ranges[tag])
      #expect(!range.isEmpty)
      for at in range {
        for value in [0xFF, UInt8.random(in: 0...255, using: &rng)] where value != good[at] {
          var bytes = good
          bytes[at] = value
          SnapshotFile.reseal(&bytes)
          _ = FileManager.default.createFile(atPath: damaged, contents: Data(bytes))
          guard let corpus = try? Corpus.open(damaged) else { continue }
          opened += 1
          _ = SnapshotTests.answers(corpus, "collocates of \"ma túy\" limit 5", "keywords where id = \"a\" vs rest limit 5")
          _ = try? Corpus.update(snapshot: damaged, to: output)
        }
      }
    }
    #expect(opened > 0)
  }

  /// A snapshot that does not record its files' articles (written from a corpus built in
  /// memory) cannot be updated, and says what to do.
  @Test func aSnapshotWithoutItsFilesCannotBeUpdated() throws {
    let s = try Scratch()
    try Corpus(texts: [(id: "x", text: "Tin\n\nBài.")]).save(to: s.snapshot)
    #expect {
      _ = try Corpus.update(snapshot: s.snapshot)
    } throws: { error in
      "\(error)".contains("cannot be updated") && "\(error)".contains("tinq build")
    }
  }
}
