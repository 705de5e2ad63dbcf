import Synchronization
import TinqFacts
import TinqSupport

/// `SnapshotRecords` reads the articles' records of an open snapshot as they are asked for
/// (section `ARTS`, found by the offsets of `ARTX`, its texts numbers in the table of `STRS`):
/// a block of `blockSize` articles is decoded the first time one of them is read, and kept.
/// Opening decodes nothing: the string table waits for the first article too.
///
/// The checksums verified when the snapshot was opened cover every record. A record that still
/// does not decode (a file forged with valid checksums) reads as an article with no facts whose
/// id says so, never as a trap.
final class SnapshotRecords: @unchecked Sendable {
  // Immutable but for the blocks, each behind its own lock; the mapping lives as long as `file`.
  static let blockSize = 1024
  let count: Int
  private let file: SnapshotFile.Mapped
  private let records: UnsafeRawBufferPointer
  private let offsets: Column<UInt64>
  private let strings: Deferred<[String]?>
  private let blocks: [Block]

  private final class Block: Sendable {
    let articles = Mutex<[Article]?>(nil)
  }

  /// `init(file:count:records:offsets:strings:)` reads `count` records from `records`, the n + 1
  /// `offsets` checked by the caller to increase within it.
  init(
    file: SnapshotFile.Mapped, count: Int, records: UnsafeRawBufferPointer, offsets: Column<UInt64>,
    strings stringBytes: UnsafeRawBufferPointer
  ) {
    self.file = file
    self.count = count
    self.records = records
    self.offsets = offsets
    let table = BorrowedBytes(stringBytes)
    strings = Deferred { [file] in
      withExtendedLifetime(file) { Self.decodeStrings(table.bytes) }
    }
    blocks = (0..<((count + Self.blockSize - 1) / Self.blockSize)).map { _ in Block() }
  }

  /// `decodeStrings(_:)` reads the string table, nil when it is damaged.
  static func decodeStrings(_ bytes: UnsafeRawBufferPointer) -> [String]? {
    var reader = SnapshotReader(bytes, section: ArticleStore.Tag.strings)
    do throws(SnapshotError) {
      var distinct: [String] = []
      for _ in 0..<(try reader.count()) { distinct.append(try reader.string()) }
      try reader.expectEnd()
      return distinct
    } catch {
      return nil
    }
  }

  /// `article(_:)` is the article with this ordinal, its block decoded on first use.
  func article(_ ordinal: Int) -> Article {
    precondition(ordinal >= 0 && ordinal < count, "article ordinal out of range")
    let b = ordinal / Self.blockSize
    return blocks[b].articles.withLock { known in
      let list = known ?? decodeBlock(b)
      known = list
      return list[ordinal - b * Self.blockSize]
    }
  }

  /// `head(_:)` is the first fields of an article's record, read without decoding the rest
  /// (from its block when that is decoded already).
  func head(_ ordinal: Int) -> ArticleHead {
    precondition(ordinal >= 0 && ordinal < count, "article ordinal out of range")
    let b = ordinal / Self.blockSize
    if let decoded = blocks[b].articles.withLock({ $0?[ordinal - b * Self.blockSize] }) { return ArticleHead(decoded) }
    guard let strings = strings.value else { return ArticleHead(Self.unreadable(ordinal)) }
    var reader = self.reader(ordinal, strings)
    guard let head = try? reader.head() else { return ArticleHead(Self.unreadable(ordinal)) }
    return ArticleHead(id: head.id, date: head.date, source: head.source, author: head.author)
  }

  /// How many blocks of articles have been decoded, of all.
  var decodedBlocks: (decoded: Int, of: Int) {
    (blocks.reduce(0) { $0 + ($1.articles.withLock { $0 != nil } ? 1 : 0) }, blocks.count)
  }

  private func decodeBlock(_ b: Int) -> [Article] {
    let range = (b * Self.blockSize)..<min(count, (b + 1) * Self.blockSize)
    guard let strings = strings.value else { return range.map(Self.unreadable) }
    return range.map { i in
      var reader = self.reader(i, strings)
      do throws(SnapshotError) {
        let article = try reader.article()
        try reader.r.expectEnd()
        return article
      } catch {
        return Self.unreadable(i)
      }
    }
  }

  private func reader(_ ordinal: Int, _ strings: [String]) -> ArticleReader {
    let record = UnsafeRawBufferPointer(rebasing: records[Int(offsets[ordinal])..<Int(offsets[ordinal + 1])])
    return ArticleReader(r: SnapshotReader(record, section: ArticleStore.Tag.articles), strings: strings)
  }

  /// What stands for a record that does not decode.
  static func unreadable(_ ordinal: Int) -> Article {
    Article(id: "(unreadable record \(ordinal + 1))", body: "")
  }
}
