import TinqSupport

extension PieceTable {
  /// `byFrequency(_:)` numbers the pieces again, the most frequent in `parts`' bodies first
  /// (ties keep their order), and encodes the bodies again with the new numbers. A piece number
  /// below 128 takes one byte, so a build that numbered pieces as it first met them, across
  /// several workers, pays two bytes for many common pieces: on the synthetic corpus this makes
  /// the bodies about an eighth smaller. Segments are encoded again a few at a time, each
  /// replacing its old bytes, so the build's peak holds one copy of the bodies.
  func byFrequency(_ parts: inout [FullTextIndex.Builder.Part]) -> PieceTable {
    let pieceCount = count
    guard pieceCount > 128, !parts.isEmpty else { return self }
    let counts = Self.counts(parts.map(\.2), pieces: pieceCount)
    let order = (0..<pieceCount).sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
    var renumbered = [UInt32](repeating: 0, count: pieceCount)
    var arena: [UInt8] = []
    arena.reserveCapacity(self.arena.count)
    var offsets: [UInt32] = [0]
    offsets.reserveCapacity(pieceCount + 1)
    var shapes: [PieceShape] = []
    shapes.reserveCapacity(pieceCount)
    for (new, old) in order.enumerated() {
      renumbered[old] = UInt32(new)
      arena.append(contentsOf: self.arena[Int(self.offsets[old])..<Int(self.offsets[old + 1])])
      offsets.append(UInt32(arena.count))
      shapes.append(self.shapes[old])
    }
    let map = renumbered
    var s = 0
    while s < parts.count {
      let batch = s..<min(parts.count, s + max(1, Parallel.cores))
      let taken = parts[batch].map { ($0.2, $0.3) }
      let done = Parallel.map(taken.count) { k in Self.encode(taken[k].0, starts: taken[k].1, numbers: map) }
      for (k, (bytes, starts)) in done.enumerated() {
        parts[batch.lowerBound + k].2 = bytes
        parts[batch.lowerBound + k].3 = starts
      }
      s = batch.upperBound
      // The old bodies' pages go back every few batches, as the build's own do, so that the
      // new bodies do not stand beside all of them.
      if (s / batch.count) % 8 == 0 { Memory.releaseFree() }
    }
    return PieceTable(arena: arena, offsets: offsets, shapes: shapes)
  }

  /// `counts(_:pieces:)` is how often each piece stands in `bodies`.
  private static func counts(_ bodies: [Column<UInt8>], pieces pieceCount: Int) -> [UInt64] {
    let workers = Parallel.workers(for: bodies.count, unit: 1, items: bodies.count)
    let counted = Parallel.map(workers) { w -> [UInt64] in
      var counts = [UInt64](repeating: 0, count: pieceCount)
      for s in (bodies.count * w / workers)..<(bodies.count * (w + 1) / workers) {
        bodies[s].withUnsafeBufferPointer { p in
          guard let base = p.baseAddress else { return }
          var i = 0
          while i < p.count {
            let id = Int(VarInt.read(base, &i, p.count))
            if id < pieceCount { counts[id] += 1 }
          }
        }
      }
      return counts
    }
    var counts = [UInt64](repeating: 0, count: pieceCount)
    for part in counted { for i in 0..<pieceCount { counts[i] += part[i] } }
    return counts
  }

  /// `encode(_:starts:numbers:)` is one segment's bodies with every piece number `n` written as
  /// `numbers[n]`, and where each article's body now starts.
  private static func encode(_ bytes: Column<UInt8>, starts: [UInt32], numbers: [UInt32]) -> (Column<UInt8>, [UInt32]) {
    var out = ByteRun()
    defer { out.free() }
    out.reserve(bytes.count)
    var newStarts: [UInt32] = []
    newStarts.reserveCapacity(starts.count)
    bytes.withUnsafeBufferPointer { p in
      numbers.withUnsafeBufferPointer { map in
        guard let base = p.baseAddress, let table = map.baseAddress else {
          newStarts = starts.map { _ in 0 }
          return
        }
        let limit = UInt32(map.count)
        for a in starts.indices {
          newStarts.append(UInt32(out.count))
          var i = min(Int(starts[a]), p.count)
          let end = a + 1 < starts.count ? min(max(i, Int(starts[a + 1])), p.count) : p.count
          while i < end {
            let id = VarInt.read(base, &i, end)
            let new = id < limit ? table[Int(id)] : id
            if new < 0x80, out.count < out.capacity {
              out.appendByte(UInt8(truncatingIfNeeded: new))
            } else {
              out.append(new)
            }
          }
        }
      }
    }
    return (Column(copying: out.bytes), newStarts)
  }
}
