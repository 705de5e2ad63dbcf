import Testing
import TinqSupport

/// `BoundedHeap` keeps exactly the first `capacity` elements in its order, whatever the input.
@Suite struct BoundedHeapTests {
  @Test(arguments: [0, 1, 3, 10, 100, 1_000])
  func keepsTheFirstInOrder(capacity: Int) {
    var rng = SplitMix64(seed: UInt64(capacity) + 7)
    let input = (0..<500).map { _ in Int(rng.next() % 50) }
    // Ties are broken by position, as the callers' orders are total.
    let order: (Int, Int) -> Bool = { a, b in input[a] != input[b] ? input[a] < input[b] : a < b }
    var heap = BoundedHeap<Int>(capacity: capacity, before: order)
    for i in input.indices { heap.offer(i) }
    #expect(heap.sorted() == Array(input.indices.sorted(by: order).prefix(capacity)))
  }
}
