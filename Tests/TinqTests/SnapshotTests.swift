import Foundation
import Testing
import Tinq
import TinqStore
import TinqSupport

/// Snapshots: a corpus written by `save(to:)` (or `tinq build`) and opened again answers every
/// query as the corpus it was written from (the golden suite and the planner's property test also
/// run on reopened stores); damaged, foreign and future files are errors, never traps; writes are
/// atomic; the sources' changes are counted.
@Suite struct SnapshotTests {
  /// A fresh scratch directory.
  static func scratch() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-snapshot-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// `reopened(_:pieceBytes:)` writes a store as a snapshot (its large sections in pieces of
  /// about `pieceBytes`) and reads it back.
  static func reopened(_ store: ArticleStore, pieceBytes: Int = 1 << 22) throws -> ArticleStore {
    let path = scratch() + "/store.tinq"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let writer = try SnapshotFile.Writer(path: path)
    try store.write(to: writer, pieceBytes: pieceBytes)
    try writer.commit()
    return try ArticleStore(snapshot: SnapshotFile.Mapped(path: path))
  }

  static let queries = [
    "count articles by year", "articles where cites \"3/2019/nd-cp\" select id, title, date",
    "kwic \"ma túy\" sort by right", "people order by name", "organizations", "citations",
    "articles where contains \"an ninh\" near \"trật tự\" order by relevance select id, score",
    "articles where mentions \"nguyen tan cuong\" select id, snippet", "count articles by source, year",
    "collocates of \"an ninh\"", "ngrams 2 limit 10", "articles order by title select id, title",
  ]

  /// Every query's rendered answer, as JSON.
  static func answers(_ corpus: Corpus, _ statements: String...) -> [String] {
    (statements.isEmpty ? queries : statements).map { q in
      var session = Session(corpus: corpus)
      return session.run(q).map { outcome in
        switch outcome.result {
        case .success(let result): return Renderer(format: .json).render(result)
        case .failure(let error): return "error: \(error)"
        }
      }.joined()
    }
  }

