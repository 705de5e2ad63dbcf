import Testing
import TinqSupport

/// `Column`: an array read in place, owned or borrowed from a mapping, sliced without copying.
@Suite struct ColumnTests {
  @Test(arguments: [[UInt32](), [7], [1, 2, 3, 4, 5]])
  func anOwnedColumnReadsAsItsArray(values: [UInt32]) {
    let column = Column(values)
    #expect(Array(column) == values)
    #expect(column.count == values.count)
    #expect(column.withUnsafeBufferPointer { Array($0) } == values)
    #expect(column == Column(values))
  }

  @Test func aSliceKeepsTheColumnsIndicesAndSharesItsMemory() {
    let column = Column<UInt8>([10, 20, 30, 40, 50])
    let slice = column[1..<4]
    #expect(slice.startIndex == 1 && slice.endIndex == 4)
    #expect(slice[2] == 30)
    #expect(Array(slice) == [20, 30, 40])
    #expect(slice.withUnsafeBufferPointer { Array($0) } == [20, 30, 40])
    #expect(slice == Column([20, 30, 40]))
    #expect(slice != column[0..<3])
    #expect(column[2..<2].isEmpty)
  }

  /// A mapped column reads memory its owner keeps alive, after the caller's own references go.
  @Test func aMappedColumnKeepsItsOwnerAlive() {
    final class Owner: @unchecked Sendable {
      let pointer = UnsafeMutablePointer<UInt16>.allocate(capacity: 3)
      init() { pointer.initialize(from: [3, 1, 4], count: 3) }
      deinit { pointer.deallocate() }
    }
    var column: Column<UInt16>?
    do {
      let owner = Owner()
      column = Column(mapped: owner.pointer, count: 3, owner: owner)
    }
    #expect(column.map(Array.init) == [3, 1, 4])
  }
}

/// `ChunkedChecksum`: fed in any pieces, or computed over ranges across the cores, the same value.
@Suite struct ChunkedChecksumTests {
  @Test func piecesWholeAndParallelAgree() {
    var rng = SplitMix64(seed: 7)
    let size = ChunkedChecksum.chunkSize * 2 + 12_345
    let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
    bytes.withUnsafeBytes { all in
      let whole = ChunkedChecksum.of(all)
      var pieces = ChunkedChecksum()
      var at = 0
      for step in [1, 31, 4_096, ChunkedChecksum.chunkSize - 4_128, 3 * 1 << 20, Int.max] where at < size {
        let end = step == Int.max ? size : min(size, at + step)
        pieces.update(UnsafeRawBufferPointer(rebasing: all[at..<end]))
        at = end
      }
      #expect(pieces.finish() == whole)
      let short = UnsafeRawBufferPointer(rebasing: all[0..<100])
      let empty = UnsafeRawBufferPointer(rebasing: all[0..<0])
      #expect(ChunkedChecksum.of([all, short, empty]) == [whole, ChunkedChecksum.of(short), ChunkedChecksum.of(empty)])
      // A byte changed anywhere changes it.
      var changed = bytes
      changed[ChunkedChecksum.chunkSize + 5] ^= 1
      #expect(changed.withUnsafeBytes { ChunkedChecksum.of($0) } != whole)
    }
  }
}
