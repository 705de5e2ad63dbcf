/// `BoundedHeap` keeps the first `capacity` elements offered to it in the order `before` gives
/// (`before(x, y)`: x comes first), holding no more than that: the top of a `limit`, chosen from
/// many without sorting them all. Its root is the last of those kept, so most offers cost one
/// comparison.
public struct BoundedHeap<Element> {
  public let capacity: Int
  @usableFromInline let before: (Element, Element) -> Bool
  @usableFromInline var items: [Element] = []

  @inlinable
  public init(capacity: Int, before: @escaping (Element, Element) -> Bool) {
    self.capacity = max(0, capacity)
    self.before = before
    items.reserveCapacity(min(self.capacity, 1 << 16) + 1)
  }

  /// `offer(_:)` keeps `x` when it comes before the last of those kept (or there is room).
  @inlinable
  public mutating func offer(_ x: Element) {
    guard capacity > 0 else { return }
    if items.count < capacity {
      items.append(x)
      var c = items.count - 1
      while c > 0, before(items[(c - 1) / 2], items[c]) {
        items.swapAt(c, (c - 1) / 2)
        c = (c - 1) / 2
      }
    } else if let last = items.first, before(x, last) {
      items[0] = x
      var p = 0
      while true {
        let l = 2 * p + 1
        let r = l + 1
        var worst = p
        if l < items.count, before(items[worst], items[l]) { worst = l }
        if r < items.count, before(items[worst], items[r]) { worst = r }
        if worst == p { return }
        items.swapAt(p, worst)
        p = worst
      }
    }
  }

  /// The last of the elements kept once there are `capacity` of them (nil before): what an offer
  /// must come before to be kept.
  @inlinable
  public var lastKept: Element? { items.count == capacity ? items.first : nil }

  /// The elements kept, in order.
  @inlinable
  public func sorted() -> [Element] { items.sorted(by: before) }
}