  /// A checksum fed in pieces of any sizes is the checksum of the whole, and it tells apart
  /// ranges that differ in one bit, in order, or in length.
  @Test(arguments: [UInt64(1), 2, 3])
  func checksumInPiecesIsTheChecksumOfTheWhole(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for length in [0, 1, 31, 32, 33, 64, 100, 1000, 4099] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
      var sum = Checksum()
      var i = 0
      while i < length {
        let n = min(length - i, Int.random(in: 0...70, using: &rng))
        sum.update(Array(bytes[i..<i + n]))
        i += n
      }
      #expect(sum.finish() == Checksum.of(bytes), "length \(length)")
      if length > 0 {
        var flipped = bytes
        flipped[Int.random(in: 0..<length, using: &rng)] ^= 1
        #expect(Checksum.of(flipped) != Checksum.of(bytes))
        #expect(Checksum.of(bytes + [0]) != Checksum.of(bytes))
      }
      if length > 1, bytes.first != bytes.last {
        #expect(Checksum.of(Array(bytes.reversed())) != Checksum.of(bytes))
      }
    }
  }

  @Test func aReopenedSeedCorpusHasTheSameArticlesAndAnswers() throws {
    let seeds = try Corpus.bundledSeeds()
    let path = Self.scratch() + "/seeds.tinq"
    try seeds.save(to: path)
    #expect(Corpus.isSnapshot(path: path))
    let opened = try Corpus.open(path)
    #expect(opened.articles == seeds.articles)
    #expect(opened.snapshot?.path == path)
    #expect(opened.snapshot?.changes.isEmpty == true)
    #expect(opened.label == seeds.label)
    #expect(Self.answers(opened) == Self.answers(seeds))
    // Saving the opened corpus again writes the same bytes but for the time it was written.
    let again = Self.scratch() + "/again.tinq"
    try opened.save(to: again)
    #expect(try Corpus.open(again).articles == seeds.articles)
  }

  @Test func aSnapshotOfALoadedFolderRecordsItsFilesAndCountsChanges() throws {
    let dir = Self.scratch()
    let corpusDir = dir + "/bài"
    try FileManager.default.createDirectory(atPath: corpusDir, withIntermediateDirectories: true)
    func write(_ name: String, _ text: String) throws {
      try text.write(toFile: corpusDir + "/" + name, atomically: false, encoding: .utf8)
    }
    try write("a.txt", "Tiêu đề một\n\nNgày 3/4/2022, Bộ Công an triển khai Nghị định số 03/2019/NĐ-CP.\n")
    try write("b.txt", "Tiêu đề hai\n\nThượng tướng Trần Văn Bình kiểm tra công tác phòng cháy.\n")
    try write("c.txt", "Tiêu đề ba\n\nBài ba nói về thời tiết.\n")
    let loaded = try Corpus.load(paths: [corpusDir])
    let path = dir + "/news.tinq"
    try loaded.save(to: path)
    let opened = try Corpus.load(paths: [path])
    #expect(opened.articleCount == 3)
    #expect(opened.snapshot?.files.count == 3)
    #expect(opened.snapshot?.files.allSatisfy { $0.path.hasPrefix("/") } == true)
    #expect(opened.snapshot?.changes == SourceChanges())
    #expect(Self.answers(opened) == Self.answers(loaded))

    // The same bytes with a new time are not a change; a new, an edited and a removed file are.
    try write("a.txt", "Tiêu đề một\n\nNgày 3/4/2022, Bộ Công an triển khai Nghị định số 03/2019/NĐ-CP.\n")
    #expect(try Corpus.open(path).snapshot?.changes.isEmpty == true)
    try write("b.txt", "Tiêu đề hai\n\nĐại tá Trần Văn Bình kiểm tra công tác phòng cháy.\n")
    try write("d.txt", "Tiêu đề bốn\n\nBài mới.\n")
    try FileManager.default.removeItem(atPath: corpusDir + "/c.txt")
    let changed = try Corpus.open(path)
    #expect(changed.snapshot?.changes.summary == "1 new, 1 changed, 1 removed files")
    #expect(changed.snapshot?.changes.new == [corpusDir + "/d.txt"])
    // It answers from what it has.
    #expect(changed.articleCount == 3)
  }

  /// A snapshot is never written over a file that is not one (a corpus, a script) or a folder.
  @Test func saveLeavesOtherFilesAlone() throws {
    let dir = Self.scratch()
    let corpusFile = dir + "/bài.jsonl"
    let text = "{\"id\": \"a\", \"body\": \"Một bài.\"}\n"
    try text.write(toFile: corpusFile, atomically: true, encoding: .utf8)
    let corpus = try Corpus.load(paths: [corpusFile])
    #expect(throws: CorpusError.self) { try corpus.save(to: corpusFile) }
    #expect(try String(contentsOfFile: corpusFile, encoding: .utf8) == text)
    #expect(throws: CorpusError.self) { try corpus.save(to: dir) }
    // Over a snapshot, it is a rewrite.
    try corpus.save(to: dir + "/a.tinq")
    try Corpus.bundledSeeds().save(to: dir + "/a.tinq")
    #expect(try Corpus.open(dir + "/a.tinq").articleCount == 5)
  }

  @Test func aPathBesideASnapshotIsAnError() throws {
    let dir = Self.scratch()
    let path = dir + "/seeds.tinq"
    try Corpus.bundledSeeds().save(to: path)
    #expect(throws: CorpusError.self) { try Corpus.load(paths: [path, dir]) }
  }

  @Test func anInterruptedWriteLeavesThePreviousFileAndNoTemporaryOne() throws {
    let dir = Self.scratch()
    let path = dir + "/seeds.tinq"
    let seeds = try Corpus.bundledSeeds()
    try seeds.save(to: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    var asked = 0
    let small = Corpus(articles: [Article(id: "x", body: "Một bài ngắn.")])
    #expect(throws: CorpusError.self) {
      try small.save(to: path) {
        asked += 1
        return asked > 2
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["seeds.tinq"])
    // A destination in a folder that does not exist is an error too, with nothing left behind.
    #expect(throws: CorpusError.self) { try small.save(to: dir + "/no/such/folder/x.tinq") }
  }

  /// `open` on these bytes must throw, with a message containing `expected`.
  static func expectRefused(_ bytes: [UInt8], _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let path = scratch() + "/bad.tinq"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    do {
      _ = try Corpus.open(path)
      Issue.record("opened a bad snapshot", sourceLocation: sourceLocation)
    } catch {
      #expect(error.description.contains(expected), "\(error.description)", sourceLocation: sourceLocation)
    }
  }

  static func seedBytes() throws -> [UInt8] {
    let path = scratch() + "/seeds.tinq"
    try Corpus.bundledSeeds().save(to: path)
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test func foreignTruncatedAndFutureFilesAreClearErrors() throws {
    let good = try Self.seedBytes()
    Self.expectRefused([], "is not a Tinq snapshot")
    Self.expectRefused(Array("Tiêu đề\n\nKhông phải snapshot.\n".utf8), "is not a Tinq snapshot")
    Self.expectRefused(Array(good.prefix(40)), "is not a Tinq snapshot")
    Self.expectRefused(Array(good.prefix(good.count / 2)), "truncated")
    Self.expectRefused(Array(good.dropLast()), "truncated")
    Self.expectRefused(good + [0], "truncated")
    var future = good
    future[8] = UInt8(SnapshotFile.version + 1)
    SnapshotFile.reseal(&future)
    Self.expectRefused(future, "written by a later Tinq")
    // A snapshot of an earlier format (version 1 copied postings and bodies out; 2 reads them in
    // place) is refused with what to do.
    var past = good
    past[8] = UInt8(SnapshotFile.version - 1)
    SnapshotFile.reseal(&past)
    Self.expectRefused(past, "rebuild it")
    var header = good
    header[20] ^= 1
    Self.expectRefused(header, "header's checksum")
    var section = good
    section[200] ^= 0x40
    Self.expectRefused(section, "checksum does not match")
  }

  /// Opening reads nothing it need not: no article's record is decoded and the small indexes
  /// are not built until a query needs them, and a query on the cited documents needs neither.
  @Test func openingDecodesNoRecordUntilAQueryNeedsOne() throws {
    let path = Self.scratch() + "/seeds.tinq"
    try Corpus.bundledSeeds().save(to: path)
    let corpus = try Corpus.open(path)
    #expect(corpus.store.metadata.decodedBlocks.decoded == 0)
    #expect(!corpus.store.smallIndexesBuilt)
    #expect(try corpus.query("count articles where cites \"03/2019/NĐ-CP\"") == .count(4))
    #expect(corpus.store.metadata.decodedBlocks.decoded == 0)
    #expect(!corpus.store.smallIndexesBuilt)
    // The small indexes read only the records' first fields.
    _ = try corpus.query("count articles by year")
    #expect(corpus.store.smallIndexesBuilt)
    #expect(corpus.store.metadata.decodedBlocks.decoded == 0)
    _ = try corpus.query("articles limit 1 select id, title")
    #expect(corpus.store.metadata.decodedBlocks.decoded == 1)
    // The same articles as the corpus it was written from, once decoded.
    let seeds = try Corpus.bundledSeeds()
    #expect(Array(corpus.store.metadata) == Array(seeds.store.metadata))
    #expect(corpus.store.ids == seeds.store.ids)
  }

  /// The corpus's syllable counts (word statistics read them) are stored, so a snapshot's first
  /// `collocates` or `keywords` reads no body for them; they are those of the corpus loaded.
  @Test func theCorpusSyllableCountsAreStored() throws {
    let path = Self.scratch() + "/seeds.tinq"
    let seeds = try Corpus.bundledSeeds()
    try seeds.save(to: path)
    let opened = try Corpus.open(path)
    #expect(opened.store.hasStoredCorpusTerms)
    let stored = try #require(opened.store.corpusTerms())
    let counted = try #require(seeds.store.countTerms(DocSet.all(universe: seeds.articleCount)))
    #expect(stored.total == counted.total && stored.total > 0)
    #expect(stored.frequency == counted.frequency)
    #expect(stored.spelling == counted.spelling)
    #expect(!Corpus(texts: [(id: "x", text: "Tin\n\nBài.")]).store.hasStoredCorpusTerms)
  }

  /// A fuzz finding: bodies cut shorter than the index says (their starts moved, checksums
  /// recomputed) made a snippet's window start past the body's end. Every body in turn is made
  /// empty; every statement that reads bodies at the index's positions answers.
  @Test func bodiesShorterThanTheirPostingsNeverTrap() throws {
    let good = try Self.seedBytes()
    let body = try #require(SnapshotUpdateTests.sections(good)["BODY"])
    // BODY: the segment size (1024, two bytes), the count of starts (one byte), then the starts.
    #expect(good[body.lowerBound] == 0x80 && good[body.lowerBound + 1] == 0x08)
    let articles = Int(good[body.lowerBound + 2])
    let path = Self.scratch() + "/short.tinq"
    for k in 1..<articles {
      var bytes = good
      let at = body.lowerBound + 3 + 4 * k
      for b in 0..<4 { bytes[at + b] = bytes[at - 4 + b] }
      SnapshotFile.reseal(&bytes)
      _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
      guard let corpus = try? Corpus.open(path) else { continue }
      _ = Self.answers(
        corpus, "articles where contains \"ma túy\" select id, snippet", "articles where contains \"an ninh\" select snippet",
        "kwic \"ma túy\" sort by left", "kwic \"công an\" sort by right desc limit 3",
        "articles where contains \"ma túy\" near \"công an\" within sentence select id, snippet")
    }
  }

  @Test func everyTruncationAndManyFlippedBytesAreRefusedOrHarmless() throws {
    let good = try Self.seedBytes()
    let path = Self.scratch() + "/damaged.tinq"
    let seeds = try Corpus.bundledSeeds()
    let expected = Self.answers(seeds)
    var opened = 0
    for cut in stride(from: 0, to: good.count, by: 211) {
      _ = FileManager.default.createFile(atPath: path, contents: Data(good.prefix(cut)))
      #expect(throws: CorpusError.self) { try Corpus.open(path) }
    }
    for at in stride(from: 0, to: good.count, by: 89) {
      var bytes = good
      bytes[at] ^= 0x5A
      _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
      // Only the padding and the header's spare bytes are outside every checksum: a file that
      // still opens answers as before.
      if let corpus = try? Corpus.open(path) {
        opened += 1
        #expect(Self.answers(corpus) == expected, "byte \(at)")
      }
    }
    #expect(opened < good.count / 89 / 10)
  }

  /// Damage behind valid checksums (bytes changed, then resealed): the reader's own checks must
  /// refuse it or the store must answer without trapping. A trap here fails the whole run.
  @Test(arguments: [UInt64(1), 2, 3])
  func resealedDamageNeverTraps(seed: UInt64) throws {
    let good = try Self.seedBytes()
    let path = Self.scratch() + "/resealed.tinq"
    var rng = SplitMix64(seed: seed)
    var refused = 0
    for _ in 0..<150 {
      var bytes = good
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let at = Int.random(in: 64..<bytes.count, using: &rng)
        bytes[at] = UInt8.random(in: 0...255, using: &rng)
      }
      SnapshotFile.reseal(&bytes)
      _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
      if let corpus = try? Corpus.open(path) {
        _ = Self.answers(corpus)
      } else {
        refused += 1
      }
    }
    #expect(refused > 0)
  }
}
