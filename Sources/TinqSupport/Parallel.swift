import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `Parallel` runs independent pieces of work on every core and collects their results in order.
public enum Parallel {
  /// `map(_:_:)` calls `transform` for each index in `0..<count`, concurrently, and returns the
  /// results in index order.
  public static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(transform(i), at: i) }
    return slots.collect()
  }

  /// The number of cores this process may use.
  public static let cores: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// `workers(for:unit:items:)` is how many workers `work` is worth, one per `unit` of it at
  /// most, never more than the cores or the `items` it divides into, and at least one.
  public static func workers(for work: Int, unit: Int, items: Int) -> Int {
    max(1, min(cores, items, work / max(unit, 1)))
  }
}

/// `Reusable` keeps resources that a worker holds for one job and hands back (a cache, a scratch
/// set), so that each warms up once per worker instead of once per job. One worker at a time
/// holds a resource; only taking and giving back take the lock.
public final class Reusable<Resource: Sendable>: Sendable {
  private let idle = Mutex<[Resource]>([])
  private let make: @Sendable () -> Resource

  /// `init(_:)` makes resources with `make` when none is idle.
  public init(_ make: @escaping @Sendable () -> Resource) { self.make = make }

  /// `take()` returns an idle resource, or a new one.
  public func take() -> Resource { idle.withLock { $0.popLast() } ?? make() }

  /// `give(_:)` hands a resource back for the next job.
  public func give(_ resource: Resource) { idle.withLock { $0.append(resource) } }
}

/// Write-once result slots: each index is written by exactly one worker and read only after
/// `concurrentPerform` has returned, which orders every write before the reads. The slots are a
/// raw allocation, not an array: `Array.withUnsafeMutableBufferPointer` briefly swaps the array
/// out, which two workers must never do at once.
private final class Slots<T: Sendable>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<T?>
  private let count: Int

  init(count: Int) {
    self.count = count
    base = UnsafeMutablePointer<T?>.allocate(capacity: count)
    base.initialize(repeating: nil, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func store(_ value: T, at i: Int) { base[i] = value }

  func collect() -> [T] { (0..<count).compactMap { base[$0] } }
}
